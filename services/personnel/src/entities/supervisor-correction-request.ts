import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CorrectionStatus } from '../domain/supervisor-correction';

/** An employee's request to BKPSDM to correct their recorded direct supervisor. */
@Entity({ name: 'supervisor_correction_request' })
@Index('supervisor_correction_status_idx', ['status', 'createdAt'])
export class SupervisorCorrectionRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId: string;

  /** The supervisor on record when the request was made. */
  @Column({ name: 'current_supervisor_id', type: 'uuid', nullable: true })
  currentSupervisorId: string | null;

  @Column({ name: 'proposed_supervisor_id', type: 'uuid', nullable: true })
  proposedSupervisorId: string | null;

  @Column({ type: 'text' })
  note: string;

  @Column({ type: 'varchar', length: 16 })
  status: CorrectionStatus;

  @Column({ name: 'resolution_note', type: 'text', nullable: true })
  resolutionNote: string | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
