import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { EmployeeStatus, EmploymentType, Gender, Grade, PositionKind } from '../domain/enums';

@Directive('@key(fields: "id")')
@Directive('@key(fields: "nip")')
@ObjectType({ description: 'A civil servant (ASN): PNS or PPPK' })
export class Employee {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: '18 digits without spaces; validated against birth date and gender' })
  nip: string;

  @Field(() => String)
  name: string;

  @Field(() => Gender)
  gender: Gender;

  // birthDate is a field resolver: only ADMIN, the person and their supervisor chain see it.
  birthDate: string;

  @Field(() => EmploymentType)
  employmentType: EmploymentType;

  @Field(() => Grade, { nullable: true, description: 'golongan/ruang (PNS); null for PPPK' })
  grade: Grade | null;

  @Field(() => String)
  positionTitle: string;

  @Field(() => PositionKind)
  positionKind: PositionKind;

  @Field(() => EmployeeStatus)
  status: EmployeeStatus;

  unitId: string;
  supervisorId: string | null;
}
