import { IsOptional, IsUUID, Length, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, SAFE_LINE } from '@kinerja/subgraph-kit';
import { EmployeeStatus, EmploymentType, Gender, Grade, PositionKind, PppkGrade, UnitKind } from '../domain/enums';
import './enums';


@InputType()
export class CreateOrganizationUnitInput {
  @Field(() => String, { description: '2-32 characters: capital letters, digits, - and _' })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, { message: 'code must be 2-32 characters of A-Z, 0-9, - and _, starting with a letter or digit' })
  code: string;

  @Field(() => String)
  @Length(2, 200, { message: 'name must be 2 to 200 characters' })
  @Matches(SAFE_LINE, { message: 'name must not contain control characters' })
  name: string;

  @Field(() => UnitKind)
  kind: UnitKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be an organization unit id' })
  parentId?: string | null;
}

@InputType({ description: 'A PPPK work contract: 1 to 5 years, startsOn to endsOn inclusive (PP 49/2018 art. 37)' })
export class ContractInput {
  @Field(() => String, { description: 'The document number, e.g. 800/112/PK-PPPK/BKPSDMD/2024' })
  @Length(1, 100, { message: 'number must be 1 to 100 characters' })
  number: string;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar, { description: 'The last day of the contract (inclusive)' })
  endsOn: string;
}

@InputType()
export class RegisterEmployeeInput {
  @Field(() => String, { description: '18 digits, spaces allowed: PNS 19860926 201505 1 001, PPPK 19890225 2024 2 1 1 013' })
  @MaxLength(40, { message: 'nip must be at most 40 characters including spaces' })
  nip: string;

  @Field(() => String)
  @Length(2, 200, { message: 'name must be 2 to 200 characters' })
  @Matches(SAFE_LINE, { message: 'name must not contain control characters' })
  name: string;

  @Field(() => Gender)
  gender: Gender;

  @Field(() => DateScalar)
  birthDate: string;

  @Field(() => EmploymentType)
  employmentType: EmploymentType;

  @Field(() => Grade, { nullable: true, description: 'golongan/ruang: required for PNS, empty for PPPK' })
  grade?: Grade | null;

  @Field(() => PppkGrade, { nullable: true, description: 'PPPK golongan I..XVII: required for PPPK, empty for PNS' })
  pppkGrade?: PppkGrade | null;

  @Field(() => ContractInput, { nullable: true, description: 'The current work contract: required for PPPK, empty for PNS' })
  @IsOptional()
  @ValidateNested()
  contract?: ContractInput | null;

  @Field(() => String)
  @Length(2, 200, { message: 'positionTitle must be 2 to 200 characters' })
  @Matches(SAFE_LINE, { message: 'positionTitle must not contain control characters' })
  positionTitle: string;

  @Field(() => PositionKind)
  positionKind: PositionKind;

  @Field(() => ID)
  @IsUUID('all', { message: 'unitId must be an organization unit id' })
  unitId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'supervisorId must be an employee id' })
  supervisorId?: string | null;
}

@InputType({ description: 'Fields to change; omitted ones stay. Unit and supervisor change through transferEmployee.' })
export class UpdateEmployeeInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40, { message: 'nip must be at most 40 characters including spaces' })
  nip?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200, { message: 'name must be 2 to 200 characters' })
  @Matches(SAFE_LINE, { message: 'name must not contain control characters' })
  name?: string;

  @Field(() => Gender, { nullable: true })
  gender?: Gender;

  @Field(() => DateScalar, { nullable: true })
  birthDate?: string;

  @Field(() => EmploymentType, { nullable: true })
  employmentType?: EmploymentType;

  @Field(() => Grade, { nullable: true })
  grade?: Grade | null;

  @Field(() => PppkGrade, { nullable: true, description: 'PPPK golongan I..XVII' })
  pppkGrade?: PppkGrade | null;

  @Field(() => ContractInput, { nullable: true, description: 'For a PPPK without a contract on record (e.g. one who was PNS): records it. Later contracts go through renewContract.' })
  @IsOptional()
  @ValidateNested()
  contract?: ContractInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(2, { message: 'positionTitle must be 2 to 200 characters' })
  @MaxLength(200, { message: 'positionTitle must be 2 to 200 characters' })
  @Matches(SAFE_LINE, { message: 'positionTitle must not contain control characters' })
  positionTitle?: string;

  @Field(() => PositionKind, { nullable: true })
  positionKind?: PositionKind;

  @Field(() => EmployeeStatus, { nullable: true })
  status?: EmployeeStatus;

  @Field(() => Int, { nullable: true, description: 'When given, the update is refused with CONFLICT if the record changed since' })
  expectedVersion?: number;
}
