import { degreeFor, FAMILY, FEMALE_FAMILY, FEMALE_FIRST, MALE_FIRST } from './people';
import { intBetween, pick, prng, stableUuid } from './random';
import { REGENCY_UNITS, type UnitKind, type UnitSpec } from './units';

export type Gender = 'MALE' | 'FEMALE';
export type PositionKind = 'JPT' | 'ADMINISTRATOR' | 'PENGAWAS' | 'FUNGSIONAL' | 'PELAKSANA';
export type Grade = 'II_A' | 'II_B' | 'II_C' | 'II_D' | 'III_A' | 'III_B' | 'III_C' | 'III_D' | 'IV_A' | 'IV_B' | 'IV_C' | 'IV_D' | 'IV_E';

export interface DemoUnit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  headId: string | null;
}

export interface DemoEmployee {
  id: string;
  nip: string;
  name: string;
  gender: Gender;
  birthDate: string;
  employmentType: 'PNS' | 'PPPK';
  grade: Grade | null;
  positionTitle: string;
  positionKind: PositionKind;
  unitId: string;
  supervisorId: string | null;
  status: 'ACTIVE' | 'INACTIVE' | 'RETIRED';
}

export interface DemoRegency {
  units: DemoUnit[];
  employees: DemoEmployee[];
  /** The head of BKPSDMD: `npm start` prints an ADMIN token for them. */
  admin: DemoEmployee;
  unitByCode: Map<string, DemoUnit>;
  employeeById: Map<string, DemoEmployee>;
}

export interface RegencyOptions {
  employees?: number;
  seed?: number;
}

const GRADES: Record<PositionKind, Grade[]> = {
  JPT: ['IV_C', 'IV_D'],
  ADMINISTRATOR: ['IV_A', 'IV_B'],
  PENGAWAS: ['III_C', 'III_D', 'IV_A'],
  FUNGSIONAL: ['III_A', 'III_B', 'III_C', 'III_D', 'IV_A'],
  PELAKSANA: ['II_A', 'II_B', 'II_C', 'II_D', 'III_A', 'III_B'],
};

const BIRTH_YEARS: Record<PositionKind, [number, number]> = {
  JPT: [1966, 1976], ADMINISTRATOR: [1968, 1982], PENGAWAS: [1972, 1988], FUNGSIONAL: [1970, 2000], PELAKSANA: [1968, 2001],
};

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * Generates the demo regency deterministically: same options, same people, same ids, so each
 * service seeds its own database from it without reading another's.
 */
export function generateRegency(options: RegencyOptions = {}): DemoRegency {
  const total = options.employees ?? 2400;
  const rand = prng(options.seed ?? 20260101);
  const usedNips = new Set<string>();
  const units: DemoUnit[] = [];
  const employees: DemoEmployee[] = [];

  const person = (kind: PositionKind, title: string, unit: DemoUnit, supervisorId: string | null, opts: { pppk?: boolean } = {}): DemoEmployee => {
    const gender: Gender = rand() < (title.startsWith('Bidan') ? 1 : title.startsWith('Perawat') || title.startsWith('Guru') ? 0.7 : 0.45) ? 'FEMALE' : 'MALE';
    const [minYear, maxYear] = BIRTH_YEARS[kind];
    const year = intBetween(rand, minYear, maxYear);
    const month = intBetween(rand, 1, 12);
    const day = intBetween(rand, 1, 28);
    const pppk = opts.pppk ?? false;
    const tmtYear = pppk ? intBetween(rand, Math.max(2019, year + 20), 2025) : Math.min(2024, year + intBetween(rand, 21, 30));
    const tmtMonth = pppk ? pick(rand, [1, 3, 4, 7, 10]) : pick(rand, [1, 3, 4, 12]);
    let sequence = intBetween(rand, 1, 30);
    const base = `${year}${pad(month, 2)}${pad(day, 2)}${tmtYear}${pad(tmtMonth, 2)}${gender === 'MALE' ? 1 : 2}`;
    let nip = `${base}${pad(sequence, 3)}`;
    while (usedNips.has(nip)) {
      sequence += 1;
      nip = `${base}${pad(sequence, 3)}`;
    }
    usedNips.add(nip);
    const first = pick(rand, gender === 'MALE' ? MALE_FIRST : FEMALE_FIRST);
    const family = gender === 'FEMALE' && rand() < 0.4 ? pick(rand, FEMALE_FAMILY) : pick(rand, FAMILY);
    const { prefix, suffix } = degreeFor(title, kind === 'JPT' || kind === 'ADMINISTRATOR', rand);
    const e: DemoEmployee = {
      id: stableUuid(`employee:${nip}`),
      nip,
      name: `${prefix}${first} ${family}${suffix}`,
      gender,
      birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
      employmentType: pppk ? 'PPPK' : 'PNS',
      grade: pppk ? null : pick(rand, GRADES[kind]),
      positionTitle: title,
      positionKind: kind,
      unitId: unit.id,
      supervisorId,
      status: 'ACTIVE',
    };
    employees.push(e);
    return e;
  };

  const all: Array<{ spec: UnitSpec; parent: UnitSpec | null }> = [];
  const walk = (spec: UnitSpec, parent: UnitSpec | null) => {
    all.push({ spec, parent });
    for (const c of spec.children ?? []) walk(c, spec);
  };
  REGENCY_UNITS.forEach((u) => walk(u, null));
  const weightSum = all.reduce((s, u) => s + u.spec.weight, 0);
  const unitOf = new Map<string, DemoUnit>();
  for (const { spec, parent } of all) {
    const unit: DemoUnit = {
      id: stableUuid(`unit:${spec.code}`), code: spec.code, name: spec.name, kind: spec.kind,
      parentId: parent ? stableUuid(`unit:${parent.code}`) : null, headId: null,
    };
    units.push(unit);
    unitOf.set(spec.code, unit);
  }

  const headTitle = (spec: UnitSpec): [PositionKind, string] => {
    switch (spec.kind) {
      case 'SEKRETARIAT': return ['JPT', 'Sekretaris Daerah'];
      case 'DINAS': return ['JPT', `Kepala ${spec.name}`];
      case 'BADAN': return spec.code === 'SATPOLPP' ? ['JPT', 'Kepala Satuan Polisi Pamong Praja'] : ['JPT', `Kepala ${spec.name}`];
      case 'INSPEKTORAT': return ['JPT', 'Inspektur Daerah'];
      case 'KECAMATAN': return ['ADMINISTRATOR', `Camat ${spec.name.replace('Kecamatan ', '')}`];
      case 'KELURAHAN': return ['PENGAWAS', `Lurah ${spec.name.replace('Kelurahan ', '')}`];
      case 'BAGIAN': return ['ADMINISTRATOR', `Kepala ${spec.name}`];
      case 'BIDANG': return ['ADMINISTRATOR', `Kepala ${spec.name}`];
      case 'UPTD': return spec.code.startsWith('RSUD') ? ['ADMINISTRATOR', 'Direktur RSUD H. Hanafie'] : ['PENGAWAS', `Kepala ${spec.name}`];
    }
  };

  // Heads first, top-down: the Sekda heads the chain; OPD heads report to the Sekda.
  const heads = new Map<string, DemoEmployee>();
  let sekda: DemoEmployee | null = null;
  for (const { spec, parent } of all) {
    const unit = unitOf.get(spec.code) as DemoUnit;
    const [kind, title] = headTitle(spec);
    const supervisor = parent ? heads.get(parent.code) ?? null : sekda;
    const head = person(kind, title, unit, supervisor?.id ?? null);
    unit.headId = head.id;
    heads.set(spec.code, head);
    if (spec.kind === 'SEKRETARIAT') sekda = head;
  }

  // Staff by weight, through a layer of PENGAWAS (kepala sub bagian / seksi / koordinator).
  const remaining = Math.max(0, total - employees.length);
  for (const { spec } of all) {
    const unit = unitOf.get(spec.code) as DemoUnit;
    const head = heads.get(spec.code) as DemoEmployee;
    const count = Math.max(2, Math.round((remaining * spec.weight) / weightSum));
    const pengawasCount = head.positionKind === 'PENGAWAS' ? 0 : Math.max(1, Math.ceil(count / 14));
    const leads: DemoEmployee[] = [];
    for (let i = 0; i < pengawasCount && leads.length < count; i++) {
      const leadTitle = spec.kind === 'UPTD' ? 'Kepala Seksi Pelayanan' : spec.kind === 'BIDANG' ? `Kepala Seksi ${i + 1}` : `Kepala Sub Bagian ${i === 0 ? 'Umum dan Kepegawaian' : i === 1 ? 'Keuangan' : `Perencanaan ${i - 1}`}`;
      leads.push(person('PENGAWAS', leadTitle, unit, head.id));
    }
    const supervisors = leads.length > 0 ? leads : [head];
    for (let i = leads.length; i < count; i++) {
      const role = pick(rand, spec.staff);
      const pppk = role.functional ? rand() < 0.25 : rand() < 0.08;
      person(role.functional ? 'FUNGSIONAL' : 'PELAKSANA', role.title, unit, (supervisors[i % supervisors.length] as DemoEmployee).id, { pppk });
    }
  }
  // A few people have left active service (never heads or supervisors).
  const supervising = new Set(employees.map((e) => e.supervisorId));
  for (const e of employees) {
    if (!supervising.has(e.id) && rand() < 0.01) e.status = rand() < 0.5 ? 'RETIRED' : 'INACTIVE';
  }
  const admin = heads.get('BKPSDMD') as DemoEmployee;
  return {
    units, employees, admin,
    unitByCode: new Map(units.map((u) => [u.code, u])),
    employeeById: new Map(employees.map((e) => [e.id, e])),
  };
}
