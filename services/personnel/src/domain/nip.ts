import { isCalendarDate } from '@kinerja/subgraph-kit';
import { regencyToday } from './dates';

/**
 * NIP: 18 digits in one of two layouts (DOMAIN.md, "NIP"):
 * - PNS  `19860926 201505 1 001`: birth date YYYYMMDD, TMT CPNS YYYYMM (month 01-12), sex, sequence.
 * - PPPK `19890225 2024 2 1 1 013`: birth date, TMT year YYYY, PPPK code 2, contract count 1-9, sex, sequence.
 * Digits 13-14 tell them apart: a month 01-12 for PNS, 21-29 for PPPK.
 * Whitespace (including no-break spaces pasted from PDFs) is ignored; the stored form has none.
 */
export type NipLayout = 'PNS' | 'PPPK';

export interface Nip {
  value: string;
  layout: NipLayout;
  birthDate: string;
  /** PNS: the TMT CPNS month; PPPK: the TMT year, month 1 (the layout carries no month). */
  appointment: { year: number; month: number };
  /** The first appointment as a date: the 1st of the TMT month, or 1 January of a PPPK TMT year. */
  appointmentDate: string;
  /** PPPK only: digit 14, the how-manyth contract (1-9); null for PNS. */
  contractCount: number | null;
  gender: 'MALE' | 'FEMALE';
  sequence: number;
}

export type NipPart = 'format' | 'birthDate' | 'layout' | 'appointment' | 'contract' | 'sex' | 'sequence';
export type NipResult = { ok: true; nip: Nip } | { ok: false; part: NipPart; message: string };

export interface ParseNipOptions {
  /** The record's employment type: the layout must match it (digits 13-14). */
  employmentType?: NipLayout;
  /** Today as YYYY-MM-DD (default: today in WIB); birth date and TMT may not lie after it. */
  today?: string;
}

const fail = (part: NipPart, message: string): NipResult => ({ ok: false, part, message });

/**
 * Every whitespace a pasted NIP can carry: \s covers ASCII spaces, U+00A0, U+2000-U+200A, U+202F,
 * U+205F, U+3000, U+FEFF and line breaks; zero-width space, word joiner and the Mongolian vowel
 * separator are added by hand (format characters \s does not cover).
 */
// eslint-disable-next-line no-misleading-character-class -- the zero-width joiners are listed one by one on purpose: each is stripped
const NIP_WHITESPACE = /[\s\u200B\u200C\u200D\u2060\u180E]/gu;

/** The NIP as stored and looked up: every whitespace removed (digits are not checked here). */
export function normalizeNip(raw: string): string {
  return raw.replace(NIP_WHITESPACE, '');
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Digits 13-14 of an 18-digit NIP: which layout they belong to, if any. */
function layoutOf(value: string): NipLayout | null {
  const thirteen = value.charAt(12);
  const fourteen = value.charAt(13);
  const month = Number(value.slice(12, 14));
  if (month >= 1 && month <= 12) return 'PNS';
  if (thirteen === '2' && fourteen >= '1' && fourteen <= '9') return 'PPPK';
  return null;
}

export function parseNip(raw: string, options: ParseNipOptions = {}): NipResult {
  const today = options.today ?? regencyToday();
  const value = normalizeNip(raw);
  if (!/^\d{18}$/.test(value)) {
    return fail('format', `must be 18 digits (spaces allowed), got ${value.length} character(s)${/\D/.test(value) ? ' including non-digits' : ''}`);
  }
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(4, 6));
  const day = Number(value.slice(6, 8));
  if (!isCalendarDate(year, month, day) || year < 1900) {
    return fail('birthDate', `digits 1-8 (${value.slice(0, 8)}) must be a real birth date YYYYMMDD`);
  }
  const birthDate = iso(year, month, day);
  if (birthDate > today) {
    return fail('birthDate', `digits 1-8 (${value.slice(0, 8)}): the birth date ${birthDate} lies in the future`);
  }

  const digits1314 = value.slice(12, 14);
  const layout = layoutOf(value);
  const expected = options.employmentType;
  if (expected === 'PNS' && layout === 'PPPK') {
    return fail('layout', `digits 13-14 (${digits1314}) are the PPPK code 2 and a contract count, but employmentType is PNS: a PNS NIP has the TMT month 01-12 there`);
  }
  if (expected === 'PPPK' && layout === 'PNS') {
    return fail('layout', `digits 13-14 (${digits1314}) are a PNS TMT month, but employmentType is PPPK: a PPPK NIP has the PPPK code 2 and the contract count 1-9 there`);
  }
  if (layout === null) {
    if (expected === 'PNS') {
      return fail('appointment', `digits 9-14 (${value.slice(8, 14)}) must be the first appointment (TMT CPNS) YYYYMM with month 01-12`);
    }
    if (expected === 'PPPK') {
      return value.charAt(12) !== '2'
        ? fail('layout', `digits 13-14 (${digits1314}): digit 13 must be the PPPK code 2`)
        : fail('contract', `digits 13-14 (${digits1314}): digit 14 must be the contract count 1-9`);
    }
    return fail('layout', `digits 13-14 (${digits1314}) must be a TMT month 01-12 (PNS) or the PPPK code 2 and a contract count 1-9 (PPPK)`);
  }

  const tmtYear = Number(value.slice(8, 12));
  const tmtMonth = layout === 'PNS' ? Number(digits1314) : 1;
  const tmtDigits = layout === 'PNS' ? `digits 9-14 (${value.slice(8, 14)})` : `digits 9-12 (${value.slice(8, 12)})`;
  if (tmtYear < 1900) {
    return fail('appointment', `${tmtDigits} must be the year of the first appointment (TMT)`);
  }
  // A TMT is always the 1st of its month; a PPPK NIP gives only the year, so 1 January of it.
  const appointmentDate = iso(tmtYear, tmtMonth, 1);
  // The 18th birthday as a string (29 February stays 29 February: it still sorts between the 28th and 1 March).
  const eighteenth = iso(year + 18, month, day);
  if (appointmentDate < eighteenth) {
    return fail('appointment', `${tmtDigits}: the first appointment (${appointmentDate}) cannot precede the 18th birthday (${eighteenth})`);
  }
  if (appointmentDate > today) {
    return fail('appointment', `${tmtDigits}: the first appointment (${appointmentDate}) lies in the future`);
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
    nip: {
      value, layout, birthDate, appointment: { year: tmtYear, month: tmtMonth }, appointmentDate,
      contractCount: layout === 'PPPK' ? Number(value.charAt(13)) : null,
      gender: sex === '1' ? 'MALE' : 'FEMALE', sequence,
    },
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

/** `19860926 201505 1 001` (PNS) or `19890225 2024 2 1 1 013` (PPPK): the grouping people read and write. */
export function formatNip(value: string): string {
  if (layoutOf(value) === 'PPPK') {
    return `${value.slice(0, 8)} ${value.slice(8, 12)} ${value.slice(12, 13)} ${value.slice(13, 14)} ${value.slice(14, 15)} ${value.slice(15)}`;
  }
  return `${value.slice(0, 8)} ${value.slice(8, 14)} ${value.slice(14, 15)} ${value.slice(15)}`;
}
