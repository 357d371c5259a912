import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ContractStatus } from '../domain/enums';

/** A PPPK work contract (perjanjian kerja, PP 49/2018 art. 37): one row per contract, renewals add rows. */
@Entity({ name: 'work_contract' })
export class WorkContractRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'employee_id', type: 'uuid' })
  employeeId: string;

  /** The how-manyth contract of this employee (1 for the first; the NIP's digit 14 at registration). */
  @Column({ type: 'integer' })
  sequence: number;

  /** The contract's document number; unique (constraint work_contract_number_key). */
  @Column({ type: 'varchar', length: 100 })
  number: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ type: 'varchar', length: 7, default: ContractStatus.ACTIVE })
  status: ContractStatus;

  /** Why this contract was made (a renewal's reason); null for the contract recorded at registration. */
  @Column({ name: 'renewal_reason', type: 'text', nullable: true })
  renewalReason: string | null;

  /** Why it was ended, when it was. */
  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
