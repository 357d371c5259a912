#!/usr/bin/env node
// `node bench/web.mjs` (or `npm run bench:web`): the web app's performance budget (WEB.md
// "Principles"): the JavaScript the first screen loads, gzip-compressed (budget < 200 kB), and the
// time until the home screen ("Tugas saya") is usable on Chromium's Slow 3G profile (budget 3 s):
// its tasks drawn, in the page the web server rendered, with their links working; and, apart, the
// time until the app has taken over the page (hydrated: its buttons answer, html[data-interactive]),
// measured against a local stack: the five subgraphs, the gateway, the identity service and the web
// server, started here on fresh databases (or WEB_URL/BENCH_NIP/BENCH_PASSWORD of a running one).
// Prints the numbers and writes bench/results/web-<timestamp>.json. Never asserted by tests.
// Functions passed to page.waitForFunction run in the browser.
/* global document */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SUBGRAPHS } from '../scripts/lib/catalog.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'services', 'web', 'package.json'));
const say = (m) => process.stdout.write(`${m}\n`);
const kB = (n) => Math.round(n / 102.4) / 10;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Chrome DevTools' "Slow 3G" preset: 500 kbit/s × 0.8 each way, 400 ms × 5 latency.
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: (500 * 1000 / 8) * 0.8, uploadThroughput: (500 * 1000 / 8) * 0.8 };

/** What `vite build` wrote: the entry's JS (index.html) and every chunk, gzip-compressed. */
function buildSizes() {
  const dist = path.join(ROOT, 'services', 'web', 'dist');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const gz = (f) => gzipSync(readFileSync(path.join(dist, f))).length;
  const all = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const chunks = Object.fromEntries(all.map((f) => [f, gz(path.join('assets', f))]));
  return { entryGzip: entry.reduce((s, f) => s + gz(f), 0), allJsGzip: Object.values(chunks).reduce((a, b) => a + b, 0), chunks, rawBytes: all.reduce((s, f) => s + statSync(path.join(dist, 'assets', f)).size, 0) };
}

async function localStack() {
  const { generateRegency, signInAccounts } = require('@kinerja/demo-regency');
  const { startGraph, createTestDatabase, testLogger, TEST_SHARED_SECRET, TEST_JWT_SECRET } = require('@kinerja/testing');
  const { composeSupergraph, createGateway } = require('@kinerja/gateway');
  const { createServer: createIdentity, DEFAULT_RESOURCE } = require('@kinerja/identity');
  const services = SUBGRAPHS.map((s) => require(s.package)[`${s.name}Service`]);
  const seeds = {
    personnel: require('@kinerja/personnel').seedPersonnel, goals: require('@kinerja/goals').seedGoals,
    competency: require('@kinerja/competency').seedCompetency, evaluation: require('@kinerja/evaluation').seedEvaluation,
  };
  const { createWebServer } = await import(pathToFileURL(path.join(ROOT, 'services', 'web', 'server', 'serve.mjs')).href);
  const regency = generateRegency({ employees: Number(process.env.BENCH_WEB_EMPLOYEES ?? 600) });
  const accounts = signInAccounts(regency);
  const graph = await startGraph(services, 'bench_web');
  const stops = [() => graph.stop()];
  for (const [name, seed] of Object.entries(seeds)) await seed(graph.services[name].dataSource, regency);
  const config = { port: 0, host: '127.0.0.1', gatewayUrl: graph.url, oidcIssuer: 'http://127.0.0.1:9', oidcClientId: 'kinerja-web', distDir: path.join(ROOT, 'services', 'web', 'dist'), trustedProxyHops: 0 };
  const web = createWebServer(config);
  const webUrl = await web.listen();
  stops.push(() => web.close());
  const db = await createTestDatabase('bench_web_identity');
  stops.push(() => db.drop());
  const password = 'bench-dev-password-2026';
  const identity = await createIdentity({
    databaseUrl: db.url, sharedSecret: TEST_SHARED_SECRET, personnelUrl: graph.services.personnel.url, cookieKeys: ['a-bench-cookie-key-of-at-least-32-characters'],
    clients: [{ client_id: 'kinerja-web', client_name: 'Kinerja', redirect_uris: [`${webUrl}/auth/callback`], post_logout_redirect_uris: [`${webUrl}/`] }],
    development: { password, employeeIds: accounts.map((a) => a.employee.id) }, log: testLogger('identity'),
  });
  stops.push(() => identity.stop());
  const gateway = await createGateway({
    supergraphSdl: composeSupergraph(Object.entries(graph.services).map(([name, s]) => ({ name, url: s.url, sdl: s.sdl }))),
    sharedSecret: TEST_SHARED_SECRET, log: testLogger('gateway'),
    jwt: { secret: TEST_JWT_SECRET, issuer: 'kinerja', audience: 'kinerja', oidc: { issuers: [identity.issuer], audience: DEFAULT_RESOURCE, nipClaim: 'nip', personnelUrl: graph.services.personnel.url, sharedSecret: TEST_SHARED_SECRET, cacheMs: 60_000 } },
  });
  stops.push(() => gateway.stop());
  config.gatewayUrl = gateway.url;
  config.oidcIssuer = identity.issuer;
  const staff = accounts.find((a) => a.role === 'STAFF').employee;
  return { webUrl, nip: staff.nip, password, stop: async () => { for (const s of stops.reverse()) await s().catch(() => undefined); } };
}

/** Signs in once (unthrottled), then loads the home screen on Slow 3G: cold cache, then warm. */
async function measure(stack) {
  const { chromium } = require('playwright-core');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: root ? ['--no-sandbox'] : [] });
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}/`);
    await page.locator('input[name="nip"]').fill(stack.nip);
    await page.locator('input[name="password"]').fill(stack.password);
    await page.locator('button[type="submit"]').first().click();
    await page.getByRole('heading', { name: 'Tugas saya', level: 1 }).waitFor({ timeout: 120_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const runs = {};
    for (const cache of ['cold', 'warm']) {
      if (cache === 'cold') await cdp.send('Network.clearBrowserCache');
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
      const scripts = [];
      let documentBytes = 0;
      let serverTiming = '';
      const onResponse = async (r) => {
        if (r.request().resourceType() === 'document' && r.url().startsWith(stack.webUrl)) {
          const h = await r.allHeaders();
          documentBytes = Number(h['content-length'] ?? 0);
          serverTiming = h['server-timing'] ?? '';
          return;
        }
        if (r.request().resourceType() !== 'script' || !r.url().startsWith(stack.webUrl)) return;
        // Each file once: a chunk the page asks for twice (a preload, then the import) is one download.
        if (scripts.some((x) => x.url === r.url())) return;
        try { scripts.push({ url: r.url(), gzip: gzipSync(await r.body()).length }); } catch { /* redirected */ }
      };
      page.on('response', onResponse);
      const t0 = Date.now();
      // The web server's session cookie exists: this is a person opening the app again.
      await page.goto(`${stack.webUrl}/`, { waitUntil: 'commit', timeout: 180_000 });
      // Timed by the browser's own clock from the start of the navigation (as Lighthouse does): the
      // first animation frame in which the tasks are on screen. The driver's wall clock around it
      // (Date.now() here, which adds its own round trips to the browser) is kept as `driverMs`.
      const frameWhen = (predicate) => page.waitForFunction(predicate, null, { polling: 'raf', timeout: 180_000 }).then((h) => h.jsonValue());
      const usableMs = Math.round(await frameWhen(() => /Langkah berikutnya|Menunggu persetujuan|SKP disetujui/.test(document.body?.innerText ?? '') && performance.now()));
      const driverUsableMs = Date.now() - t0;
      const interactiveMs = Math.round(await frameWhen(() => document.documentElement.hasAttribute('data-interactive') && performance.now()));
      const driverInteractiveMs = Date.now() - t0;
      const serverRendered = await page.locator('#root[data-server-rendered]').count() > 0;
      // The browser's own clock of the same load: first byte, last byte, first paint of text.
      const navigation = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0];
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        return { responseStartMs: Math.round(n?.responseStart ?? 0), responseEndMs: Math.round(n?.responseEnd ?? 0), firstContentfulPaintMs: Math.round(fcp?.startTime ?? 0) };
      });
      page.off('response', onResponse);
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      runs[cache] = {
        usableMs, interactiveMs, driverMs: { usable: driverUsableMs, interactive: driverInteractiveMs }, serverRendered, navigation, documentGzipBytes: documentBytes, serverTiming,
        scripts: scripts.length, jsGzipBytes: scripts.reduce((s, x) => s + x.gzip, 0), files: scripts.map((s) => path.basename(new URL(s.url).pathname)),
      };
    }
    return runs;
  } finally {
    await browser.close();
  }
}

const sizes = buildSizes();
say(`web build: entry JS ${kB(sizes.entryGzip)} kB gzip; all JS ${kB(sizes.allJsGzip)} kB gzip in ${Object.keys(sizes.chunks).length} chunks`);
const external = process.env.WEB_URL ? { webUrl: process.env.WEB_URL, nip: process.env.BENCH_NIP, password: process.env.BENCH_PASSWORD, stop: async () => {} } : null;
say(external ? `against ${external.webUrl}` : 'starting a local stack (5 subgraphs, gateway, identity, web) on fresh databases...');
const stack = external ?? await localStack();
try {
  const runs = await measure(stack);
  const report = {
    at: new Date().toISOString(), machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, loadAtStart: os.loadavg() },
    network: { profile: 'Chrome DevTools Slow 3G', ...SLOW_3G },
    build: { entryJsGzipBytes: sizes.entryGzip, allJsGzipBytes: sizes.allJsGzip },
    firstLoadJsGzipBytes: runs.cold.jsGzipBytes, budgetBytes: 200 * 1024,
    homeUsableMs: { cold: runs.cold.usableMs, warm: runs.warm.usableMs }, budgetMs: 3000,
    homeInteractiveMs: { cold: runs.cold.interactiveMs, warm: runs.warm.interactiveMs }, runs,
  };
  say(`first-load JS (home screen, cold cache): ${kB(runs.cold.jsGzipBytes)} kB gzip in ${runs.cold.scripts} files (budget 200 kB)`);
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  say(`home page (HTML with the server's render and its styles): ${kB(runs.cold.documentGzipBytes)} kB gzip; server-rendered: ${runs.cold.serverRendered ? 'yes' : 'NO'}; server time ${runs.cold.serverTiming} (cold), ${runs.warm.serverTiming} (warm)`);
  say(`home screen usable on Slow 3G (tasks drawn, links work): ${s(runs.cold.usableMs)} cold cache, ${s(runs.warm.usableMs)} warm cache (budget 3 s)`);
  const nav = (r) => `first byte ${s(r.navigation.responseStartMs)}, last byte ${s(r.navigation.responseEndMs)}, first paint ${s(r.navigation.firstContentfulPaintMs)}`;
  say(`  the browser's timing: cold ${nav(runs.cold)}; warm ${nav(runs.warm)}`);
  say(`  the driver's wall clock (adds its own round trips): usable ${s(runs.cold.driverMs.usable)} cold, ${s(runs.warm.driverMs.usable)} warm`);
  say(`home screen interactive on Slow 3G (app hydrated, buttons answer): ${s(runs.cold.interactiveMs)} cold cache, ${s(runs.warm.interactiveMs)} warm cache`);
  mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  const file = path.join(ROOT, 'bench', 'results', `web-${report.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  say(`wrote ${path.relative(ROOT, file)}`);
} finally {
  await stack.stop();
}
process.exit(0);
