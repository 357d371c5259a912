import { describe, expect, test } from 'vitest';
import { testI18n } from '../test-utils';
import { rewardReasonText, type RewardReasonView } from './rewardReasons';

const ENGLISH_FROM_GRAPH = 'the sentence the graph keeps in English';
const reason = (r: Omit<RewardReasonView, 'text'>): RewardReasonView => ({ ...r, text: ENGLISH_FROM_GRAPH });

const DECISION: RewardReasonView[] = [
  reason({ code: 'ALLOWANCE', predicate: 'BAIK', percent: 100, year: 2026, periodType: 'ANNUAL', period: null, policyVersion: 1 }),
  reason({ code: 'FOLLOW_UP_COACHING', predicate: 'BUTUH_PERBAIKAN' }),
  reason({ code: 'PROMOTION_NOT_ELIGIBLE', minimumPredicate: 'BAIK', annualEvaluations: 2, year: 2026, years: [{ year: 2025, predicate: null }, { year: 2026, predicate: 'KURANG' }] }),
  reason({ code: 'CREDIT_POINTS', positionKind: 'FUNGSIONAL', percent: 150, coefficient: 12.5, predicate: 'SANGAT_BAIK', creditPoints: 18.75 }),
  reason({ code: 'REVISION', revision: 2, years: [{ year: 2025, predicate: 'BAIK', was: null }] }),
];

describe('reward reasons in the reader\'s language (WEB.md: each reward\'s reasons)', () => {
  test('Indonesian: every reason in Indonesian, predicates by their names, numbers the Indonesian way; no English sentence', async () => {
    const i = await testI18n('id');
    expect(DECISION.map((r) => rewardReasonText(i.t, r, 'id'))).toEqual([
      'Tunjangan kinerja (TPP): predikat Baik memperoleh 100% TPP untuk tahun 2026 (kebijakan versi 1).',
      'Tindak lanjut: predikat Butuh Perbaikan memerlukan pembinaan oleh atasan langsung dan rencana pengembangan kompetensi.',
      'Kenaikan pangkat: belum memenuhi syarat; diperlukan sedikitnya predikat Baik pada setiap 2 penilaian tahunan terakhir: belum ada predikat tahunan untuk 2025; 2026: Kurang.',
      'Angka kredit: jabatan fungsional memperoleh 150% dari koefisien angka kredit tahunan 12,5 untuk predikat Sangat Baik: 18,75 (Peraturan BKN 3/2023).',
      'Revisi 2: diputuskan ulang karena predikat tahunan 2025 kini Baik (sebelumnya belum tercatat).',
    ]);
  });

  test('English: the same reasons in English', async () => {
    const i = await testI18n('en');
    expect(DECISION.map((r) => rewardReasonText(i.t, r, 'en'))).toEqual([
      'Allowance (TPP): predicate Baik (good) earns 100% of the performance allowance for 2026 (policy version 1).',
      'Follow-up: predicate Butuh Perbaikan (needs improvement) calls for coaching by the direct supervisor and a competency development plan.',
      'Promotion: not eligible; it needs at least Baik (good) in each of the last 2 annual evaluations: no annual predicate is recorded for 2025; 2026 was Kurang (poor).',
      'Credit points: a functional position earns 150% of its yearly credit-point coefficient 12.5 for predicate Sangat Baik (outstanding): 18.75 (Peraturan BKN 3/2023).',
      'Revision 2: decided again because the 2025 annual predicate is now Baik (good) (was not recorded).',
    ]);
  });

  test('names the month or quarter of a periodic decision', async () => {
    const i = await testI18n('id');
    expect(rewardReasonText(i.t, reason({ code: 'ALLOWANCE', predicate: 'KURANG', percent: 50, year: 2026, periodType: 'MONTHLY', period: 3, policyVersion: 2 }), 'id'))
      .toBe('Tunjangan kinerja (TPP): predikat Kurang memperoleh 50% TPP untuk Maret 2026 (kebijakan versi 2).');
    expect(rewardReasonText(i.t, reason({ code: 'PERIOD_ALLOWANCE_ONLY', periodType: 'QUARTERLY' }), 'id')).toMatch(/^Penilaian triwulanan: hanya TPP periode ini/);
  });

  test('every code the graph has a text in both languages; a sentence no code describes is shown as the graph wrote it', async () => {
    const codes = ['ALLOWANCE', 'PERIOD_ALLOWANCE_ONLY', 'CERTIFICATE', 'FOLLOW_UP_COACHING', 'FOLLOW_UP_IMPROVEMENT_TRACK', 'PROMOTION_NOT_APPLICABLE_PPPK',
      'PROMOTION_EMPLOYMENT_TYPE_UNKNOWN', 'PROMOTION_NOT_ELIGIBLE', 'PROMOTION_ELIGIBLE', 'CREDIT_POINTS_POSITION_UNKNOWN', 'CREDIT_POINTS_COEFFICIENT_UNKNOWN', 'CREDIT_POINTS', 'REVISION'];
    for (const lng of ['id', 'en'] as const) {
      const i = await testI18n(lng);
      for (const code of codes) {
        const text = rewardReasonText(i.t, reason({ code, predicate: 'BAIK', minimumPredicate: 'BAIK', periodType: 'MONTHLY', year: 2026, period: 1, years: [] }), lng);
        expect(text).not.toBe(ENGLISH_FROM_GRAPH);
        expect(text).not.toMatch(/rewardReason\.|\{\{/);
      }
    }
    const i = await testI18n('id');
    expect(rewardReasonText(i.t, { code: 'OTHER', text: 'Something else.' }, 'id')).toBe('Something else.');
  });
});
