import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const SCREENSHOTS = path.join(ROOT, '.data', 'screenshots', 'web');

export async function launch(): Promise<Browser> {
  // Debian's chromium; as root it needs --no-sandbox (WEB.md "Stack").
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launch({ executablePath: CHROMIUM, args: root ? ['--no-sandbox'] : [], headless: true });
}

export const VIEWPORTS = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 800 } } as const;

/** A full-page screenshot of the screen, named for review (.data/screenshots/web/<name>-<width>.png). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}-${page.viewportSize()?.width ?? 0}.png`);
  // From the top: a full-page shot of a scrolled page paints the fixed header and menu mid-page.
  await page.evaluate(() => window.scrollTo(0, 0)).catch(() => undefined); // (not where scripts are off)
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** axe-core's serious and critical violations on the page as it is now (WEB.md: none allowed). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/**
 * Opens the app in a new context and signs in on the identity service's own page with NIP and
 * password; fails if the app did not send the browser to the identity service first.
 */
export async function signInThroughIdentity(
  browser: Browser,
  at: { webUrl: string; issuer: string; password: string },
  person: { nip: string },
  viewport: keyof typeof VIEWPORTS,
  path = '/',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'id-ID' });
  const page = await context.newPage();
  // A script error blanks the screen and every later step only times out: say it where it happened.
  page.on('pageerror', (e) => process.stderr.write(`page error at ${page.url()}: ${e.stack ?? e.message}\n`));
  await page.goto(`${at.webUrl}${path}`);
  await page.locator('input[name="nip"]').waitFor();
  if (!page.url().startsWith(at.issuer)) throw new Error(`expected the identity service's sign-in page, got ${page.url()}`);
  await page.locator('input[name="nip"]').fill(person.nip);
  await page.locator('input[name="password"]').fill(at.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((u) => u.toString().startsWith(at.webUrl) && !u.pathname.startsWith('/auth/'));
  await interactive(page);
  return { context, page };
}

/**
 * Until the app has taken over the page: the home screen comes rendered by the web server, drawn
 * and its links working before the app's script runs, but its buttons answer only after that.
 */
export async function interactive(page: Page): Promise<void> {
  await page.locator('html[data-interactive]').waitFor({ state: 'attached' });
}

/** In-app navigation, as a person moves between screens (a full load would work too: the session is the web server's). */
export async function go(page: Page, label: string): Promise<void> {
  await interactive(page);
  const burger = page.getByRole('button', { name: 'Buka menu' });
  if (await burger.isVisible()) await burger.click();
  await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
}
