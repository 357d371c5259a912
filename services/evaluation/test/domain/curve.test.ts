import { CURVE, distributionAssuming, mayReadDistribution, predicateDistribution, suggestResultRatingForUnitHead } from '../../src/domain/curve';
import { OrganizationPredicate as Org, Predicate, Rating } from '../../src/domain/enums';

const { SANGAT_BAIK: SB, BAIK: B, BUTUH_PERBAIKAN: BP, KURANG: K, SANGAT_KURANG: SK } = Predicate;

/** A unit's predicates from counts, e.g. of({ SB: 7, B: 2, BP: 1 }). */
function of(c: Partial<Record<'SB' | 'B' | 'BP' | 'K' | 'SK', number>>): Predicate[] {
  const map = { SB, B, BP, K, SK } as const;
  return (Object.entries(c) as Array<[keyof typeof map, number]>).flatMap(([k, n]) => Array.from({ length: n }, () => map[k]));
}

const rulesBroken = (org: Org | null, predicates: Predicate[]) => predicateDistribution(org, predicates).warnings.map((w) => w.rule);

describe('the distribution curve (DOMAIN.md table, PermenPANRB 6/2022)', () => {
  it.each<[string, Org, Predicate[], string[]]>([
    // ISTIMEWA: at most 70% SANGAT_BAIK
    ['ISTIMEWA, 70% SANGAT_BAIK exactly', Org.ISTIMEWA, of({ SB: 7, B: 3 }), []],
    ['ISTIMEWA, 71% SANGAT_BAIK', Org.ISTIMEWA, of({ SB: 71, B: 29 }), ['ISTIMEWA_MAX_70_SANGAT_BAIK']],
    ['ISTIMEWA, all SANGAT_BAIK', Org.ISTIMEWA, of({ SB: 4 }), ['ISTIMEWA_MAX_70_SANGAT_BAIK']],
    // BAIK: at most 70% BAIK; at least one BUTUH_PERBAIKAN or KURANG
    ['BAIK, 70% BAIK exactly and one BUTUH_PERBAIKAN', Org.BAIK, of({ B: 7, SB: 2, BP: 1 }), []],
    ['BAIK, 70% BAIK exactly and one KURANG', Org.BAIK, of({ B: 7, SB: 2, K: 1 }), []],
    ['BAIK, 80% BAIK', Org.BAIK, of({ B: 8, SB: 1, BP: 1 }), ['BAIK_MAX_70_BAIK']],
    ['BAIK, nobody below BAIK', Org.BAIK, of({ B: 6, SB: 4 }), ['BAIK_MIN_ONE_BUTUH_PERBAIKAN_OR_KURANG']],
    ['BAIK, only SANGAT_KURANG below BAIK (it does not count)', Org.BAIK, of({ B: 6, SB: 3, SK: 1 }), ['BAIK_MIN_ONE_BUTUH_PERBAIKAN_OR_KURANG']],
    ['BAIK, all BAIK', Org.BAIK, of({ B: 10 }), ['BAIK_MAX_70_BAIK', 'BAIK_MIN_ONE_BUTUH_PERBAIKAN_OR_KURANG']],
    // BUTUH_PERBAIKAN: at least 60% BUTUH_PERBAIKAN; at most 10% SANGAT_BAIK
    ['BUTUH_PERBAIKAN, 60% BP and 10% SB exactly', Org.BUTUH_PERBAIKAN, of({ BP: 6, SB: 1, B: 3 }), []],
    ['BUTUH_PERBAIKAN, 50% BP', Org.BUTUH_PERBAIKAN, of({ BP: 5, B: 5 }), ['BUTUH_PERBAIKAN_MIN_60_BUTUH_PERBAIKAN']],
    ['BUTUH_PERBAIKAN, 20% SB', Org.BUTUH_PERBAIKAN, of({ BP: 6, SB: 2, B: 2 }), ['BUTUH_PERBAIKAN_MAX_10_SANGAT_BAIK']],
    ['BUTUH_PERBAIKAN, both broken', Org.BUTUH_PERBAIKAN, of({ SB: 5, B: 5 }), ['BUTUH_PERBAIKAN_MIN_60_BUTUH_PERBAIKAN', 'BUTUH_PERBAIKAN_MAX_10_SANGAT_BAIK']],
    // KURANG: at least 60% KURANG; at least 10% BUTUH_PERBAIKAN
    ['KURANG, 60% K and 10% BP exactly', Org.KURANG, of({ K: 6, BP: 1, B: 3 }), []],
    ['KURANG, 59 of 100 K', Org.KURANG, of({ K: 59, BP: 10, B: 31 }), ['KURANG_MIN_60_KURANG']],
    ['KURANG, 9 of 100 BP', Org.KURANG, of({ K: 60, BP: 9, B: 31 }), ['KURANG_MIN_10_BUTUH_PERBAIKAN']],
    // SANGAT_KURANG: at least 60% SK; at least 10% K or BP; no SB
    ['SANGAT_KURANG, 60% SK, 10% K or BP exactly, no SB', Org.SANGAT_KURANG, of({ SK: 6, K: 1, B: 3 }), []],
    ['SANGAT_KURANG, 10% split over K and BP', Org.SANGAT_KURANG, of({ SK: 12, K: 1, BP: 1, B: 6 }), []],
    ['SANGAT_KURANG, 50% SK', Org.SANGAT_KURANG, of({ SK: 5, K: 1, B: 4 }), ['SANGAT_KURANG_MIN_60_SANGAT_KURANG']],
    ['SANGAT_KURANG, no K or BP', Org.SANGAT_KURANG, of({ SK: 7, B: 3 }), ['SANGAT_KURANG_MIN_10_KURANG_OR_BUTUH_PERBAIKAN']],
    ['SANGAT_KURANG, one SB', Org.SANGAT_KURANG, of({ SK: 7, K: 2, SB: 1 }), ['SANGAT_KURANG_NO_SANGAT_BAIK']],
  ])('%s', (_name, org, predicates, expected) => {
    expect(rulesBroken(org, predicates)).toEqual(expected);
  });

  it.each<[Org, Predicate, string[]]>([
    [Org.ISTIMEWA, SB, ['ISTIMEWA_MAX_70_SANGAT_BAIK']],
    [Org.ISTIMEWA, B, []],
    [Org.BAIK, B, ['BAIK_MAX_70_BAIK', 'BAIK_MIN_ONE_BUTUH_PERBAIKAN_OR_KURANG']],
    [Org.BAIK, BP, []],
    [Org.BUTUH_PERBAIKAN, BP, []],
    [Org.KURANG, K, ['KURANG_MIN_10_BUTUH_PERBAIKAN']],
    [Org.SANGAT_KURANG, SK, ['SANGAT_KURANG_MIN_10_KURANG_OR_BUTUH_PERBAIKAN']],
  ])('a unit of one: %s with a single %s breaks %j', (org, predicate, expected) => {
    const d = predicateDistribution(org, [predicate]);
    expect(d.warnings.map((w) => w.rule)).toEqual(expected);
    expect(d.counts.find((c) => c.predicate === predicate)).toEqual({ predicate, count: 1, percent: 100 });
  });

  it('counts and percentages cover every predicate, in order, with the in-progress ones apart', () => {
    const d = predicateDistribution(Org.BAIK, of({ SB: 1, B: 4, BP: 1 }), 3);
    expect(d).toMatchObject({ organizationPredicate: Org.BAIK, evaluated: 6, inProgress: 3, note: null });
    expect(d.counts).toEqual([
      { predicate: SB, count: 1, percent: 16.67 }, { predicate: B, count: 4, percent: 66.67 }, { predicate: BP, count: 1, percent: 16.67 },
      { predicate: K, count: 0, percent: 0 }, { predicate: SK, count: 0, percent: 0 },
    ]);
    expect(d.warnings).toEqual([]);
  });

  it('a warning names the rule, the unit\'s numbers and the percentage', () => {
    const [w] = predicateDistribution(Org.BAIK, of({ B: 8, SB: 1, BP: 1 })).warnings;
    expect(w!.message).toBe('A unit with organisation predicate BAIK should have at most 70% BAIK of its evaluated employees; it has 8 BAIK of 10 (80%)');
  });

  it('without an organisation predicate: the distribution, no warnings, and a note saying why', () => {
    const d = predicateDistribution(null, of({ B: 10 }), 1);
    expect(d.warnings).toEqual([]);
    expect(d.evaluated).toBe(10);
    expect(d.counts[1]).toEqual({ predicate: B, count: 10, percent: 100 });
    expect(d.note).toMatch(/No organisation predicate is set/);
  });

  it('with nobody evaluated yet: no warnings (0 of 0 breaks nothing) and a note', () => {
    const d = predicateDistribution(Org.SANGAT_KURANG, [], 4);
    expect(d).toMatchObject({ evaluated: 0, inProgress: 4, warnings: [] });
    expect(d.note).toMatch(/No annual evaluation of this unit is completed yet/);
    expect(d.counts.every((c) => c.count === 0 && c.percent === 0)).toBe(true);
  });

  it('has rules for every organisation predicate', () => {
    expect(Object.keys(CURVE).sort()).toEqual(Object.values(Org).sort());
  });
});

describe('the distribution as if the evaluation being rated were completed (the workspace\'s what-if)', () => {
  it('moves it from in progress to the evaluated with its predicate, and checks the curve again', () => {
    // BAIK unit, 2 BAIK of 2: both rules broken; one BUTUH_PERBAIKAN being rated would mend both.
    const now = predicateDistribution(Org.BAIK, of({ B: 2 }), 3);
    expect(now.warnings.map((w) => w.rule)).toEqual(['BAIK_MAX_70_BAIK', 'BAIK_MIN_ONE_BUTUH_PERBAIKAN_OR_KURANG']);
    const d = distributionAssuming(Org.BAIK, of({ B: 2 }), 3, BP);
    expect(d).toMatchObject({ evaluated: 3, inProgress: 2, assumed: BP, warnings: [], note: null });
    expect(d.counts.slice(0, 3)).toEqual([{ predicate: SB, count: 0, percent: 0 }, { predicate: B, count: 2, percent: 66.67 }, { predicate: BP, count: 1, percent: 33.33 }]);
  });

  it('is exactly what completing it gives, warnings and messages included', () => {
    for (const [org, done, p] of [[Org.BUTUH_PERBAIKAN, of({ BP: 2, B: 1 }), B], [Org.ISTIMEWA, of({ SB: 2 }), SB], [Org.SANGAT_KURANG, [], SK]] as Array<[Org, Predicate[], Predicate]>) {
      expect(distributionAssuming(org, done, 1, p)).toEqual({ ...predicateDistribution(org, [...done, p], 0), assumed: p });
    }
  });

  it('can break the curve that held', () => {
    expect(distributionAssuming(Org.BUTUH_PERBAIKAN, of({ BP: 6, B: 3 }), 1, SB).warnings.map((w) => w.rule)).toEqual([]);
    expect(distributionAssuming(Org.BUTUH_PERBAIKAN, of({ BP: 6, SB: 1, B: 2 }), 1, SB).warnings.map((w) => w.rule)).toEqual(['BUTUH_PERBAIKAN_MAX_10_SANGAT_BAIK']);
  });

  it('the first one evaluated: the note that nothing was checked gives way to the check', () => {
    expect(predicateDistribution(Org.BAIK, [], 1).note).toMatch(/No annual evaluation/);
    expect(distributionAssuming(Org.BAIK, [], 1, BP)).toMatchObject({ evaluated: 1, inProgress: 0, note: null, warnings: [], assumed: BP });
  });

  it('assumes nothing without a predicate (a rating missing)', () => {
    expect(distributionAssuming(Org.BAIK, of({ B: 2 }), 3, null)).toEqual(predicateDistribution(Org.BAIK, of({ B: 2 }), 3));
    expect(predicateDistribution(Org.BAIK, of({ B: 2 }), 3).assumed).toBeNull();
  });

  it('refuses to assume an evaluation that is not among those in progress', () => {
    expect(() => distributionAssuming(Org.BAIK, of({ B: 2 }), 0, B)).toThrow(/in progress/);
  });
});

describe('a unit head\'s suggested result rating from the organisation predicate', () => {
  it.each<[Org | null, Rating | null]>([
    [Org.ISTIMEWA, Rating.ABOVE_EXPECTATION],
    [Org.BAIK, Rating.MEETS_EXPECTATION],
    [Org.BUTUH_PERBAIKAN, Rating.BELOW_EXPECTATION],
    [Org.KURANG, Rating.BELOW_EXPECTATION],
    [Org.SANGAT_KURANG, Rating.BELOW_EXPECTATION],
    [null, null],
  ])('%s suggests %s', (org, rating) => {
    expect(suggestResultRatingForUnitHead(org)).toBe(rating);
  });
});

describe('who reads a unit\'s distribution', () => {
  const nobody = { admin: false, analyst: false, unitHead: false, evaluator: false };
  it.each([
    [{ admin: true }, true], [{ analyst: true }, true], [{ unitHead: true }, true], [{ evaluator: true }, true], [{}, false],
  ])('%o: %s', (facts, allowed) => {
    expect(mayReadDistribution({ ...nobody, ...facts })).toBe(allowed);
  });
});
