import { BadInput, recordAudit, requireUser, type KitContext } from '@kinerja/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { wibDate } from './domain/dates';
import { parseRewardRules, RewardPolicy, rewardRulesSchema } from './domain/reward-policy';
import { RewardPolicyRow } from './entities/reward-policy';

/** The policy store: versions of the reward policy, each in force from its effective date. */

interface PolicyRecord {
  version: number;
  effective_from: string;
  rules: unknown;
}

/**
 * The policy in force on a WIB day: the latest effective date up to that day, the highest version
 * among equals. Before the first effective date, the earliest policy applies (pick = 1).
 */
const IN_FORCE = `
  SELECT version, effective_from, rules, pick FROM (
    (SELECT version, effective_from::text AS effective_from, rules, 0 AS pick FROM reward_policy
      WHERE effective_from <= $1 ORDER BY effective_from DESC, version DESC LIMIT 1)
    UNION ALL
    (SELECT version, effective_from::text AS effective_from, rules, 1 AS pick FROM reward_policy
      ORDER BY effective_from ASC, version ASC LIMIT 1)
  ) candidates ORDER BY pick LIMIT 1`;

async function inForce(m: EntityManager, day: string): Promise<PolicyRecord & { pick: number }> {
  const [row] = (await m.query(IN_FORCE, [day])) as Array<PolicyRecord & { pick: number }>;
  if (!row) throw new Error('reward_policy is empty: the initial migration installs version 1');
  return row;
}

/**
 * Every stored policy version, held in memory by the consumer (a statement per batch saved: bench/results).
 * Versions are only ever added, never changed, so the book is current while no version above its
 * newest exists: the caller reads the newest version number in the statement it runs anyway, and
 * the book reloads when that number moved. The choice is IN_FORCE's, made in memory.
 */
export class PolicyBook {
  private versions: Array<{ policy: RewardPolicy; effectiveFrom: string }> = [];
  private newest = 0;

  /**
   * The policy in force on a day (YYYY-MM-DD, the first day of the evaluated period: DOMAIN.md, the
   * policy is chosen by the performance period) or at an instant (`fallback`: none was yet, the earliest applied).
   */
  async inForce(m: EntityManager, instant: Date | string, newestStored: number): Promise<{ policy: RewardPolicy; fallback: boolean }> {
    if (newestStored !== this.newest || this.versions.length === 0) await this.load(m);
    const day = typeof instant === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(instant) ? instant : wibDate(instant);
    let chosen: { policy: RewardPolicy; effectiveFrom: string } | undefined;
    let earliest = this.versions[0];
    for (const v of this.versions) {
      if (v.effectiveFrom <= day && (!chosen || v.effectiveFrom > chosen.effectiveFrom || (v.effectiveFrom === chosen.effectiveFrom && v.policy.version > chosen.policy.version))) chosen = v;
      if (earliest && (v.effectiveFrom < earliest.effectiveFrom || (v.effectiveFrom === earliest.effectiveFrom && v.policy.version < earliest.policy.version))) earliest = v;
    }
    if (chosen) return { policy: chosen.policy, fallback: false };
    if (!earliest) throw new Error('reward_policy is empty: the initial migration installs version 1');
    return { policy: earliest.policy, fallback: true };
  }

  private async load(m: EntityManager): Promise<void> {
    const rows = (await m.query('SELECT version, effective_from::text AS effective_from, rules FROM reward_policy ORDER BY version')) as PolicyRecord[];
    // Stored documents were validated on the way in; parsing again guards against hand edits.
    this.versions = rows.map((r) => ({ policy: new RewardPolicy(r.version, r.effective_from, rewardRulesSchema.parse(r.rules)), effectiveFrom: r.effective_from }));
    this.newest = rows.at(-1)?.version ?? 0;
  }
}

/** A policy version, or the one in force today. */
export async function findPolicy(m: EntityManager, version?: number | null): Promise<RewardPolicyRow | null> {
  const wanted = version ?? (await inForce(m, wibDate())).version;
  return m.findOneBy(RewardPolicyRow, { version: wanted });
}

/** The policy document as clients see it: canonical JSON in the schema's key order. */
export function rulesText(row: RewardPolicyRow): string {
  return JSON.stringify(rewardRulesSchema.parse(row.rules));
}

/**
 * ADMIN: stores a new policy version. It applies to the performance periods starting on or after
 * `effectiveFrom` that are decided from now on; decisions already made stay as they are.
 */
export async function setRewardPolicy(ctx: KitContext, rules: string, effectiveFrom: string): Promise<RewardPolicyRow> {
  const adminId = requireUser(ctx); // authorized by its guard (domain/access.ts, decidesRewards)
  if (rules.length > 20_000) throw new BadInput('rules', 'must be at most 20000 characters');
  const checked = parseRewardRules(rules);
  if (!checked.ok) throw new BadInput('rules', checked.problem, 'Kebijakan penghargaan tidak valid');
  return ctx.dataSource.transaction(async (m) => {
    // Versions are consecutive: writers queue here, readers (the consumer) are not blocked.
    await m.query('LOCK TABLE reward_policy IN EXCLUSIVE MODE');
    const [{ next }] = (await m.query('SELECT coalesce(max(version), 0) + 1 AS next FROM reward_policy')) as [{ next: number }];
    await m.query('INSERT INTO reward_policy (version, effective_from, rules, created_by) VALUES ($1, $2, $3, $4)',
      [next, effectiveFrom, JSON.stringify(checked.rules), adminId]);
    const saved = await m.findOneByOrFail(RewardPolicyRow, { version: next });
    await recordAudit(m, ctx, { entityType: 'RewardPolicy', entityId: String(next), action: 'setRewardPolicy', before: null, after: saved });
    return saved;
  });
}
