import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@kinerja/subgraph-kit';
import { AwardKind, DecisionStatus, FollowUp, ImprovementStatus, PeriodType, Predicate, SanctionLevel, SanctionStatus, SanctionType } from '../domain/enums';
import { RewardReasonCode } from '../domain/reward-reasons';
import './enums';

@ObjectType('RewardReasonYear', { description: 'One year\'s annual predicate as a reward reason names it' })
export class RewardReasonYear {
  @Field(() => Int)
  year: number;

  @Field(() => Predicate, { nullable: true, description: 'Null: no annual predicate is recorded for the year' })
  predicate: Predicate | null;

  @Field(() => Predicate, { nullable: true, description: 'REVISION: the predicate before the change (null: none was recorded)' })
  was?: Predicate | null;
}

@ObjectType('RewardReason', { description: 'One rule that fired in a reward decision: its code and the values the rule used (null where the code has none)' })
export class RewardReason {
  @Field(() => RewardReasonCode)
  code: RewardReasonCode;

  @Field(() => Predicate, { nullable: true })
  predicate?: Predicate;

  @Field(() => Float, { nullable: true, description: 'ALLOWANCE: percent of the allowance; CREDIT_POINTS*: percent of the coefficient' })
  percent?: number;

  @Field(() => Int, { nullable: true, description: 'The decision\'s year (ALLOWANCE, PROMOTION_NOT_ELIGIBLE)' })
  year?: number;

  @Field(() => PeriodType, { nullable: true })
  periodType?: PeriodType;

  @Field(() => Int, { nullable: true, description: 'ALLOWANCE: month 1-12 or quarter 1-4; null for ANNUAL' })
  period?: number | null;

  @Field(() => Int, { nullable: true })
  policyVersion?: number;

  @Field(() => Predicate, { nullable: true, description: 'PROMOTION_*: the least predicate each annual evaluation needs' })
  minimumPredicate?: Predicate;

  @Field(() => Int, { nullable: true, description: 'PROMOTION_NOT_ELIGIBLE: how many annual evaluations the rule looks at' })
  annualEvaluations?: number;

  @Field(() => [RewardReasonYear], { nullable: true, description: 'PROMOTION_NOT_ELIGIBLE: the years that fall short; PROMOTION_ELIGIBLE: the years counted; REVISION: the years whose predicate changed' })
  years?: RewardReasonYear[];

  @Field(() => String, { nullable: true })
  positionKind?: string;

  @Field(() => Float, { nullable: true, description: 'CREDIT_POINTS: the position\'s yearly credit-point coefficient' })
  coefficient?: number;

  @Field(() => Float, { nullable: true })
  creditPoints?: number;

  @Field(() => Int, { nullable: true })
  revision?: number;

  @Field(() => String, { description: 'The rule in English, as in reasons' })
  text: string;
}

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

  @Field(() => SanctionLevel, { nullable: true, deprecationReason: 'Always null: a predicate is not a disciplinary offence (PP 94/2021); see followUp' })
  sanctionRecommended: SanctionLevel | null;

  @Field(() => FollowUp, { description: 'What the predicate calls for: NONE, COACHING or IMPROVEMENT_TRACK (PP 30/2019 art. 56-58); never discipline' })
  followUp: FollowUp;

  @Field(() => DecisionStatus, { description: 'ACTIVE; SUPERSEDED when its evaluation was superseded (no award); REVISED when decided again' })
  status: DecisionStatus;

  @Field(() => Int, { description: '1 for the first decision of the evaluation; + 1 each time it is decided again because an earlier annual predicate arrived or changed' })
  revision: number;

  @Field(() => Float, { nullable: true, description: 'FUNGSIONAL: creditPointPercent × the position\'s yearly coefficient (from its jenjang), where the coefficient is known' })
  creditPoints: number | null;

  @Field(() => Float, { nullable: true, description: 'Functional positions: percent of the position\'s yearly credit-point coefficient (Peraturan BKN 3/2023)' })
  creditPointPercent: number | null;

  @Field(() => [String], { description: 'Human-readable (English), one per rule that fired' })
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

@ObjectType('Sanction', { description: 'A discipline case (PP 94/2021), never opened from a predicate' })
export class Sanction {
  @Field(() => ID)
  id: string;

  @Field(() => SanctionLevel)
  level: SanctionLevel;

  @Field(() => String, { description: 'The violation of duties the case is about' })
  violation: string;

  @Field(() => SanctionType, { nullable: true, description: 'Set when imposed; fits the level' })
  type: SanctionType | null;

  @Field(() => DateScalar, { nullable: true })
  startsOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'From the type\'s duration; null for a reprimand or a dismissal' })
  endsOn: string | null;

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

  @Field(() => DateScalar, { description: 'Applies to the performance periods starting on or after this day (DOMAIN.md: chosen by the performance period, not the completion date)' })
  effectiveFrom: string;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('Examination', { description: 'An examination record of a discipline case (PP 94/2021 art. 27-28)' })
export class Examination {
  @Field(() => DateScalar)
  heldOn: string;

  @Field(() => String)
  record: string;
}

@ObjectType('ImprovementPlan', { description: 'The 6-month improvement track after a low annual predicate (PP 30/2019 art. 56-58): an administrative measure' })
export class ImprovementPlan {
  @Field(() => ID)
  id: string;

  @Field(() => ImprovementStatus)
  status: ImprovementStatus;

  @Field(() => DateScalar)
  opensOn: string;

  @Field(() => DateScalar, { description: '6 months after opensOn: no review outcome before it' })
  reviewDueOn: string;

  @Field(() => String, { nullable: true })
  targets: string | null;
}

@ObjectType('CoachingSession')
export class CoachingSession {
  @Field(() => DateScalar)
  heldOn: string;

  @Field(() => String)
  notes: string;
}

@ObjectType('ImprovementStep', { description: 'A status the plan took: who (null: the system), when and why' })
export class ImprovementStep {
  @Field(() => ImprovementStatus)
  status: ImprovementStatus;

  @Field(() => DateScalar)
  decidedOn: string;

  @Field(() => String)
  reason: string;
}

@ObjectType('MonthlyAllowance', { description: 'The month\'s performance allowance (TPP) percent: the year\'s annual predicate under its policy, less 25 percentage points in the months of an imposed moderate TPP cut' })
export class MonthlyAllowance {
  @Field(() => Int)
  year: number;

  @Field(() => Int)
  month: number;

  @Field(() => Float)
  percent: number;

  @Field(() => [String])
  reasons: string[];
}
