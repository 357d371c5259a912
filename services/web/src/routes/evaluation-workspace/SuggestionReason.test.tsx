import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { renderWithProviders } from '../../test-utils';
import { SuggestionReason } from './SuggestionReason';

const goal = (id: string) => ({ __typename: 'Goal' as const, id });
const REASON = {
  __typename: 'ResultRatingSuggestion' as const, rating: 'MEETS_EXPECTATION' as const, rule: 'UTAMA_BELOW_SOME' as const,
  utamaRated: 3, utamaAbove: 2, utamaBelow: 1, tambahanAbove: true, aboveFrom: 1.1, meetsFrom: 0.9, organizationPredicate: null,
  rhk: [
    { __typename: 'SuggestionRhk' as const, goal: goal('g1'), kind: 'UTAMA', rating: 'ABOVE_EXPECTATION' as const, source: 'ACHIEVEMENT' as const, achievement: 1.5 },
    { __typename: 'SuggestionRhk' as const, goal: goal('g2'), kind: 'UTAMA', rating: 'BELOW_EXPECTATION' as const, source: 'EVALUATOR' as const, achievement: 0.2 },
    { __typename: 'SuggestionRhk' as const, goal: goal('g3'), kind: 'TAMBAHAN', rating: null, source: 'NONE' as const, achievement: null },
  ],
};
const TITLES: Record<string, string> = { g1: 'Laporan layanan', g2: 'Kunjungan posyandu', g3: 'Pelatihan kader' };

describe('SuggestionReason: why the result rating is suggested, as the graph says', () => {
  test('Indonesian: the rule with its counts and each RHK with its rating and source', async () => {
    await renderWithProviders(<SuggestionReason reason={REASON} titleOf={(id) => TITLES[id] ?? ''} />);
    expect(screen.getByText('Sesuai ekspektasi: 1 dari 3 RHK utama di bawah ekspektasi, jadi saran tidak pernah Di atas ekspektasi.')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Laporan layanan (RHK utama): Di atas ekspektasi, dari capaian 150%',
      'Kunjungan posyandu (RHK utama): Di bawah ekspektasi, dari rating Anda',
      'Pelatihan kader (RHK tambahan): –, belum dinilai dan tanpa capaian',
    ]);
    expect(screen.getByText('RHK yang belum Anda nilai dihitung dari capaiannya (≥ 110% di atas, ≥ 90% sesuai ekspektasi).')).toBeTruthy();
  });

  test('English, and a unit head\'s suggestion from the organisation predicate', async () => {
    await renderWithProviders(<SuggestionReason reason={{ ...REASON, rating: 'ABOVE_EXPECTATION', rule: 'ORGANIZATION_PREDICATE', organizationPredicate: 'ISTIMEWA', rhk: [] }} titleOf={() => ''} />, 'en');
    expect(screen.getByText("Follows the unit's organisation predicate: Outstanding (PermenPANRB 6/2022).")).toBeTruthy();
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  });
});
