import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { EmployeeStatus, EmploymentType, Gender, Grade, PositionKind, PppkGrade } from '../domain/enums';

@Entity({ name: 'employee' })
export class EmployeeRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 18 digits without spaces; unique (constraint employee_nip_key). */
  @Column({ type: 'char', length: 18 })
  nip: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 6 })
  gender: Gender;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ name: 'employment_type', type: 'varchar', length: 4 })
  employmentType: EmploymentType;

  @Column({ type: 'varchar', length: 5, nullable: true })
  grade: Grade | null;

  /** PPPK golongan I..XVII; null for PNS. */
  @Column({ name: 'pppk_grade', type: 'varchar', length: 5, nullable: true })
  pppkGrade: PppkGrade | null;

  @Column({ name: 'position_title', type: 'varchar', length: 200 })
  positionTitle: string;

  @Column({ name: 'position_kind', type: 'varchar', length: 16 })
  positionKind: PositionKind;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'supervisor_id', type: 'uuid', nullable: true })
  supervisorId: string | null;

  @Column({ type: 'varchar', length: 10, default: EmployeeStatus.ACTIVE })
  status: EmployeeStatus;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
