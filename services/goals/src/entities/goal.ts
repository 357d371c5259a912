import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TargetDirection } from '../domain/enums';

/** A planned work result (RHK) with its indicator and numeric target. */
@Entity({ name: 'goal' })
export class GoalRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  /** Order within the plan. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  indicator: string;

  @Column({ name: 'unit_of_measure', type: 'varchar', length: 50 })
  unitOfMeasure: string;

  @Column({ type: 'double precision' })
  target: number;

  @Column({ type: 'varchar', length: 16 })
  direction: TargetDirection;

  /** The direct supervisor's goal (same year) this one serves. */
  @Column({ name: 'parent_goal_id', type: 'uuid', nullable: true })
  parentGoalId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
