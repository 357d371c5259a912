import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EvaluationStatus, Predicate, Rating } from '../domain/enums';

@Entity({ name: 'evaluation' })
export class EvaluationRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'cycle_id', type: 'uuid' }) cycleId: string;
  @Column({ name: 'employee_id', type: 'uuid' }) employeeId: string;
  /** The NIP and unit when the evaluation started: the completed event carries them. */
  @Column({ name: 'employee_nip', type: 'char', length: 18 }) employeeNip: string;
  @Column({ name: 'unit_id', type: 'uuid' }) unitId: string;
  /** The direct supervisor when the evaluation started (or the unit head when there was none). */
  @Column({ name: 'evaluator_id', type: 'uuid' }) evaluatorId: string;
  @Column({ type: 'varchar', length: 10 }) status: EvaluationStatus;
  @Column({ name: 'result_rating', type: 'varchar', length: 17, nullable: true }) resultRating: Rating | null;
  @Column({ name: 'behavior_rating', type: 'varchar', length: 17, nullable: true }) behaviorRating: Rating | null;
  @Column({ type: 'varchar', length: 15, nullable: true }) predicate: Predicate | null;
  @Column({ name: 'rated_by', type: 'uuid', nullable: true }) ratedBy: string | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'completed_by', type: 'uuid', nullable: true }) completedBy: string | null;
  /** The evaluation this one replaces in the same cycle (objection decision or ADMIN correction). */
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true }) supersedesId: string | null;
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true }) supersededAt: Date | null;
  /** EVALUATOR: rated and completed by the evaluator; OBJECTION or CORRECTION: created by the review. */
  @Column({ type: 'varchar', length: 10, default: 'EVALUATOR' }) origin: 'EVALUATOR' | 'OBJECTION' | 'CORRECTION';
  /** The decision note or the correction's reason, for a superseding evaluation. */
  @Column({ name: 'origin_reason', type: 'varchar', length: 2000, nullable: true }) originReason: string | null;
  /** An objection was decided on this evaluation or one it supersedes: that decision is final (PP 30/2019 art. 59). */
  @Column({ name: 'review_final', type: 'boolean', default: false }) reviewFinal: boolean;
  /** A superseding evaluation shows the feedback given to the first evaluation of its cycle (null: its own). */
  @Column({ name: 'feedback_evaluation_id', type: 'uuid', nullable: true }) feedbackEvaluationId: string | null;
  @Column({ type: 'integer', default: 1 }) version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
