import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ActivityKind } from '../domain/enums';

@Entity({ name: 'learning_activity' })
export class LearningActivityRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ActivityKind;

  /** Personnel's OrganizationUnit id (no foreign key across services). */
  @Column({ name: 'organizer_unit_id', type: 'uuid' })
  organizerUnitId: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  /** JP (jam pelajaran) credited to each participant on completion. */
  @Column({ type: 'integer' })
  hours: number;

  /** Seats; null means no limit. */
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One participating unit of an activity (the organizer is always one of them). */
@Entity({ name: 'activity_unit' })
export class ActivityUnitRow {
  @PrimaryColumn({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid' })
  unitId: string;
}

@Entity({ name: 'activity_competency' })
export class ActivityCompetencyRow {
  @PrimaryColumn({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @PrimaryColumn({ name: 'competency_id', type: 'uuid' })
  competencyId: string;
}
