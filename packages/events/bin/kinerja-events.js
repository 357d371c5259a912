#!/usr/bin/env node
// The `kinerja-events` bin. It is a committed file (not dist/cli.js) so that `npm ci` links it on a
// fresh clone before anything is built; it runs the built CLI (EVENTS.md, "For analysts").
const { existsSync } = require('node:fs');
const path = require('node:path');

const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('kinerja-events: not built yet; run `npm run build` (or `npm start`) at the repository root first\n');
  process.exit(1);
}
require(cli);
