import { SAFE_LINE, SAFE_TEXT } from '@kinerja/subgraph-kit';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { GoalKind, IndicatorAspect, TargetDirection } from '../domain/enums';
import './enums';

const NOT_BLANK = /\S/;

/** Text limits are stated in each message (CONTRACT.md: the message names the field and the rule). */
export const LIMITS = { title: 300, indicator: 500, unitOfMeasure: 50, note: 1000, evidenceUrl: 2000, returnNote: 2000, feedback: 2000, expectation: 1000, attachment: 4000 } as const;

@InputType({ description: 'A goal (RHK): target must be > 0 for HIGHER_IS_BETTER and ≥ 0 for LOWER_IS_BETTER' })
export class GoalInput {
  @Field(() => String, { description: `rencana hasil kerja, 1-${LIMITS.title} characters` })
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(LIMITS.title, { message: `must be at most ${LIMITS.title} characters` })
  @Matches(SAFE_LINE, { message: 'must not contain control characters' })
  title: string;

  @Field(() => String, { description: `indikator kinerja individu, 1-${LIMITS.indicator} characters` })
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(LIMITS.indicator, { message: `must be at most ${LIMITS.indicator} characters` })
  @Matches(SAFE_LINE, { message: 'must not contain control characters' })
  indicator: string;

  @Field(() => String, { description: `"persen", "orang", "dokumen", ...; 1-${LIMITS.unitOfMeasure} characters` })
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(LIMITS.unitOfMeasure, { message: `must be at most ${LIMITS.unitOfMeasure} characters` })
  @Matches(SAFE_LINE, { message: 'must not contain control characters' })
  unitOfMeasure: string;

  @Field(() => Float)
  target: number;

  @Field(() => TargetDirection)
  direction: TargetDirection;

  @Field(() => ID, { nullable: true, description: 'A goal in the direct supervisor\'s plan of the same year' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a goal id' })
  parentGoalId?: string | null;

  @Field(() => GoalKind, { nullable: true, description: 'UTAMA or TAMBAHAN; a new goal without it is UTAMA, an update without it keeps the kind' })
  @IsOptional()
  kind?: GoalKind | null;

  @Field(() => IndicatorAspect, { nullable: true, description: 'The first indicator\'s aspect; KUANTITAS when not given (an update without it keeps it)' })
  @IsOptional()
  aspect?: IndicatorAspect | null;

  @Field(() => [Float], { nullable: true, description: 'The first indicator\'s cumulative targets at the end of Q1..Q4 (four values, any null)' })
  @IsOptional()
  quarterlyTargets?: Array<number | null> | null;
}

@InputType({ description: 'An indicator: quantitative (unitOfMeasure, target, direction) or qualitative (a described expected result rated by the supervisor)' })
export class IndicatorInput {
  @Field(() => IndicatorAspect)
  aspect: IndicatorAspect;

  @Field(() => String, { description: `indikator kinerja individu, or for a qualitative indicator the expected result; 1-${LIMITS.indicator} characters` })
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(LIMITS.indicator, { message: `must be at most ${LIMITS.indicator} characters` })
  @Matches(SAFE_LINE, { message: 'must not contain control characters' })
  description: string;

  @Field(() => Boolean, { defaultValue: false, description: 'The qualitative approach: no unit, target or direction; rated by the supervisor' })
  qualitative: boolean;

  @Field(() => String, { nullable: true, description: `Required unless qualitative; 1-${LIMITS.unitOfMeasure} characters` })
  @IsOptional()
  @MaxLength(LIMITS.unitOfMeasure, { message: `must be at most ${LIMITS.unitOfMeasure} characters` })
  @Matches(SAFE_LINE, { message: 'must not contain control characters' })
  unitOfMeasure?: string | null;

  @Field(() => Float, { nullable: true, description: 'Required unless qualitative; > 0 for HIGHER_IS_BETTER, ≥ 0 for LOWER_IS_BETTER' })
  @IsOptional()
  target?: number | null;

  @Field(() => TargetDirection, { nullable: true, description: 'Required unless qualitative' })
  @IsOptional()
  direction?: TargetDirection | null;

  @Field(() => [Float], { nullable: true, description: 'Cumulative targets at the end of Q1..Q4 (four values, any null); quantitative only' })
  @IsOptional()
  @ArrayMinSize(4, { message: 'must have four values (Q1..Q4), null where none' })
  @ArrayMaxSize(4, { message: 'must have four values (Q1..Q4), null where none' })
  quarterlyTargets?: Array<number | null> | null;
}

@InputType({ description: 'Lampiran SKP (text); a null or empty field clears it' })
export class PlanAttachmentsInput {
  @Field(() => String, { nullable: true, description: `Dukungan sumber daya (resources provided), at most ${LIMITS.attachment} characters` })
  @IsOptional()
  @MaxLength(LIMITS.attachment, { message: `must be at most ${LIMITS.attachment} characters` })
  @Matches(SAFE_TEXT, { message: 'must not contain control characters other than line breaks and tabs' })
  resources?: string | null;

  @Field(() => String, { nullable: true, description: `Skema pertanggungjawaban (accountability), at most ${LIMITS.attachment} characters` })
  @IsOptional()
  @MaxLength(LIMITS.attachment, { message: `must be at most ${LIMITS.attachment} characters` })
  @Matches(SAFE_TEXT, { message: 'must not contain control characters other than line breaks and tabs' })
  accountability?: string | null;

  @Field(() => String, { nullable: true, description: `Konsekuensi (consequences), at most ${LIMITS.attachment} characters` })
  @IsOptional()
  @MaxLength(LIMITS.attachment, { message: `must be at most ${LIMITS.attachment} characters` })
  @Matches(SAFE_TEXT, { message: 'must not contain control characters other than line breaks and tabs' })
  consequences?: string | null;
}

@InputType()
export class RealizationInput {
  @Field(() => String, { description: '"2026-03" (month) or "2026-Q1" (quarter), within the plan\'s year' })
  @MaxLength(10, { message: 'must be YYYY-MM or YYYY-Qn' })
  period: string;

  @Field(() => Float, { nullable: true, description: 'Cumulative value at the end of the period; not negative; required for a quantitative indicator, not given for a qualitative one (describe the result in note)' })
  value?: number | null;

  @Field(() => String, { nullable: true, description: `At most ${LIMITS.note} characters` })
  @IsOptional()
  @MaxLength(LIMITS.note, { message: `must be at most ${LIMITS.note} characters` })
  @Matches(SAFE_TEXT, { message: 'must not contain control characters other than line breaks and tabs' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: `An http(s) link to the evidence (bukti dukung), at most ${LIMITS.evidenceUrl} characters` })
  @IsOptional()
  @MaxLength(LIMITS.evidenceUrl, { message: `must be at most ${LIMITS.evidenceUrl} characters` })
  evidenceUrl?: string | null;
}
