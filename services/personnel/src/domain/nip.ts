import { isCalendarDate } from '@kinerja/subgraph-kit';

/**
 * NIP: 18 digits `YYYYMMDD YYYYMM S NNN` (DOMAIN.md, "NIP"): birth date, first appointment
 * (TMT CPNS), sex (1 male, 2 female), sequence 001-999. Spaces are ignored.
 */
export interface Nip {
  value: string;
  birthDate: string;
  appointment: { year: number; month: number };
  gender: 'MALE' | 'FEMALE';
  sequence: number;
}

export type NipResult = { ok: true; nip: Nip } | { ok: false; part: NipPart; message: string };
export type NipPart = 'format' | 'birthDate' | 'appointment' | 'sex' | 'sequence';

const fail = (part: NipPart, message: string): NipResult => ({ ok: false, part, message });

export function parseNip(raw: string): NipResult {
  const value = raw.replace(/ /g, '');
  if (!/^\d{18}$/.test(value)) {
    return fail('format', `must be 18 digits (spaces allowed), got ${value.length} character(s)${/\D/.test(value) ? ' including non-digits' : ''}`);
  }
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(4, 6));
  const day = Number(value.slice(6, 8));
  if (!isCalendarDate(year, month, day) || year < 1900) {
    return fail('birthDate', `digits 1-8 (${value.slice(0, 8)}) must be a real birth date YYYYMMDD`);
  }
  const birthDate = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  const tmtYear = Number(value.slice(8, 12));
  const tmtMonth = Number(value.slice(12, 14));
  if (tmtMonth < 1 || tmtMonth > 12 || tmtYear < 1900) {
    return fail('appointment', `digits 9-14 (${value.slice(8, 14)}) must be the first appointment YYYYMM with month 01-12`);
  }
  // The first appointment (TMT CPNS) cannot precede the 18th birthday.
  if (tmtYear * 12 + tmtMonth < (year + 18) * 12 + month) {
    return fail('appointment', `digits 9-14 (${value.slice(8, 14)}): the first appointment cannot precede the 18th birthday (${year + 18}-${value.slice(4, 6)})`);
  }
  const sex = value.charAt(14);
  if (sex !== '1' && sex !== '2') {
    return fail('sex', `digit 15 (${sex}) must be 1 (male) or 2 (female)`);
  }
  const sequence = Number(value.slice(15, 18));
  if (sequence < 1) {
    return fail('sequence', `digits 16-18 (${value.slice(15, 18)}) must be a sequence from 001 to 999`);
  }
  return {
    ok: true,
    nip: { value, birthDate, appointment: { year: tmtYear, month: tmtMonth }, gender: sex === '1' ? 'MALE' : 'FEMALE', sequence },
  };
}

/** Where a NIP disagrees with the record's birth date or gender, says which part and how. */
export function nipDisagreements(nip: Nip, record: { birthDate: string; gender: 'MALE' | 'FEMALE' }): string[] {
  const problems: string[] = [];
  if (nip.birthDate !== record.birthDate) {
    problems.push(`the birth date in digits 1-8 (${nip.birthDate}) disagrees with birthDate ${record.birthDate}`);
  }
  if (nip.gender !== record.gender) {
    problems.push(`the sex digit 15 (${nip.gender === 'MALE' ? '1, male' : '2, female'}) disagrees with gender ${record.gender}`);
  }
  return problems;
}

/** `19860926 201505 1 001`: the grouping people read and write. */
export function formatNip(value: string): string {
  return `${value.slice(0, 8)} ${value.slice(8, 14)} ${value.slice(14, 15)} ${value.slice(15)}`;
}
