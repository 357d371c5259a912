import { addDays, addYears } from './dates';

/**
 * PPPK work contracts (perjanjian kerja), PP 49/2018 art. 37: a contract runs at least one year and
 * at most five, and may be renewed by the new contract that follows it. Pure rules; the caller
 * turns a returned problem into a BAD_USER_INPUT naming `field`.
 */
export const MIN_CONTRACT_YEARS = 1;
export const MAX_CONTRACT_YEARS = 5;

export interface ContractProblem {
  field: string;
  message: string;
  messageId: string;
}

const problem = (field: string, message: string, messageId: string): ContractProblem => ({ field, message, messageId });

/** A contract number as written on the document: 1-100 characters, no control characters. */
export function contractNumberProblem(number: string, field = 'number'): ContractProblem | null {
  const trimmed = number.trim();
  if (trimmed.length < 1 || trimmed.length > 100) return problem(field, 'must be 1 to 100 characters', 'Nomor perjanjian kerja harus 1 sampai 100 karakter');
  if (/[\p{Cc}\p{Cf}]/u.test(trimmed)) return problem(field, 'must not contain control characters', 'Nomor perjanjian kerja tidak boleh berisi karakter kontrol');
  return null;
}

/**
 * The term of one contract: from `startsOn` to `endsOn` inclusive, 1 to 5 years (a one-year
 * contract from 1 January 2024 ends on 31 December 2024; a five-year one on 31 December 2028).
 */
export function contractTermProblem(startsOn: string, endsOn: string, field = 'endsOn'): ContractProblem | null {
  if (endsOn < startsOn) return problem(field, `must not be before startsOn ${startsOn}`, 'Tanggal akhir perjanjian kerja tidak boleh sebelum tanggal mulai');
  const shortest = addDays(addYears(startsOn, MIN_CONTRACT_YEARS), -1);
  const longest = addDays(addYears(startsOn, MAX_CONTRACT_YEARS), -1);
  if (endsOn < shortest || endsOn > longest) {
    return problem(field, `a PPPK contract runs 1 to 5 years (PP 49/2018 art. 37): from ${startsOn} it ends between ${shortest} and ${longest}, not ${endsOn}`,
      'Perjanjian kerja PPPK berlaku 1 sampai 5 tahun (PP 49/2018 pasal 37)');
  }
  return null;
}

/** The first contract recorded at registration: 1-5 years, not before the NIP's first appointment. */
export function firstContractProblem(c: { number: string; startsOn: string; endsOn: string }, appointmentDate: string): ContractProblem | null {
  const n = contractNumberProblem(c.number, 'contract.number');
  if (n) return n;
  if (c.startsOn < appointmentDate) {
    return problem('contract.startsOn', `must not be before the first appointment (TMT ${appointmentDate}) the NIP gives`,
      'Tanggal mulai perjanjian kerja tidak boleh sebelum TMT pada NIP');
  }
  return contractTermProblem(c.startsOn, c.endsOn, 'contract.endsOn');
}

export interface ContractState {
  sequence: number;
  startsOn: string;
  endsOn: string;
  status: 'ACTIVE' | 'RENEWED' | 'ENDED';
}

/** A renewal: the next contract starts the day after the current one ends and runs 1 to 5 years. */
export function renewal(current: ContractState | null, next: { endsOn: string; number: string; reason: string }):
  { ok: true; startsOn: string; sequence: number } | { ok: false; problem: ContractProblem } {
  if (!current) return { ok: false, problem: problem('employeeId', 'has no contract on record to renew', 'Pegawai ini belum memiliki perjanjian kerja') };
  if (current.status !== 'ACTIVE') {
    return { ok: false, problem: problem('employeeId', `the current contract is ${current.status}; only a contract in force can be renewed`, 'Hanya perjanjian kerja yang berlaku yang dapat diperpanjang') };
  }
  const reason = reasonProblem(next.reason);
  if (reason) return { ok: false, problem: reason };
  const n = contractNumberProblem(next.number);
  if (n) return { ok: false, problem: n };
  const startsOn = addDays(current.endsOn, 1);
  const term = contractTermProblem(startsOn, next.endsOn);
  if (term) return { ok: false, problem: term };
  return { ok: true, startsOn, sequence: current.sequence + 1 };
}

/** Ending: the contract in force ends on `endsOn`, no later than its term and not before it began. */
export function ending(current: ContractState | null, next: { endsOn: string; reason: string }): ContractProblem | null {
  if (!current) return problem('employeeId', 'has no contract on record to end', 'Pegawai ini belum memiliki perjanjian kerja');
  if (current.status !== 'ACTIVE') return problem('employeeId', `the current contract is already ${current.status}`, 'Perjanjian kerja ini sudah tidak berlaku');
  const reason = reasonProblem(next.reason);
  if (reason) return reason;
  if (next.endsOn < current.startsOn) return problem('endsOn', `must not be before the contract began (${current.startsOn})`, 'Tanggal akhir tidak boleh sebelum perjanjian kerja dimulai');
  if (next.endsOn > current.endsOn) {
    return problem('endsOn', `must not be after the contract's term (${current.endsOn}); a longer term is a renewal`, 'Tanggal akhir tidak boleh melewati masa perjanjian kerja; gunakan perpanjangan');
  }
  return null;
}

/** Every contract decision records why: 5 to 2000 characters. */
export function reasonProblem(reason: string): ContractProblem | null {
  const t = reason.trim();
  if (t.length < 5 || t.length > 2000) return problem('reason', 'must be 5 to 2000 characters: say why', 'Alasan wajib diisi (5 sampai 2000 karakter)');
  // Line breaks and tabs are text; other control characters are not.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(t)) return problem('reason', 'must not contain control characters', 'Alasan tidak boleh berisi karakter kontrol');
  return null;
}

export const MAX_ENDING_WINDOW_DAYS = 366;

/**
 * contractsEnding(withinDays): contracts in force whose end date is on or before today + withinDays.
 * Those already past their end date with nothing recorded are included: they still need a decision.
 */
export function endingBy(today: string, withinDays: number): string | ContractProblem {
  if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > MAX_ENDING_WINDOW_DAYS) {
    return problem('withinDays', `must be a whole number of days from 0 to ${MAX_ENDING_WINDOW_DAYS}`, `withinDays harus 0 sampai ${MAX_ENDING_WINDOW_DAYS} hari`);
  }
  return addDays(today, withinDays);
}
