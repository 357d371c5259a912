// The citizen page in real Chromium against the real platform (WEB.md "Citizen page"): no sign-in,
// the unit's name, one question with stars, thanks, and the polite rate-limit message.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, launch, screenshot, SCREENSHOTS, seriousViolations, VIEWPORTS } from './browser';
import { startPlatform, type Platform } from './platform';

if (!hasChromium) {
  process.stdout.write('web e2e skipped: no Chromium at /usr/bin/chromium (install it with `apt-get install chromium`, or set CHROMIUM_PATH)\n');
}

describe.runIf(hasChromium)('citizen feedback page /umpan-balik/<unit code>', () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startPlatform('web_citizen'), launch()]);
    process.stdout.write(`web e2e screenshots: ${SCREENSHOTS}\n`);
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  const open = async (viewport: keyof typeof VIEWPORTS, code: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${platform.webUrl}/umpan-balik/${code}`);
    return page;
  };

  test('shows the unit by name in Indonesian, with no sign-in, and no serious accessibility problem', async () => {
    const dinkes = platform.regency.unitByCode.get('DINKES')!;
    for (const viewport of ['phone', 'desktop'] as const) {
      const page = await open(viewport, 'DINKES');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(dinkes.name);
      expect(await page.getAttribute('html', 'lang')).toBe('id');
      await page.getByRole('radiogroup', { name: 'Bagaimana pelayanan yang Anda terima hari ini?' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'citizen-question');
      await page.context().close();
    }
  });

  test('a citizen gives 4 stars with a comment and sees the thanks; then, past the limit, a polite message', async () => {
    const page = await open('phone', 'DINKES');
    await page.getByRole('radio', { name: /^4 – Baik$/ }).click();
    await page.getByLabel('Saran atau komentar (tidak wajib)').fill('Antrean cepat, petugas ramah <b>sekali</b>');
    await page.getByRole('button', { name: 'Kirim' }).click();
    await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
    expect(await page.getByText(/sudah kami terima/).textContent()).toContain(platform.regency.unitByCode.get('DINKES')!.name);
    await screenshot(page, 'citizen-thanks');
    expect(await seriousViolations(page)).toEqual([]);

    // The graph allows a few submissions a minute per client (evaluation's public-feedback limit).
    let limited = false;
    for (let i = 0; i < 8 && !limited; i++) {
      await page.getByRole('button', { name: 'Beri penilaian lain' }).click();
      await page.getByRole('radio', { name: /^5 – Sangat baik$/ }).click();
      await page.getByRole('button', { name: 'Kirim' }).click();
      const outcome = await Promise.race([
        page.getByRole('heading', { name: 'Terima kasih!' }).waitFor().then(() => 'thanks'),
        page.getByText('Terima kasih atas perhatian Anda').waitFor().then(() => 'limited'),
      ]);
      limited = outcome === 'limited';
    }
    expect(limited).toBe(true);
    const message = await page.getByRole('status').filter({ hasText: 'perangkat ini' }).textContent();
    expect(message).toMatch(/Silakan coba lagi dalam \d+ menit\./);
    // No raw error code on screen.
    expect(await page.locator('body').textContent()).not.toMatch(/RATE_LIMITED|FORBIDDEN/);
    await screenshot(page, 'citizen-rate-limited');
    expect(await seriousViolations(page)).toEqual([]);

    // What the citizen typed reached the unit head's feedback as text, never as HTML.
    const typed = 'Antrean cepat, petugas ramah <b>sekali</b>';
    const rows = await platform.graph.services.evaluation!.dataSource.query("SELECT comment FROM feedback WHERE source = 'PUBLIC' AND comment = $1", [typed]);
    expect(rows).toEqual([{ comment: typed }]);
    await page.context().close();
  });

  test('English toggle: the same page in English, and <html lang> follows', async () => {
    const page = await open('desktop', 'DINKES');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('radiogroup', { name: 'How was the service you received today?' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, 'citizen-question-en');
    await page.context().close();
  });

  test('an unknown unit code says so politely', async () => {
    const page = await open('phone', 'TIDAK-ADA');
    await page.getByText('Unit tidak ditemukan').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  test('the server sends a Content-Security-Policy without unsafe-inline scripts', async () => {
    const res = await fetch(`${platform.webUrl}/umpan-balik/DINKES`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const scripts = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
    expect(scripts).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
