import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CycleStatus, PeriodType } from '../domain/enums';

@Entity({ name: 'evaluation_cycle' })
export class EvaluationCycleRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'integer' }) year: number;
  @Column({ name: 'period_type', type: 'varchar', length: 9 }) periodType: PeriodType;
  @Column({ type: 'integer', nullable: true }) period: number | null;
  @Column({ type: 'varchar', length: 6 }) status: CycleStatus;
  @Column({ name: 'opens_on', type: 'date' }) opensOn: string;
  @Column({ name: 'closes_on', type: 'date' }) closesOn: string;
  @Column({ type: 'integer', default: 1 }) version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
}
