// The supervisor's part of an SKP year in real Chromium against the real platform, signing in on the
// identity service's own page (WEB.md "Running and testing"): the team in four states, returning a
// submitted SKP with a note, approving the resubmitted one beside their own RHK with behaviour
// expectations and feedback on a realization, the cascade map, and the evaluation workspace (per-RHK
// ratings, the suggested rating, the predicate, the unit's curve counting the evaluation being rated,
// completing and the curve warning).
// axe-core and screenshots at 360 px and 1280 px on every supervisor screen.
import { graphqlOk } from '@kinerja/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, launch, screenshot, seriousViolations, signInThroughIdentity, go, VIEWPORTS } from './browser';
import { DEV_PASSWORD, startPlatform, type Platform } from './platform';

const YEAR = new Date().getFullYear();
const RETURN_NOTE = 'Indikator RHK kedua belum terukur: tuliskan jumlah laporan per triwulan.';
const EXPECTATION = 'Aktif berbagi data layanan dengan bidang lain setiap bulan.';
const REALIZATION_FEEDBACK = 'Capaian baik; lampirkan daftar hadir kegiatan pada bukti dukung berikutnya.';

describe.runIf(hasChromium)('the supervisor through the web app', () => {
  let platform: Platform;
  let browser: Browser;
  let supervisor: Platform['accounts'][number]['employee'];
  let staff: Platform['accounts'][number]['employee'];
  let orphan: { id: string; title: string };
  let topUnit: { id: string; name: string };
  const contexts: BrowserContext[] = [];

  const as = async (employeeId: string, roles: Array<'ADMIN' | 'EMPLOYEE'> = ['EMPLOYEE']) => ({ token: await platform.graph.token(employeeId, roles) });
  const planOf = async (employeeId: string) => {
    const data = await graphqlOk<{ employee: { performancePlan: { id: string; status: string; version: number; returnNote: string | null } | null } }>(
      platform.graph.url, 'query($id: ID!, $year: Int!) { employee(id: $id) { performancePlan(year: $year) { id status version returnNote } } }',
      { id: employeeId, year: YEAR }, await as(employeeId));
    return data.employee.performancePlan!;
  };

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startPlatform('web_supervisor', { identity: true }), launch()]);
    supervisor = platform.accounts.find((a) => a.role === 'SUPERVISOR')!.employee;
    staff = platform.accounts.find((a) => a.role === 'STAFF')!.employee;
    // The staff member's SKP waits for the supervisor: reopened by the supervisor where the seed
    // approved it, then submitted by the employee, both through the graph.
    let plan = await planOf(staff.id);
    if (plan.status === 'APPROVED') {
      await graphqlOk(platform.graph.url, 'mutation($id: ID!, $v: Int!) { reopenPerformancePlan(id: $id, expectedVersion: $v) { id } }', { id: plan.id, v: plan.version }, await as(supervisor.id));
      plan = await planOf(staff.id);
    }
    if (plan.status !== 'SUBMITTED') {
      await graphqlOk(platform.graph.url, 'mutation($id: ID!, $v: Int!) { submitPerformancePlan(id: $id, expectedVersion: $v) { id } }', { id: plan.id, v: plan.version }, await as(staff.id));
    }
    // One of the supervisor's RHK loses the staff RHK serving it (as when staff link the wrong one),
    // so the cascade map has an uncovered RHK to show.
    const own = await graphqlOk<{ me: { performancePlan: { goals: Array<{ id: string; title: string }> } } }>(
      platform.graph.url, 'query($y: Int!) { me { performancePlan(year: $y) { goals { id title } } } }', { y: YEAR }, await as(supervisor.id));
    orphan = own.me.performancePlan.goals[own.me.performancePlan.goals.length - 1]!;
    await platform.graph.services.goals!.dataSource.query('UPDATE goal SET parent_goal_id = NULL WHERE parent_goal_id = $1', [orphan.id]);
    // This year's organisation predicate of the supervisor's OPD, set by BKPSDM as the seed does for
    // Dinas Perhubungan (BUTUH_PERBAIKAN): a Baik predicate then breaks the curve (DOMAIN.md).
    const units = new Map(platform.regency.units.map((u) => [u.id, u]));
    let unit = units.get(supervisor.unitId)!;
    while (unit.parentId) unit = units.get(unit.parentId)!;
    topUnit = { id: unit.id, name: unit.name };
    await graphqlOk(platform.graph.url, 'mutation($u: ID!, $y: Int!) { setOrganizationPredicate(unitId: $u, year: $y, predicate: BUTUH_PERBAIKAN) { id } }',
      { u: unit.id, y: YEAR }, await as(platform.regency.admin.id, ['ADMIN', 'EMPLOYEE']));
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await platform?.stop();
  });

  /** Opens the app and signs in on the identity service's own page with NIP and password. */
  async function signIn(person: { nip: string }, path = '/'): Promise<Page> {
    const { context, page } = await signInThroughIdentity(browser, { webUrl: platform.webUrl, issuer: platform.identity!.issuer, password: DEV_PASSWORD }, person, 'desktop', path);
    contexts.push(context);
    return page;
  }

  /** axe-core and a full-page screenshot at 360 px and at 1280 px (supervisor-<name>-<width>.png). */
  async function check(page: Page, name: string) {
    for (const viewport of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
      await page.setViewportSize(viewport);
      // Colours are judged once transitions have ended (a button fading in is not the page's colour).
      await page.waitForFunction(() => document.getAnimations().length === 0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `supervisor-${name}`);
    }
  }

  let page: Page;

  test('the team in four states; the supervisor returns a submitted SKP with a note', async () => {
    page = await signIn(supervisor);
    await page.getByRole('heading', { name: 'Tugas saya', level: 1 }).waitFor();
    await go(page, 'Tim saya');
    await page.getByRole('heading', { name: `Tim saya ${YEAR}` }).waitFor();
    for (const state of ['Belum membuat SKP', 'Menyusun', 'Menunggu persetujuan', 'Disetujui']) {
      await page.getByRole('region', { name: state }).waitFor();
    }
    const waiting = page.getByRole('region', { name: 'Menunggu persetujuan' });
    await waiting.getByText(staff.name).waitFor();
    await page.getByText(/SKP menunggu persetujuan · \d+ penilaian belum selesai/).waitFor();
    await page.getByText('1 RHK Anda belum didukung RHK bawahan.').waitFor();
    await check(page, 'team');

    await waiting.getByRole('link', { name: `Periksa SKP: ${staff.name}` }).click();
    await page.getByRole('heading', { name: `SKP ${staff.name} ${YEAR}` }).waitFor();
    await page.getByRole('heading', { name: 'RHK saya' }).waitFor();
    await page.getByRole('heading', { name: 'Keputusan atas SKP' }).waitFor();
    await page.getByLabel(/^Catatan perbaikan/).fill(RETURN_NOTE);
    await check(page, 'review-plan');
    await page.getByRole('button', { name: 'Kembalikan dengan catatan' }).click();
    await page.getByText(/^Dikembalikan pada .* dengan catatan$/).waitFor();
    await page.getByText(RETURN_NOTE, { exact: true }).waitFor();
    const plan = await planOf(staff.id);
    expect(plan).toMatchObject({ status: 'RETURNED', returnNote: RETURN_NOTE });
  });

  test('the employee resubmits; the supervisor sets a behaviour expectation and approves beside their own RHK, then gives feedback on a realization', async () => {
    const returned = await planOf(staff.id);
    await graphqlOk(platform.graph.url, 'mutation($id: ID!, $v: Int!) { submitPerformancePlan(id: $id, expectedVersion: $v) { id } }', { id: returned.id, v: returned.version }, await as(staff.id));

    await page.getByRole('link', { name: 'Kembali ke tim' }).click();
    const waiting = page.getByRole('region', { name: 'Menunggu persetujuan' });
    await waiting.getByRole('link', { name: `Periksa SKP: ${staff.name}` }).click();
    await page.getByRole('heading', { name: `SKP ${staff.name} ${YEAR}` }).waitFor();
    await page.getByRole('button', { name: 'Setujui SKP' }).waitFor();
    // Their RHK beside mine: each of theirs names the RHK of mine it serves.
    const mine = page.getByRole('region', { name: 'RHK saya' });
    await mine.getByText(/didukung \d+ RHK/).first().waitFor();

    await page.getByLabel(/^Kolaboratif/).fill(EXPECTATION);
    await page.getByRole('button', { name: 'Simpan ekspektasi (1)' }).click();
    await page.getByText('Ekspektasi perilaku disimpan.').waitFor();
    await page.getByRole('button', { name: 'Setujui SKP' }).click();
    await page.getByText('SKP sudah disetujui; ekspektasi tidak dapat diubah lagi.').waitFor();
    await page.getByText(EXPECTATION, { exact: true }).waitFor();
    expect((await planOf(staff.id)).status).toBe('APPROVED');

    const realizations = page.getByRole('region', { name: 'Realisasi dan umpan balik' });
    await realizations.getByRole('button').first().click();
    await realizations.getByRole('button', { name: /^Beri umpan balik: / }).first().click();
    await realizations.getByLabel(/^Umpan balik untuk realisasi/).fill(REALIZATION_FEEDBACK);
    await realizations.getByRole('button', { name: 'Simpan umpan balik' }).click();
    await realizations.getByText(REALIZATION_FEEDBACK).waitFor();
    await check(page, 'review-approved');
  });

  test('the cascade map shows the supervisor\'s RHK no subordinate serves, as the graph counts them', async () => {
    const data = await graphqlOk<{ me: { performancePlan: { goals: Array<{ id: string }>; uncoveredGoals: Array<{ id: string; title: string }> } } }>(
      platform.graph.url, 'query($y: Int!) { me { performancePlan(year: $y) { goals { id } uncoveredGoals { id title } } } }', { y: YEAR }, await as(supervisor.id));
    const { goals, uncoveredGoals } = data.me.performancePlan;
    await page.getByRole('link', { name: 'Kembali ke tim' }).click();
    await page.getByRole('link', { name: 'Peta kaskade RHK' }).click();
    await page.getByRole('heading', { name: `Peta kaskade RHK ${YEAR}` }).waitFor();
    expect(uncoveredGoals).toEqual([orphan]);
    await page.getByText(`1 dari ${goals.length} RHK Anda belum didukung RHK bawahan mana pun.`).waitFor();
    await page.getByRole('listitem', { name: orphan.title }).getByText('Belum didukung').waitFor();
    await page.getByRole('listitem', { name: orphan.title }).getByText('Belum ada RHK bawahan yang mendukung RHK ini.').waitFor();
    // The staff member's RHK appear under the supervisor's RHK they serve.
    await page.getByText(`${staff.name}:`, { exact: false }).first().waitFor();
    await check(page, 'cascade');
  });

  test('the evaluation workspace: per-RHK ratings, the suggested rating, the predicate, the curve; completing warns of the broken curve', async () => {
    // The employee uploaded a file as evidence (the gateway's /files route); the supervisor downloads it here.
    const data = await graphqlOk<{ employee: { performancePlan: { goals: Array<{ indicators: Array<{ realizations: Array<{ id: string }> }> }> } } }>(
      platform.graph.url, 'query($id: ID!, $y: Int!) { employee(id: $id) { performancePlan(year: $y) { goals { indicators { realizations { id } } } } } }', { id: staff.id, y: YEAR }, await as(staff.id));
    const realizationId = data.employee.performancePlan.goals.flatMap((g) => g.indicators).flatMap((i) => i.realizations)[0]!.id;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const upload = await fetch(`${new URL(platform.graph.url).origin}/files/goals/realizations/${realizationId}`, {
      method: 'POST', body: pdf, headers: { 'content-type': 'application/pdf', 'x-file-name': 'daftar-hadir.pdf', authorization: `Bearer ${(await as(staff.id)).token}` },
    });
    expect(upload.status).toBe(201);

    await page.getByRole('link', { name: 'Kembali ke tim' }).click();
    await page.getByRole('heading', { name: `Tim saya ${YEAR}` }).waitFor();
    await page.getByRole('link', { name: `Nilai: ${staff.name}` }).click();
    await page.getByRole('heading', { name: `Penilaian ${staff.name}` }).waitFor();
    await page.getByText('Predikat kinerja organisasi: Butuh Perbaikan').waitFor();
    const curve = page.getByRole('region', { name: `Sebaran predikat ${topUnit.name} ${YEAR}` });
    // Not rated yet: the curve cannot count it, and says how to see what it would do.
    await curve.getByText('Penilaian ini belum dihitung: simpan rating hasil kerja dan rating perilaku kerja untuk melihat pengaruhnya pada kurva.').waitFor();
    const before = await curve.getByText(/^\d+ penilaian selesai · \d+ berlangsung$/).innerText();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh bukti dukung daftar-hadir.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('daftar-hadir.pdf');
    expect((await import('node:fs')).readFileSync((await download.path())!)).toEqual(pdf);

    const groups = page.getByRole('radiogroup', { name: /^Rating RHK: / });
    await groups.first().waitFor();
    const count = await groups.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const group = groups.nth(i);
      await group.getByLabel('Sesuai ekspektasi', { exact: true }).check();
      await expect.poll(() => group.getByLabel('Sesuai ekspektasi', { exact: true }).isEnabled(), { timeout: 15_000 }).toBe(true);
    }
    await page.getByText(`${count} dari ${count} RHK sudah Anda nilai`).first().waitFor();
    await page.getByText('Saran rating hasil kerja: Sesuai ekspektasi').waitFor();
    // Why, next to the suggestion: the rule the graph applied and each RHK as it counted it.
    await page.getByText(/^Sesuai ekspektasi: tidak ada RHK utama di bawah ekspektasi, tetapi hanya 0 dari \d+ di atas ekspektasi/).waitFor();
    const counted = await page.getByRole('list', { name: 'RHK yang dihitung:' }).getByRole('listitem').allInnerTexts();
    expect(counted).toHaveLength(count);
    for (const line of counted) expect(line).toMatch(/: Sesuai ekspektasi, dari rating Anda$/);

    await page.getByRole('radiogroup', { name: 'Rating hasil kerja' }).getByLabel('Sesuai ekspektasi').check();
    await page.getByRole('radiogroup', { name: 'Rating perilaku kerja' }).getByLabel('Sesuai ekspektasi').check();
    await page.getByText('Sel pilihan Anda (belum disimpan)').waitFor();
    await page.getByRole('button', { name: 'Simpan rating' }).click();
    await page.getByText('Predikat: Baik').waitFor();
    await page.getByRole('group', { name: /Kuadran kinerja: hasil kerja Sesuai ekspektasi, perilaku Sesuai ekspektasi, predikat Baik/ }).waitFor();
    // Saved, the curve counts it as if completed with its provisional predicate, as the graph answers
    // (predicateDistribution including it): one more evaluated, one fewer in progress, and the
    // broken rule already named before completing.
    await curve.getByText('Termasuk penilaian ini dengan predikat sementara Baik: beginilah sebaran unit bila penilaian ini diselesaikan sekarang.').waitFor();
    const [done, open] = before.match(/\d+/g)!.map(Number) as [number, number];
    await curve.getByText(`${done + 1} penilaian dihitung, termasuk penilaian ini · ${open - 1} lainnya berlangsung`).waitFor();
    await curve.getByText('penilaian ini: Baik').waitFor();
    await curve.getByText('Baik: 1 pegawai (100%)').waitFor();
    await curve.getByText('Dengan penilaian ini, sebaran melanggar kurva').waitFor();
    await curve.getByText('Paling sedikit 60% pegawai berpredikat Butuh Perbaikan.').waitFor();
    // Beside "complete" too: on a phone the curve is far below the buttons.
    await page.getByText(`Bila diselesaikan sekarang, sebaran ${topUnit.name} melanggar kurva (hanya peringatan, tidak menghalangi).`).waitFor();
    await page.getByRole('link', { name: 'Lihat kurva ↓' }).waitFor();
    await check(page, 'workspace');

    await page.getByRole('button', { name: 'Selesaikan penilaian' }).click();
    await page.getByText('Penilaian ini sudah selesai.').waitFor();
    const warning = page.getByRole('status').filter({ hasText: 'Penilaian selesai, tetapi sebaran unit melanggar kurva' });
    await warning.getByText(`${topUnit.name}: Paling sedikit 60% pegawai berpredikat Butuh Perbaikan.`).waitFor();
    // The distribution now counts the completed evaluation as completed: the same counts, no assumption.
    await curve.getByText(`${done + 1} penilaian selesai · ${open - 1} berlangsung`).waitFor();
    expect(await curve.getByText(/predikat sementara/).count()).toBe(0);
    await curve.getByText('Baik: 1 pegawai (100%)').waitFor();
    await curve.getByText('Sebaran melanggar kurva', { exact: true }).waitFor();
    await curve.getByText('Paling sedikit 60% pegawai berpredikat Butuh Perbaikan.').waitFor();
    await check(page, 'workspace-completed');
  });
});
