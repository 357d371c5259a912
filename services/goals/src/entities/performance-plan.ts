import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PlanStatus } from '../domain/enums';

/** One employee's SKP for a period within one year (a transfer closes one plan and opens the next). */
@Entity({ name: 'performance_plan' })
export class PerformancePlanRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Personnel's employee id; personnel owns the person, this service only the plan. */
  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId: string;

  @Column({ type: 'integer' })
  year: number;

  /** The period the plan covers (DOMAIN.md: a transfer mid-year closes the plan on the transfer date). */
  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  /** Set when a transfer closed this plan (the transfer date). */
  @Column({ name: 'closed_by_transfer_on', type: 'date', nullable: true })
  closedByTransferOn: string | null;

  @Column({ name: 'return_note', type: 'varchar', length: 2000, nullable: true })
  returnNote: string | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  @Column({ name: 'returned_by', type: 'uuid', nullable: true })
  returnedBy: string | null;

  /** Lampiran: resources provided, the accountability scheme, consequences (text). */
  @Column({ name: 'attachment_resources', type: 'varchar', length: 4000, nullable: true })
  attachmentResources: string | null;

  @Column({ name: 'attachment_accountability', type: 'varchar', length: 4000, nullable: true })
  attachmentAccountability: string | null;

  @Column({ name: 'attachment_consequences', type: 'varchar', length: 4000, nullable: true })
  attachmentConsequences: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: PlanStatus;

  /** Bumped by every transition and goal change; transitions compare it with expectedVersion. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
