/**
 * "My supervisor is wrong" (WEB.md, My SKP): an employee asks BKPSDM to correct their recorded
 * direct supervisor; ADMIN (BKPSDM) lists and resolves the requests, and an APPLIED one changes the
 * supervisor through the transfer path. Pure rules, no I/O.
 */

export enum CorrectionStatus {
  OPEN = 'OPEN',
  APPLIED = 'APPLIED',
  REJECTED = 'REJECTED',
}

export enum CorrectionDecision {
  APPLIED = 'APPLIED',
  REJECTED = 'REJECTED',
}

export const NOTE_MAX = 2000;

export interface Caller {
  employeeId: string | null;
  roles: readonly string[];
}

/** Who reads a correction request (listing and resolving: domain/access.ts, ADMIN). */
export const correctionAccess = {
  /** The requester sees their own requests; ADMIN sees all. */
  read: (caller: Caller, requesterId: string): boolean => caller.roles.includes('ADMIN') || caller.employeeId === requesterId,
};

/** Control characters other than line breaks and tabs have no place in a note. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export interface Problem {
  field: string;
  message: string;
  messageId: string;
}

/** The request's own input, before anything is looked up. */
export function requestProblem(input: { note: string; proposedSupervisorId?: string | null | undefined }, requesterId: string, currentSupervisorId: string | null): Problem | null {
  const note = input.note.trim();
  if (!note) return { field: 'note', message: 'must say what is wrong with the recorded supervisor', messageId: 'Jelaskan apa yang salah pada data atasan Anda' };
  if (note.length > NOTE_MAX) return { field: 'note', message: `must be at most ${NOTE_MAX} characters`, messageId: `Keterangan paling banyak ${NOTE_MAX} karakter` };
  if (CONTROL.test(note)) return { field: 'note', message: 'must not contain control characters', messageId: 'Keterangan berisi karakter yang tidak diperbolehkan' };
  if (input.proposedSupervisorId && input.proposedSupervisorId === requesterId) {
    return { field: 'proposedSupervisorId', message: 'an employee cannot supervise themself', messageId: 'Anda tidak dapat menjadi atasan Anda sendiri' };
  }
  if (input.proposedSupervisorId && input.proposedSupervisorId === currentSupervisorId) {
    return { field: 'proposedSupervisorId', message: 'is already the recorded supervisor', messageId: 'Pegawai yang diusulkan sudah tercatat sebagai atasan Anda' };
  }
  return null;
}

/** Resolving: only an OPEN request; applying needs a proposed supervisor; a rejection needs a reason. */
export function resolveProblem(status: CorrectionStatus, decision: CorrectionDecision, proposedSupervisorId: string | null, note: string | null | undefined): Problem | null {
  if (status !== CorrectionStatus.OPEN) {
    return { field: 'id', message: `this request is already ${status}`, messageId: 'Permintaan ini sudah diputuskan' };
  }
  const text = (note ?? '').trim();
  if (text.length > NOTE_MAX) return { field: 'note', message: `must be at most ${NOTE_MAX} characters`, messageId: `Catatan paling banyak ${NOTE_MAX} karakter` };
  if (CONTROL.test(text)) return { field: 'note', message: 'must not contain control characters', messageId: 'Catatan berisi karakter yang tidak diperbolehkan' };
  if (decision === CorrectionDecision.REJECTED && !text) {
    return { field: 'note', message: 'a rejection must give its reason to the employee', messageId: 'Alasan penolakan wajib diisi' };
  }
  if (decision === CorrectionDecision.APPLIED && !proposedSupervisorId) {
    return { field: 'decision', message: 'the request names no proposed supervisor: change the supervisor through transferEmployee, or reject it', messageId: 'Permintaan ini tidak mengusulkan atasan; ubah atasan melalui mutasi pegawai atau tolak permintaan' };
  }
  return null;
}
