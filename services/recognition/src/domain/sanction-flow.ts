import { addDays, addMonths } from './dates';
import { SanctionLevel, SanctionStatus, SanctionType } from './enums';

/**
 * Discipline cases (PP 94/2021; DOMAIN.md, "Discipline"), separate from predicates: opened by the
 * direct superior or BKPSDM for a violation, examined (the direct superior must examine; a panel of
 * at least two for MODERATE and SEVERE), then imposed with a type that fits the level, or dismissed,
 * by ADMIN. An imposed sanction may be revoked.
 */

/** PP 94/2021 art. 8: the types of each level and their duration in months (null: no duration). */
export const SANCTION_TYPES: Readonly<Record<SanctionType, { level: SanctionLevel; months: number | null }>> = {
  [SanctionType.ORAL_REPRIMAND]: { level: SanctionLevel.LIGHT, months: null },
  [SanctionType.WRITTEN_REPRIMAND]: { level: SanctionLevel.LIGHT, months: null },
  [SanctionType.STATEMENT_OF_DISSATISFACTION]: { level: SanctionLevel.LIGHT, months: null },
  [SanctionType.TPP_CUT_6_MONTHS]: { level: SanctionLevel.MODERATE, months: 6 },
  [SanctionType.TPP_CUT_9_MONTHS]: { level: SanctionLevel.MODERATE, months: 9 },
  [SanctionType.TPP_CUT_12_MONTHS]: { level: SanctionLevel.MODERATE, months: 12 },
  [SanctionType.DEMOTION_12_MONTHS]: { level: SanctionLevel.SEVERE, months: 12 },
  [SanctionType.RELEASE_TO_PELAKSANA_12_MONTHS]: { level: SanctionLevel.SEVERE, months: 12 },
  [SanctionType.HONOURABLE_DISMISSAL]: { level: SanctionLevel.SEVERE, months: null },
};

export const isTppCut = (t: SanctionType | null): boolean =>
  t === SanctionType.TPP_CUT_6_MONTHS || t === SanctionType.TPP_CUT_9_MONTHS || t === SanctionType.TPP_CUT_12_MONTHS;

export type Step = { ok: true; status: SanctionStatus } | { ok: false; field: string; rule: string };

/** The status an ADMIN decision moves a case to (impose after an examination; dismiss before imposing; revoke after). */
export function nextSanctionStatus(current: SanctionStatus, impose: boolean): Step {
  switch (current) {
    case SanctionStatus.PROPOSED:
      return impose
        ? { ok: false, field: 'impose', rule: 'the case has no examination record yet; recordExamination first (PP 94/2021 art. 27)' }
        : { ok: true, status: SanctionStatus.DISMISSED };
    case SanctionStatus.EXAMINED:
      return { ok: true, status: impose ? SanctionStatus.IMPOSED : SanctionStatus.DISMISSED };
    case SanctionStatus.IMPOSED:
      return impose ? { ok: false, field: 'impose', rule: 'the sanction is already IMPOSED; pass impose: false to revoke it' } : { ok: true, status: SanctionStatus.REVOKED };
    case SanctionStatus.DISMISSED:
      return { ok: false, field: 'impose', rule: 'the case was DISMISSED; propose a new one instead' };
    case SanctionStatus.REVOKED:
      return { ok: false, field: 'impose', rule: 'the sanction was REVOKED; propose a new one instead' };
  }
}

/** An examination may be recorded while the case is open (PROPOSED or EXAMINED: a further hearing). */
export function examinationCheck(o: {
  status: SanctionStatus; level: SanctionLevel; examinerIds: readonly string[]; directSuperiorId: string | null; heldOn: string; today: string;
}): { ok: true } | { ok: false; field: string; rule: string } {
  if (o.status !== SanctionStatus.PROPOSED && o.status !== SanctionStatus.EXAMINED) return { ok: false, field: 'sanctionId', rule: `the case is ${o.status}; examinations are recorded before the decision` };
  if (o.heldOn > o.today) return { ok: false, field: 'heldOn', rule: 'must not lie in the future' };
  const unique = new Set(o.examinerIds);
  if (unique.size !== o.examinerIds.length) return { ok: false, field: 'examinerIds', rule: 'must not name an examiner twice' };
  if (o.level !== SanctionLevel.LIGHT && unique.size < 2) return { ok: false, field: 'examinerIds', rule: `a ${o.level} case is examined by a panel of at least two (PP 94/2021 art. 28)` };
  if (unique.size < 1) return { ok: false, field: 'examinerIds', rule: 'must name at least one examiner' };
  if (o.directSuperiorId && !unique.has(o.directSuperiorId)) return { ok: false, field: 'examinerIds', rule: 'must include the employee\'s direct superior, who must examine (PP 94/2021 art. 27)' };
  return { ok: true };
}

/** The imposed type's fit and its effective dates: endsOn from the type's duration (the day before the same date that many months later). */
export function imposition(level: SanctionLevel, type: SanctionType | null | undefined, startsOn: string | null | undefined):
  { ok: true; type: SanctionType; startsOn: string; endsOn: string | null } | { ok: false; field: string; rule: string } {
  if (!type) return { ok: false, field: 'type', rule: 'is required when imposing' };
  const spec = SANCTION_TYPES[type];
  if (spec.level !== level) {
    const fit = Object.entries(SANCTION_TYPES).filter(([, s]) => s.level === level).map(([t]) => t);
    return { ok: false, field: 'type', rule: `${type} is a ${spec.level} sanction; a ${level} case takes ${fit.join(', ')}` };
  }
  if (!startsOn) return { ok: false, field: 'startsOn', rule: 'is required when imposing' };
  // The allowance is paid per month: a TPP cut runs whole months from the 1st.
  if (isTppCut(type) && !startsOn.endsWith('-01')) return { ok: false, field: 'startsOn', rule: 'a TPP cut starts on the 1st of a month' };
  const endsOn = spec.months === null ? null : addDays(addMonths(startsOn, spec.months), -1);
  return { ok: true, type, startsOn, endsOn };
}
