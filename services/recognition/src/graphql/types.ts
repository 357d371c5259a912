import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@kinerja/subgraph-kit';
import { AwardKind, PeriodType, Predicate, SanctionLevel, SanctionStatus } from '../domain/enums';

@Directive('@key(fields: "id")')
@ObjectType('RewardDecision', { description: 'What a completed evaluation earns under the reward policy in force at its completion' })
export class RewardDecision {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field(() => PeriodType, { description: 'The evaluation cycle\'s period type: MONTHLY and QUARTERLY decide only the period\'s allowance' })
  periodType: PeriodType;

  @Field(() => Int, { nullable: true, description: 'Month 1-12 or quarter 1-4; null for ANNUAL' })
  period: number | null;

  @Field(() => Predicate)
  predicate: Predicate;

  @Field(() => Float, { description: 'Share of the performance allowance (TPP) earned, from the policy' })
  allowancePercent: number;

  @Field(() => Boolean)
  certificateEligible: boolean;

  @Field(() => Boolean, { description: 'At least BAIK in each of the last two annual evaluations (by the policy)' })
  promotionEligible: boolean;

  @Field(() => SanctionLevel, { nullable: true })
  sanctionRecommended: SanctionLevel | null;

  @Field(() => Float, { nullable: true, description: 'Functional positions: percent of the position\'s yearly credit-point coefficient (Peraturan BKN 3/2023)' })
  creditPointPercent: number | null;

  @Field(() => [String], { description: 'Human-readable, one per rule that fired' })
  reasons: string[];

  @Field(() => Int, { description: 'The reward policy version applied' })
  policyVersion: number;

  @Field(() => Date, { description: 'When the evaluation was completed' })
  completedAt: Date;

  @Field(() => Date)
  decidedAt: Date;

  @Field(() => ID, { description: 'The evaluation.completed event this decision came from' })
  sourceEventId: string;
}

@ObjectType('Award')
export class Award {
  @Field(() => ID)
  id: string;

  @Field(() => AwardKind)
  kind: AwardKind;

  @Field(() => String)
  title: string;

  @Field(() => Float, { nullable: true, description: 'PERFORMANCE_ALLOWANCE: the percent of the allowance the decision grants' })
  allowancePercent: number | null;

  @Field(() => DateScalar)
  grantedOn: string;
}

@ObjectType('SanctionHistoryEntry', { description: 'One step of a sanction: who set the status, when and why' })
export class SanctionHistoryEntry {
  @Field(() => SanctionStatus)
  status: SanctionStatus;

  @Field(() => String)
  reason: string;

  @Field(() => Date)
  at: Date;
}

@ObjectType('Sanction')
export class Sanction {
  @Field(() => ID)
  id: string;

  @Field(() => SanctionLevel)
  level: SanctionLevel;

  @Field(() => String, { description: 'Why it was proposed' })
  reason: string;

  @Field(() => SanctionStatus)
  status: SanctionStatus;

  @Field(() => DateScalar, { nullable: true, description: 'When an ADMIN last imposed, dismissed or revoked it' })
  decidedOn: string | null;

  @Field(() => Date)
  proposedAt: Date;
}

@ObjectType('RewardPolicy')
export class RewardPolicyType {
  @Field(() => Int)
  version: number;

  @Field(() => DateScalar, { description: 'Applies to evaluations completed on or after this day (WIB)' })
  effectiveFrom: string;

  @Field(() => Date)
  createdAt: Date;
}
