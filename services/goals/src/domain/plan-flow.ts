import { GoalKind, PlanStatus } from './enums';

/**
 * The SKP status flow (DOMAIN.md, "The performance plan"): the employee drafts and submits, the
 * direct supervisor approves or returns it with a note (RETURNED: the employee edits and submits
 * again); an approved plan changes only after the supervisor reopens it.
 */
export type PlanAction = 'SUBMIT' | 'APPROVE' | 'REOPEN' | 'RETURN';

const FROM: Record<PlanAction, PlanStatus[]> = {
  SUBMIT: [PlanStatus.DRAFT, PlanStatus.RETURNED],
  APPROVE: [PlanStatus.SUBMITTED],
  RETURN: [PlanStatus.SUBMITTED],
  // The supervisor returns a submitted plan for revision, or reopens an approved one.
  REOPEN: [PlanStatus.SUBMITTED, PlanStatus.APPROVED],
};

const TO: Record<PlanAction, PlanStatus> = {
  SUBMIT: PlanStatus.SUBMITTED,
  APPROVE: PlanStatus.APPROVED,
  REOPEN: PlanStatus.DRAFT,
  RETURN: PlanStatus.RETURNED,
};

export type TransitionResult = { ok: true; status: PlanStatus } | { ok: false; rule: string };

export function nextStatus(action: PlanAction, current: PlanStatus): TransitionResult {
  if (!FROM[action].includes(current)) {
    return { ok: false, rule: `the plan is ${current}; ${action.toLowerCase()} needs a plan that is ${FROM[action].join(' or ')}` };
  }
  return { ok: true, status: TO[action] };
}

/** Goals change only while the plan is a draft (a reopened plan is a draft again) or returned for revision. */
export function goalsEditable(status: PlanStatus): boolean {
  return status === PlanStatus.DRAFT || status === PlanStatus.RETURNED;
}

/**
 * Why a plan may not be submitted, or null (PermenPANRB 6/2022, DOMAIN.md): at least one goal, at
 * least one of them UTAMA, and every goal with at least one indicator.
 */
export function submitProblem(goals: Array<{ kind: GoalKind; indicators: number }>): string | null {
  if (goals.length === 0) return 'a plan needs at least one goal before it is submitted';
  if (!goals.some((g) => g.kind === GoalKind.UTAMA)) return 'a plan needs at least one UTAMA (main) goal before it is submitted; every goal is TAMBAHAN';
  if (goals.some((g) => g.indicators === 0)) return 'every goal needs at least one indicator before the plan is submitted';
  return null;
}

/** How the caller stands to the plan's employee, as far as the flow cares. */
export interface Actor {
  admin: boolean;
  self: boolean;
  directSupervisor: boolean;
  /** Anywhere in the supervisor chain above the employee. */
  supervisor: boolean;
  /** The employee has a direct supervisor in the records. */
  employeeHasSupervisor: boolean;
}

/** Why this actor may not take this action, or null when they may. */
export function actorProblem(action: PlanAction, a: Actor): string | null {
  if (action === 'SUBMIT') {
    return a.self || a.supervisor || a.admin ? null : 'only the employee, a supervisor above them or ADMIN may submit this plan';
  }
  if (a.directSupervisor) return null;
  // Without a supervisor in the records (the Sekda, whose appraiser is the Bupati) BKPSDM acts for them.
  if (a.admin && !a.employeeHasSupervisor) return null;
  const verb = action === 'APPROVE' ? 'approve' : action === 'RETURN' ? 'return' : 'reopen';
  return a.self
    ? `an employee cannot ${verb} their own plan; their direct supervisor does`
    : `only the employee's direct supervisor may ${verb} this plan`;
}
