import { personnel } from './service';

/** `node dist/seed-cli.js`: migrates, then seeds the demo regency when the database is empty. */
personnel.seedMain();
