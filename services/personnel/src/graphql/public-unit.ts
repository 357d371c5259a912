import { Field, ObjectType } from 'type-graphql';
import { UnitKind } from '../domain/enums';
import './enums';

/** What a citizen's feedback page may show of a unit: its code, name and kind, nothing else. */
@ObjectType({ description: 'A unit as the public sees it (the citizen feedback page): no people, no ids' })
export class PublicUnit {
  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => UnitKind)
  kind: UnitKind;
}
