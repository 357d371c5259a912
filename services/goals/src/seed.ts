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

interface PlanSeed { id: string; employeeId: string; status: string; version: number; submittedAt: string | null; submittedBy: string | null; approvedAt: string | null; approvedBy: string | null }
interface GoalSeed { id: string; planId: string; position: number; t: Template; parentGoalId: string | null }
interface RealizationSeed { id: string; goalId: string; period: string; endMonth: number; value: number; recordedAt: string; recordedBy: string }

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
  const history: Array<{ realizationId: string; goalId: string; period: string; value: number; recordedAt: string; recordedBy: string; replacedAt: string }> = [];
  const goalOf = new Map<string, string>(); // `${employeeId}:${theme}` → goal id

  for (const e of ordered) {
    const h = hashOf(`plan:${e.id}:${year}`);
    const inPaud = e.unitId === paud?.id;
    const supervisor = e.supervisorId && activeIds.has(e.supervisorId) ? e.supervisorId : null;
    const level: Level = !supervisor ? 'top' : headed.has(e.id) ? 'head' : e.positionKind === 'PENGAWAS' ? 'lead' : 'staff';
    // Most plans are approved; a few wait for submission or approval (never on the non-formal showcase chain).
    const status = inPaud || e.id === disdik?.headId ? 'APPROVED' : h % 100 < 5 ? 'DRAFT' : h % 100 < 10 ? 'SUBMITTED' : 'APPROVED';
    const planId = stableUuid(`plan:${e.id}:${year}`);
    const themes: Theme[] = inPaud || e.id === disdik?.headId ? ['nonformal', ...THEMES] : THEMES;
    themes.forEach((theme, i) => {
      const id = stableUuid(`goal:${e.id}:${year}:${theme}`);
      goalOf.set(`${e.id}:${theme}`, id);
      const unitName = unitById.get(e.unitId)?.name ?? '';
      goals.push({ id, planId, position: i + 1, t: template(theme, level, e, unitName, h >>> (i * 3)), parentGoalId: supervisor ? goalOf.get(`${supervisor}:${theme}`) ?? null : null });
    });
    const n = themes.length;
    plans.push({
      id: planId, employeeId: e.id, status, version: 1 + n + (status === 'DRAFT' ? 0 : status === 'SUBMITTED' ? 1 : 2),
      submittedAt: status === 'DRAFT' ? null : iso(year, 1, 10 + (h % 10)), submittedBy: status === 'DRAFT' ? null : e.id,
      approvedAt: status === 'APPROVED' ? iso(year, 1, 25 + (h % 5)) : null,
      // Without a supervisor (the Sekda) BKPSDM approves on the regent's behalf.
      approvedBy: status === 'APPROVED' ? supervisor ?? regency.admin.id : null,
    });
  }

  const planById = new Map(plans.map((p) => [p.id, p]));
  for (const g of goals) {
    const plan = planById.get(g.planId) as PlanSeed;
    if (plan.status !== 'APPROVED') continue;
    const pace = 0.75 + (hashOf(`pace:${g.id}`) % 50) / 100; // 0.75 .. 1.24 of the pro-rata target
    const quarterly = !!g.t.lower;
    const periods = quarterly
      ? Array.from({ length: Math.floor(months / 3) }, (_, i) => ({ period: `${year}-Q${i + 1}`, endMonth: (i + 1) * 3 }))
      : Array.from({ length: months }, (_, i) => ({ period: `${year}-${String(i + 1).padStart(2, '0')}`, endMonth: i + 1 }));
    for (const p of periods) {
      const share = p.endMonth / 12;
      const raw = g.t.level ? g.t.target * Math.min(1.2, (0.88 + 0.1 * share) * (0.9 + pace / 10)) : g.t.target * share * pace;
      const value = g.t.level ? Math.round(raw * 10) / 10 : Math.round(raw);
      const id = stableUuid(`realization:${g.id}:${p.period}`);
      const recordedAt = iso(year, p.endMonth + 1 > 12 ? 12 : p.endMonth + 1, 3);
      realizations.push({ id, goalId: g.id, period: p.period, endMonth: p.endMonth, value, recordedAt, recordedBy: plan.employeeId });
      // Now and then a month was corrected after the fact: the first value stays in the history.
      if (p.endMonth === 3 && !quarterly && hashOf(`fix:${g.id}`) % 10 === 0) {
        history.push({ realizationId: id, goalId: g.id, period: p.period, value: Math.round(value * 0.8 * 10) / 10, recordedAt: iso(year, 4, 1), recordedBy: plan.employeeId, replacedAt: recordedAt });
      }
    }
  }

  await ds.transaction(async (m) => {
    await insertBatched(plans, 5000, (part) => m.query(
      `INSERT INTO performance_plan (id, employee_id, year, status, version, submitted_at, submitted_by, approved_at, approved_by, created_at)
       SELECT id, emp, $3, st, v, sa, sb, aa, ab, $10::timestamptz FROM unnest($1::uuid[], $2::uuid[], $4::text[], $5::int[], $6::timestamptz[], $7::uuid[], $8::timestamptz[], $9::uuid[])
         AS t(id, emp, st, v, sa, sb, aa, ab)`,
      [part.map((p) => p.id), part.map((p) => p.employeeId), year, part.map((p) => p.status), part.map((p) => p.version),
        part.map((p) => p.submittedAt), part.map((p) => p.submittedBy), part.map((p) => p.approvedAt), part.map((p) => p.approvedBy), iso(year, 1, 5)],
    ), (done) => progress('plans', done, plans.length));
    await insertBatched(goals, 5000, (part) => m.query(
      `INSERT INTO goal (id, plan_id, position, title, indicator, unit_of_measure, target, direction, parent_goal_id, created_at)
       SELECT *, $10::timestamptz FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::uuid[])`,
      [part.map((g) => g.id), part.map((g) => g.planId), part.map((g) => g.position), part.map((g) => g.t.title), part.map((g) => g.t.indicator),
        part.map((g) => g.t.unit), part.map((g) => g.t.target), part.map((g) => (g.t.lower ? 'LOWER_IS_BETTER' : 'HIGHER_IS_BETTER')),
        part.map((g) => g.parentGoalId), iso(year, 1, 5)],
    ), (done) => progress('goals', done, goals.length));
    await insertBatched(realizations, 10_000, (part) => m.query(
      `INSERT INTO realization (id, goal_id, period, period_end_month, value, recorded_at, recorded_by)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::smallint[], $5::float8[], $6::timestamptz[], $7::uuid[])`,
      [part.map((r) => r.id), part.map((r) => r.goalId), part.map((r) => r.period), part.map((r) => r.endMonth), part.map((r) => r.value),
        part.map((r) => r.recordedAt), part.map((r) => r.recordedBy)],
    ), (done) => progress('realizations', done, realizations.length));
    if (history.length > 0) {
      await m.query(
        `INSERT INTO realization_history (realization_id, goal_id, period, value, recorded_at, recorded_by, replaced_at, replaced_by)
         SELECT r, g, p, v, ra, rb, pa, rb FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[], $5::timestamptz[], $6::uuid[], $7::timestamptz[]) AS t(r, g, p, v, ra, rb, pa)`,
        [history.map((x) => x.realizationId), history.map((x) => x.goalId), history.map((x) => x.period), history.map((x) => x.value),
          history.map((x) => x.recordedAt), history.map((x) => x.recordedBy), history.map((x) => x.replacedAt)],
      );
    }
  });
}
