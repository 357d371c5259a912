import { generateRegency } from '@kinerja/demo-regency';
import { createLogger, loadSubgraphConfig, migrate } from '@kinerja/subgraph-kit';
import { createCompetencyDataSource } from './server';
import { isEmpty, seedCompetency } from './seed';

/** `node dist/seed-cli.js`: migrates, then seeds the demo regency's learning when the database is empty. */
async function main() {
  const config = loadSubgraphConfig({ port: 4003, database: 'kinerja_competency' });
  const log = createLogger('competency-seed', config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const ds = createCompetencyDataSource(config.DATABASE_URL, log);
  await ds.initialize();
  try {
    await migrate(ds);
    if (!(await isEmpty(ds))) {
      process.stdout.write('competency: data present, not seeding\n');
      return;
    }
    const regency = generateRegency({ employees: Number(process.env.SEED_EMPLOYEES ?? 2400) });
    const done = await seedCompetency(ds, regency, (n, total) => process.stdout.write(`competency: seeded ${n}/${total} enrollments\n`));
    process.stdout.write(`competency: seeded ${done.activities} learning activities\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`competency seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
