import { ActivityKind } from './enums';

/** A rule a learning activity breaks, naming the input field (CONTRACT.md, "Errors"). */
export interface Problem {
  field: string;
  rule: string;
  messageId?: string;
}

export interface ActivityDraft {
  title: string;
  kind: ActivityKind;
  organizerUnitId: string;
  participatingUnitIds: string[];
  startsOn: string;
  endsOn: string;
  hours: number;
  capacity?: number | null;
}

export const MIN_HOURS = 1;
export const MAX_HOURS = 200;
export const MAX_CAPACITY = 10_000;
export const MAX_PARTICIPATING_UNITS = 100;

/** Kinds run jointly by several units (DOMAIN.md, "Collaboration"): they name at least two. */
export const MULTI_UNIT_KINDS: ReadonlySet<ActivityKind> = new Set([ActivityKind.COLLABORATION, ActivityKind.SOCIALIZATION]);

/** Every rule of DOMAIN.md "Competency development" for a new activity, in input order; an empty list means it may be created. */
export function activityProblems(d: ActivityDraft): Problem[] {
  const out: Problem[] = [];
  const title = d.title.trim();
  if (title.length < 3 || title.length > 200) out.push({ field: 'title', rule: 'must be 3 to 200 characters' });
  // Dates are YYYY-MM-DD (DateScalar), so text order is calendar order.
  if (d.endsOn < d.startsOn) out.push({ field: 'endsOn', rule: `must be on or after startsOn (${d.startsOn})`, messageId: 'Tanggal selesai sebelum tanggal mulai' });
  if (!Number.isInteger(d.hours) || d.hours < MIN_HOURS || d.hours > MAX_HOURS) {
    out.push({ field: 'hours', rule: `must be a whole number of JP from ${MIN_HOURS} to ${MAX_HOURS}`, messageId: 'Jumlah JP harus 1 sampai 200' });
  }
  if (d.capacity !== null && d.capacity !== undefined && (!Number.isInteger(d.capacity) || d.capacity < 1 || d.capacity > MAX_CAPACITY)) {
    out.push({ field: 'capacity', rule: `must be from 1 to ${MAX_CAPACITY}, or empty for no limit` });
  }
  const units = d.participatingUnitIds;
  const distinct = new Set(units);
  if (units.length === 0) {
    out.push({ field: 'participatingUnitIds', rule: 'must name at least one unit' });
  } else if (distinct.size !== units.length) {
    out.push({ field: 'participatingUnitIds', rule: 'must not name a unit twice' });
  } else if (units.length > MAX_PARTICIPATING_UNITS) {
    out.push({ field: 'participatingUnitIds', rule: `must name at most ${MAX_PARTICIPATING_UNITS} units` });
  }
  if (units.length > 0 && !distinct.has(d.organizerUnitId)) {
    out.push({ field: 'participatingUnitIds', rule: 'must include the organizer unit (organizerUnitId)', messageId: 'Unit penyelenggara harus termasuk unit peserta' });
  }
  if (MULTI_UNIT_KINDS.has(d.kind) && distinct.size < 2) {
    out.push({ field: 'participatingUnitIds', rule: `a ${d.kind} activity needs at least two participating units`, messageId: 'Kegiatan kolaborasi/sosialisasi memerlukan minimal dua unit' });
  }
  return out;
}

/**
 * Who an activity is open to (services/competency/README.md, "Open to whom"): a participating unit opens the activity to its
 * whole subtree, so an employee may take part when one of the participating units is their unit or
 * one of its ancestors. A dinas taking part brings its bidang and UPTD; a bidang taking part does
 * not bring its parent dinas or its sibling bidang.
 */
export function isOpenTo(participatingUnitIds: readonly string[], employeeUnitPath: readonly string[]): boolean {
  return participatingUnitIds.some((u) => employeeUnitPath.includes(u));
}
