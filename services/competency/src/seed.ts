import { prng, stableUuid, type DemoEmployee, type DemoRegency } from '@kinerja/demo-regency';
import type { DataSource, EntityManager } from 'typeorm';
import { contractYearOf, PPPK_CEILING_HOURS } from './domain/learning-hours';

/**
 * The demo regency's competency development in 2026 (DOMAIN.md, "Demo regency"): a catalogue, a
 * time-management and productivity training for administrative staff, a cross-dinas sosialisasi of
 * the development programme led by Bappeda, a stunting collaboration, e-learning, coaching, and
 * one 2025 training, with enrollments so some employees meet 20 JP in 2026 and some don't.
 * Deterministic: the same regency gives the same ids. Seed data writes no outbox events.
 */

export type Progress = (done: number, total: number) => void;

type Kind = 'TECHNICAL' | 'MANAGERIAL' | 'SOCIOCULTURAL';

// Managerial and socio-cultural names follow the ASN competency standard (PermenPANRB 38/2017).
export const CATALOGUE: Array<{ code: string; name: string; kind: Kind }> = [
  { code: 'TEK-PERENCANAAN', name: 'Perencanaan Pembangunan Daerah', kind: 'TECHNICAL' },
  { code: 'TEK-KEUANGAN', name: 'Pengelolaan Keuangan Daerah', kind: 'TECHNICAL' },
  { code: 'TEK-ARSIP', name: 'Kearsipan dan Tata Naskah Dinas', kind: 'TECHNICAL' },
  { code: 'TEK-DIGITAL', name: 'Literasi Digital dan Keamanan Informasi', kind: 'TECHNICAL' },
  { code: 'TEK-KESMAS', name: 'Gizi dan Kesehatan Masyarakat', kind: 'TECHNICAL' },
  { code: 'TEK-PBJ', name: 'Pengadaan Barang/Jasa Pemerintah', kind: 'TECHNICAL' },
  { code: 'TEK-PEMBELAJARAN', name: 'Pembelajaran dan Asesmen Peserta Didik', kind: 'TECHNICAL' },
  { code: 'TEK-GADAR', name: 'Penanganan Kegawatdaruratan Medis', kind: 'TECHNICAL' },
  { code: 'TEK-KINERJA', name: 'Penyusunan Sasaran Kinerja Pegawai', kind: 'TECHNICAL' },
  { code: 'MAN-INTEGRITAS', name: 'Integritas', kind: 'MANAGERIAL' },
  { code: 'MAN-KERJASAMA', name: 'Kerja Sama', kind: 'MANAGERIAL' },
  { code: 'MAN-KOMUNIKASI', name: 'Komunikasi', kind: 'MANAGERIAL' },
  { code: 'MAN-HASIL', name: 'Orientasi pada Hasil', kind: 'MANAGERIAL' },
  { code: 'MAN-PELAYANAN', name: 'Pelayanan Publik', kind: 'MANAGERIAL' },
  { code: 'MAN-PENGEMBANGAN', name: 'Pengembangan Diri dan Orang Lain', kind: 'MANAGERIAL' },
  { code: 'MAN-PERUBAHAN', name: 'Mengelola Perubahan', kind: 'MANAGERIAL' },
  { code: 'MAN-KEPUTUSAN', name: 'Pengambilan Keputusan', kind: 'MANAGERIAL' },
  { code: 'SOS-PEREKAT-BANGSA', name: 'Perekat Bangsa', kind: 'SOCIOCULTURAL' },
];

interface SeedActivity {
  key: string;
  title: string;
  kind: string;
  organizer: string;
  /** Unit codes; '*' is every top-level unit (a regency-wide activity). */
  units: string[] | '*';
  startsOn: string;
  endsOn: string;
  hours: number;
  capacity: number | null;
  competencies: string[];
}

const NATIONWIDE = '*' as const;

export const ACTIVITIES: SeedActivity[] = [
  { key: 'pbj-2025', title: 'Pelatihan Pengadaan Barang/Jasa Pemerintah Tingkat Dasar', kind: 'TRAINING', organizer: 'SETDA-PBJ',
    units: ['SETDA-PBJ', 'BPKAD', 'DPUPR', 'DISDIKBUD', 'DINKES'], startsOn: '2025-11-10', endsOn: '2025-11-13', hours: 32, capacity: 40, competencies: ['TEK-PBJ', 'MAN-INTEGRITAS'] },
  { key: 'bimtek-skp-2026', title: 'Bimbingan Teknis Penyusunan SKP dan Ekspektasi Kinerja', kind: 'WORKSHOP', organizer: 'BKPSDMD',
    units: ['BKPSDMD', 'SETDA', 'BPKAD', 'INSPEKTORAT'], startsOn: '2026-01-20', endsOn: '2026-01-21', hours: 8, capacity: 80, competencies: ['TEK-KINERJA', 'MAN-HASIL'] },
  { key: 'sosialisasi-rpjmd-2026', title: 'Sosialisasi Program Pembangunan Daerah Kabupaten Bungo (RPJMD 2026–2030) Lintas Dinas', kind: 'SOCIALIZATION', organizer: 'BAPPEDA',
    units: ['BAPPEDA', 'DISDIKBUD', 'DINKES', 'DPUPR', 'DINSOS', 'DLH', 'DISKOMINFO', 'DISHUB'], startsOn: '2026-02-24', endsOn: '2026-02-25', hours: 8, capacity: 250,
    competencies: ['TEK-PERENCANAAN', 'MAN-KERJASAMA', 'SOS-PEREKAT-BANGSA'] },
  { key: 'manwaktu-1-2026', title: 'Pelatihan Manajemen Waktu dan Produktivitas Kerja bagi Tenaga Administrasi — Angkatan I', kind: 'TRAINING', organizer: 'BKPSDMD',
    units: NATIONWIDE, startsOn: '2026-03-09', endsOn: '2026-03-11', hours: 24, capacity: 60, competencies: ['MAN-HASIL', 'MAN-PENGEMBANGAN', 'TEK-ARSIP'] },
  { key: 'elearning-digital-2026', title: 'E-Learning Literasi Digital dan Keamanan Informasi ASN', kind: 'E_LEARNING', organizer: 'DISKOMINFO',
    units: NATIONWIDE, startsOn: '2026-04-01', endsOn: '2026-10-31', hours: 12, capacity: null, competencies: ['TEK-DIGITAL', 'MAN-PERUBAHAN'] },
  { key: 'stunting-2026', title: 'Kolaborasi Percepatan Penurunan Stunting: Rembuk dan Rencana Aksi Lintas Sektor', kind: 'COLLABORATION', organizer: 'DINKES',
    units: ['DINKES', 'DINSOS', 'DISDIKBUD', 'BAPPEDA', 'DPUPR'], startsOn: '2026-05-18', endsOn: '2026-05-20', hours: 16, capacity: 60,
    competencies: ['TEK-KESMAS', 'MAN-KERJASAMA', 'SOS-PEREKAT-BANGSA'] },
  { key: 'coaching-pengawas-2026', title: 'Coaching Kepemimpinan bagi Pejabat Pengawas', kind: 'COACHING', organizer: 'BKPSDMD',
    units: NATIONWIDE, startsOn: '2026-06-08', endsOn: '2026-06-12', hours: 10, capacity: 40, competencies: ['MAN-PENGEMBANGAN', 'MAN-KEPUTUSAN', 'MAN-KOMUNIKASI'] },
  { key: 'guru-2026', title: 'Pelatihan Pembelajaran Berdiferensiasi bagi Guru', kind: 'TRAINING', organizer: 'DISDIKBUD',
    units: ['DISDIKBUD'], startsOn: '2026-07-06', endsOn: '2026-07-10', hours: 32, capacity: 400, competencies: ['TEK-PEMBELAJARAN', 'MAN-PENGEMBANGAN'] },
  { key: 'nakes-2026', title: 'Pelatihan Penanganan Kegawatdaruratan Dasar bagi Tenaga Kesehatan', kind: 'TRAINING', organizer: 'DINKES',
    units: ['DINKES'], startsOn: '2026-08-10', endsOn: '2026-08-13', hours: 24, capacity: 200, competencies: ['TEK-GADAR', 'MAN-PELAYANAN'] },
  { key: 'k3-2026', title: 'Pelatihan Kesiapsiagaan Bencana dan K3 bagi Petugas Lapangan', kind: 'TRAINING', organizer: 'BPBD',
    units: ['BPBD', 'DPUPR', 'DLH', 'DISHUB', 'SATPOLPP'], startsOn: '2026-09-14', endsOn: '2026-09-17', hours: 20, capacity: 150,
    competencies: ['MAN-KERJASAMA', 'MAN-KEPUTUSAN'] },
  { key: 'manwaktu-2-2026', title: 'Pelatihan Manajemen Waktu dan Produktivitas Kerja bagi Tenaga Administrasi — Angkatan II', kind: 'TRAINING', organizer: 'BKPSDMD',
    units: NATIONWIDE, startsOn: '2026-07-13', endsOn: '2026-07-15', hours: 24, capacity: 60, competencies: ['MAN-HASIL', 'MAN-PENGEMBANGAN', 'TEK-ARSIP'] },
  { key: 'manwaktu-3-2026', title: 'Pelatihan Manajemen Waktu dan Produktivitas Kerja bagi Tenaga Administrasi — Angkatan III', kind: 'TRAINING', organizer: 'BKPSDMD',
    units: NATIONWIDE, startsOn: '2026-12-07', endsOn: '2026-12-09', hours: 24, capacity: 60, competencies: ['MAN-HASIL', 'MAN-PENGEMBANGAN', 'TEK-ARSIP'] },
  { key: 'seminar-inovasi-2026', title: 'Seminar Inovasi Pelayanan Publik', kind: 'SEMINAR', organizer: 'SETDA-ORG',
    units: ['SETDA-ORG', 'SETDA', 'KEC-PASAR-MUARA-BUNGO', 'KEC-RIMBO-TENGAH'], startsOn: '2026-12-14', endsOn: '2026-12-14', hours: 4, capacity: 100, competencies: ['MAN-PELAYANAN'] },
];

const ADMIN_TITLES = /^(Pengadministrasi|Pengelola)/;

export const activityId = (key: string) => stableUuid(`competency:activity:${key}`);
export const competencyId = (code: string) => stableUuid(`competency:competency:${code}`);

interface EnrollmentSeed {
  id: string;
  activityId: string;
  employeeId: string;
  status: 'ENROLLED' | 'ATTENDED' | 'COMPLETED' | 'NO_SHOW' | 'CANCELLED';
  score: number | null;
  completedOn: string | null;
  hours: number | null;
  enrolledBy: string;
}

/** True when competency has no activities yet (a fresh database). */
export async function isEmpty(ds: DataSource): Promise<boolean> {
  const rows: Array<{ n: number }> = await ds.query('SELECT (SELECT count(*) FROM learning_activity) + (SELECT count(*) FROM competency) AS n');
  return Number(rows[0]?.n ?? 0) === 0;
}

/** Plans every enrollment in memory (pure, deterministic), for the seed and for tests that check it. */
export function planEnrollments(regency: DemoRegency): EnrollmentSeed[] {
  const rand = prng(20260203);
  const unitPath = (unitId: string): string[] => {
    const path: string[] = [];
    let u = regency.units.find((x) => x.id === unitId);
    while (u && path.length < 32) {
      path.push(u.id);
      u = u.parentId ? regency.units.find((x) => x.id === u?.parentId) : undefined;
    }
    return path;
  };
  const paths = new Map(regency.units.map((u) => [u.id, unitPath(u.id)]));
  const codeOf = new Map(regency.units.map((u) => [u.id, u.code]));
  // Shuffled once, so capacity-bound activities do not fill up with the first units in the tree.
  const active = regency.employees.filter((e) => e.status === 'ACTIVE');
  for (let i = active.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [active[i], active[j]] = [active[j] as DemoEmployee, active[i] as DemoEmployee];
  }
  const out: EnrollmentSeed[] = [];
  const taken = new Map<string, number>();
  const headOf = (code: string) => regency.unitByCode.get(code)?.headId ?? regency.admin.id;

  // PP 49/2018 art. 40(1): a PPPK is given at most 24 JP per contract year, so the seed never plans more.
  const pppkCounted = new Map<string, number>();
  const add = (key: string, e: DemoEmployee, status: EnrollmentSeed['status'], completedOn: string | null, byHead = false) => {
    const a = ACTIVITIES.find((x) => x.key === key) as SeedActivity;
    const id = activityId(key);
    const seats = taken.get(id) ?? 0;
    if (a.capacity !== null && status !== 'CANCELLED' && seats >= a.capacity) return false;
    if (e.employmentType === 'PPPK' && (status === 'ENROLLED' || status === 'ATTENDED' || status === 'COMPLETED')) {
      const year = contractYearOf(status === 'COMPLETED' ? completedOn ?? a.endsOn : a.startsOn, e.contracts);
      const counted = pppkCounted.get(`${e.id}|${year.startsOn}`) ?? 0;
      if (counted + a.hours > PPPK_CEILING_HOURS) return false;
      pppkCounted.set(`${e.id}|${year.startsOn}`, counted + a.hours);
    }
    if (status !== 'CANCELLED') taken.set(id, seats + 1);
    out.push({
      id: stableUuid(`competency:enrollment:${key}:${e.id}`), activityId: id, employeeId: e.id, status,
      score: status === 'COMPLETED' ? 70 + Math.floor(rand() * 30) : null,
      completedOn: status === 'COMPLETED' ? completedOn ?? a.endsOn : null,
      hours: status === 'COMPLETED' ? a.hours : null,
      enrolledBy: byHead ? headOf(a.organizer) : e.id,
    });
    return true;
  };
  const inUnits = (e: DemoEmployee, codes: string[]) => (paths.get(e.unitId) ?? []).some((u) => codes.includes(codeOf.get(u) ?? ''));
  const outcome = (): EnrollmentSeed['status'] => {
    const r = rand();
    return r < 0.9 ? 'COMPLETED' : r < 0.96 ? 'NO_SHOW' : 'CANCELLED';
  };

  // 2025: procurement training (hours fall in 2025, not 2026).
  for (const e of active) {
    if (inUnits(e, ['SETDA-PBJ', 'BPKAD', 'DPUPR']) && rand() < 0.4) add('pbj-2025', e, 'COMPLETED', null, true);
  }
  // SKP workshop for the staff of the central agencies.
  for (const e of active) {
    if (inUnits(e, ['BKPSDMD', 'SETDA', 'BPKAD', 'INSPEKTORAT']) && rand() < 0.35) add('bimtek-skp-2026', e, outcome(), null, true);
  }
  // Sosialisasi: the heads of every participating unit and their bidang, and some of their staff.
  const sosialisasi = ACTIVITIES.find((a) => a.key === 'sosialisasi-rpjmd-2026')?.units as string[];
  for (const e of active) {
    if (!inUnits(e, sosialisasi)) continue;
    const isHead = regency.units.some((u) => u.headId === e.id);
    if (isHead || e.positionKind === 'PENGAWAS' ? rand() < 0.9 : rand() < 0.2) add('sosialisasi-rpjmd-2026', e, outcome(), null, true);
  }
  // Time management for administrative staff: batches I and II done, batch III in December.
  const admins = active.filter((e) => e.positionKind === 'PELAKSANA' && ADMIN_TITLES.test(e.positionTitle));
  for (const e of admins) {
    const r = rand();
    if (r < 0.35) add('manwaktu-1-2026', e, outcome(), null, true) || add('manwaktu-2-2026', e, outcome(), null, true);
    else if (r < 0.65) add('manwaktu-2-2026', e, outcome(), null, true) || add('manwaktu-3-2026', e, 'ENROLLED', null);
    else if (r < 0.85) add('manwaktu-3-2026', e, 'ENROLLED', null);
  }
  // Stunting collaboration: health, social, education, planning and public works people.
  for (const e of active) {
    if (inUnits(e, ['DINKES-KESMAS', 'DINSOS-PFM', 'DISDIKBUD-PAUD', 'BAPPEDA-PEMBANGUNAN', 'DPUPR-SDA']) && rand() < 0.8) add('stunting-2026', e, outcome(), null, true);
    else if (inUnits(e, ['DINKES', 'DINSOS', 'BAPPEDA']) && e.positionKind !== 'PELAKSANA' && rand() < 0.08) add('stunting-2026', e, outcome(), null, true);
  }
  // Teachers and health workers: their own dinas's technical trainings, for about half of them.
  for (const e of active) {
    if (e.positionTitle.startsWith('Guru') && rand() < 0.5) add('guru-2026', e, outcome(), null, true);
    else if (/^(Perawat|Bidan|Dokter)/.test(e.positionTitle) && rand() < 0.5) add('nakes-2026', e, outcome(), null, true);
  }
  // Field staff of the emergency-facing agencies train together.
  for (const e of active) {
    if (inUnits(e, ['BPBD', 'DPUPR', 'DLH', 'DISHUB', 'SATPOLPP']) && rand() < 0.45) add('k3-2026', e, outcome(), null, true);
  }
  // Coaching for PENGAWAS.
  for (const e of active) {
    if (e.positionKind === 'PENGAWAS' && rand() < 0.3) add('coaching-pengawas-2026', e, outcome(), null, true);
  }
  // E-learning: about half enroll; most finish between April and October, some are still at it.
  for (const e of active) {
    if (rand() >= 0.55) continue;
    const r = rand();
    if (r < 0.72) {
      const month = 4 + Math.floor(rand() * 7);
      const day = 1 + Math.floor(rand() * 28);
      add('elearning-digital-2026', e, 'COMPLETED', `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    } else {
      add('elearning-digital-2026', e, r < 0.9 ? 'ATTENDED' : 'ENROLLED', null);
    }
  }
  // Seminar in December: registrations only.
  for (const e of active) {
    if (inUnits(e, ['SETDA-ORG', 'SETDA', 'KEC-PASAR-MUARA-BUNGO', 'KEC-RIMBO-TENGAH']) && rand() < 0.25) add('seminar-inovasi-2026', e, 'ENROLLED', null);
  }
  return out;
}

async function insertEnrollments(m: EntityManager, rows: EnrollmentSeed[]): Promise<void> {
  await m.query(
    `INSERT INTO enrollment (id, activity_id, employee_id, status, score, completed_on, credited_hours, enrolled_by)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::float8[], $6::date[], $7::int[], $8::uuid[])`,
    [rows.map((r) => r.id), rows.map((r) => r.activityId), rows.map((r) => r.employeeId), rows.map((r) => r.status),
      rows.map((r) => r.score), rows.map((r) => r.completedOn), rows.map((r) => r.hours), rows.map((r) => r.enrolledBy)],
  );
}

/** Writes the catalogue, the activities and the enrollments with batched unnest inserts, in one transaction. */
export async function seedCompetency(ds: DataSource, regency: DemoRegency, progress: Progress = () => {}): Promise<{ activities: number; enrollments: number }> {
  const roots = regency.units.filter((u) => u.parentId === null).map((u) => u.code);
  const unitId = (code: string): string => {
    const u = regency.unitByCode.get(code);
    if (!u) throw new Error(`seed: the demo regency has no unit ${code}`);
    return u.id;
  };
  const enrollments = planEnrollments(regency);
  await ds.transaction(async (m) => {
    await m.query(
      `INSERT INTO competency (id, code, name, kind) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
      [CATALOGUE.map((c) => competencyId(c.code)), CATALOGUE.map((c) => c.code), CATALOGUE.map((c) => c.name), CATALOGUE.map((c) => c.kind)],
    );
    await m.query(
      `INSERT INTO learning_activity (id, title, kind, organizer_unit_id, starts_on, ends_on, hours, capacity, created_by)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::date[], $6::date[], $7::int[], $8::int[], $9::uuid[])`,
      [ACTIVITIES.map((a) => activityId(a.key)), ACTIVITIES.map((a) => a.title), ACTIVITIES.map((a) => a.kind),
        ACTIVITIES.map((a) => unitId(a.organizer)), ACTIVITIES.map((a) => a.startsOn), ACTIVITIES.map((a) => a.endsOn),
        ACTIVITIES.map((a) => a.hours), ACTIVITIES.map((a) => a.capacity),
        ACTIVITIES.map((a) => regency.unitByCode.get(a.organizer)?.headId ?? regency.admin.id)],
    );
    const units = ACTIVITIES.flatMap((a) => {
      const codes = a.units === NATIONWIDE ? [...new Set([a.organizer, ...roots])] : a.units;
      return codes.map((code) => [activityId(a.key), unitId(code)] as const);
    });
    await m.query(`INSERT INTO activity_unit (activity_id, unit_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      [units.map((u) => u[0]), units.map((u) => u[1])]);
    const comps = ACTIVITIES.flatMap((a) => a.competencies.map((c) => [activityId(a.key), competencyId(c)] as const));
    await m.query(`INSERT INTO activity_competency (activity_id, competency_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      [comps.map((c) => c[0]), comps.map((c) => c[1])]);
    const batch = 5000;
    for (let i = 0; i < enrollments.length; i += batch) {
      await insertEnrollments(m, enrollments.slice(i, i + batch));
      progress(Math.min(i + batch, enrollments.length), enrollments.length);
    }
  });
  return { activities: ACTIVITIES.length, enrollments: enrollments.length };
}
