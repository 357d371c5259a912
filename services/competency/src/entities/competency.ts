import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CompetencyKind } from '../domain/enums';

@Entity({ name: 'competency' })
export class CompetencyRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Unique (constraint competency_code_key), e.g. "TEK-PERENCANAAN". */
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: CompetencyKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
