import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { UnitDistributionFragment } from '../../gql/graphql';
import { renderWithProviders } from '../../test-utils';
import CurvePanel from './CurvePanel';
import { curveUnits, curveWarningsOf, unitChain } from './curve';

const unit = (id: string, org: UnitDistributionFragment['organizationPredicate'], extra: Partial<UnitDistributionFragment['predicateDistribution']> = {}): UnitDistributionFragment => ({
  id, name: `Unit ${id}`, organizationPredicate: org,
  predicateDistribution: { year: 2026, organizationPredicate: org, evaluated: 0, inProgress: 3, counts: [], warnings: [], note: null, assumed: null, ...extra },
});

describe('which units\' curves the workspace shows', () => {
  test('the chain, nearest first', () => {
    const chain = { ...unit('seksi', null), parent: { ...unit('bidang', null), parent: { ...unit('opd', 'BAIK'), parent: null } } };
    expect(unitChain(chain).map((u) => u.id)).toEqual(['seksi', 'bidang', 'opd']);
  });

  test('each unit whose curve the graph checks (with an organisation predicate)', () => {
    expect(curveUnits([unit('seksi', null), unit('bidang', 'BAIK'), unit('opd', 'BUTUH_PERBAIKAN')]).map((u) => u.id)).toEqual(['bidang', 'opd']);
  });

  test('where none has one, the topmost unit, so the counts still show', () => {
    expect(curveUnits([unit('seksi', null), unit('opd', null)]).map((u) => u.id)).toEqual(['opd']);
    expect(curveUnits([])).toEqual([]);
  });

  test('completeEvaluation\'s extensions.curveWarnings, read defensively', () => {
    expect(curveWarningsOf(undefined)).toEqual([]);
    expect(curveWarningsOf({ curveWarnings: 'nope' })).toEqual([]);
    expect(curveWarningsOf({ curveWarnings: [{ rule: 'BAIK_MAX_70_BAIK', message: 'at most 70% BAIK', unitId: 'u1' }, { message: 'no rule' }, null] }))
      .toEqual([{ rule: 'BAIK_MAX_70_BAIK', message: 'at most 70% BAIK', unitId: 'u1' }]);
  });
});

describe('CurvePanel', () => {
  const broken = unit('opd', 'BUTUH_PERBAIKAN', {
    evaluated: 4, inProgress: 2,
    counts: [{ predicate: 'BAIK', count: 3, percent: 75 }, { predicate: 'BUTUH_PERBAIKAN', count: 1, percent: 25 }],
    warnings: [{ rule: 'BUTUH_PERBAIKAN_MIN_60_BUTUH_PERBAIKAN', message: 'at least 60% BUTUH_PERBAIKAN' }, { rule: 'A_RULE_THE_APP_DOES_NOT_KNOW', message: 'some new rule' }],
  });

  test('shows the counts per predicate, the broken rules in Indonesian (the graph\'s text for an unknown rule) and where this evaluation falls', async () => {
    await renderWithProviders(<CurvePanel units={[broken]} thisPredicate="BAIK" completed={false} including={false} />);
    expect(screen.getByRole('heading', { name: 'Sebaran predikat Unit opd 2026' })).toBeTruthy();
    expect(screen.getByText('Predikat kinerja organisasi: Butuh Perbaikan')).toBeTruthy();
    expect(screen.getByText('4 penilaian selesai · 2 berlangsung')).toBeTruthy();
    expect(screen.getByText('Baik: 3 pegawai (75%)')).toBeTruthy();
    expect(screen.getByText('Sangat Baik: 0 pegawai (0%)')).toBeTruthy();
    expect(screen.getByText('Paling sedikit 60% pegawai berpredikat Butuh Perbaikan.')).toBeTruthy();
    expect(screen.getByText('some new rule')).toBeTruthy();
    expect(screen.getByText('penilaian ini: Baik')).toBeTruthy();
    expect(screen.getAllByRole('progressbar')).toHaveLength(5);
  });

  test('in English; a completed evaluation is already counted, so it is not marked again', async () => {
    await renderWithProviders(<CurvePanel units={[broken]} thisPredicate="BAIK" completed including={false} />, 'en');
    expect(screen.getByText('At least 60% of staff Butuh Perbaikan.')).toBeTruthy();
    expect(screen.queryByText(/this evaluation/)).toBeNull();
  });

  test('a curve that holds says so; no organisation predicate says the curve is not checked', async () => {
    const fine = unit('a', 'BAIK', { evaluated: 10, counts: [{ predicate: 'BAIK', count: 6, percent: 60 }, { predicate: 'KURANG', count: 4, percent: 40 }] });
    await renderWithProviders(<CurvePanel units={[fine, unit('b', null)]} thisPredicate={null} completed={false} including={false} />);
    expect(screen.getByText('Sebaran sesuai kurva.')).toBeTruthy();
    expect(screen.getByText('Predikat kinerja organisasi tahun ini belum ditetapkan; kurva belum diperiksa.')).toBeTruthy();
  });

  describe('while rating, as if this evaluation were completed (including)', () => {
    // The graph counted this evaluation (BAIK) in: 5 evaluated, 1 other in progress, and says which rules break.
    const withThis = unit('opd', 'BUTUH_PERBAIKAN', {
      evaluated: 5, inProgress: 1, assumed: 'BAIK',
      counts: [{ predicate: 'BAIK', count: 4, percent: 80 }, { predicate: 'BUTUH_PERBAIKAN', count: 1, percent: 20 }],
      warnings: [{ rule: 'BUTUH_PERBAIKAN_MIN_60_BUTUH_PERBAIKAN', message: 'at least 60% BUTUH_PERBAIKAN' }],
    });

    test('says the counts include this evaluation with its provisional predicate, marks its bar, and titles the warnings so', async () => {
      await renderWithProviders(<CurvePanel units={[withThis]} thisPredicate="BAIK" completed={false} including />);
      expect(screen.getByText('5 penilaian dihitung, termasuk penilaian ini · 1 lainnya berlangsung')).toBeTruthy();
      expect(screen.getByText('Termasuk penilaian ini dengan predikat sementara Baik: beginilah sebaran unit bila penilaian ini diselesaikan sekarang.')).toBeTruthy();
      expect(screen.getByText('Baik: 4 pegawai (80%)')).toBeTruthy();
      expect(screen.getByText('penilaian ini: Baik')).toBeTruthy();
      expect(screen.getByText('Dengan penilaian ini, sebaran melanggar kurva')).toBeTruthy();
      expect(screen.getByText('Paling sedikit 60% pegawai berpredikat Butuh Perbaikan.')).toBeTruthy();
      expect(screen.queryByText(/penilaian selesai/)).toBeNull();
    });

    test('in English', async () => {
      await renderWithProviders(<CurvePanel units={[withThis]} thisPredicate="BAIK" completed={false} including />, 'en');
      expect(screen.getByText('5 counted, this evaluation included · 1 others in progress')).toBeTruthy();
      expect(screen.getByText(/^Includes this evaluation with its provisional predicate .+: this is the unit's distribution if you complete it now\.$/)).toBeTruthy();
      expect(screen.getByText('With this evaluation, the distribution breaks the curve')).toBeTruthy();
    });

    test('the warnings are the graph\'s: counts that look broken but come without warnings show as following the curve', async () => {
      const held = unit('opd', 'BUTUH_PERBAIKAN', { ...withThis.predicateDistribution, warnings: [] });
      await renderWithProviders(<CurvePanel units={[held]} thisPredicate="BAIK" completed={false} including />);
      expect(screen.getByText('Dengan penilaian ini, sebaran sesuai kurva.')).toBeTruthy();
      expect(screen.queryByText('Paling sedikit 60% pegawai berpredikat Butuh Perbaikan.')).toBeNull();
    });

    test('without a predicate yet, nothing is assumed and the panel says how to see its effect', async () => {
      const plain = unit('opd', 'BUTUH_PERBAIKAN', { evaluated: 4, inProgress: 2, counts: [{ predicate: 'BAIK', count: 4, percent: 100 }] });
      await renderWithProviders(<CurvePanel units={[plain]} thisPredicate={null} completed={false} including />);
      expect(screen.getByText('4 penilaian selesai · 2 berlangsung')).toBeTruthy();
      expect(screen.getByText('Penilaian ini belum dihitung: simpan rating hasil kerja dan rating perilaku kerja untuk melihat pengaruhnya pada kurva.')).toBeTruthy();
      expect(screen.queryByText(/^penilaian ini:/)).toBeNull();
    });

    test('a unit that does not count it (the evaluation started in another unit) says so, and marks no bar', async () => {
      const other = unit('opd', 'BUTUH_PERBAIKAN', { evaluated: 4, inProgress: 2, counts: [{ predicate: 'BAIK', count: 4, percent: 100 }] });
      await renderWithProviders(<CurvePanel units={[other]} thisPredicate="BAIK" completed={false} including />);
      expect(screen.getByText('Penilaian ini tidak dihitung di unit ini (dimulai di unit lain).')).toBeTruthy();
      expect(screen.queryByText('penilaian ini: Baik')).toBeNull();
    });
  });
});
