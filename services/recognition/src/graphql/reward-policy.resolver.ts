import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateScalar, Guard, NotFound, requireRole, requireUser, type KitContext } from '@kinerja/subgraph-kit';
import { RewardPolicyRow } from '../entities/reward-policy';
import { findPolicy, rulesText, setRewardPolicy } from '../policies';
import { EmployeeRef, employeeStub } from './refs';
import { RewardPolicyType } from './types';
import { rewardDecider } from './guards';

@Resolver(() => RewardPolicyType)
export class RewardPolicyResolver {
  @Query(() => RewardPolicyType, { description: 'The policy in force today, or the given version' })
  async rewardPolicy(@Ctx() ctx: KitContext, @Arg('version', () => Int, { nullable: true }) version?: number): Promise<RewardPolicyRow> {
    requireUser(ctx);
    const row = await findPolicy(ctx.dataSource.manager, version ?? null);
    if (!row) throw new NotFound('RewardPolicy', `version ${version}`);
    return row;
  }

  @Query(() => [RewardPolicyType], { description: 'ADMIN, ANALYST: every version, newest first' })
  async rewardPolicies(@Ctx() ctx: KitContext): Promise<RewardPolicyRow[]> {
    requireRole(ctx, 'ADMIN', 'ANALYST');
    return ctx.dataSource.getRepository(RewardPolicyRow).find({ order: { version: 'DESC' } });
  }

  @Mutation(() => RewardPolicyType, {
    description: 'ADMIN. A new policy version (JSON, validated; the error names the problem). Validated as a whole (no certificate below BAIK, promotion minimum at least BAIK, nothing better for a worse predicate). It applies to the performance periods starting on or after effectiveFrom that are decided from now on.',
  })
  @Guard(rewardDecider)
  setRewardPolicy(
    @Ctx() ctx: KitContext,
    @Arg('rules', () => String) rules: string,
    @Arg('effectiveFrom', () => DateScalar) effectiveFrom: string,
  ): Promise<RewardPolicyRow> {
    return setRewardPolicy(ctx, rules, effectiveFrom);
  }

  @FieldResolver(() => String, { description: 'The policy document as JSON: predicates (allowancePercent, certificate, followUp, creditPointPercent), promotion, creditPoints' })
  rules(@Root() p: RewardPolicyRow): string {
    return rulesText(p);
  }

  @FieldResolver(() => EmployeeRef, { nullable: true, description: 'The ADMIN who set it; null for the installed default' })
  createdBy(@Root() p: RewardPolicyRow): EmployeeRef | null {
    return p.createdBy ? employeeStub(p.createdBy) : null;
  }
}
