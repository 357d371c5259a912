import { IsInt, IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { DateScalar, SAFE_LINE, SAFE_TEXT } from '@kinerja/subgraph-kit';
import { CoreValue, FeedbackSource, PeriodType } from '../domain/enums';
import './enums';

export const COMMENT_MAX = 1000;

@InputType()
export class EvaluationCycleInput {
  @Field(() => String)
  @Length(2, 200, { message: 'name must be 2 to 200 characters' })
  @Matches(SAFE_LINE, { message: 'name must not contain control characters' })
  name: string;

  @Field(() => Int)
  @IsInt({ message: 'year must be an integer' })
  @Min(2000, { message: 'year must be between 2000 and 2100' })
  @Max(2100, { message: 'year must be between 2000 and 2100' })
  year: number;

  @Field(() => PeriodType)
  periodType: PeriodType;

  @Field(() => Int, { nullable: true, description: 'Month 1-12 (MONTHLY), quarter 1-4 (QUARTERLY), empty for ANNUAL' })
  @IsOptional()
  period?: number | null;

  @Field(() => DateScalar)
  opensOn: string;

  @Field(() => DateScalar)
  closesOn: string;
}

@InputType()
export class FeedbackInput {
  @Field(() => FeedbackSource, { description: 'SELF, PEER, SUBORDINATE or SUPERVISOR (PUBLIC goes through submitPublicFeedback)' })
  source: FeedbackSource;

  @Field(() => CoreValue, { nullable: true })
  @IsOptional()
  coreValue?: CoreValue | null;

  @Field(() => Int)
  @IsInt({ message: 'score must be an integer 1 to 5' })
  @Min(1, { message: 'score must be 1 to 5' })
  @Max(5, { message: 'score must be 1 to 5' })
  score: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(COMMENT_MAX, { message: `comment must be at most ${COMMENT_MAX} characters` })
  @Matches(SAFE_TEXT, { message: 'comment must not contain control characters' })
  comment?: string | null;
}

@InputType({ description: 'Feedback from a citizen, without login: name an employee by NIP or a unit by code' })
export class PublicFeedbackInput {
  @Field(() => String, { nullable: true, description: '18 digits, spaces allowed' })
  @IsOptional()
  @MaxLength(40, { message: 'employeeNip must be at most 40 characters including spaces' })
  employeeNip?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "DINKES"; the feedback goes to the unit head\'s evaluation' })
  @IsOptional()
  @MaxLength(32, { message: 'unitCode must be at most 32 characters' })
  unitCode?: string | null;

  @Field(() => CoreValue, { nullable: true })
  @IsOptional()
  coreValue?: CoreValue | null;

  @Field(() => Int)
  @IsInt({ message: 'score must be an integer 1 to 5' })
  @Min(1, { message: 'score must be 1 to 5' })
  @Max(5, { message: 'score must be 1 to 5' })
  score: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(COMMENT_MAX, { message: `comment must be at most ${COMMENT_MAX} characters` })
  @Matches(SAFE_TEXT, { message: 'comment must not contain control characters' })
  comment?: string | null;
}
