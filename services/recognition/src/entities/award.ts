import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AwardKind } from '../domain/enums';

@Entity({ name: 'award' })
export class AwardRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId: string;

  @Column({ name: 'decision_id', type: 'uuid', nullable: true })
  decisionId: string | null;

  @Column({ type: 'varchar', length: 24 })
  kind: AwardKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** For PERFORMANCE_ALLOWANCE: the decision's percent, copied so the award always shows it. */
  @Column({ name: 'allowance_percent', type: 'double precision', nullable: true })
  allowancePercent: number | null;

  @Column({ name: 'granted_on', type: 'date' })
  grantedOn: string;

  @Column({ name: 'granted_by', type: 'uuid' })
  grantedBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
