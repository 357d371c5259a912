import { goals } from './service';

/** `node dist/seed-cli.js`: migrates, then seeds demo plans when the database is empty. */
goals.seedMain();
