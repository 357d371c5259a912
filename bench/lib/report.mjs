// bench/results/summary.md: the machine, each figure against its target (bench/results), and the details.
import { writeFileSync } from 'node:fs';

const round2 = (x) => Math.round(x * 100) / 100;
const ok = (pass) => (pass === null ? '–' : pass ? 'yes' : '**no**');

/** Rows of "figure | value | target | met". */
export function targets(r) {
  const rows = [];
  if (r.gateway) {
    for (const row of r.gateway.rows) {
      rows.push([`Dashboard req/s, ours vs Hive Gateway (c=${row.connections})`, `${row.apollo.rps} vs ${row.hive.rps} = **${row.ratio}** (vs Hive as shipped, deduplicating: ${row.hiveShipped.rps} = ${row.ratioShipped})`, 'ratio ≥ 1.0', ok(row.ratio >= 1)]);
    }
    const mid = r.gateway.rows.find((x) => x.connections === 10) ?? r.gateway.rows[0];
    rows.push([`Dashboard p50 / p99 at c=${mid.connections}, ours (Hive)`, `${mid.apollo.p50} / ${mid.apollo.p99} ms (${mid.hive.p50} / ${mid.hive.p99} ms)`, '', '–']);
  }
  if (r.sql) {
    const text = r.sql.rows.map((x) => `${x.pageSize}: ${x.total}`).join(', ');
    rows.push(['SQL statements per dashboard request (page size: total)', text, 'same at 5, 50, 200', ok(r.sql.constant)]);
  }
  if (r.reward) {
    const b = r.reward.burst;
    const rounds = (list) => (list && list.length > 1 ? ` (rounds: ${list.join(', ')})` : '');
    rows.push([`Reward burst: ${b.evaluations.toLocaleString('en')} evaluations, decisions/s end to end, median`, `**${b.decisionsPerSecond}**${rounds(b.rounds)}`, '≥ 1,000', ok(b.decisionsPerSecond >= 1000)]);
    rows.push(['Raw kafkajs produce+consume, same broker (msg/s), median', `${r.reward.raw.perSecond}${rounds(r.reward.raw.rounds)}`, 'ceiling', '–']);
    rows.push(['Decisions/s ÷ raw Kafka (medians)', `**${r.reward.ratioToRaw}**${r.reward.roundRatios ? ` (per round: ${r.reward.roundRatios.join(', ')}; to the best raw round: ${r.reward.ratioToBestRaw})` : ''}`, '≥ 0.30', ok(r.reward.ratioToRaw >= 0.3)]);
    rows.push(['Completion → decision, at rest (through the gateway) p50 / p99', `${r.reward.atRest.p50} / **${r.reward.atRest.p99}** ms`, 'p99 < 1 s', ok(r.reward.atRest.p99 < 1000)]);
    rows.push(['Completion → decision visible, during the burst p50 / p99', `${b.latency.p50} / ${b.latency.p99} ms`, '', '–']);
  }
  if (r.scale && r.scaleBase) {
    rows.push([`Dashboard p50 at ${r.scale.employees.toLocaleString('en')} vs 2,400 employees (c=${r.scale.dashboard.connections})`, `${r.scale.dashboard.p50} vs ${r.scaleBase.dashboard.p50} ms = **${r.scale.dashboardP50Ratio}×**`, '≤ 1.5×', ok(r.scale.dashboardP50Ratio <= 1.5)]);
    rows.push([`employees(search:) p50 at ${r.scale.employees.toLocaleString('en')} vs 2,400`, `${r.scale.search.p50} vs ${r.scaleBase.search.p50} ms = ${r.scale.searchP50Ratio}×`, '', '–']);
  }
  return rows;
}

export function writeSummary(report, file, jsonName) {
  const m = report.machine;
  const r = report.results;
  const rows = targets(r);
  const table = ['| figure | measured | target | met |', '| --- | --- | --- | --- |', ...rows.map((x) => `| ${x.join(' | ')} |`)].join('\n');
  const lines = [
    '# Benchmark summary',
    '',
    `Run ${report.startedAt} (${report.mode}${report.only.length < 4 ? `, only ${report.only.join(', ')}` : ''}), ${report.minutes} min; figures in \`${jsonName}\`.`,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB memory, ${m.os}; Node ${m.node}; PostgreSQL ${m.postgres}; Kafka ${m.kafka}.`,
    `Load average at start ${m.loadAtStart.join(' / ')}, at end ${m.loadAtEnd.join(' / ')} (1/5/15 min). Everything (PostgreSQL, Kafka, five subgraphs, both gateways and the load generator) shares these cores.`,
    '',
    table,
    '',
  ];
  if (r.gateway) {
    lines.push('## 1. Unit dashboard through the gateway', '',
      `${r.gateway.employeesOnPage} employees of DISDIKBUD (with sub-units) per request, reading personnel, goals, competency, evaluation and recognition (Evaluation.rewardDecision is a third hop). Both gateways serve infra/supergraph/supergraph.graphql against the same subgraph processes; Hive Gateway verifies the JWT with the same verifier and signs x-kinerja-identity per subgraph request with the same HMAC (bench/hive-gateway.mjs). ${report.settings.seconds} s per point after ${report.settings.warmup} s warm-up, autocannon; answers checked for errors.`,
      '', 'Hive deduplicates identical in-flight subgraph queries by URL and body. The identity header is added per fetch, after that key is made, so as shipped it would hand one caller\'s subgraph answer (filtered by that caller\'s rights) to another caller: the comparison that counts runs it with `deduplicateInflightRequests: false`; "as shipped" is shown for reference (every load connection here sends the same query with the same token, which is the best case for deduplication).',
      '', '| connections | ours req/s | ours p50 / p99 ms | Hive req/s | Hive p50 / p99 ms | ratio | Hive as shipped req/s (p50 / p99 ms) | ratio |', '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...r.gateway.rows.map((x) => `| ${x.connections} | ${x.apollo.rps} | ${x.apollo.p50} / ${x.apollo.p99} | ${x.hive.rps} | ${x.hive.p50} / ${x.hive.p99} | ${x.ratio} | ${x.hiveShipped.rps} (${x.hiveShipped.p50} / ${x.hiveShipped.p99}) | ${x.ratioShipped} |`), '');
  }
  if (r.sql) {
    const services = Object.keys(r.sql.rows[0].perSubgraph);
    lines.push('## 2. SQL statements per dashboard request', '', `| page size | ${services.join(' | ')} | total |`, `| --- | ${services.map(() => '---').join(' | ')} | --- |`,
      ...r.sql.rows.map((x) => `| ${x.pageSize} (${x.employees} employees) | ${services.map((s) => x.perSubgraph[s]).join(' | ')} | ${x.total} |`), '');
  }
  if (r.reward) {
    const { atRest, raw, burst } = r.reward;
    lines.push('## 3. The reward path', '',
      `- At rest: ${atRest.n} evaluations completed one at a time through the gateway (startEvaluation, rateEvaluation, completeEvaluation), then Evaluation.rewardDecision polled every 5 ms: p50 ${atRest.p50} ms, p90 ${atRest.p90} ms, p99 ${atRest.p99} ms, max ${atRest.max} ms.`,
      `- Burst: ${burst.evaluations.toLocaleString('en')} completed annual evaluations (${burst.cycles} cycles) and their outbox rows committed in one transaction in the evaluation database; the relay published them all ${burst.relayPublishedIn} s after the commit; recognition decided all in ${burst.seconds} s: **${burst.decisionsPerSecond} decisions/s** end to end (${burst.consumerDecisionsPerSecond}/s from the first decision). Completion → decision visible (polled every ${burst.pollMs} ms): p50 ${burst.latency.p50} ms, p99 ${burst.latency.p99} ms; in recognition's own clock (decided_at − completed_at) p50 ${burst.latencyInDatabase.p50} ms, p99 ${burst.latencyInDatabase.p99} ms.`,
      `- Raw kafkajs on the same broker: ${raw.messages.toLocaleString('en')} messages of ${raw.messageBytes} B produced (idempotent, acks=-1, batches of ${raw.batch}) into ${raw.partitions} partitions while one group consumed them: ${raw.seconds} s, **${raw.perSecond} msg/s**. Ratio ${r.reward.ratioToRaw}.${raw.cpu ? ` CPU: ${raw.cpu.cpuSeconds} s in all, ${round2(raw.cpu.cpuSeconds * 1e6 / raw.messages)} µs per message (${raw.cpu.groups.filter((g) => g.cpuSeconds >= 0.02).map((g) => `${g.name} ${g.cpuSeconds} s`).join(', ')}).` : ''}`,
      ...(burst.cpu ? [`- Where the CPU went during the median burst (/proc, ${burst.cpu.wallSeconds} s wall on ${report.machine.cores} cores = ${round2(burst.cpu.wallSeconds * report.machine.cores)} core-seconds): ${burst.cpu.cpuSeconds} CPU-seconds in all, ${round2(burst.cpu.cpuSeconds * 1e6 / burst.evaluations)} µs per decision — ${burst.cpu.groups.filter((g) => g.cpuSeconds >= 0.02).map((g) => `${g.name} ${g.cpuSeconds} s`).join(', ')}.`] : []),
      ...(raw.rounds ? [`- Side by side: after one unreported warm-up of each, ${raw.rounds.length} rounds of a raw run then a burst (each burst in its own cycle years). Raw msg/s per round ${raw.rounds.join(', ')} (median ${raw.median}, best ${raw.best}); decisions/s per round ${burst.rounds.join(', ')} (median ${burst.median}); the figures above are each median round. Ratio of the medians ${r.reward.ratioToRaw}; per round ${r.reward.roundRatios.join(', ')}; median decisions/s to the best raw round ${r.reward.ratioToBestRaw}.`] : []),
      '');
  }
  if (r.scale) {
    const s = r.scale;
    lines.push('## 4. Scale', '',
      `${s.employees.toLocaleString('en')} employees with plans, enrollments and evaluations (${s.seeded ? `seeded this run: ${Object.entries(s.seedSeconds).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(', ')}` : 'kept from an earlier run'}); recognition decided the ${s.backlog.events.toLocaleString('en')} seeded evaluations ${s.backlog.fresh ? `within ${s.backlog.decidedWithinSeconds} s of starting` : '(already decided)'}.`,
      '', '| | 2,400 employees | ' + `${s.employees.toLocaleString('en')} employees | ratio |`, '| --- | --- | --- | --- |',
      ...(r.scaleBase ? [
        `| dashboard (ours, c=${s.dashboard.connections}) req/s | ${r.scaleBase.dashboard.rps} | ${s.dashboard.rps} | ${s.dashboardRpsRatio} |`,
        `| dashboard p50 / p99 ms | ${r.scaleBase.dashboard.p50} / ${r.scaleBase.dashboard.p99} | ${s.dashboard.p50} / ${s.dashboard.p99} | ${s.dashboardP50Ratio} (p50) |`,
        `| employees(search: "${s.search.term}") p50 / p99 ms | ${r.scaleBase.search.p50} / ${r.scaleBase.search.p99} (${r.scaleBase.search.matches} matches) | ${s.search.p50} / ${s.search.p99} (${s.search.matches} matches) | ${s.searchP50Ratio} (p50) |`,
      ] : []), '');
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { table };
}
