import { recognition } from './service';

/** `node dist/seed-cli.js`: migrates (the default reward policy) and reports what is there. */
recognition.seedMain();
