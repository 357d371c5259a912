import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { SanctionLevel, SanctionStatus } from '../domain/enums';

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

  @Column({ type: 'varchar', length: 8 })
  status: SanctionStatus;

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

  @Column({ type: 'varchar', length: 8 })
  status: SanctionStatus;

  /** Null for the system. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}
