import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The cumulative value of a goal at the end of a month or quarter; one per goal and period. */
@Entity({ name: 'realization' })
export class RealizationRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'goal_id', type: 'uuid' })
  goalId: string;

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
}
