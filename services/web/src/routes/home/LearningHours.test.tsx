import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { HomeLearningHoursFragment } from '../../gql/graphql';
import { renderWithProviders } from '../../test-utils';
import { LearningHours } from './LearningHours';

const PNS: HomeLearningHoursFragment = { completedHours: 12, requiredHours: 20, met: false, ceilingHours: null, contractYears: [] };
const PPPK: HomeLearningHoursFragment = {
  completedHours: 8, requiredHours: 0, met: true, ceilingHours: 24,
  contractYears: [{ startsOn: '2026-03-01', endsOn: '2027-02-28', fromContract: true, completedHours: 8, countedHours: 14, remainingHours: 10 }],
};

describe('LearningHours on the home screen (WEB.md: 20 JP for PNS, the 24 JP ceiling for PPPK)', () => {
  test('PNS: completed against the 20 JP owed', async () => {
    await renderWithProviders(<LearningHours hours={PNS} />);
    expect(screen.getByText('12 dari 20 JP')).toBeTruthy();
    expect(screen.getByText('PNS wajib 20 JP setahun.')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Kemajuan jam pelajaran' }).getAttribute('aria-valuenow')).toBe('60');
  });

  test('PPPK: each contract year against the 24 JP ceiling, never "0 JP required" nor "met"', async () => {
    await renderWithProviders(<LearningHours hours={PPPK} />);
    expect(screen.getByText('Tahun kontrak 1 Maret 2026 – 28 Februari 2027: 14 dari paling banyak 24 JP (8 JP selesai)')).toBeTruthy();
    expect(screen.getByText('Masih dapat ditambah 10 JP.')).toBeTruthy();
    expect(screen.getByText('PPPK: paling banyak 24 JP per tahun kontrak; ini batas, bukan kewajiban.')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'JP terhadap batas tahun kontrak' }).getAttribute('aria-valuenow')).toMatch(/^58(\.\d+)?$/);
    expect(screen.queryByText(/dari 0 JP|sudah terpenuhi/)).toBeNull();
  });

  test('PPPK in English', async () => {
    await renderWithProviders(<LearningHours hours={PPPK} />, 'en');
    expect(screen.getByText('Contract year 1 March 2026 – 28 February 2027: 14 of at most 24 JP (8 JP completed)')).toBeTruthy();
    expect(screen.getByText('PPPK: at most 24 JP per contract year; a ceiling, not a requirement.')).toBeTruthy();
  });
});
