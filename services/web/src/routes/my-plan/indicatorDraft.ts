/** What the RHK and indicator forms hold while typing, and how it becomes the graph's input. */
export type Aspect = 'KUANTITAS' | 'KUALITAS' | 'WAKTU' | 'BIAYA';
export type Direction = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
export const ASPECTS: Aspect[] = ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA'];

export interface IndicatorDraft {
  aspect: Aspect;
  qualitative: boolean;
  description: string;
  unitOfMeasure: string;
  target: number | '';
  direction: Direction;
  /** Cumulative targets at the end of Q1..Q4; empty where not set. */
  quarterly: Array<number | ''>;
}

export const EMPTY_INDICATOR: IndicatorDraft = {
  aspect: 'KUANTITAS', qualitative: false, description: '', unitOfMeasure: '', target: '', direction: 'HIGHER_IS_BETTER', quarterly: ['', '', '', ''],
};

/** Quarterly targets are optional, but given, all four are (the graph's list holds four numbers). */
export function quarterlyPartial(q: Array<number | ''>): boolean {
  const set = [0, 1, 2, 3].filter((i) => q[i] !== '' && q[i] !== undefined).length;
  return set > 0 && set < 4;
}

/** What the form still lacks before it can be sent (the graph checks every rule itself). */
export function indicatorMissing(d: IndicatorDraft): boolean {
  if (!d.description.trim()) return true;
  if (d.qualitative) return false;
  return !d.unitOfMeasure.trim() || d.target === '' || quarterlyPartial(d.quarterly);
}

/** The four quarterly targets, or null when none is set. */
export function quarterlyInput(q: Array<number | ''>): number[] | null {
  if ([0, 1, 2, 3].some((i) => q[i] === '' || q[i] === undefined)) return null;
  return [0, 1, 2, 3].map((i) => Number(q[i]));
}

export function indicatorInput(d: IndicatorDraft) {
  if (d.qualitative) return { aspect: d.aspect, description: d.description.trim(), qualitative: true };
  const quarterlyTargets = quarterlyInput(d.quarterly);
  return {
    aspect: d.aspect, description: d.description.trim(), qualitative: false, unitOfMeasure: d.unitOfMeasure.trim(), target: Number(d.target), direction: d.direction,
    ...(quarterlyTargets ? { quarterlyTargets } : {}),
  };
}
