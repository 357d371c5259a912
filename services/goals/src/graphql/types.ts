import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PlanStatus, TargetDirection } from '../domain/enums';

/** One employee's SKP for one year. Computed fields live in plan.resolver.ts. */
@Directive('@key(fields: "id")')
@ObjectType('PerformancePlan', { description: 'An employee\'s yearly performance plan (SKP)' })
export class PerformancePlan {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field(() => PlanStatus)
  status: PlanStatus;

  @Field(() => Int, { description: 'Give it back as expectedVersion to submit, approve or reopen' })
  version: number;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  approvedAt: Date | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Goal', { description: 'A planned work result (rencana hasil kerja) with its indicator and target' })
export class Goal {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'rencana hasil kerja' })
  title: string;

  @Field(() => String, { description: 'indikator kinerja individu' })
  indicator: string;

  @Field(() => String, { description: '"persen", "orang", "dokumen", ...' })
  unitOfMeasure: string;

  @Field(() => Float)
  target: number;

  @Field(() => TargetDirection)
  direction: TargetDirection;
}

@ObjectType('Realization', { description: 'The cumulative value of a goal at the end of a month or quarter' })
export class Realization {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: '"2026-03" (month) or "2026-Q1" (quarter)' })
  period: string;

  @Field(() => Float, { description: 'Cumulative value at the end of the period' })
  value: number;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'Link to the evidence (bukti dukung)' })
  evidenceUrl: string | null;

  @Field(() => Date)
  recordedAt: Date;
}

@ObjectType('RealizationRevision', { description: 'A value a realization held before it was recorded again' })
export class RealizationRevision {
  @Field(() => Float)
  value: number;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true })
  evidenceUrl: string | null;

  @Field(() => Date)
  recordedAt: Date;

  @Field(() => Date)
  replacedAt: Date;
}
