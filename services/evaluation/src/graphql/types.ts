import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@kinerja/subgraph-kit';
import { CoreValue, CycleStatus, EvaluationStatus, FeedbackSource, PeriodType, Predicate, Rating } from '../domain/enums';

/** Personnel's Employee, extended here with evaluations (Federation 2 entity stub). */
@Directive('@key(fields: "id")')
@ObjectType('Employee')
export class EmployeeRef {
  @Field(() => ID) id: string;
}

@Directive('@key(fields: "id")')
@ObjectType('EvaluationCycle', { description: 'A monthly, quarterly or annual evaluation period' })
export class EvaluationCycle {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => Int) year: number;
  @Field(() => PeriodType) periodType: PeriodType;
  @Field(() => Int, { nullable: true, description: 'Month 1-12 or quarter 1-4; null for ANNUAL' }) period: number | null;
  @Field(() => CycleStatus) status: CycleStatus;
  @Field(() => DateScalar) opensOn: string;
  @Field(() => DateScalar) closesOn: string;
}

@ObjectType('Feedback', { description: 'Umpan balik, scored 1-5, optionally against one BerAKHLAK core value' })
export class Feedback {
  @Field(() => ID) id: string;
  @Field(() => FeedbackSource) source: FeedbackSource;
  // author is a field resolver: null wherever the reader may not know it.
  @Field(() => CoreValue, { nullable: true }) coreValue: CoreValue | null;
  @Field(() => Int) score: number;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('CoreValueScore')
export class CoreValueScore {
  @Field(() => CoreValue) coreValue: CoreValue;
  @Field(() => Float) mean: number;
  @Field(() => Int) count: number;
}

@Directive('@key(fields: "id")')
@ObjectType('Evaluation', { description: 'One employee\'s evaluation in one cycle' })
export class Evaluation {
  @Field(() => ID) id: string;
  // employee, evaluator, cycle, ratings, predicate, feedback and behaviorSummary are field resolvers.
  @Field(() => EvaluationStatus) status: EvaluationStatus;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
  @Field(() => Int) version: number;
}
