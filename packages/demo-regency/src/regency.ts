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

export type PppkGrade = 'I' | 'II' | 'III' | 'IV' | 'V' | 'VI' | 'VII' | 'VIII' | 'IX' | 'X' | 'XI' | 'XII' | 'XIII' | 'XIV' | 'XV' | 'XVI' | 'XVII';

/** A PPPK work contract (PP 49/2018 art. 37: 1 to 5 years), both dates inclusive. */
export interface DemoContract {
  id: string;
  number: string;
  sequence: number;
  startsOn: string;
  endsOn: string;
  status: 'ACTIVE' | 'RENEWED' | 'ENDED';
  renewalReason: string | null;
  endReason: string | null;
}

/**
 * The day the demo regency describes: contracts in force on it, some ending within 90 days of it
 * (contractsEnding), the others later. Fixed, so the seed is the same on every machine.
 */
export const SEED_REFERENCE_DATE = '2026-12-01';

export interface DemoEmployee {
  id: string;
  nip: string;
  name: string;
  gender: Gender;
  birthDate: string;
  employmentType: 'PNS' | 'PPPK';
  grade: Grade | null;
  /** PPPK golongan I..XVII; null for PNS. */
  pppkGrade: PppkGrade | null;
  /** PPPK work contracts, oldest first (the last is the current one); empty for PNS. */
  contracts: DemoContract[];
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

/** PPPK golongan by position (Perpres 98/2020): ahli pertama IX, ahli muda X; terampil VII; pelaksana V-VII. */
const PPPK_GRADES: Record<PositionKind, PppkGrade[]> = {
  JPT: ['XIV'], ADMINISTRATOR: ['XII'], PENGAWAS: ['X'],
  FUNGSIONAL: ['VII', 'IX', 'IX', 'IX', 'X'],
  PELAKSANA: ['V', 'V', 'VI', 'VII'],
};

const BIRTH_YEARS: Record<PositionKind, [number, number]> = {
  JPT: [1966, 1976], ADMINISTRATOR: [1968, 1982], PENGAWAS: [1972, 1988], FUNGSIONAL: [1970, 2000], PELAKSANA: [1968, 2001],
};

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A small stable number from a name, to seed a person's own PRNG (their contracts draw from it, not the regency's stream). */
function seedOf(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

const RENEWAL_REASONS = [
  'Predikat kinerja tahunan minimal BAIK dan formasi masih dibutuhkan (PP 49/2018 pasal 37)',
  'Kinerja BAIK; kebutuhan jabatan pada unit kerja berlanjut',
];

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
    // PNS: TMT CPNS YYYYMM. PPPK: TMT year, code 2, contract count 1 (the NIP is given with the first contract).
    const base = pppk
      ? `${year}${pad(month, 2)}${pad(day, 2)}${tmtYear}21${gender === 'MALE' ? 1 : 2}`
      : `${year}${pad(month, 2)}${pad(day, 2)}${tmtYear}${pad(tmtMonth, 2)}${gender === 'MALE' ? 1 : 2}`;
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
      // One draw either way, so a person's PPPK status does not move everyone generated after them.
      ...(pppk ? { grade: null, pppkGrade: pick(rand, PPPK_GRADES[kind]) } : { grade: pick(rand, GRADES[kind]), pppkGrade: null }),
      contracts: pppk ? contractsFor(nip, tmtYear, tmtMonth) : [],
      positionTitle: title,
      positionKind: kind,
      unitId: unit.id,
      supervisorId,
      status: 'ACTIVE',
    };
    employees.push(e);
    return e;
  };

  /**
   * A PPPK's contracts from the first (starting the 1st of the TMT month in the TMT year), renewed
   * back to back until one is in force on SEED_REFERENCE_DATE; 1 to 5 years each (PP 49/2018 art. 37).
   */
  const numbers = new Map<number, number>();
  const contractsFor = (nip: string, tmtYear: number, tmtMonth: number): DemoContract[] => {
    const own = prng(seedOf(`contracts:${nip}`));
    const out: DemoContract[] = [];
    let startsOn = `${tmtYear}-${pad(tmtMonth, 2)}-01`;
    for (let sequence = 1; sequence <= 9; sequence++) {
      const years = pick(own, [1, 2, 3, 5, 5]);
      const endsOn = addDays(`${Number(startsOn.slice(0, 4)) + years}${startsOn.slice(4)}`, -1);
      const year = Number(startsOn.slice(0, 4));
      const n = (numbers.get(year) ?? 0) + 1;
      numbers.set(year, n);
      out.push({
        id: stableUuid(`contract:${nip}:${sequence}`), number: `800/${pad(n, 4)}/PK-PPPK/BKPSDMD/${year}`, sequence, startsOn, endsOn,
        status: 'ACTIVE', renewalReason: sequence === 1 ? null : pick(own, RENEWAL_REASONS), endReason: null,
      });
      if (endsOn >= SEED_REFERENCE_DATE) break;
      (out[out.length - 1] as DemoContract).status = 'RENEWED';
      startsOn = addDays(endsOn, 1);
    }
    return out;
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
      // About a third of a regency's ASN are PPPK today (DOMAIN.md, "Demo regency"); heads and pengawas are PNS.
      const pppk = role.functional ? rand() < 0.45 : rand() < 0.3;
      person(role.functional ? 'FUNGSIONAL' : 'PELAKSANA', role.title, unit, (supervisors[i % supervisors.length] as DemoEmployee).id, { pppk });
    }
  }
  // A few people have left active service (never heads or supervisors).
  const supervising = new Set(employees.map((e) => e.supervisorId));
  for (const e of employees) {
    if (!supervising.has(e.id) && rand() < 0.01) e.status = rand() < 0.5 ? 'RETIRED' : 'INACTIVE';
    // A PPPK who left: their last contract ended before the reference date (PPPK do not retire as PNS do).
    const last = e.contracts[e.contracts.length - 1];
    if (e.status !== 'ACTIVE' && last) {
      e.status = 'INACTIVE';
      last.status = 'ENDED';
      last.endsOn = last.startsOn < '2026-06-30' ? '2026-06-30' : last.startsOn;
      last.endReason = 'Mengundurkan diri atas permintaan sendiri';
    }
  }
  const admin = heads.get('BKPSDMD') as DemoEmployee;
  return {
    units, employees, admin,
    unitByCode: new Map(units.map((u) => [u.code, u])),
    employeeById: new Map(employees.map((e) => [e.id, e])),
  };
}
