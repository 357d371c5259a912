import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { EnrollmentStatus } from '../domain/enums';

@Entity({ name: 'enrollment' })
export class EnrollmentRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  /** Personnel's Employee id. */
  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId: string;

  @Column({ type: 'varchar', length: 10 })
  status: EnrollmentStatus;

  @Column({ type: 'double precision', nullable: true })
  score: number | null;

  /** Set on COMPLETED: the day decides the year the hours count in. */
  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  /** The activity's JP, copied on COMPLETED so a year's hours are one indexed sum. */
  @Column({ name: 'credited_hours', type: 'integer', nullable: true })
  creditedHours: number | null;

  @Column({ name: 'enrolled_by', type: 'uuid', nullable: true })
  enrolledBy: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'enrolled_at', type: 'timestamptz' })
  enrolledAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
