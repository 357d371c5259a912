import { evaluation } from './service';

/** `node dist/seed-cli.js`: migrates, then seeds the demo regency's evaluations when the database is empty. */
evaluation.seedMain();
