import { describe, expect, test } from 'vitest';
import { EMPTY_INDICATOR, indicatorInput, indicatorMissing, quarterlyInput, quarterlyPartial } from './indicatorDraft';

describe('an indicator being typed', () => {
  const measured = { ...EMPTY_INDICATOR, description: 'Laporan tersusun', unitOfMeasure: 'laporan', target: 4 as const };

  test('a measured one needs a description, a unit and a target; a qualitative one only its expected result', () => {
    expect(indicatorMissing(EMPTY_INDICATOR)).toBe(true);
    expect(indicatorMissing(measured)).toBe(false);
    expect(indicatorMissing({ ...measured, unitOfMeasure: ' ' })).toBe(true);
    expect(indicatorMissing({ ...EMPTY_INDICATOR, qualitative: true, description: 'Kader UKS aktif' })).toBe(false);
  });

  test('quarterly targets: none or all four; some but not all keeps the form from sending', () => {
    expect(quarterlyPartial(['', '', '', ''])).toBe(false);
    expect(quarterlyPartial([1, '', 3, ''])).toBe(true);
    expect(indicatorMissing({ ...measured, quarterly: [1, 2, '', ''] })).toBe(true);
    expect(quarterlyInput(['', '', '', ''])).toBeNull();
    expect(quarterlyInput([1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
  });

  test('becomes the graph\'s IndicatorInput: trimmed, qualitative without unit, target or direction', () => {
    expect(indicatorInput({ ...measured, description: '  Laporan tersusun ', quarterly: [1, 2, 3, 4] })).toEqual({
      aspect: 'KUANTITAS', description: 'Laporan tersusun', qualitative: false, unitOfMeasure: 'laporan', target: 4, direction: 'HIGHER_IS_BETTER', quarterlyTargets: [1, 2, 3, 4],
    });
    expect(indicatorInput({ ...measured, aspect: 'KUALITAS', qualitative: true })).toEqual({ aspect: 'KUALITAS', description: 'Laporan tersusun', qualitative: true });
  });
});
