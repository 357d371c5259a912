import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ObjectionStatus } from '../domain/enums';
import type { ReviewerKind } from '../domain/review';

/** An objection (keberatan, PP 30/2019 art. 59) to one completed evaluation; at most one per evaluation. */
@Entity({ name: 'objection' })
export class ObjectionRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'evaluation_id', type: 'uuid' }) evaluationId: string;
  @Column({ name: 'employee_id', type: 'uuid' }) employeeId: string;
  @Column({ name: 'evaluator_id', type: 'uuid' }) evaluatorId: string;
  /** The evaluator's own supervisor when the objection was filed, or BKPSDM's head where there was none. */
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId: string;
  @Column({ name: 'reviewer_kind', type: 'varchar', length: 20 }) reviewerKind: ReviewerKind;
  @Column({ type: 'varchar', length: 4000 }) reason: string;
  @Column({ name: 'evidence_url', type: 'varchar', length: 500, nullable: true }) evidenceUrl: string | null;
  @Column({ name: 'filed_at', type: 'timestamptz' }) filedAt: Date;
  @Column({ type: 'varchar', length: 7 }) status: ObjectionStatus;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decision_note', type: 'varchar', length: 4000, nullable: true }) decisionNote: string | null;
  /** The superseding evaluation, when the decision CHANGED the ratings. */
  @Column({ name: 'result_evaluation_id', type: 'uuid', nullable: true }) resultEvaluationId: string | null;
  @Column({ type: 'integer', default: 1 }) version: number;
}

/** What one party said; the reviewer hears both sides before deciding. */
@Entity({ name: 'objection_statement' })
export class ObjectionStatementRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'objection_id', type: 'uuid' }) objectionId: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ type: 'varchar', length: 9 }) party: 'EMPLOYEE' | 'EVALUATOR' | 'REVIEWER';
  @Column({ type: 'varchar', length: 4000 }) text: string;
  @Column({ type: 'timestamptz' }) at: Date;
}
