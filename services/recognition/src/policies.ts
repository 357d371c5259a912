import { BadInput, recordAudit, requireRole, type KitContext } from '@kinerja/subgraph-kit';
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

/** Per transaction and WIB day: the consumer decides a batch of events in one transaction (issue 9). */
const inForceCache = new WeakMap<object, Map<string, Promise<{ policy: RewardPolicy; fallback: boolean }>>>();

async function loadPolicyInForce(m: EntityManager, day: string): Promise<{ policy: RewardPolicy; fallback: boolean }> {
  const row = await inForce(m, day);
  // Stored documents were validated on the way in; parsing again guards against hand edits.
  return { policy: new RewardPolicy(row.version, row.effective_from, rewardRulesSchema.parse(row.rules)), fallback: row.pick === 1 };
}

/** The policy in force when an evaluation completed (`fallback`: none was yet, the earliest applied). */
export async function policyInForce(m: EntityManager, instant: Date | string): Promise<{ policy: RewardPolicy; fallback: boolean }> {
  const day = wibDate(instant);
  // Only inside a transaction: a plain manager lives as long as the service and would never see a new policy.
  const runner = m.queryRunner?.isTransactionActive ? m.queryRunner : undefined;
  if (!runner) return loadPolicyInForce(m, day);
  let cache = inForceCache.get(runner);
  if (!cache) inForceCache.set(runner, (cache = new Map()));
  let pending = cache.get(day);
  if (!pending) {
    pending = loadPolicyInForce(m, day);
    cache.set(day, pending);
    pending.catch(() => cache?.delete(day));
  }
  return pending;
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
 * ADMIN: stores a new policy version. It applies to evaluations completed on or after
 * `effectiveFrom` that are decided from now on; decisions already made stay as they are.
 */
export async function setRewardPolicy(ctx: KitContext, rules: string, effectiveFrom: string): Promise<RewardPolicyRow> {
  const adminId = requireRole(ctx, 'ADMIN');
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
