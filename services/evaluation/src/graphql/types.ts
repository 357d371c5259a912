import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, entityStub, type EntityRef } from '@kinerja/subgraph-kit';
import { CoreValue, CycleStatus, EvaluationStatus, FeedbackSource, ObjectionStatus, OrganizationPredicate, PeriodType, Predicate } from '../domain/enums';
import './enums';

/** Personnel's Employee, extended here with evaluations (Federation 2 entity stub). */
const employee = entityStub('Employee');
export const EmployeeRef = employee.type;
export type EmployeeRef = EntityRef;
export const resolveEmployeeReference = employee.resolveReference;

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

/** Personnel's OrganizationUnit, extended here with the organisation predicate and the curve. */
const unit = entityStub('OrganizationUnit');
export const OrganizationUnitRef = unit.type;
export type OrganizationUnitRef = EntityRef;
export const resolveOrganizationUnitReference = unit.resolveReference;

@ObjectType('ObjectionStatement', { description: 'What the employee, the evaluator or the reviewer said; the reviewer hears both sides' })
export class ObjectionStatement {
  // author is a field resolver.
  @Field(() => String) text: string;
  @Field(() => Date) at: Date;
}

@ObjectType('Objection', { description: 'Keberatan (PP 30/2019 art. 59): the employee objects within 14 days; the evaluator\'s own supervisor (BKPSDM where there is none) decides, finally' })
export class Objection {
  @Field(() => ID) id: string;
  // evaluation, reviewer and statements are field resolvers.
  @Field(() => String) reason: string;
  @Field(() => String, { nullable: true }) evidenceUrl: string | null;
  @Field(() => Date) filedAt: Date;
  @Field(() => ObjectionStatus) status: ObjectionStatus;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) decisionNote: string | null;
}

@ObjectType('PredicateCount')
export class PredicateCount {
  @Field(() => Predicate) predicate: Predicate;
  @Field(() => Int) count: number;
  @Field(() => Float, { description: 'Of the evaluated employees, 0-100' }) percent: number;
}

@ObjectType('CurveWarning', { description: 'A rule of the distribution curve the unit breaks (it warns, it never blocks)' })
export class CurveWarning {
  @Field(() => String, { description: 'e.g. BAIK_MAX_70_BAIK' }) rule: string;
  @Field(() => String) message: string;
}

@ObjectType('PredicateDistribution', { description: 'A unit\'s annual predicates (with its sub-units) against the curve for its organisation predicate (PermenPANRB 6/2022)' })
export class PredicateDistribution {
  @Field(() => Int) year: number;
  @Field(() => OrganizationPredicate, { nullable: true }) organizationPredicate: OrganizationPredicate | null;
  @Field(() => Int, { description: 'Completed annual evaluations, superseded ones left out: the base of the percentages' }) evaluated: number;
  @Field(() => Int, { description: 'Annual evaluations still DRAFT' }) inProgress: number;
  @Field(() => [PredicateCount]) counts: PredicateCount[];
  @Field(() => [CurveWarning]) warnings: CurveWarning[];
  @Field(() => String, { nullable: true, description: 'Why the curve was not checked (no organisation predicate set, nobody evaluated yet)' }) note: string | null;
  @Field(() => Predicate, {
    nullable: true,
    description: 'The predicate counted for the evaluation named by `including`, as if it were completed (it is in evaluated and counts, not in inProgress); '
      + 'null when nothing was assumed: no `including`, that evaluation is not a DRAFT annual evaluation of this year in the unit\'s tree, or it has no predicate yet (a rating is missing)',
  }) assumed: Predicate | null;
}
