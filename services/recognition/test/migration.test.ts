// The follow-ups migration against a database holding what the old platform wrote: a policy with
// sanctions per predicate, decisions that recommended sanctions, the system's proposals from them.
import { randomUUID } from 'node:crypto';
import { createDataSource } from '@kinerja/subgraph-kit';
import { createTestDatabase, testLogger, type TestDatabase } from '@kinerja/testing';
import type { DataSource } from 'typeorm';
import { entities, migrations, parseRewardRules } from '../src';
import { PREDICATE_PROPOSAL_WITHDRAWN } from '../src/migrations/1765300000000-recognition-follow-ups';

const OLD_POLICY = {
  predicates: {
    SANGAT_BAIK: { allowancePercent: 100, certificate: true, sanction: null, coaching: false, creditPointPercent: 150 },
    BAIK: { allowancePercent: 100, certificate: false, sanction: null, coaching: false, creditPointPercent: 100 },
    BUTUH_PERBAIKAN: { allowancePercent: 75, certificate: false, sanction: null, coaching: true, creditPointPercent: 75 },
    KURANG: { allowancePercent: 50, certificate: false, sanction: 'LIGHT', coaching: false, creditPointPercent: 50 },
    SANGAT_KURANG: { allowancePercent: 25, certificate: false, sanction: 'MODERATE', coaching: false, creditPointPercent: 25 },
  },
  promotion: { minimumPredicate: 'BAIK', annualEvaluations: 2 },
  consecutiveLowAnnual: { atOrBelow: 'KURANG', annualEvaluations: 2, sanction: 'SEVERE' },
  creditPoints: { positionKinds: ['FUNGSIONAL'] },
};

describe('migration RecognitionFollowUps1765300000000 on the old data', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const employee = randomUUID();
  const unit = randomUUID();
  const kurang = randomUUID();
  const monthly = randomUUID();
  const systemProposal = randomUUID();
  const humanProposal = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase('recognition-migration');
    const old = createDataSource({ url: db.url, entities, migrations: migrations.slice(0, migrations.findIndex((m) => m.name === 'RecognitionFollowUps1765300000000')), log: testLogger('migration'), applicationName: 'recognition-migration-test' });
    await old.initialize();
    await old.runMigrations();
    await old.query('UPDATE reward_policy SET rules = $1 WHERE version = 1', [JSON.stringify(OLD_POLICY)]);
    const decision = (id: string, periodType: string, predicate: string, sanction: string | null, reasons: string[]) => old.query(
      `INSERT INTO reward_decision (id, evaluation_id, source_event_id, employee_id, unit_id, evaluator_id, cycle_id, year, period_type, period, predicate,
         allowance_percent, certificate_eligible, promotion_eligible, sanction_recommended, reasons, policy_version, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 2025, $8, $9, $10, 50, false, false, $11, $12, 1, '2026-01-15T03:00:00Z')`,
      [id, randomUUID(), randomUUID(), employee, unit, randomUUID(), randomUUID(), periodType, periodType === 'ANNUAL' ? null : 3, predicate, sanction, JSON.stringify(reasons)]);
    await decision(kurang, 'ANNUAL', 'KURANG', 'LIGHT', [
      'Allowance (TPP): predicate KURANG earns 50% of the performance allowance for 2025 (policy version 1).',
      'Sanction: predicate KURANG recommends a LIGHT sanction (hukuman disiplin ringan), to be decided by BKPSDM.',
      'Promotion: not eligible; it needs at least BAIK in each of the last 2 annual evaluations (2024, 2025): 2025 was KURANG.',
    ]);
    await decision(monthly, 'MONTHLY', 'KURANG', null, [
      'Allowance (TPP): predicate KURANG earns 50% of the performance allowance for 2025-03 (policy version 1).',
      'MONTHLY evaluation: only the period\'s allowance is decided; certificates, promotion, credit points and sanctions follow the annual evaluation.',
    ]);
    await old.query(`INSERT INTO sanction (id, employee_id, unit_id, decision_id, level, reason, status, proposed_by) VALUES
      ($1, $3, $4, $5, 'LIGHT', 'Sanction: predicate KURANG recommends a LIGHT sanction (hukuman disiplin ringan), to be decided by BKPSDM.', 'PROPOSED', NULL),
      ($2, $3, $4, NULL, 'MODERATE', 'Absent without leave for 12 days', 'PROPOSED', $6)`, [systemProposal, humanProposal, employee, unit, kurang, randomUUID()]);
    await old.query(`INSERT INTO sanction_history (sanction_id, status, actor_id, reason) VALUES ($1, 'PROPOSED', NULL, 'system'), ($2, 'PROPOSED', NULL, 'human')`, [systemProposal, humanProposal]);
    await old.destroy();

    ds = createDataSource({ url: db.url, entities, migrations, log: testLogger('migration'), applicationName: 'recognition-migration-test' });
    await ds.initialize();
    await ds.runMigrations();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('rewrites the stored policy to follow-ups, a document today\'s rules accept', async () => {
    const [{ rules }] = await ds.query('SELECT rules FROM reward_policy WHERE version = 1');
    expect(rules.consecutiveLowAnnual).toBeUndefined();
    expect(Object.fromEntries(Object.entries(rules.predicates).map(([p, r]: [string, any]) => [p, r.followUp]))).toEqual({
      SANGAT_BAIK: 'NONE', BAIK: 'NONE', BUTUH_PERBAIKAN: 'COACHING', KURANG: 'IMPROVEMENT_TRACK', SANGAT_KURANG: 'IMPROVEMENT_TRACK',
    });
    expect(parseRewardRules(JSON.stringify(rules)).ok).toBe(true);
  });

  it('keeps the decisions answering: no sanction recommended, the follow-up derived, no discipline in the reasons', async () => {
    const rows = await ds.query('SELECT id, sanction_recommended, follow_up, status, revision, reasons, depends_on FROM reward_decision ORDER BY period_type');
    // The 2025 decision saw no 2024 predicate: the next one to arrive decides it again.
    expect(rows.map((r: any) => r.depends_on)).toEqual([{ 2024: null }, {}]);
    expect(rows.map((r: any) => [r.id, r.sanction_recommended, r.follow_up, r.status, r.revision])).toEqual([
      [kurang, null, 'IMPROVEMENT_TRACK', 'ACTIVE', 1], [monthly, null, 'NONE', 'ACTIVE', 1],
    ]);
    expect(rows[0].reasons).toEqual([
      'Allowance (TPP): predicate KURANG earns 50% of the performance allowance for 2025 (policy version 1).',
      'Promotion: not eligible; it needs at least BAIK in each of the last 2 annual evaluations (2024, 2025): 2025 was KURANG.',
      'Follow-up: predicate KURANG opens a 6-month improvement plan owned by the direct supervisor (PP 30/2019 art. 56-58), an administrative measure.',
    ]);
    expect(rows[1].reasons[1]).toBe('MONTHLY evaluation: only the period\'s allowance is decided; certificates, promotion, credit points and follow-ups follow the annual evaluation.');
    for (const r of rows) expect((r.reasons as string[]).filter((x) => /hukuman disiplin|sanction|disciplin/i.test(x))).toEqual([]);
  });

  it('gives the old decisions their reasons as codes, read back from the sentences', async () => {
    const rows = await ds.query('SELECT reason_codes FROM reward_decision ORDER BY period_type');
    expect(rows[0].reason_codes).toEqual([
      { code: 'ALLOWANCE', predicate: 'KURANG', percent: 50, year: 2025, periodType: 'ANNUAL', period: null, policyVersion: 1 },
      { code: 'PROMOTION_NOT_ELIGIBLE', minimumPredicate: 'BAIK', annualEvaluations: 2, year: 2025, years: [{ year: 2025, predicate: 'KURANG' }] },
      { code: 'FOLLOW_UP_IMPROVEMENT_TRACK', predicate: 'KURANG' },
    ]);
    expect(rows[1].reason_codes).toEqual([
      { code: 'ALLOWANCE', predicate: 'KURANG', percent: 50, year: 2025, periodType: 'MONTHLY', period: 3, policyVersion: 1 },
      { code: 'PERIOD_ALLOWANCE_ONLY', periodType: 'MONTHLY' },
    ]);
  });

  it('withdraws the system\'s proposals from predicates with the reason, and leaves a person\'s case open', async () => {
    const cases = await ds.query('SELECT id, status, violation FROM sanction ORDER BY level');
    expect(cases).toEqual([
      { id: systemProposal, status: 'DISMISSED', violation: 'none: proposed by the system from a predicate' },
      { id: humanProposal, status: 'PROPOSED', violation: 'Absent without leave for 12 days' },
    ]);
    const history = await ds.query('SELECT status, actor_id, reason FROM sanction_history WHERE sanction_id = $1 ORDER BY id', [systemProposal]);
    expect(history).toEqual([
      { status: 'PROPOSED', actor_id: null, reason: 'system' },
      { status: 'DISMISSED', actor_id: null, reason: PREDICATE_PROPOSAL_WITHDRAWN },
    ]);
    expect(PREDICATE_PROPOSAL_WITHDRAWN).toBe('a predicate is not a disciplinary offence (PP 94/2021)');
  });
});
