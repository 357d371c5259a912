#!/usr/bin/env node
// The web workspace's `npm test`: unit tests (vitest + Testing Library, jsdom) then the end-to-end
// tests (real Chromium against the real platform). Totals go to .data/test-results/ like the jest
// workspaces', so the root `npm test` counts them. Installs nothing.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.join(WEB, '..', '..');
const RESULTS = path.join(ROOT, '.data', 'test-results');
const started = Date.now();

function vitest(args, out) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args], { cwd: WEB, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function totals(file) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numFailedTestSuites ?? 0), skipped: r.numPendingTests + (r.numTodoTests ?? 0), suites: r.numTotalTestSuites };
  } catch {
    return { passed: 0, failed: 1, skipped: 0, suites: 0 };
  }
}

const tmp = path.join(WEB, '.data');
mkdirSync(tmp, { recursive: true });
const unitFile = path.join(tmp, 'unit.json');
const e2eFile = path.join(tmp, 'e2e.json');
rmSync(unitFile, { force: true });
rmSync(e2eFile, { force: true });
const unitCode = await vitest([], unitFile);
const e2eCode = await vitest(['--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], e2eFile);
const u = totals(unitFile);
const e = totals(e2eFile);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(path.join(RESULTS, 'services_web.json'), JSON.stringify({
  workspace: 'services_web', passed: u.passed + e.passed, failed: u.failed + e.failed, skipped: u.skipped + e.skipped,
  suites: u.suites + e.suites, seconds: (Date.now() - started) / 1000,
}));
process.exit(unitCode === 0 && e2eCode === 0 ? 0 : 1);
