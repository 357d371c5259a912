export type Source = 'SELF' | 'PEER' | 'SUBORDINATE' | 'SUPERVISOR';

export interface Target {
  employeeId: string;
  name: string;
  evaluationId: string;
  /** How I stand to them, which is the feedback's source (the graph checks it). */
  source: Source;
}

interface Person {
  id: string;
  name: string;
  latestEvaluation: { id: string; status: string } | null;
}

/**
 * Whom I may give feedback to and as what: myself (SELF), my supervisor (as their SUBORDINATE),
 * my direct staff (SUPERVISOR) and colleagues of my unit (PEER); only open (DRAFT) evaluations.
 */
export function feedbackTargets(me: Person & { supervisor: Person | null; subordinates: Person[] }, colleagues: Person[]): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  const add = (p: Person | null, source: Source) => {
    if (!p || seen.has(p.id) || p.latestEvaluation?.status !== 'DRAFT') return;
    seen.add(p.id);
    out.push({ employeeId: p.id, name: p.name, evaluationId: p.latestEvaluation.id, source });
  };
  add(me, 'SELF');
  add(me.supervisor, 'SUBORDINATE');
  for (const s of me.subordinates) add(s, 'SUPERVISOR');
  for (const c of colleagues) add(c, 'PEER');
  return out;
}
