// autocannon against a GraphQL endpoint: one POST body, bounded in time, answers checked.
import os from 'node:os';
import { requireFromRoot } from './stack.mjs';

const autocannon = requireFromRoot('autocannon');

/**
 * Runs `seconds` of load at `connections` concurrent connections (after `warmup` seconds unrecorded)
 * and returns requests/s and latency percentiles. Every response body is checked for GraphQL errors:
 * a benchmark of failing requests is no benchmark.
 */
export async function load({ url, query, variables, token, connections, seconds, warmup = 2 }) {
  const body = JSON.stringify({ query, variables });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const common = { url, method: 'POST', headers, body, connections, pipelining: 1, timeout: 30 };
  if (warmup > 0) {
    await run({ ...common, duration: warmup });
    await drained(url, headers, body);
  }
  let bad = 0;
  let firstBad = null;
  const result = await run({
    ...common,
    duration: seconds,
    setupClient(client) {
      client.on('body', (buf) => {
        // Cheap check: an errors key in a GraphQL response means the request failed.
        if (buf.includes('"errors"')) {
          bad += 1;
          firstBad ??= buf.toString('utf8').slice(0, 300);
        }
      });
    },
  });
  // autocannon stops waiting, not the server: let the requests still in flight finish before the next run.
  await drained(url, headers, body);
  return {
    connections,
    seconds,
    requests: result.requests.total,
    rps: round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx + bad,
    firstError: firstBad,
    load1: round(os.loadavg()[0]),
  };
}

/** One request queued behind whatever is still in flight; when it answers, the backlog is gone. */
async function drained(url, headers, body) {
  await fetch(url, { method: 'POST', headers, body }).then((r) => r.text()).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 300));
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
