import { MockedProvider, type MockedProviderProps } from '@apollo/client/testing/react';
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, test } from 'vitest';
import { RateGoalDocument } from '../../gql/graphql';
import { testI18n } from '../../test-utils';
import { GoalCard } from './GoalCard';

const goal = {
  __typename: 'Goal' as const, id: 'g1', title: 'Laporan layanan tersusun', kind: 'UTAMA' as const, achievement: 0.9,
  indicators: [{
    __typename: 'Indicator' as const, id: 'i1', aspect: 'KUANTITAS' as const, description: 'Jumlah laporan', qualitative: false, unitOfMeasure: 'laporan', target: 12, realized: 9, achievement: 0.9,
    realizations: [{ __typename: 'Realization' as const, id: 'r1', period: '2026-Q3', value: 9, note: null, evidenceUrl: 'https://drive.example.go.id/q3.pdf', feedback: null, evidenceFiles: [] }],
  }],
};

async function renderCard(mocks: MockedProviderProps['mocks'], open = true) {
  const i18n = await testI18n('id');
  const errors: unknown[] = [];
  render(
    <MockedProvider mocks={mocks}>
      <MantineProvider>
        <I18nextProvider i18n={i18n}>
          <GoalCard evaluationId="e1" goal={goal} saved={undefined} open={open} onError={(e) => errors.push(e)} />
        </I18nextProvider>
      </MantineProvider>
    </MockedProvider>,
  );
  return errors;
}

const request = { query: RateGoalDocument, variables: { evaluationId: 'e1', goalId: 'g1', rating: 'BELOW_EXPECTATION', note: 'Dua laporan terlambat' } };

describe('GoalCard', () => {
  test('shows the RHK with its indicator, realization and evidence link', async () => {
    await renderCard([]);
    expect(screen.getByText('Laporan layanan tersusun')).toBeTruthy();
    expect(screen.getByText('Capaian 90%')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Buka bukti dukung' }).getAttribute('href')).toBe('https://drive.example.go.id/q3.pdf');
  });

  test('choosing a rating saves it with the note at once (rateGoal), then forgets the note\'s draft', async () => {
    const errors = await renderCard([{ request, result: { data: { rateGoal: { __typename: 'Evaluation', id: 'e1', status: 'DRAFT', version: 2, resultRating: null, behaviorRating: null, predicate: null, suggestedResultRating: 'BELOW_EXPECTATION', goalRatings: [{ __typename: 'GoalRating', goal: { __typename: 'Goal', id: 'g1' }, rating: 'BELOW_EXPECTATION', note: 'Dua laporan terlambat' }] } } } }]);
    fireEvent.change(screen.getByLabelText('Catatan rating RHK (tidak wajib)'), { target: { value: 'Dua laporan terlambat' } });
    const group = screen.getByRole('radiogroup', { name: 'Rating RHK: Laporan layanan tersusun' });
    fireEvent.click(group.querySelector('input[value="BELOW_EXPECTATION"]')!);
    await waitFor(() => expect(localStorage.getItem('kinerja.draft.goal-note.e1.g1')).toBeNull());
    expect(errors.filter(Boolean)).toEqual([]);
  });

  test('a failed rating keeps the choice and the note typed, and reports the error', async () => {
    const errors = await renderCard([{ request, result: { errors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] } }]);
    fireEvent.change(screen.getByLabelText('Catatan rating RHK (tidak wajib)'), { target: { value: 'Dua laporan terlambat' } });
    fireEvent.click(screen.getByRole('radiogroup').querySelector('input[value="BELOW_EXPECTATION"]')!);
    await waitFor(() => expect(errors.filter(Boolean)).toHaveLength(1));
    expect((screen.getByLabelText('Catatan rating RHK (tidak wajib)') as HTMLInputElement).value).toBe('Dua laporan terlambat');
    expect((screen.getByRole('radiogroup').querySelector('input[value="BELOW_EXPECTATION"]') as HTMLInputElement).checked).toBe(true);
  });

  test('a completed evaluation shows the rating as text, no controls', async () => {
    await renderCard([], false);
    expect(screen.queryByRole('radiogroup')).toBeNull();
    expect(screen.getByText('Rating RHK: belum dinilai')).toBeTruthy();
  });
});
