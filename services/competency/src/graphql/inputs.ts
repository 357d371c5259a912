import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, SAFE_LINE } from '@kinerja/subgraph-kit';
import { ActivityKind, CompetencyKind } from '../domain/enums';
import './enums';

@InputType()
export class CompetencyInput {
  @Field(() => String, { description: '2-32 characters: capital letters, digits, ".", "-" and "_"' })
  @Matches(/^[A-Z0-9][A-Z0-9._-]{1,31}$/, { message: 'must be 2-32 characters of A-Z, 0-9, ".", "-" and "_", starting with a letter or digit' })
  code: string;

  @Field(() => String)
  @Length(3, 200, { message: 'must be 3 to 200 characters' })
  @Matches(SAFE_LINE, { message: 'must not contain control characters' })
  name: string;

  @Field(() => CompetencyKind)
  kind: CompetencyKind;
}

@InputType()
export class LearningActivityInput {
  @Field(() => String)
  @Length(3, 200, { message: 'must be 3 to 200 characters' })
  @Matches(SAFE_LINE, { message: 'must not contain control characters' })
  title: string;

  @Field(() => ActivityKind)
  kind: ActivityKind;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be an organization unit id' })
  organizerUnitId: string;

  @Field(() => [ID], { description: 'Must include the organizer; at least two for COLLABORATION and SOCIALIZATION' })
  @ArrayMaxSize(100, { message: 'must name at most 100 units' })
  @IsUUID('all', { each: true, message: 'must be organization unit ids' })
  participatingUnitIds: string[];

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar, { description: 'On or after startsOn' })
  endsOn: string;

  @Field(() => Int, { description: 'JP credited on completion, 1..200' })
  hours: number;

  @Field(() => Int, { nullable: true, description: 'Seats; omit for no limit' })
  capacity?: number | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'must name at most 50 competencies' })
  @IsUUID('all', { each: true, message: 'must be competency ids' })
  competencyIds?: string[] | null;
}
