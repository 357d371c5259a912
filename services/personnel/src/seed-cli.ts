import { generateRegency } from '@kinerja/demo-regency';
import { createLogger, loadSubgraphConfig, migrate } from '@kinerja/subgraph-kit';
import { createPersonnelDataSource } from './server';
import { isEmpty, seedPersonnel } from './seed';

/** `node dist/seed-cli.js`: migrates, then seeds the demo regency when the database is empty. */
async function main() {
  const config = loadSubgraphConfig({ port: 4001, database: 'kinerja_personnel' });
  const log = createLogger('personnel-seed', config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const ds = createPersonnelDataSource(config.DATABASE_URL, log);
  await ds.initialize();
  try {
    await migrate(ds);
    if (!(await isEmpty(ds))) {
      process.stdout.write('personnel: data present, not seeding\n');
      return;
    }
    const employees = Number(process.env.SEED_EMPLOYEES ?? 2400);
    const regency = generateRegency({ employees });
    await seedPersonnel(ds, regency, (done, total) => process.stdout.write(`personnel: seeded ${done}/${total} employees\n`));
  } finally {
    await ds.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`personnel seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
