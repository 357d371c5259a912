import { generateRegency } from '@kinerja/demo-regency';
import { createLogger, loadSubgraphConfig, migrate } from '@kinerja/subgraph-kit';
import { createGoalsDataSource } from './server';
import { isEmpty, seedGoals } from './seed';

/** `node dist/seed-cli.js`: migrates, then seeds demo plans when the database is empty. */
async function main() {
  const config = loadSubgraphConfig({ port: 4002, database: 'kinerja_goals' });
  const log = createLogger('goals-seed', config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const ds = createGoalsDataSource(config.DATABASE_URL, log);
  await ds.initialize();
  try {
    await migrate(ds);
    if (!(await isEmpty(ds))) {
      process.stdout.write('goals: data present, not seeding\n');
      return;
    }
    const regency = generateRegency({ employees: Number(process.env.SEED_EMPLOYEES ?? 2400) });
    const year = Number(process.env.SEED_YEAR ?? 2026);
    await seedGoals(ds, regency, (stage, done, total) => process.stdout.write(`goals: seeded ${done}/${total} ${stage}\n`), { year });
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`goals seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
