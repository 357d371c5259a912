// CPU time per process group while a benchmark runs (Linux /proc): where a saturated machine's two
// cores went. Groups: PostgreSQL backends by database, the Kafka broker, each bench service, the rest.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ on Linux

function processes() {
  const out = new Map();
  let pids;
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      out.set(pid, { ticks, cmd });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function group(cmd) {
  // Backend titles: "postgres: [15/main: ]<user> <database> <client> <activity>".
  const pg = cmd.match(/^postgres: (?:\S+: )?\S+ (\S+) \S+/);
  if (pg && !/^(checkpointer|background|walwriter|autovacuum|logical|archiver|stats)/.test(cmd.replace(/^postgres: (?:\S+: )?/, ''))) return `postgres ${pg[1].replace(/^kinerja_bench_/, '')}`;
  if (cmd.startsWith('postgres:') || cmd.includes('/bin/postgres')) return 'postgres (server processes)';
  if (cmd.includes('kafka.Kafka') || cmd.includes('kafka-server') || (cmd.includes('java') && cmd.includes('kafka'))) return 'kafka broker';
  const svc = cmd.match(/services\/(\w+)\/dist\/main\.js/);
  if (svc) return `node ${svc[1]}`;
  if (cmd.includes('bench/run.mjs')) return 'bench (load, pollers)';
  if (cmd.includes('hive-gateway.mjs')) return 'node hive-gateway';
  return 'other';
}

/** Starts counting; `stop()` returns CPU seconds per group (largest first) and the total. */
export function cpuAccount() {
  const before = processes();
  const t0 = performance.now();
  return {
    stop() {
      const after = processes();
      const seconds = (performance.now() - t0) / 1000;
      const groups = new Map();
      for (const [pid, { ticks, cmd }] of after) {
        const used = ticks - (before.get(pid)?.ticks ?? 0);
        if (used <= 0) continue;
        const g = group(cmd);
        groups.set(g, (groups.get(g) ?? 0) + used / TICKS);
      }
      const list = [...groups].sort((a, b) => b[1] - a[1]).map(([name, cpu]) => ({ name, cpuSeconds: Math.round(cpu * 100) / 100 }));
      const total = list.reduce((s, g) => s + g.cpuSeconds, 0);
      return { wallSeconds: Math.round(seconds * 100) / 100, cpuSeconds: Math.round(total * 100) / 100, groups: list };
    },
  };
}
