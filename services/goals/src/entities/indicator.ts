import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { IndicatorAspect, TargetDirection } from '../domain/enums';

/**
 * An indikator kinerja individu of an RHK (PermenPANRB 6/2022): an aspect, a unit, a numeric target
 * and a direction; or, for the qualitative approach, a described expected result rated by the
 * supervisor (no unit, target or direction).
 */
@Entity({ name: 'indicator' })
export class IndicatorRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'goal_id', type: 'uuid' })
  goalId: string;

  /** Order within the goal; the first indicator answers the goal's deprecated single-indicator fields. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 9 })
  aspect: IndicatorAspect;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  @Column({ type: 'boolean', default: false })
  qualitative: boolean;

  @Column({ name: 'unit_of_measure', type: 'varchar', length: 50, nullable: true })
  unitOfMeasure: string | null;

  @Column({ type: 'double precision', nullable: true })
  target: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  direction: TargetDirection | null;

  /** Cumulative targets at the end of Q1..Q4 (any may be null). */
  @Column({ name: 'quarterly_targets', type: 'double precision', array: true, nullable: true })
  quarterlyTargets: Array<number | null> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
