import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@kinerja/subgraph-kit';
import { ContractStatus, EmployeeStatus, EmploymentType, Gender, Grade, PositionKind, PppkGrade } from '../domain/enums';
import './enums';

@Directive('@key(fields: "id")')
@Directive('@key(fields: "nip")')
@ObjectType({ description: 'A civil servant (ASN): PNS or PPPK' })
export class Employee {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: '18 digits without spaces, in the PNS or PPPK layout (matching employmentType); validated against birth date and gender' })
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

  @Field(() => PppkGrade, { nullable: true, description: 'PPPK golongan I..XVII (Perpres 98/2020); null for PNS' })
  pppkGrade: PppkGrade | null;

  // contract and contracts are field resolvers (ContractResolver): ADMIN, the employee and their supervisors.

  @Field(() => String)
  positionTitle: string;

  @Field(() => PositionKind)
  positionKind: PositionKind;

  @Field(() => EmployeeStatus)
  status: EmployeeStatus;

  unitId: string;
  supervisorId: string | null;
}

@ObjectType({ description: 'A PPPK work contract (perjanjian kerja), 1 to 5 years (PP 49/2018 art. 37)' })
export class WorkContract {
  @Field(() => ID, { description: "auditTrail(entityType: \"WorkContract\", entityId: id) gives who recorded, renewed or ended it, and why" })
  id: string;

  @Field(() => String, { description: 'The document number' })
  number: string;

  @Field(() => Int, { description: 'The how-manyth contract: 1 for the first, renewals count up' })
  sequence: number;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar, { description: 'The last day of the contract (inclusive); an ended contract gives the day it ended' })
  endsOn: string;

  @Field(() => ContractStatus)
  status: ContractStatus;

  @Field(() => String, { nullable: true, description: 'Why this contract was made, for a renewal' })
  renewalReason: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was ended, when it was' })
  endReason: string | null;
}
