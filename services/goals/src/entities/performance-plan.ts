import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PlanStatus } from '../domain/enums';

/** One employee's SKP for one year (unique per employee and year: performance_plan_employee_year_key). */
@Entity({ name: 'performance_plan' })
export class PerformancePlanRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Personnel's employee id; personnel owns the person, this service only the plan. */
  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId: string;

  @Column({ type: 'integer' })
  year: number;

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
