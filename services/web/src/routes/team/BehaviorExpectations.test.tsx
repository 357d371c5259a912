import { MockedProvider } from '@apollo/client/testing/react';
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, test } from 'vitest';
import { SetBehaviorExpectationDocument } from '../../gql/graphql';
import { testI18n } from '../../test-utils';
import { BehaviorExpectations, type Expectation } from './BehaviorExpectations';

const VALUES = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'] as const;
const saved: Expectation[] = VALUES.map((coreValue) => ({ coreValue, expectation: coreValue === 'AKUNTABEL' ? 'Laporan tepat waktu' : '' }));

async function renderWith(mocks: MockedProviderProps['mocks']) {
  const i18n = await testI18n('id');
  return render(
    <MockedProvider mocks={mocks}>
      <MantineProvider>
        <I18nextProvider i18n={i18n}>
          <BehaviorExpectations planId="p1" expectations={saved} editable />
        </I18nextProvider>
      </MantineProvider>
    </MockedProvider>,
  );
}
type MockedProviderProps = import('@apollo/client/testing/react').MockedProviderProps;

const request = { query: SetBehaviorExpectationDocument, variables: { planId: 'p1', coreValue: 'KOLABORATIF', expectation: 'Berbagi data tiap bulan' } };

describe('BehaviorExpectations', () => {
  test('saves only the value typed, then forgets the draft', async () => {
    await renderWith([{ request, result: { data: { setBehaviorExpectation: { __typename: 'PerformancePlan', id: 'p1', version: 3, behaviorExpectations: saved.map((s) => ({ __typename: 'BehaviorExpectation', ...s })) } } } }]);
    expect((screen.getByRole('button', { name: 'Simpan ekspektasi (0)' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/^Kolaboratif/), { target: { value: 'Berbagi data tiap bulan' } });
    expect(localStorage.getItem('kinerja.draft.expectations.p1')).toContain('Berbagi data tiap bulan');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan ekspektasi (1)' }));
    await waitFor(() => expect(localStorage.getItem('kinerja.draft.expectations.p1')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a refused save says why in Indonesian and keeps what was typed', async () => {
    await renderWith([{ request, result: { errors: [{ message: 'Only the direct supervisor sets expectations', extensions: { code: 'FORBIDDEN' } }] } }]);
    fireEvent.change(screen.getByLabelText(/^Kolaboratif/), { target: { value: 'Berbagi data tiap bulan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan ekspektasi (1)' }));
    await screen.findByText('Anda tidak berhak melakukan ini.');
    expect((screen.getByLabelText(/^Kolaboratif/) as HTMLTextAreaElement).value).toBe('Berbagi data tiap bulan');
    expect(localStorage.getItem('kinerja.draft.expectations.p1')).toContain('Berbagi data tiap bulan');
  });
});
