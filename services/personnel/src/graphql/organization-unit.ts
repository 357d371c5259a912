import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { UnitKind } from '../domain/enums';
import './enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A regency agency or one of its parts (OPD, bidang, UPTD, kecamatan, ...)' })
export class OrganizationUnit {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Unique, e.g. "DISDIKBUD"' })
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => UnitKind)
  kind: UnitKind;

  parentId: string | null;
  headId: string | null;
}
