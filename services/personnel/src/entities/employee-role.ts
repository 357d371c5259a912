import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../domain/roles';

/** One granted role of one employee (ADMIN or ANALYST); EMPLOYEE is implied and never stored. */
@Entity({ name: 'employee_role' })
export class EmployeeRoleRow {
  @PrimaryColumn({ name: 'employee_id', type: 'uuid' })
  employeeId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ name: 'granted_by', type: 'uuid', nullable: true })
  grantedBy: string | null;

  @CreateDateColumn({ name: 'granted_at', type: 'timestamptz' })
  grantedAt: Date;
}
