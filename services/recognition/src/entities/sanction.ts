import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { SanctionLevel, SanctionStatus, SanctionType } from '../domain/enums';

@Entity({ name: 'sanction' })
export class SanctionRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId: string;

  /** The employee's unit when it was proposed (unit heads see their units' sanctions). */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'decision_id', type: 'uuid', nullable: true })
  decisionId: string | null;

  @Column({ type: 'varchar', length: 8 })
  level: SanctionLevel;

  /** Why it was proposed. */
  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 10 })
  status: SanctionStatus;

  /** PP 94/2021: the violation of duties the case is about. */
  @Column({ type: 'text' })
  violation: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  type: SanctionType | null;

  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  /** Null when the system proposed it from a reward decision. */
  @Column({ name: 'proposed_by', type: 'uuid', nullable: true })
  proposedBy: string | null;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt: Date;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;
}

/** Every status a sanction took, who set it and why (DOMAIN.md: every decision records who and why). */
@Entity({ name: 'sanction_history' })
export class SanctionHistoryRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'sanction_id', type: 'uuid' })
  sanctionId: string;

  @Column({ type: 'varchar', length: 10 })
  status: SanctionStatus;

  /** Null for the system. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}

/** An examination record of a discipline case (PP 94/2021 art. 27-28). */
@Entity({ name: 'sanction_examination' })
export class SanctionExaminationRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'sanction_id', type: 'uuid' })
  sanctionId: string;

  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ name: 'examiner_ids', type: 'uuid', array: true })
  examinerIds: string[];

  @Column({ type: 'text' })
  record: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
