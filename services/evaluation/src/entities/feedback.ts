import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CoreValue, FeedbackSource } from '../domain/enums';

@Entity({ name: 'feedback' })
export class FeedbackRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Null only for PUBLIC feedback waiting for the employee's next evaluation. */
  @Column({ name: 'evaluation_id', type: 'uuid', nullable: true }) evaluationId: string | null;
  /** The employee the feedback is about. */
  @Column({ name: 'employee_id', type: 'uuid' }) employeeId: string;
  /** Set when a citizen named a unit (by code) rather than a person. */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId: string | null;
  @Column({ type: 'varchar', length: 11 }) source: FeedbackSource;
  /** Never set for PUBLIC: no identity is stored. */
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId: string | null;
  @Column({ name: 'core_value', type: 'varchar', length: 22, nullable: true }) coreValue: CoreValue | null;
  @Column({ type: 'smallint' }) score: number;
  @Column({ type: 'varchar', length: 1000, nullable: true }) comment: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
