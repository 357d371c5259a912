import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The cumulative value of an indicator at the end of a month or quarter; one per indicator and period. */
@Entity({ name: 'realization' })
export class RealizationRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The goal of the indicator (kept for the goal's trail and loaders). */
  @Column({ name: 'goal_id', type: 'uuid' })
  goalId: string;

  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId: string;

  /** "2026-03" or "2026-Q1". */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  /** The month the period ends in (1..12): orders realizations in time. */
  @Column({ name: 'period_end_month', type: 'smallint' })
  periodEndMonth: number;

  @Column({ type: 'double precision' })
  value: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ name: 'evidence_url', type: 'varchar', length: 2000, nullable: true })
  evidenceUrl: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  /** Umpan balik berkelanjutan: the direct supervisor's feedback on this realization. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  feedback: string | null;

  @Column({ name: 'feedback_by', type: 'uuid', nullable: true })
  feedbackBy: string | null;

  @Column({ name: 'feedback_at', type: 'timestamptz', nullable: true })
  feedbackAt: Date | null;
}
