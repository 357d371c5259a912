import { Column, Entity, PrimaryColumn } from 'typeorm';
import { OrganizationPredicate } from '../domain/enums';

/** A unit's organisation predicate for a year (PermenPANRB 6/2022), set by the regency (ADMIN). */
@Entity({ name: 'organization_predicate' })
export class OrganizationPredicateRow {
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' }) unitId: string;
  @PrimaryColumn({ type: 'integer' }) year: number;
  @Column({ type: 'varchar', length: 15 }) predicate: OrganizationPredicate;
  @Column({ name: 'set_by', type: 'uuid', nullable: true }) setBy: string | null;
  @Column({ name: 'set_at', type: 'timestamptz' }) setAt: Date;
}
