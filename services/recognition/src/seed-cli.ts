import { createLogger, loadSubgraphConfig, migrate } from '@kinerja/subgraph-kit';
import { createRecognitionDataSource } from './server';

/**
 * `node dist/seed-cli.js`: migrates, which installs the default reward policy (version 1, effective
 * 2020-01-01). Decisions are not seeded: they come from consuming the seeded evaluation events.
 */
async function main() {
  const config = loadSubgraphConfig({ port: 4005, database: 'kinerja_recognition' });
  const log = createLogger('recognition-seed', config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const ds = createRecognitionDataSource(config.DATABASE_URL, log);
  await ds.initialize();
  try {
    await migrate(ds);
    const [row] = (await ds.query('SELECT count(*)::int AS policies, (SELECT count(*)::int FROM reward_decision) AS decisions FROM reward_policy')) as Array<{ policies: number; decisions: number }>;
    process.stdout.write(`recognition: ${row?.policies ?? 0} reward polic${row?.policies === 1 ? 'y' : 'ies'}, ${row?.decisions ?? 0} decisions; decisions come from evaluation.completed events\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`recognition seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
