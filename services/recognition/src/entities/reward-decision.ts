import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RewardReasonData } from '../domain/reward-reasons';
import type { DecisionStatus, EmploymentType, FollowUp, PeriodType, Predicate, SanctionLevel } from '../domain/enums';

/** The reward decision for one completed evaluation; a revision (same evaluation, revision + 1) when what it depended on changed. */
@Entity({ name: 'reward_decision' })
export class RewardDecisionRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId: string;

  @Column({ name: 'source_event_id', type: 'uuid' })
  sourceEventId: string;

  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId: string;

  /** The employee's unit when the evaluation completed. */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'evaluator_id', type: 'uuid' })
  evaluatorId: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ name: 'period_type', type: 'varchar', length: 9 })
  periodType: PeriodType;

  @Column({ type: 'integer', nullable: true })
  period: number | null;

  @Column({ type: 'varchar', length: 15 })
  predicate: Predicate;

  @Column({ name: 'allowance_percent', type: 'double precision' })
  allowancePercent: number;

  @Column({ name: 'certificate_eligible', type: 'boolean' })
  certificateEligible: boolean;

  @Column({ name: 'promotion_eligible', type: 'boolean' })
  promotionEligible: boolean;

  /** Deprecated: always null (a predicate is not a disciplinary offence, PP 94/2021). */
  @Column({ name: 'sanction_recommended', type: 'varchar', length: 8, nullable: true })
  sanctionRecommended: SanctionLevel | null;

  @Column({ type: 'varchar', length: 10 })
  status: DecisionStatus;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'revises_id', type: 'uuid', nullable: true })
  revisesId: string | null;

  @Column({ name: 'follow_up', type: 'varchar', length: 17 })
  followUp: FollowUp;

  @Column({ name: 'credit_points', type: 'double precision', nullable: true })
  creditPoints: number | null;

  @Column({ name: 'credit_coefficient', type: 'double precision', nullable: true })
  creditCoefficient: number | null;

  @Column({ name: 'employment_type', type: 'varchar', length: 4, nullable: true })
  employmentType: EmploymentType | null;

  /** The earlier annual predicates the decision used: year → predicate (null: none recorded). */
  @Column({ name: 'depends_on', type: 'jsonb' })
  dependsOn: Record<string, string | null>;

  @Column({ name: 'supersedes_evaluation_id', type: 'uuid', nullable: true })
  supersedesEvaluationId: string | null;

  @Column({ name: 'credit_point_percent', type: 'double precision', nullable: true })
  creditPointPercent: number | null;

  @Column({ name: 'position_kind', type: 'varchar', length: 16, nullable: true })
  positionKind: string | null;

  @Column({ type: 'jsonb' })
  reasons: string[];

  /** The same rules as `reasons`, as codes with their values (domain/reward-reasons.ts). */
  @Column({ name: 'reason_codes', type: 'jsonb' })
  reasonCodes: RewardReasonData[];

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion: number;

  @Column({ name: 'completed_at', type: 'timestamptz' })
  completedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
