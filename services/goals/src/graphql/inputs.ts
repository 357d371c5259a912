import { IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { TargetDirection } from '../domain/enums';

const NOT_BLANK = /\S/;
const NO_CONTROL = /^[^\p{Cc}\p{Cf}]*$/u; // no control or format characters in one-line texts
const NO_CONTROL_MULTILINE = /^(?:[^\p{Cc}\p{Cf}]|[\n\r\t])*$/u; // notes may span lines

/** Text limits are stated in each message (CONTRACT.md: the message names the field and the rule). */
export const LIMITS = { title: 300, indicator: 500, unitOfMeasure: 50, note: 1000, evidenceUrl: 2000 } as const;

@InputType({ description: 'A goal (RHK): target must be > 0 for HIGHER_IS_BETTER and ≥ 0 for LOWER_IS_BETTER' })
export class GoalInput {
  @Field(() => String, { description: `rencana hasil kerja, 1-${LIMITS.title} characters` })
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(LIMITS.title, { message: `must be at most ${LIMITS.title} characters` })
  @Matches(NO_CONTROL, { message: 'must not contain control characters' })
  title: string;

  @Field(() => String, { description: `indikator kinerja individu, 1-${LIMITS.indicator} characters` })
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(LIMITS.indicator, { message: `must be at most ${LIMITS.indicator} characters` })
  @Matches(NO_CONTROL, { message: 'must not contain control characters' })
  indicator: string;

  @Field(() => String, { description: `"persen", "orang", "dokumen", ...; 1-${LIMITS.unitOfMeasure} characters` })
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(LIMITS.unitOfMeasure, { message: `must be at most ${LIMITS.unitOfMeasure} characters` })
  @Matches(NO_CONTROL, { message: 'must not contain control characters' })
  unitOfMeasure: string;

  @Field(() => Float)
  target: number;

  @Field(() => TargetDirection)
  direction: TargetDirection;

  @Field(() => ID, { nullable: true, description: 'A goal in the direct supervisor\'s plan of the same year' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a goal id' })
  parentGoalId?: string | null;
}

@InputType()
export class RealizationInput {
  @Field(() => String, { description: '"2026-03" (month) or "2026-Q1" (quarter), within the plan\'s year' })
  @MaxLength(10, { message: 'must be YYYY-MM or YYYY-Qn' })
  period: string;

  @Field(() => Float, { description: 'Cumulative value at the end of the period; not negative' })
  value: number;

  @Field(() => String, { nullable: true, description: `At most ${LIMITS.note} characters` })
  @IsOptional()
  @MaxLength(LIMITS.note, { message: `must be at most ${LIMITS.note} characters` })
  @Matches(NO_CONTROL_MULTILINE, { message: 'must not contain control characters other than line breaks and tabs' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: `An http(s) link to the evidence (bukti dukung), at most ${LIMITS.evidenceUrl} characters` })
  @IsOptional()
  @MaxLength(LIMITS.evidenceUrl, { message: `must be at most ${LIMITS.evidenceUrl} characters` })
  evidenceUrl?: string | null;
}
