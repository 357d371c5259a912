import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ImprovementStatus } from '../domain/enums';

/** An improvement plan (PP 30/2019 art. 56-58) opened by an annual low predicate. */
@Entity({ name: 'improvement_plan' })
export class ImprovementPlanRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId: string;

  /** The employee's unit when the plan opened (unit heads see their units' plans). */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId: string;

  /** The direct supervisor (the evaluator of the annual evaluation). */
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ type: 'varchar', length: 21 })
  status: ImprovementStatus;

  @Column({ name: 'opens_on', type: 'date' })
  opensOn: string;

  @Column({ name: 'review_due_on', type: 'date' })
  reviewDueOn: string;

  @Column({ type: 'text', nullable: true })
  targets: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'improvement_session' })
export class CoachingSessionRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ type: 'text' })
  notes: string;

  @Column({ name: 'by_id', type: 'uuid' })
  byId: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}

/** Every status a plan took: who (null: the system), when and why. */
@Entity({ name: 'improvement_step' })
export class ImprovementStepRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'varchar', length: 21 })
  status: ImprovementStatus;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn: string;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}
