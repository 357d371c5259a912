import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Forbidden, NotFound, requireUser, Guard, type KitContext } from '@kinerja/subgraph-kit';
import { Predicate, Rating } from '../domain/enums';
import './enums';
import type { EvaluationRow } from '../entities/evaluation';
import { completeEvaluation, giveFeedback, rateEvaluation, startEvaluation, submitPublicFeedback } from '../evaluation';
import { accessTo } from './access';
import { reportCurveWarnings } from './review.resolver';
import { behaviorSummary, visibleFeedback, type FeedbackDto } from './feedback-view';
import { FeedbackInput, PublicFeedbackInput } from './inputs';
import { cycleById, evaluationById, feedbackOfEvaluation } from './loaders';
import { CoreValueScore, EmployeeRef, Evaluation, EvaluationCycle, Feedback } from './types';
import { evaluationStarter, feedbackGiver, publicFeedback, raterById } from './guards';

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Query(() => Evaluation, { nullable: true, description: 'Readable by the employee, their supervisors, unit heads, ADMIN and ANALYST; colleagues who may give feedback see that it exists' })
  async evaluation(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string): Promise<EvaluationRow | null> {
    requireUser(ctx);
    const row = await evaluationById(ctx).load(id);
    if (!row) return null;
    if ((await accessTo(ctx, row)) === 'NONE') throw new Forbidden('You may not read this evaluation');
    return row;
  }

  @FieldResolver(() => EmployeeRef)
  employee(@Root() e: EvaluationRow): EmployeeRef {
    return { id: e.employeeId };
  }

  @FieldResolver(() => EmployeeRef, { description: 'The direct supervisor when the evaluation started (pejabat penilai kinerja)' })
  evaluator(@Root() e: EvaluationRow): EmployeeRef {
    return { id: e.evaluatorId };
  }

  @FieldResolver(() => EvaluationCycle)
  async cycle(@Root() e: EvaluationRow, @Ctx() ctx: KitContext) {
    const cycle = await cycleById(ctx).load(e.cycleId);
    if (!cycle) throw new NotFound('EvaluationCycle', e.cycleId);
    return cycle;
  }

  @FieldResolver(() => Rating, { nullable: true, description: 'Rating hasil kerja' })
  async resultRating(@Root() e: EvaluationRow, @Ctx() ctx: KitContext): Promise<Rating | null> {
    return (await accessTo(ctx, e)) === 'PARTICIPANT' ? null : e.resultRating;
  }

  @FieldResolver(() => Rating, { nullable: true, description: 'Rating perilaku kerja' })
  async behaviorRating(@Root() e: EvaluationRow, @Ctx() ctx: KitContext): Promise<Rating | null> {
    return (await accessTo(ctx, e)) === 'PARTICIPANT' ? null : e.behaviorRating;
  }

  @FieldResolver(() => Predicate, { nullable: true, description: 'From the PermenPANRB 6/2022 quadrant once both ratings exist' })
  async predicate(@Root() e: EvaluationRow, @Ctx() ctx: KitContext): Promise<Predicate | null> {
    return (await accessTo(ctx, e)) === 'PARTICIPANT' ? null : e.predicate;
  }

  @FieldResolver(() => [Feedback], { description: 'Authors of PEER, SUBORDINATE and PUBLIC feedback are hidden from the evaluated employee' })
  async feedback(@Root() e: EvaluationRow, @Ctx() ctx: KitContext): Promise<FeedbackDto[]> {
    const [access, rows] = await Promise.all([accessTo(ctx, e), feedbackOfEvaluation(ctx).load(e.feedbackEvaluationId ?? e.id)]);
    return visibleFeedback(ctx, access, rows);
  }

  @FieldResolver(() => [CoreValueScore], { description: 'Mean score per core value over all feedback' })
  async behaviorSummary(@Root() e: EvaluationRow, @Ctx() ctx: KitContext) {
    const [access, rows] = await Promise.all([accessTo(ctx, e), feedbackOfEvaluation(ctx).load(e.feedbackEvaluationId ?? e.id)]);
    return access === 'PARTICIPANT' || access === 'NONE' ? [] : behaviorSummary(rows);
  }

  @Mutation(() => Evaluation, { description: 'By the direct supervisor (or the unit head when there is none) or ADMIN; one per employee per cycle; open cycles only' })
  @Guard(evaluationStarter)
  startEvaluation(@Ctx() ctx: KitContext, @Arg('employeeId', () => ID) employeeId: string, @Arg('cycleId', () => ID) cycleId: string) {
    return startEvaluation(ctx, employeeId, cycleId);
  }

  @Mutation(() => Feedback, { description: 'SELF by the employee, PEER by a colleague of the same unit, SUBORDINATE by a direct subordinate, SUPERVISOR by anyone in the supervisor chain; a second feedback on the same core value replaces the first' })
  @Guard(feedbackGiver)
  async giveFeedback(@Ctx() ctx: KitContext, @Arg('evaluationId', () => ID) evaluationId: string, @Arg('input', () => FeedbackInput) input: FeedbackInput): Promise<FeedbackDto> {
    const row = await giveFeedback(ctx, evaluationId, input);
    // The author always sees their own feedback, author included.
    return { id: row.id, source: row.source, authorId: row.authorId, coreValue: row.coreValue, score: row.score, comment: row.comment, createdAt: row.createdAt };
  }

  @Mutation(() => Boolean, { description: 'No login. Names an employee by NIP or a unit by code; stores no identity; rate-limited per client' })
  @Guard(publicFeedback)
  submitPublicFeedback(@Ctx() ctx: KitContext, @Arg('input', () => PublicFeedbackInput) input: PublicFeedbackInput) {
    return submitPublicFeedback(ctx, input);
  }

  @Mutation(() => Evaluation, { description: 'The evaluator or ADMIN; sets the predicate' })
  @Guard(raterById)
  rateEvaluation(
    @Ctx() ctx: KitContext,
    @Arg('id', () => ID) id: string,
    @Arg('resultRating', () => Rating) resultRating: Rating,
    @Arg('behaviorRating', () => Rating) behaviorRating: Rating,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ) {
    return rateEvaluation(ctx, id, resultRating, behaviorRating, expectedVersion);
  }

  @Mutation(() => Evaluation, { description: 'The evaluator or ADMIN; needs both ratings; emits kinerja.evaluation.completed.v1; the evaluation is read-only afterwards. The response\'s extensions.curveWarnings lists the distribution curve\'s broken rules for the employee\'s units (annual cycles)' })
  @Guard(raterById)
  async completeEvaluation(@Ctx() ctx: KitContext, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int) expectedVersion: number) {
    const completed = await completeEvaluation(ctx, id, expectedVersion);
    // The curve warns, it never blocks (DOMAIN.md): its warnings travel in extensions.curveWarnings.
    await reportCurveWarnings(ctx, completed);
    return completed;
  }
}

@Resolver(() => Feedback)
export class FeedbackResolver {
  @FieldResolver(() => EmployeeRef, { nullable: true, description: 'Null where the reader may not know who wrote it; never stored for PUBLIC' })
  author(@Root() f: FeedbackDto): EmployeeRef | null {
    return f.authorId ? { id: f.authorId } : null;
  }
}
