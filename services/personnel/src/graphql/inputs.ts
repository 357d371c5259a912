import { IsOptional, IsUUID, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '@kinerja/subgraph-kit';
import { EmployeeStatus, EmploymentType, Gender, Grade, PositionKind, UnitKind } from '../domain/enums';

const NAME_RULE = /^[^\p{Cc}\p{Cf}]*$/u; // no control or format characters in names and titles

@InputType()
export class CreateOrganizationUnitInput {
  @Field(() => String, { description: '2-32 characters: capital letters, digits, - and _' })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, { message: 'code must be 2-32 characters of A-Z, 0-9, - and _, starting with a letter or digit' })
  code: string;

  @Field(() => String)
  @Length(2, 200, { message: 'name must be 2 to 200 characters' })
  @Matches(NAME_RULE, { message: 'name must not contain control characters' })
  name: string;

  @Field(() => UnitKind)
  kind: UnitKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be an organization unit id' })
  parentId?: string | null;
}

@InputType()
export class RegisterEmployeeInput {
  @Field(() => String, { description: '18 digits, spaces allowed: 19860926 201505 1 001' })
  @MaxLength(40, { message: 'nip must be at most 40 characters including spaces' })
  nip: string;

  @Field(() => String)
  @Length(2, 200, { message: 'name must be 2 to 200 characters' })
  @Matches(NAME_RULE, { message: 'name must not contain control characters' })
  name: string;

  @Field(() => Gender)
  gender: Gender;

  @Field(() => DateScalar)
  birthDate: string;

  @Field(() => EmploymentType)
  employmentType: EmploymentType;

  @Field(() => Grade, { nullable: true })
  grade?: Grade | null;

  @Field(() => String)
  @Length(2, 200, { message: 'positionTitle must be 2 to 200 characters' })
  @Matches(NAME_RULE, { message: 'positionTitle must not contain control characters' })
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
  @Matches(NAME_RULE, { message: 'name must not contain control characters' })
  name?: string;

  @Field(() => Gender, { nullable: true })
  gender?: Gender;

  @Field(() => DateScalar, { nullable: true })
  birthDate?: string;

  @Field(() => EmploymentType, { nullable: true })
  employmentType?: EmploymentType;

  @Field(() => Grade, { nullable: true })
  grade?: Grade | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(2, { message: 'positionTitle must be 2 to 200 characters' })
  @MaxLength(200, { message: 'positionTitle must be 2 to 200 characters' })
  @Matches(NAME_RULE, { message: 'positionTitle must not contain control characters' })
  positionTitle?: string;

  @Field(() => PositionKind, { nullable: true })
  positionKind?: PositionKind;

  @Field(() => EmployeeStatus, { nullable: true })
  status?: EmployeeStatus;

  @Field(() => Int, { nullable: true, description: 'When given, the update is refused with CONFLICT if the record changed since' })
  expectedVersion?: number;
}
