// A whole SKP year in real Chromium against the real platform, signing in through the real sign-in
// page of the identity service (WEB.md "Running and testing"): the employee drafts an SKP with an
// UTAMA RHK serving the supervisor's (two indicators) and submits it, the supervisor returns it, the
// employee fixes and resubmits it, the supervisor approves it beside their own RHK, the employee
// records a realization with a link and a file as evidence and sees the supervisor's feedback, the
// supervisor rates and completes the evaluation, the employee sees the predicate, its quadrant cell
// and the reward decision's reasons and files an objection. axe-core on every screen; screenshots
// at 360 px and 1280 px of each main screen.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, interactive, launch, screenshot, SCREENSHOTS, seriousViolations, signInThroughIdentity, go, VIEWPORTS } from './browser';
import { DEV_PASSWORD, startPlatform, type Platform } from './platform';

const YEAR = new Date().getFullYear();

describe.runIf(hasChromium)('an SKP year through the web app', () => {
  let platform: Platform;
  let browser: Browser;
  let staff: Platform['accounts'][number]['employee'];
  let supervisor: Platform['accounts'][number]['employee'];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startPlatform('web_journey', { identity: true }), launch()]);
    process.stdout.write(`web e2e screenshots: ${SCREENSHOTS}\n`);
    supervisor = platform.accounts.find((a) => a.role === 'SUPERVISOR')!.employee;
    staff = platform.accounts.find((a) => a.role === 'STAFF')!.employee;
    // The employee starts the year with no SKP: drafting it is the test.
    const goals = platform.graph.services.goals!.dataSource;
    await goals.query('DELETE FROM realization_history WHERE realization_id IN (SELECT r.id FROM realization r JOIN goal g ON g.id = r.goal_id JOIN performance_plan p ON p.id = g.plan_id WHERE p.employee_id = $1)', [staff.id]).catch(() => undefined);
    await goals.query('DELETE FROM realization WHERE goal_id IN (SELECT g.id FROM goal g JOIN performance_plan p ON p.id = g.plan_id WHERE p.employee_id = $1)', [staff.id]);
    await goals.query('DELETE FROM goal WHERE plan_id IN (SELECT id FROM performance_plan WHERE employee_id = $1)', [staff.id]);
    await goals.query('DELETE FROM performance_plan WHERE employee_id = $1', [staff.id]);
  });
  // A failed step leaves what each open page showed, for review beside the screenshots.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    for (const [i, c] of contexts.entries()) for (const p of c.pages()) await screenshot(p, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}-${i}`).catch(() => undefined);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await platform?.stop();
  });

  /** Opens the app and signs in on the identity service's own page with NIP and password. */
  async function signIn(person: { nip: string }, viewport: keyof typeof VIEWPORTS, path = '/'): Promise<Page> {
    const { context, page } = await signInThroughIdentity(browser, { webUrl: platform.webUrl, issuer: platform.identity!.issuer, password: DEV_PASSWORD }, person, viewport, path);
    contexts.push(context);
    return page;
  }

  /** axe-core at the page's own width, then a screenshot at 360 px and at 1280 px. */
  async function check(page: Page, name: string) {
    // Colours are judged once transitions have ended (a button fading in is not the page's colour).
    const settled = () => page.waitForFunction(() => document.getAnimations().length === 0);
    await settled();
    expect(await seriousViolations(page)).toEqual([]);
    const own = page.viewportSize()!;
    for (const size of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
      if (size.width !== page.viewportSize()!.width) await page.setViewportSize(size);
      await settled();
      await screenshot(page, name);
    }
    if (own.width !== page.viewportSize()!.width) await page.setViewportSize(own);
    await settled();
  }

  /** A graph call as someone, through the web server's /graphql (the other side of the journey). */
  async function graphAs(person: { id: string }, query: string, variables: Record<string, unknown>) {
    const token = await platform.graph.token(person.id);
    const res = await fetch(`${platform.webUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data!;
  }

  async function staffPlan() {
    const [plan] = await platform.graph.services.goals!.dataSource.query('SELECT id, status, version FROM performance_plan WHERE employee_id = $1 AND year = $2', [staff.id, YEAR]);
    return plan as { id: string; status: string; version: number };
  }

  let staffPage: Page;
  let supervisorPage: Page;
  let headPage: Page;

  test('the employee signs in and drafts an SKP whose RHK serves the supervisor\'s; the draft survives a reload', async () => {
    staffPage = await signIn(staff, 'phone');
    const page = staffPage;
    await page.getByRole('heading', { name: 'Tugas saya', level: 1 }).waitFor();
    await page.getByText('Langkah berikutnya: buat SKP dan susun RHK Anda.').waitFor();
    await check(page, 'home-employee');

    await go(page, 'SKP saya');
    await page.getByRole('button', { name: `Buat SKP ${YEAR}` }).click();
    await page.getByRole('heading', { name: 'Tambah RHK' }).waitFor();
    await page.getByLabel(/^Rencana hasil kerja \(RHK\)/).fill('Laporan capaian layanan kesehatan sekolah');
    await page.getByLabel(/^Indikator kinerja/).fill('Laporan triwulan tersusun tepat waktu');

    // A reload (the session is asked again at the identity service) gives the typed text back.
    await page.reload();
    await page.getByText('Isian yang belum tersimpan dipulihkan dari perangkat ini.').waitFor();
    expect(await page.getByLabel(/^Rencana hasil kerja \(RHK\)/).inputValue()).toBe('Laporan capaian layanan kesehatan sekolah');

    await page.getByLabel(/^Target/).fill('4');
    await page.getByLabel(/^Satuan/).fill('laporan');
    await page.getByRole('combobox', { name: 'RHK atasan yang didukung' }).click();
    const option = page.getByRole('option').first();
    const parentTitle = (await option.textContent())!.trim();
    await option.click();
    await page.getByRole('button', { name: 'Simpan RHK' }).click();
    await page.getByText('Laporan capaian layanan kesehatan sekolah', { exact: true }).waitFor();
    await page.getByText(parentTitle, { exact: true }).first().waitFor();

    // A second indicator of the same RHK, by another aspect.
    const goal = page.getByRole('listitem', { name: 'Laporan capaian layanan kesehatan sekolah' });
    await goal.getByRole('button', { name: 'Tambah indikator' }).click();
    await goal.getByRole('combobox', { name: 'Aspek indikator' }).click();
    await page.getByRole('option', { name: 'Waktu' }).click();
    await goal.getByLabel(/^Indikator kinerja/).fill('Laporan diserahkan paling lambat tanggal 10 bulan berikutnya');
    await goal.getByLabel(/^Target/).fill('100');
    await goal.getByLabel(/^Satuan/).fill('persen');
    await goal.getByRole('button', { name: 'Simpan indikator' }).click();
    await goal.getByText(/^Laporan diserahkan paling lambat tanggal 10 bulan berikutnya: target 100 persen/).waitFor();
    await goal.getByText('RHK utama').waitFor();
    await check(page, 'my-plan-draft');

    await page.getByRole('button', { name: 'Ajukan SKP ke atasan' }).click();
    await page.getByText(/Diajukan pada .*; menunggu persetujuan atasan\./).waitFor();
    const rows = await platform.graph.services.goals!.dataSource.query(
      'SELECT p.status, g.kind, g.parent_goal_id, (SELECT count(*)::int FROM indicator i WHERE i.goal_id = g.id) AS indicators FROM performance_plan p JOIN goal g ON g.plan_id = p.id WHERE p.employee_id = $1 AND p.year = $2', [staff.id, YEAR]);
    expect(rows).toEqual([expect.objectContaining({ status: 'SUBMITTED', kind: 'UTAMA', indicators: 2 })]);
    expect(rows[0].parent_goal_id).toBeTruthy();
  });

  test('the supervisor returns the SKP with a note; the employee sees it, adds what was asked and submits again', async () => {
    // The supervisor's side of the return (their review screen is built separately): the graph call it makes.
    const plan = await staffPlan();
    await graphAs(supervisor, 'mutation($id: ID!, $v: Int!, $n: String!) { returnPerformancePlan(id: $id, expectedVersion: $v, note: $n) { id status } }', {
      id: plan.id, v: plan.version, n: 'Tambahkan RHK tambahan untuk pembinaan UKS.',
    });
    const page = staffPage;
    await go(page, 'Tugas saya');
    await go(page, 'SKP saya');
    await page.getByText('SKP dikembalikan untuk diperbaiki').waitFor();
    await page.getByText('Tambahkan RHK tambahan untuk pembinaan UKS.').waitFor();
    await check(page, 'my-plan-returned');

    const form = page.getByRole('region', { name: 'Tambah RHK' });
    await form.getByText('RHK tambahan', { exact: true }).click();
    await form.getByLabel(/^Rencana hasil kerja \(RHK\)/).fill('Pembinaan UKS di sekolah binaan');
    await form.getByLabel('Indikator kualitatif').check();
    await form.getByLabel(/^Hasil yang diharapkan/).fill('Kader UKS aktif dan terlatih di setiap sekolah binaan');
    await form.getByRole('button', { name: 'Simpan RHK' }).click();
    const added = page.getByRole('listitem', { name: 'Pembinaan UKS di sekolah binaan' });
    await added.getByText('RHK tambahan').waitFor();
    await added.getByText('Kader UKS aktif dan terlatih di setiap sekolah binaan (kualitatif)').waitFor();
    await page.getByRole('button', { name: 'Ajukan lagi SKP ke atasan' }).click();
    await page.getByText(/Diajukan pada .*; menunggu persetujuan atasan\./).waitFor();
    expect((await staffPlan()).status).toBe('SUBMITTED');
  });

  test('the supervisor sees the team in four states and approves the SKP beside their own RHK', async () => {
    supervisorPage = await signIn(supervisor, 'desktop');
    const page = supervisorPage;
    await page.getByRole('heading', { name: 'Tugas saya', level: 1 }).waitFor();
    await go(page, 'Tim saya');
    const waiting = page.getByRole('region', { name: 'Menunggu persetujuan' });
    await waiting.getByText(staff.name).waitFor();
    await check(page, 'team');
    await waiting.getByRole('link', { name: 'Periksa SKP' }).first().click();
    await page.getByRole('heading', { name: `SKP ${staff.name} ${YEAR}` }).waitFor();
    await page.getByRole('heading', { name: 'RHK saya' }).waitFor();
    await page.getByText('didukung 1 RHK').waitFor();
    await check(page, 'review-plan');
    await page.getByRole('button', { name: 'Setujui SKP' }).click();
    await page.getByText('Disetujui', { exact: true }).first().waitFor();
  });

  test('the employee records a realization with evidence and sees it against the target', async () => {
    const page = staffPage;
    await go(page, 'Realisasi');
    await page.getByLabel('Nilai realisasi').first().fill('3');
    await page.getByLabel('Tautan bukti dukung').first().fill('https://drive.bungokab.go.id/laporan-q4.pdf');
    await page.getByLabel('Berkas bukti dukung').first().setInputFiles({ name: 'laporan-q4.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
    await page.getByRole('button', { name: 'Simpan realisasi' }).first().click();
    await page.getByRole('link', { name: 'Buka bukti dukung' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Buka bukti dukung' }).first().getAttribute('href')).toBe('https://drive.bungokab.go.id/laporan-q4.pdf');
    await page.getByRole('button', { name: 'Buka berkas bukti dukung laporan-q4.pdf' }).waitFor();
    const [file] = await platform.graph.services.goals!.dataSource.query('SELECT f.file_name, f.content_type, r.id AS realization_id FROM evidence_file f JOIN realization r ON r.id = f.realization_id WHERE f.employee_id = $1', [staff.id]);
    expect(file).toMatchObject({ file_name: 'laporan-q4.pdf', content_type: 'application/pdf' });
    await page.getByRole('img', { name: /Grafik realisasi/ }).waitFor();

    // The supervisor's feedback on the realization (their side, as a graph call) shows under it.
    await graphAs(supervisor, 'mutation($id: ID!, $f: String!) { giveRealizationFeedback(realizationId: $id, feedback: $f) { id } }', { id: file.realization_id, f: 'Bagus, lampirkan juga daftar hadir.' });
    await go(page, 'Tugas saya');
    await go(page, 'Realisasi');
    await page.getByText('Bagus, lampirkan juga daftar hadir.').waitFor();
    await page.getByText(`Umpan balik ${supervisor.name}`, { exact: false }).first().waitFor();
    await check(page, 'realizations');
  });

  test('the supervisor rates and completes the evaluation and sees the predicate', async () => {
    const page = supervisorPage;
    await go(page, 'Tim saya');
    const card = page.getByRole('listitem').filter({ hasText: staff.name });
    await card.getByRole('link', { name: 'Nilai' }).click();
    await page.getByRole('heading', { name: `Penilaian ${staff.name}` }).waitFor();
    await page.getByRole('radiogroup', { name: 'Rating hasil kerja' }).getByLabel('Di atas ekspektasi').check();
    await page.getByRole('radiogroup', { name: 'Rating perilaku kerja' }).getByLabel('Sesuai ekspektasi').check();
    await page.getByRole('button', { name: 'Simpan rating' }).click();
    await page.getByText('Predikat: Baik').waitFor();
    await check(page, 'evaluation-workspace');
    await page.getByRole('button', { name: 'Selesaikan penilaian' }).click();
    await page.getByText('Penilaian ini sudah selesai.').waitFor();
  });

  test('the employee sees the predicate, its quadrant cell and the reward decision with reasons, and files an objection', async () => {
    const page = staffPage;
    await go(page, 'Penilaian saya');
    const article = page.getByRole('article', { name: `Penilaian Kinerja Tahunan ${YEAR}` });
    await article.getByText('Predikat: Baik').waitFor();
    await article.getByRole('group', { name: /Kuadran kinerja: hasil kerja Di atas ekspektasi, perilaku Sesuai ekspektasi/ }).waitFor();
    // The reward decision arrives through Kafka (evaluation → recognition): reload until it is there.
    // isVisible() does not wait: the screen is awaited first, or a check right after the click sees
    // the screen before it has rendered and answers false every time.
    await expect.poll(async () => {
      await go(page, 'Tugas saya');
      await page.getByRole('heading', { name: 'Tugas saya', level: 1 }).waitFor();
      await go(page, 'Penilaian saya');
      await article.getByText('Predikat: Baik').waitFor();
      return article.getByRole('heading', { name: 'Keputusan penghargaan' }).isVisible();
    }, { timeout: 90_000, interval: 2_000 }).toBe(true);
    await article.getByText(/Kebijakan versi \d+/).waitFor();
    await article.getByText('Alasan:').waitFor();
    // The reasons come from the graph as codes and are said in Indonesian: no English sentence on this screen.
    const reasons = await article.getByRole('region', { name: 'Keputusan penghargaan' }).getByRole('listitem').allInnerTexts();
    expect(reasons[0]).toMatch(new RegExp(`^Tunjangan kinerja \\(TPP\\): predikat Baik memperoleh 100% TPP untuk tahun ${YEAR} \\(kebijakan versi \\d+\\)\\.$`));
    expect(reasons.some((r) => r.startsWith('Kenaikan pangkat: '))).toBe(true);
    expect(reasons.filter((r) => /Allowance|Promotion|Credit points|Follow-up|Certificate/.test(r))).toEqual([]);
    await article.getByText(/Anda dapat mengajukan keberatan sampai/).waitFor();
    await check(page, 'my-evaluations');

    await article.getByLabel(/^Alasan keberatan/).fill('Realisasi triwulan IV belum diperhitungkan.');
    await article.getByRole('button', { name: 'Ajukan keberatan' }).click();
    await article.getByText('Sedang diproses').waitFor();
    await article.getByText('Realisasi triwulan IV belum diperhitungkan.').waitFor();
    const [objection] = await platform.graph.services.evaluation!.dataSource.query('SELECT o.status FROM objection o JOIN evaluation e ON e.id = o.evaluation_id WHERE e.employee_id = $1', [staff.id]);
    expect(objection.status).toBe('FILED');
    await check(page, 'my-evaluations-objection');
  });

  test('giving feedback and the home of tasks pass axe-core; the English toggle', async () => {
    const page = staffPage;
    await go(page, 'Beri umpan balik');
    await page.getByRole('heading', { name: 'Beri umpan balik' }).waitFor();
    await check(page, 'give-feedback');
    await go(page, 'Kode QR unit');
    await page.getByText('Halaman ini untuk BKPSDM dan kepala unit', { exact: false }).waitFor();
    await go(page, 'Tugas saya');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My tasks', level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await check(page, 'home-employee-en');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Tugas saya', level: 1 }).waitFor();
  });

  test('a unit head prints the QR codes of the citizen page for their units and the units below them, as the graph lists them', async () => {
    const head = platform.accounts.find((a) => a.role === 'UNIT_HEAD')!.employee;
    const page = await signIn(head, 'desktop');
    headPage = page;
    await go(page, 'Kode QR unit');
    const unit = platform.regency.units.find((u) => u.headId === head.id)!;
    const sub = platform.regency.units.find((u) => u.parentId === unit.id)!;
    const other = platform.regency.units.find((u) => u.parentId === null && u.id !== unit.id)!;
    await page.getByRole('img', { name: `Kode QR umpan balik untuk ${unit.name}`, exact: true }).waitFor();
    await page.getByText(`${platform.webUrl}/umpan-balik/${unit.code}`, { exact: true }).waitFor();
    await page.getByRole('img', { name: `Kode QR umpan balik untuk ${sub.name}`, exact: true }).waitFor();
    expect(await page.getByRole('img', { name: `Kode QR umpan balik untuk ${other.name}`, exact: true }).count()).toBe(0);
    // No client-side "only mine" switch: the list is the graph's (feedbackQrUnits).
    expect(await page.getByRole('switch').count()).toBe(0);
    await check(page, 'unit-qr');
    // The search narrows the cards to one unit, the one to print.
    await page.getByLabel('Cari unit').fill(sub.code);
    await page.getByRole('img', { name: `Kode QR umpan balik untuk ${sub.name}`, exact: true }).waitFor();
    expect(await page.getByRole('img', { name: /^Kode QR umpan balik untuk / }).count()).toBe(1);
  });

  test('a unit head gives SUPERVISOR feedback to someone further down their chain, as the graph lists it; the home card keeps to those they evaluate', async () => {
    const page = headPage;
    const head = platform.accounts.find((a) => a.role === 'UNIT_HEAD')!.employee;
    const { employeeById, employees } = platform.regency;
    const chainOf = (e: (typeof employees)[number]) => {
      const out: string[] = [];
      for (let s = e.supervisorId; s && out.length < 64; s = employeeById.get(s)?.supervisorId ?? null) out.push(s);
      return out;
    };
    const unique = (e: (typeof employees)[number]) => employees.filter((x) => x.name === e.name).length === 1;
    // Two levels or more below the head: not someone they evaluate (the seeded 2026 evaluations are DRAFT, in an open cycle).
    const deep = employees.find((e) => e.status === 'ACTIVE' && unique(e) && chainOf(e).indexOf(head.id) >= 2)!;
    const direct = employees.find((e) => e.status === 'ACTIVE' && unique(e) && e.supervisorId === head.id)!;
    await go(page, 'Tugas saya');
    await page.getByText(`Bawahan: ${direct.name}`, { exact: true }).waitFor();
    expect(await page.getByText(`Bawahan: ${deep.name}`, { exact: true }).count()).toBe(0);

    await go(page, 'Beri umpan balik');
    await page.getByRole('combobox', { name: 'Untuk siapa' }).click();
    await page.getByRole('combobox', { name: 'Untuk siapa' }).fill(deep.name);
    await page.getByRole('option', { name: `${deep.name} – bawahan saya` }).click();
    await page.getByRole('radio', { name: /^4 – Baik$/ }).click();
    await check(page, 'give-feedback-head');
    await page.getByRole('button', { name: 'Kirim umpan balik' }).click();
    await page.getByText(`Umpan balik untuk ${deep.name} terkirim.`).waitFor();
    const rows = await platform.graph.services.evaluation!.dataSource.query(
      "SELECT f.source FROM feedback f JOIN evaluation e ON e.id = f.evaluation_id WHERE f.author_id = $1 AND e.employee_id = $2 AND e.status = 'DRAFT'", [head.id, deep.id]);
    expect(rows).toEqual([{ source: 'SUPERVISOR' }]);
  });

  test('BKPSDM (ADMIN) prints the QR code of any unit: the first cards, then the search finds the others', async () => {
    const bkpsdm = platform.accounts.find((a) => a.role === 'BKPSDM_HEAD')!.employee;
    const page = await signIn(bkpsdm, 'phone');
    // The burger opens the menu once the app is running.
    await page.getByRole('heading', { name: 'Tugas saya', level: 1 }).waitFor();
    await go(page, 'Kode QR unit');
    const total = platform.regency.units.length;
    await page.getByText(`Menampilkan 24 dari ${total} unit.`, { exact: false }).waitFor();
    expect(await page.getByRole('img', { name: /^Kode QR umpan balik untuk / }).count()).toBe(24);
    await check(page, 'unit-qr-bkpsdm');
    const far = platform.regency.units[platform.regency.units.length - 1]!;
    await page.getByLabel('Cari unit').fill(far.name);
    await page.getByRole('img', { name: `Kode QR umpan balik untuk ${far.name}`, exact: true }).waitFor();
    await page.getByText(`${platform.webUrl}/umpan-balik/${far.code}`, { exact: true }).waitFor();
  });

  test('the home screen comes rendered by the web server: readable, its links working, without JavaScript; the app takes that page over without a mismatch, in the language chosen', async () => {
    const withScript = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'id-ID', storageState: await staffPage.context().storageState() });
    contexts.push(withScript);
    const page = await withScript.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    await page.goto(`${platform.webUrl}/`);
    await interactive(page);
    expect(await page.locator('#root[data-server-rendered]').count()).toBe(1);
    await page.getByRole('heading', { name: 'Tugas saya', level: 1 }).waitFor();
    // A mismatch between the server's markup and the app's first render is a recoverable error React reports.
    expect(problems).toEqual([]);
    // Its buttons answer: English, and the next page the server renders is in English too (its cookie).
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My tasks', level: 1 }).waitFor();

    const noScript = await browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'id-ID', javaScriptEnabled: false, storageState: await withScript.storageState() });
    contexts.push(noScript);
    const plain = await noScript.newPage();
    await plain.goto(`${platform.webUrl}/`);
    await plain.getByRole('heading', { name: 'My tasks', level: 1 }).waitFor();
    expect(await plain.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Tugas saya', level: 1 }).waitFor();
    await plain.context().addCookies((await withScript.cookies(platform.webUrl)).filter((c) => c.name === 'kinerja_language'));
    await plain.goto(`${platform.webUrl}/`);
    await plain.getByRole('heading', { name: 'Tugas saya', level: 1 }).waitFor();
    expect(await plain.getAttribute('html', 'lang')).toBe('id');
    // The employee's own line and the plan card, with no script having run; the links are plain links.
    await plain.getByText(staff.name, { exact: false }).first().waitFor();
    await plain.getByText(`SKP ${YEAR}`, { exact: false }).first().waitFor();
    const planLink = plain.getByRole('navigation').getByRole('link', { name: 'SKP saya', exact: true });
    expect(await planLink.getAttribute('href')).toBe('/skp');
    await screenshot(plain, 'home-server-rendered');
    await planLink.click();
    await plain.waitForURL(`${platform.webUrl}/skp`);
    expect(await plain.locator('#root[data-server-rendered]').count()).toBe(0); // other screens are the app's alone
  });

  test('pages the server renders at the same time for two people each carry only that person\'s own data', async () => {
    const pageOf = async (page: Page) => {
      const html = await (await page.context().request.get(`${platform.webUrl}/`)).text();
      const root = html.slice(html.indexOf('<div id="root" data-server-rendered>'));
      expect(root.length).toBeLessThan(html.length);
      // The text a person reads (tags and React's text separators gone): Home names whose page it is as "name · position · unit".
      return root.replace(/<!--.*?-->/g, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#x27;/g, "'");
    };
    const pages = await Promise.all(Array.from({ length: 8 }, (_, i) => pageOf(i % 2 ? supervisorPage : staffPage)));
    for (const [i, root] of pages.entries()) {
      const [own, other] = i % 2 ? [supervisor, staff] : [staff, supervisor];
      expect(root).toContain(`${own.name} · `);
      expect(root).not.toContain(`${other.name} · `);
    }
  });

  test('the browser holds no token: the session cookie is HttpOnly, storage is empty of tokens, and another site cannot write with it', async () => {
    const page = supervisorPage;
    const cookies = await page.context().cookies(platform.webUrl);
    const session = cookies.find((c) => c.name === 'kinerja_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const visible = await page.evaluate(() => ({ cookie: document.cookie, local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));
    expect(visible.cookie).not.toContain('kinerja_session');
    expect(`${visible.local}${visible.session}`).not.toMatch(/eyJ[\w-]+\.eyJ/); // no JWT anywhere
    const forged = await page.context().request.post(`${platform.webUrl}/graphql`, {
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      data: { query: '{ me { id } }' },
    });
    expect(forged.status()).toBe(403);
  });

  test('sign-out ends the session at the identity service: the next visit asks for the password again', async () => {
    const page = supervisorPage;
    await page.getByRole('button', { name: 'Keluar', exact: true }).click();
    // The identity service's own page asks to confirm.
    await page.getByRole('button', { name: 'Ya, keluar' }).click();
    await page.locator('input[name="password"]').waitFor();
    expect(page.url().startsWith(platform.identity!.issuer)).toBe(true);
  });
});
