import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Guard, type KitContext } from '@kinerja/subgraph-kit';
import { AwardKind } from '../domain/enums';
import './enums';
import type { AwardRow } from '../entities/award';
import type { RewardDecisionRow } from '../entities/reward-decision';
import { grantAward } from '../recognition';
import { decisionById } from './loaders';
import { EmployeeRef, employeeStub } from './refs';
import { Award, RewardDecision } from './types';
import { rewardDecider } from './guards';

@Resolver(() => Award)
export class AwardResolver {
  @Mutation(() => Award, {
    description: 'ADMIN. Only where the decision allows the kind: CERTIFICATE and PROMOTION_RECOMMENDATION where eligible, PERFORMANCE_ALLOWANCE at the decision\'s percent; one of each kind per decision. Emits kinerja.award.granted.v1.',
  })
  @Guard(rewardDecider)
  grantAward(
    @Ctx() ctx: KitContext,
    @Arg('decisionId', () => ID) decisionId: string,
    @Arg('kind', () => AwardKind) kind: AwardKind,
    @Arg('title', () => String) title: string,
  ): Promise<AwardRow> {
    return grantAward(ctx, decisionId, kind, title);
  }

  @FieldResolver(() => EmployeeRef)
  employee(@Root() a: AwardRow): EmployeeRef {
    return employeeStub(a.employeeId);
  }

  @FieldResolver(() => EmployeeRef)
  grantedBy(@Root() a: AwardRow): EmployeeRef {
    return employeeStub(a.grantedBy);
  }

  @FieldResolver(() => RewardDecision, { nullable: true })
  async decision(@Root() a: AwardRow, @Ctx() ctx: KitContext): Promise<RewardDecisionRow | null> {
    return a.decisionId ? decisionById(ctx).load(a.decisionId) : null;
  }
}
