import { competency } from './service';

/** `node dist/seed-cli.js`: migrates, then seeds the demo regency's learning when the database is empty. */
competency.seedMain();
