// Benchmarks 1 and 2: the unit dashboard through our gateway and Hive Gateway; SQL per request.
import { DASHBOARD, dashboardVariables, graphql, sameData, SEARCH } from './graph.mjs';
import { load, round } from './load.mjs';
import { SERVICES } from './stack.mjs';

/** Waits until recognition decided every completed evaluation, so every answer is complete. */
export async function settle(stack, withClient, say, timeoutMs = 1_800_000) {
  const started = Date.now();
  const completed = await withClient(stack.dbUrls.evaluation, async (c) => Number((await c.query(`SELECT count(*) AS n FROM evaluation WHERE status = 'COMPLETED'`)).rows[0].n));
  let last = -1;
  let lastSay = 0;
  for (;;) {
    // Decided, and recognition's own reward.decided events published: nothing left running in the background.
    const [decided, pending] = await withClient(stack.dbUrls.recognition, async (c) => {
      const row = (await c.query('SELECT (SELECT count(*) FROM reward_decision) AS n, (SELECT count(*) FROM outbox WHERE sent_at IS NULL) AS pending')).rows[0];
      return [Number(row.n), Number(row.pending)];
    });
    if (decided >= completed && pending === 0) {
      const seconds = (Date.now() - started) / 1000;
      return { completed, seconds, waited: last >= 0 && last < completed };
    }
    if (Date.now() - lastSay > 5000) {
      say(`  recognition: ${decided.toLocaleString('en')}/${completed.toLocaleString('en')} completed evaluations decided ...`);
      lastSay = Date.now();
    }
    last = decided;
    if (Date.now() - started > timeoutMs) throw new Error(`recognition decided ${decided} of ${completed} evaluations within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Benchmark 1: requests/s and p50/p99 of the dashboard for both gateways at several concurrencies. */
export async function gatewayBench({ stack, token, concurrencies, seconds, warmup, say }) {
  const variables = dashboardVariables(50);
  const ours = await graphql(stack.gatewayUrl, DASHBOARD, variables, token);
  for (const url of [stack.hiveUrl, stack.hiveShippedUrl]) {
    const difference = sameData(ours, await graphql(url, DASHBOARD, variables, token));
    if (difference) throw new Error(`the gateways answer the dashboard differently: ${difference}`);
  }
  const urls = { apollo: stack.gatewayUrl, hive: stack.hiveUrl, hiveShipped: stack.hiveShippedUrl };
  const rows = [];
  for (const connections of concurrencies) {
    // Alternate which gateway goes first, so a drifting machine does not favour one.
    const order = rows.length % 2 === 0 ? ['apollo', 'hive', 'hiveShipped'] : ['hiveShipped', 'hive', 'apollo'];
    const row = { connections };
    for (const name of order) {
      const url = urls[name];
      row[name] = await load({ url, query: DASHBOARD, variables, token, connections, seconds, warmup });
      say(`  ${name.padEnd(11)} c=${String(connections).padEnd(3)} ${String(row[name].rps).padStart(7)} req/s  p50 ${row[name].p50} ms  p99 ${row[name].p99} ms${row[name].errors ? `  ERRORS ${row[name].errors}: ${row[name].firstError}` : ''}`);
    }
    row.ratio = round(row.apollo.rps / row.hive.rps, 2);
    row.ratioShipped = round(row.apollo.rps / row.hiveShipped.rps, 2);
    say(`  ratio ours/Hive at c=${connections}: ${row.ratio} (against Hive as shipped, deduplicating identical in-flight subgraph queries: ${row.ratioShipped})`);
    rows.push(row);
  }
  const ratios = rows.map((r) => r.ratio);
  return {
    query: DASHBOARD,
    variables,
    employeesOnPage: ours.organizationUnit.employees.edges.length,
    rows,
    ratioGeomean: round(Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length), 2),
    ratioMin: Math.min(...ratios),
  };
}

/** Counters that stopped moving: nothing from an earlier benchmark is still running. */
async function quietCounts(stack) {
  let before = await sqlCounts(stack);
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await sqlCounts(stack);
    if (SERVICES.every((s) => now[s] === before[s])) return now;
    before = now;
  }
  return before;
}

async function sqlCounts(stack) {
  const out = {};
  for (const s of SERVICES) {
    const text = await (await fetch(stack.metricsUrl(s))).text();
    out[s] = Number(/kinerja_sql_statements_total\{[^}]*\} (\d+)/.exec(text)?.[1] ?? NaN);
  }
  return out;
}

/** Benchmark 2: SQL statements per dashboard request, per subgraph, at page sizes 5, 50 and 200. */
export async function sqlBench({ stack, token, pageSizes = [5, 50, 200], repeat = 3, say }) {
  const rows = [];
  for (const first of pageSizes) {
    const variables = dashboardVariables(first);
    const data = await graphql(stack.gatewayUrl, DASHBOARD, variables, token); // warm: the first request also loads caches
    const before = await quietCounts(stack);
    for (let i = 0; i < repeat; i++) await graphql(stack.gatewayUrl, DASHBOARD, variables, token);
    const after = await sqlCounts(stack);
    const perSubgraph = Object.fromEntries(SERVICES.map((s) => [s, round((after[s] - before[s]) / repeat, 2)]));
    const total = round(Object.values(perSubgraph).reduce((a, b) => a + b, 0), 2);
    rows.push({ pageSize: first, employees: data.organizationUnit.employees.edges.length, perSubgraph, total });
    say(`  page ${String(first).padEnd(3)} (${data.organizationUnit.employees.edges.length} employees): ${SERVICES.map((s) => `${s} ${perSubgraph[s]}`).join(', ')}; total ${total}`);
  }
  const constant = rows.every((r) => SERVICES.every((s) => r.perSubgraph[s] === rows[0].perSubgraph[s]));
  return { rows, constant };
}

/** The dashboard (ours, one concurrency) and the employees(search:) lookup: the scale benchmark's probe. */
export async function scaleProbe({ stack, token, connections, seconds, warmup, say, label }) {
  const variables = dashboardVariables(50);
  const search = { search: 'sari' };
  await graphql(stack.gatewayUrl, DASHBOARD, variables, token);
  const found = await graphql(stack.gatewayUrl, SEARCH, search, token);
  const dashboard = await load({ url: stack.gatewayUrl, query: DASHBOARD, variables, token, connections, seconds, warmup });
  const lookup = await load({ url: stack.gatewayUrl, query: SEARCH, variables: search, token, connections, seconds, warmup });
  say(`  ${label}: dashboard c=${connections} ${dashboard.rps} req/s p50 ${dashboard.p50} ms p99 ${dashboard.p99} ms; employees(search: "sari") (${found.employees.totalCount} matches) ${lookup.rps} req/s p50 ${lookup.p50} ms p99 ${lookup.p99} ms`);
  return { dashboard, search: { ...lookup, term: search.search, matches: found.employees.totalCount } };
}
