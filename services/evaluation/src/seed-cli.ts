import { generateRegency } from '@kinerja/demo-regency';
import { createLogger, loadSubgraphConfig, migrate } from '@kinerja/subgraph-kit';
import { createEvaluationDataSource } from './server';
import { isEmpty, seedEvaluation } from './seed';

/** `node dist/seed-cli.js`: migrates, then seeds the demo regency's evaluations when the database is empty. */
async function main() {
  const config = loadSubgraphConfig({ port: 4004, database: 'kinerja_evaluation' });
  const log = createLogger('evaluation-seed', config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const ds = createEvaluationDataSource(config.DATABASE_URL, log);
  await ds.initialize();
  try {
    await migrate(ds);
    if (!(await isEmpty(ds))) {
      process.stdout.write('evaluation: data present, not seeding\n');
      return;
    }
    const regency = generateRegency({ employees: Number(process.env.SEED_EMPLOYEES ?? 2400) });
    const seeded = await seedEvaluation(ds, regency, (done, total, what) => process.stdout.write(`evaluation: seeded ${done}/${total} ${what}\n`));
    process.stdout.write(`evaluation: ${seeded.evaluations} evaluations, ${seeded.feedback} feedback, ${seeded.organizationPredicates} organisation predicates for 2025, ${seeded.events} evaluation.completed events waiting for the relay\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`evaluation seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
