import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@kinerja/subgraph-kit';
import { CoreValue, GoalKind, IndicatorAspect, PlanStatus, TargetDirection } from '../domain/enums';
import './enums';

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

  @Field(() => DateScalar, { description: 'First day the plan covers (1 January, or the transfer date for a plan opened by a transfer)' })
  periodStart: string;

  @Field(() => DateScalar, { description: 'Last day the plan covers (31 December, or the day before a transfer that closed it)' })
  periodEnd: string;

  @Field(() => String, { nullable: true, description: 'The direct supervisor\'s note when they last returned the plan for revision; cleared on approval' })
  returnNote: string | null;

  @Field(() => Date, { nullable: true })
  returnedAt: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'The transfer date, when a transfer closed this plan' })
  closedByTransferOn: string | null;
}

@ObjectType('BehaviorExpectation', { description: 'Ekspektasi khusus pimpinan for one BerAKHLAK value' })
export class BehaviorExpectation {
  @Field(() => CoreValue)
  coreValue: CoreValue;

  @Field(() => String, { description: 'Empty where the direct supervisor has set none' })
  expectation: string;
}

@ObjectType('PlanAttachments', { description: 'Lampiran SKP' })
export class PlanAttachments {
  @Field(() => String, { nullable: true, description: 'Dukungan sumber daya' })
  resources: string | null;

  @Field(() => String, { nullable: true, description: 'Skema pertanggungjawaban' })
  accountability: string | null;

  @Field(() => String, { nullable: true, description: 'Konsekuensi' })
  consequences: string | null;
}

@ObjectType('Indicator', { description: 'An indikator kinerja individu: quantitative (unit, target, direction) or qualitative (a described expected result rated by the supervisor)' })
export class Indicator {
  @Field(() => ID)
  id: string;

  @Field(() => IndicatorAspect)
  aspect: IndicatorAspect;

  @Field(() => String, { description: 'The indicator, or for a qualitative one the expected result' })
  description: string;

  @Field(() => Boolean)
  qualitative: boolean;

  @Field(() => String, { nullable: true })
  unitOfMeasure: string | null;

  @Field(() => Float, { nullable: true, description: 'Annual target; null when qualitative' })
  target: number | null;

  @Field(() => TargetDirection, { nullable: true, description: 'Null when qualitative' })
  direction: TargetDirection | null;

  @Field(() => [Float], { nullable: 'itemsAndList', description: 'Cumulative targets at the end of Q1..Q4 where set' })
  quarterlyTargets: Array<number | null> | null;
}

@ObjectType('EvidenceFile', { description: 'A file uploaded as evidence (bukti dukung); download it from url with the same token' })
export class EvidenceFile {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  fileName: string;

  @Field(() => String, { description: 'application/pdf, image/png or image/jpeg' })
  contentType: string;

  @Field(() => Int, { description: 'Bytes' })
  size: number;

  @Field(() => String, { description: 'SHA-256 of the content, hex' })
  sha256: string;

  @Field(() => Date)
  uploadedAt: Date;
}

@Directive('@key(fields: "id")')
@ObjectType('Goal', { description: 'A planned work result (rencana hasil kerja), UTAMA or TAMBAHAN, with one or more indicators' })
export class Goal {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'rencana hasil kerja' })
  title: string;

  @Field(() => GoalKind)
  kind: GoalKind;
}

@ObjectType('Realization', { description: 'The cumulative value of an indicator at the end of a month or quarter' })
export class Realization {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: '"2026-03" (month) or "2026-Q1" (quarter)' })
  period: string;

  @Field(() => Float, { description: 'Cumulative value at the end of the period (0 for a qualitative indicator: its result is in note)' })
  value: number;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'Link to the evidence (bukti dukung)' })
  evidenceUrl: string | null;

  @Field(() => Date)
  recordedAt: Date;

  @Field(() => String, { nullable: true, description: 'Umpan balik: the direct supervisor\'s feedback on this realization' })
  feedback: string | null;

  @Field(() => Date, { nullable: true })
  feedbackAt: Date | null;
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
