import { stableUuid, type DemoEmployee, type DemoRegency } from '@kinerja/demo-regency';
import type { DataSource } from 'typeorm';

/**
 * Demo SKPs for the demo regency: every active employee gets a plan whose goals cascade from the
 * direct supervisor's (DOMAIN.md), most plans approved with realizations through September. Dinas
 * Pendidikan dan Kebudayaan carries the non-formal education goal from its head down through the
 * PAUD/nonformal bidang to its staff. Deterministic: ids come from stableUuid.
 */

export type Progress = (stage: string, done: number, total: number) => void;

export interface GoalsSeedOptions {
  year?: number;
  /** Months with realizations, from January. */
  months?: number;
}

export async function isEmpty(ds: DataSource): Promise<boolean> {
  const rows: Array<{ n: string }> = await ds.query('SELECT count(*) AS n FROM performance_plan');
  return Number(rows[0]?.n ?? 0) === 0;
}

type Level = 'top' | 'head' | 'lead' | 'staff';
type Theme = 'service' | 'accountability' | 'complaints' | 'nonformal';
interface Template { title: string; indicator: string; unit: string; target: number; lower?: boolean; level?: boolean }

/** PermenPANRB 6/2022: complaints-type results are additional (TAMBAHAN); the others are main (UTAMA). */
const KIND: Record<Theme, 'UTAMA' | 'TAMBAHAN'> = { service: 'UTAMA', accountability: 'UTAMA', complaints: 'TAMBAHAN', nonformal: 'UTAMA' };

/** Second and third indicators for some RHK (kualitas, waktu), so plans show the full SKP structure. */
interface ExtraIndicator { aspect: 'KUALITAS' | 'WAKTU'; description: string; qualitative: boolean; unit: string | null; target: number | null; quarterly: Array<number | null> | null }
function extras(theme: Theme, h: number): ExtraIndicator[] {
  if (theme === 'service' && h % 3 === 0) {
    return [
      { aspect: 'WAKTU', description: 'Rata-rata waktu penyelesaian layanan', qualitative: false, unit: 'hari', target: 5, quarterly: null },
      { aspect: 'KUALITAS', description: 'Hasil layanan diterima pengguna tanpa perbaikan dan sesuai standar pelayanan', qualitative: true, unit: null, target: null, quarterly: null },
    ];
  }
  if (theme === 'accountability' && h % 2 === 0) {
    return [{ aspect: 'KUALITAS', description: 'Dokumen disusun lengkap, benar dan diterima pimpinan tanpa revisi substansial', qualitative: true, unit: null, target: null, quarterly: null }];
  }
  if (theme === 'nonformal') {
    return [{ aspect: 'WAKTU', description: 'Persentase laporan pendampingan yang disampaikan sebelum tanggal 5 bulan berikutnya', qualitative: false, unit: 'persen', target: 90, quarterly: null }];
  }
  return [];
}

/** Ekspektasi khusus pimpinan set by the supervisor on approved plans (a few values each). */
const EXPECTATIONS: Array<[string, string]> = [
  ['BERORIENTASI_PELAYANAN', 'Menanggapi setiap permintaan layanan paling lambat satu hari kerja dan ramah kepada pengguna layanan'],
  ['AKUNTABEL', 'Menyampaikan laporan kegiatan tepat waktu dengan bukti dukung yang lengkap'],
  ['KOMPETEN', 'Mengikuti paling sedikit 20 JP pengembangan kompetensi dan berbagi hasilnya dengan tim'],
  ['KOLABORATIF', 'Aktif berkoordinasi dengan bidang lain dalam kegiatan lintas perangkat daerah'],
  ['ADAPTIF', 'Menggunakan aplikasi layanan daring yang baru tanpa menunggu instruksi berulang'],
];

const THEMES: Theme[] = ['service', 'accountability', 'complaints'];

function template(theme: Theme, level: Level, e: DemoEmployee, unitName: string, h: number): Template {
  const scope = level === 'top' ? 'Pemerintah Kabupaten Bungo' : unitName;
  switch (theme) {
    case 'service':
      if (level === 'top' || level === 'head') {
        return { title: `Meningkatnya kualitas pelayanan ${scope}`, indicator: `Indeks kepuasan masyarakat terhadap layanan ${scope}`, unit: 'nilai IKM', target: 80 + (h % 8), level: true };
      }
      if (level === 'lead') return { title: `Terlaksananya layanan ${unitName} sesuai standar waktu`, indicator: 'Persentase layanan yang diselesaikan sesuai standar waktu', unit: 'persen', target: 90, level: true };
      return { title: `Terselesaikannya pekerjaan ${e.positionTitle} tepat waktu`, indicator: 'Jumlah layanan dan kegiatan yang diselesaikan', unit: 'kegiatan', target: 120 + 20 * (h % 7) };
    case 'accountability':
      if (level === 'top' || level === 'head') return { title: `Meningkatnya akuntabilitas kinerja ${scope}`, indicator: `Nilai evaluasi SAKIP ${scope}`, unit: 'nilai', target: 70 + (h % 6), level: true };
      if (level === 'lead') return { title: `Tersusunnya dokumen perencanaan dan laporan kinerja ${unitName}`, indicator: 'Jumlah dokumen perencanaan dan laporan yang tersusun tepat waktu', unit: 'dokumen', target: 8 };
      return { title: 'Tersusunnya laporan kegiatan bulanan', indicator: 'Jumlah laporan bulanan yang disampaikan tepat waktu', unit: 'laporan', target: 12 };
    case 'complaints':
      if (level === 'top' || level === 'head') return { title: `Menurunnya pengaduan masyarakat atas layanan ${scope}`, indicator: 'Jumlah pengaduan yang terbukti', unit: 'pengaduan', target: level === 'top' ? 40 : 12, lower: true };
      if (level === 'lead') return { title: `Menurunnya kesalahan dalam layanan ${unitName}`, indicator: 'Jumlah berkas layanan yang dikembalikan karena kesalahan', unit: 'berkas', target: 10, lower: true };
      return { title: 'Menurunnya kesalahan administrasi dalam pekerjaan', indicator: 'Jumlah koreksi atas hasil kerja', unit: 'koreksi', target: 6, lower: true };
    case 'nonformal':
      if (level === 'head' && e.positionKind === 'JPT') {
        return { title: 'Meningkatnya partisipasi masyarakat dalam pendidikan nonformal', indicator: 'Angka partisipasi pendidikan kesetaraan (Paket A, B dan C)', unit: 'persen', target: 65, level: true };
      }
      if (level === 'head') return { title: 'Meningkatnya layanan pendidikan anak usia dini dan pendidikan nonformal', indicator: 'Jumlah warga belajar pendidikan kesetaraan yang terlayani', unit: 'orang', target: 1500 };
      if (level === 'lead') return { title: 'Terbinanya PKBM dan SKB penyelenggara pendidikan kesetaraan', indicator: 'Jumlah PKBM dan SKB yang dibina', unit: 'lembaga', target: 24 };
      return { title: 'Terlaksananya pembelajaran dan pendampingan warga belajar pendidikan kesetaraan', indicator: 'Jumlah warga belajar yang didampingi', unit: 'orang', target: 60 };
  }
}

/** A small stable number per name, for deterministic variety. */
function hashOf(name: string): number {
  return parseInt(stableUuid(name).slice(0, 8), 16);
}

const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString();

interface PlanSeed {
  id: string; employeeId: string; status: string; version: number; submittedAt: string | null; submittedBy: string | null; approvedAt: string | null; approvedBy: string | null;
  periodStart: string; periodEnd: string; closedOn: string | null;
}
interface GoalSeed { id: string; planId: string; position: number; t: Template; parentGoalId: string | null; kind: 'UTAMA' | 'TAMBAHAN'; extras: ExtraIndicator[] }
interface RealizationSeed { id: string; goalId: string; indicatorId: string; period: string; endMonth: number; value: number; recordedAt: string; recordedBy: string }
interface IndicatorSeed { id: string; goalId: string; position: number; aspect: string; description: string; qualitative: boolean; unit: string | null; target: number | null; direction: string | null }

async function insertBatched<T>(rows: T[], batch: number, write: (part: T[]) => Promise<unknown>, progress: (done: number) => void) {
  for (let i = 0; i < rows.length; i += batch) {
    await write(rows.slice(i, i + batch));
    progress(Math.min(i + batch, rows.length));
  }
}

export async function seedGoals(ds: DataSource, regency: DemoRegency, progress: Progress = () => {}, options: GoalsSeedOptions = {}): Promise<void> {
  const year = options.year ?? 2026;
  const months = options.months ?? 9;
  const active = regency.employees.filter((e) => e.status === 'ACTIVE');
  const unitById = new Map(regency.units.map((u) => [u.id, u]));
  const headed = new Set(regency.units.map((u) => u.headId).filter((id): id is string => !!id));
  const paud = regency.unitByCode.get('DISDIKBUD-PAUD');
  const disdik = regency.unitByCode.get('DISDIKBUD');

  // Supervisors before their staff, so parents exist when children are planned.
  const bySupervisor = new Map<string | null, DemoEmployee[]>();
  const activeIds = new Set(active.map((e) => e.id));
  for (const e of active) {
    const key = e.supervisorId && activeIds.has(e.supervisorId) ? e.supervisorId : null;
    bySupervisor.set(key, [...(bySupervisor.get(key) ?? []), e]);
  }
  const ordered: DemoEmployee[] = [];
  for (let level = bySupervisor.get(null) ?? []; level.length > 0; level = level.flatMap((e) => bySupervisor.get(e.id) ?? [])) ordered.push(...level);

  const plans: PlanSeed[] = [];
  const goals: GoalSeed[] = [];
  const realizations: RealizationSeed[] = [];
  const history: Array<{ realizationId: string; goalId: string; indicatorId: string; period: string; value: number; recordedAt: string; recordedBy: string; replacedAt: string }> = [];
  const goalOf = new Map<string, string>(); // `${employeeId}:${theme}` → goal id

  // DOMAIN.md: a transfer mid-year closes the plan on the transfer date and opens one for the new
  // position. One staff member outside the showcase chain moved on 1 July: two plans in the year,
  // the first (January-June) approved with realizations, the second approved from July.
  const transferred = ordered.find((e) => e.supervisorId && activeIds.has(e.supervisorId) && !headed.has(e.id)
    && e.positionKind === 'PELAKSANA' && e.unitId !== paud?.id && hashOf(`transfer:${e.id}`) % 7 === 0) ?? null;
  const transferOn = `${year}-07-01`;
  const expectations: Array<{ planId: string; coreValue: string; expectation: string; setBy: string }> = [];

  for (const e of ordered) {
    const h = hashOf(`plan:${e.id}:${year}`);
    const inPaud = e.unitId === paud?.id;
    const supervisor = e.supervisorId && activeIds.has(e.supervisorId) ? e.supervisorId : null;
    const level: Level = !supervisor ? 'top' : headed.has(e.id) ? 'head' : e.positionKind === 'PENGAWAS' ? 'lead' : 'staff';
    // Most plans are approved; a few wait for submission or approval (never on the non-formal showcase chain).
    const status = inPaud || e.id === disdik?.headId ? 'APPROVED' : h % 100 < 5 ? 'DRAFT' : h % 100 < 10 ? 'SUBMITTED' : 'APPROVED';
    const planId = stableUuid(`plan:${e.id}:${year}`);
    const themes: Theme[] = inPaud || e.id === disdik?.headId ? ['nonformal', ...THEMES] : THEMES;
    const periods = e.id === transferred?.id
      ? [{ planId: stableUuid(`plan:${e.id}:${year}:before-transfer`), start: `${year}-01-01`, end: `${year}-06-30`, closedOn: transferOn, suffix: ':before-transfer' },
        { planId, start: transferOn, end: `${year}-12-31`, closedOn: null, suffix: '' }]
      : [{ planId, start: `${year}-01-01`, end: `${year}-12-31`, closedOn: null, suffix: '' }];
    for (const period of periods) {
      themes.forEach((theme, i) => {
        const id = stableUuid(`goal:${e.id}:${year}:${theme}${period.suffix}`);
        if (!period.suffix) goalOf.set(`${e.id}:${theme}`, id);
        const unitName = unitById.get(e.unitId)?.name ?? '';
        // The plan before the transfer served another unit's RHK: it keeps no parent here.
        const parentGoalId = supervisor && !period.suffix ? goalOf.get(`${supervisor}:${theme}`) ?? null : null;
        goals.push({ id, planId: period.planId, position: i + 1, t: template(theme, level, e, unitName, h >>> (i * 3)), parentGoalId, kind: KIND[theme], extras: extras(theme, h >>> (i * 3)) });
      });
      const n = themes.length;
      const submittedDay = period.suffix || period.start === `${year}-01-01` ? iso(year, 1, 10 + (h % 10)) : iso(year, 7, 8);
      const approvedDay = period.suffix || period.start === `${year}-01-01` ? iso(year, 1, 25 + (h % 5)) : iso(year, 7, 15);
      plans.push({
        id: period.planId, employeeId: e.id, status, version: 1 + n + (status === 'DRAFT' ? 0 : status === 'SUBMITTED' ? 1 : 2),
        submittedAt: status === 'DRAFT' ? null : submittedDay, submittedBy: status === 'DRAFT' ? null : e.id,
        approvedAt: status === 'APPROVED' ? approvedDay : null,
        // Without a supervisor (the Sekda) BKPSDM approves on the regent's behalf.
        approvedBy: status === 'APPROVED' ? supervisor ?? regency.admin.id : null,
        periodStart: period.start, periodEnd: period.end, closedOn: period.closedOn,
      });
      if (supervisor && status !== 'DRAFT') {
        const count = 2 + (h % 3);
        for (let k = 0; k < count; k++) {
          const [coreValue, expectation] = EXPECTATIONS[(h + k) % EXPECTATIONS.length] as [string, string];
          if (!expectations.some((x) => x.planId === period.planId && x.coreValue === coreValue)) expectations.push({ planId: period.planId, coreValue, expectation, setBy: supervisor });
        }
      }
    }
  }

  const indicators: IndicatorSeed[] = [];
  for (const g of goals) {
    indicators.push({ id: stableUuid(`indicator:${g.id}:1`), goalId: g.id, position: 1, aspect: 'KUANTITAS', description: g.t.indicator, qualitative: false,
      unit: g.t.unit, target: g.t.target, direction: g.t.lower ? 'LOWER_IS_BETTER' : 'HIGHER_IS_BETTER' });
    g.extras.forEach((x, i) => indicators.push({ id: stableUuid(`indicator:${g.id}:${i + 2}`), goalId: g.id, position: i + 2, aspect: x.aspect, description: x.description,
      qualitative: x.qualitative, unit: x.unit, target: x.target, direction: x.qualitative ? null : 'HIGHER_IS_BETTER' }));
  }

  const planById = new Map(plans.map((p) => [p.id, p]));
  const goalById = new Map(goals.map((g) => [g.id, g]));
  for (const ind of indicators) {
    const g = goalById.get(ind.goalId) as GoalSeed;
    const plan = planById.get(g.planId) as PlanSeed;
    if (plan.status !== 'APPROVED' || ind.qualitative || ind.target === null) continue;
    const firstMonth = Number(plan.periodStart.slice(5, 7));
    const lastMonth = Math.min(months, Number(plan.periodEnd.slice(5, 7)));
    const t: Template = ind.position === 1 ? g.t : { ...g.t, target: ind.target, level: true };
    const pace = 0.75 + (hashOf(`pace:${ind.id}`) % 50) / 100; // 0.75 .. 1.24 of the pro-rata target
    const quarterly = !!t.lower;
    const periods = (quarterly
      ? Array.from({ length: 4 }, (_, i) => ({ period: `${year}-Q${i + 1}`, endMonth: (i + 1) * 3 }))
      : Array.from({ length: 12 }, (_, i) => ({ period: `${year}-${String(i + 1).padStart(2, '0')}`, endMonth: i + 1 })))
      .filter((p) => p.endMonth <= lastMonth + (quarterly ? 2 : 0) && p.endMonth >= firstMonth && p.endMonth <= months);
    for (const p of periods) {
      const share = p.endMonth / 12;
      const raw = t.level ? t.target * Math.min(1.2, (0.88 + 0.1 * share) * (0.9 + pace / 10)) : t.target * share * pace;
      const value = t.level ? Math.round(raw * 10) / 10 : Math.round(raw);
      // Realizations of first indicators keep their earlier ids (stable across the migration).
      const id = ind.position === 1 ? stableUuid(`realization:${g.id}:${p.period}`) : stableUuid(`realization:${ind.id}:${p.period}`);
      const recordedAt = iso(year, p.endMonth + 1 > 12 ? 12 : p.endMonth + 1, 3);
      realizations.push({ id, goalId: g.id, indicatorId: ind.id, period: p.period, endMonth: p.endMonth, value, recordedAt, recordedBy: plan.employeeId });
      // Now and then a month was corrected after the fact: the first value stays in the history.
      if (p.endMonth === 3 && !quarterly && ind.position === 1 && hashOf(`fix:${g.id}`) % 10 === 0) {
        history.push({ realizationId: id, goalId: g.id, indicatorId: ind.id, period: p.period, value: Math.round(value * 0.8 * 10) / 10, recordedAt: iso(year, 4, 1), recordedBy: plan.employeeId, replacedAt: recordedAt });
      }
    }
  }

  await ds.transaction(async (m) => {
    await insertBatched(plans, 5000, (part) => m.query(
      `INSERT INTO performance_plan (id, employee_id, year, status, version, submitted_at, submitted_by, approved_at, approved_by, created_at,
                                     period_start, period_end, closed_by_transfer_on)
       SELECT id, emp, $3, st, v, sa, sb, aa, ab, $10::timestamptz, ps, pe, co
         FROM unnest($1::uuid[], $2::uuid[], $4::text[], $5::int[], $6::timestamptz[], $7::uuid[], $8::timestamptz[], $9::uuid[], $11::date[], $12::date[], $13::date[])
         AS t(id, emp, st, v, sa, sb, aa, ab, ps, pe, co)`,
      [part.map((p) => p.id), part.map((p) => p.employeeId), year, part.map((p) => p.status), part.map((p) => p.version),
        part.map((p) => p.submittedAt), part.map((p) => p.submittedBy), part.map((p) => p.approvedAt), part.map((p) => p.approvedBy), iso(year, 1, 5),
        part.map((p) => p.periodStart), part.map((p) => p.periodEnd), part.map((p) => p.closedOn)],
    ), (done) => progress('plans', done, plans.length));
    await insertBatched(goals, 5000, (part) => m.query(
      `INSERT INTO goal (id, plan_id, position, title, kind, parent_goal_id, created_at)
       SELECT *, $7::timestamptz FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::uuid[])`,
      [part.map((g) => g.id), part.map((g) => g.planId), part.map((g) => g.position), part.map((g) => g.t.title), part.map((g) => g.kind),
        part.map((g) => g.parentGoalId), iso(year, 1, 5)],
    ), (done) => progress('goals', done, goals.length));
    await insertBatched(indicators, 5000, (part) => m.query(
      `INSERT INTO indicator (id, goal_id, position, aspect, description, qualitative, unit_of_measure, target, direction, created_at)
       SELECT *, $10::timestamptz FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::bool[], $7::text[], $8::float8[], $9::text[])`,
      [part.map((i) => i.id), part.map((i) => i.goalId), part.map((i) => i.position), part.map((i) => i.aspect), part.map((i) => i.description),
        part.map((i) => i.qualitative), part.map((i) => i.unit), part.map((i) => i.target), part.map((i) => i.direction), iso(year, 1, 5)],
    ), (done) => progress('indicators', done, indicators.length));
    if (expectations.length > 0) {
      await m.query(
        `INSERT INTO behavior_expectation (plan_id, core_value, expectation, set_by, set_at)
         SELECT *, $5::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[])`,
        [expectations.map((x) => x.planId), expectations.map((x) => x.coreValue), expectations.map((x) => x.expectation), expectations.map((x) => x.setBy), iso(year, 1, 20)],
      );
    }
    await insertBatched(realizations, 10_000, (part) => m.query(
      `INSERT INTO realization (id, goal_id, indicator_id, period, period_end_month, value, recorded_at, recorded_by)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $8::uuid[], $3::text[], $4::smallint[], $5::float8[], $6::timestamptz[], $7::uuid[])`,
      [part.map((r) => r.id), part.map((r) => r.goalId), part.map((r) => r.period), part.map((r) => r.endMonth), part.map((r) => r.value),
        part.map((r) => r.recordedAt), part.map((r) => r.recordedBy), part.map((r) => r.indicatorId)],
    ), (done) => progress('realizations', done, realizations.length));
    if (history.length > 0) {
      await m.query(
        `INSERT INTO realization_history (realization_id, goal_id, indicator_id, period, value, recorded_at, recorded_by, replaced_at, replaced_by)
         SELECT r, g, i, p, v, ra, rb, pa, rb FROM unnest($1::uuid[], $2::uuid[], $8::uuid[], $3::text[], $4::float8[], $5::timestamptz[], $6::uuid[], $7::timestamptz[]) AS t(r, g, i, p, v, ra, rb, pa)`,
        [history.map((x) => x.realizationId), history.map((x) => x.goalId), history.map((x) => x.period), history.map((x) => x.value),
          history.map((x) => x.recordedAt), history.map((x) => x.recordedBy), history.map((x) => x.replacedAt), history.map((x) => x.indicatorId)],
      );
    }
  });
}
