import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateScalar, hasRole, requireUser, setResponseExtension, Guard, type KitContext } from '@kinerja/subgraph-kit';
import { EvaluationStatus, Rating } from '../domain/enums';
import './enums';
import { objectionDeadline } from '../domain/review';
import { EvaluationRow } from '../entities/evaluation';
import { ObjectionRow, type ObjectionStatementRow } from '../entities/objection';
import { curveWarningsFor } from '../organization';
import { addObjectionStatement, correctEvaluation, decideObjection, fileObjection } from '../review';
import { accessTo } from './access';
import { cycleById, evaluationById, objectionOfEvaluation, statementsOfObjection, supersedingEvaluation } from './loaders';
import { EmployeeRef, Evaluation, Objection, ObjectionStatement } from './types';
import { corrector, objectionParty, objectionReviewer, objector } from './guards';

/** A linked evaluation, when the caller may read it (the same rule as `evaluation(id)`). */
async function readableEvaluation(ctx: KitContext, row: EvaluationRow | null | undefined): Promise<EvaluationRow | null> {
  if (!row) return null;
  return (await accessTo(ctx, row)) === 'NONE' ? null : row;
}

/**
 * completeEvaluation's answer carries the curve's warnings in `extensions.curveWarnings` (CONTRACT.md);
 * so do the decision and the correction, which change the distribution the same way. Never blocks:
 * the change is committed before this runs, so a failure here is logged and the warnings left out.
 */
export async function reportCurveWarnings(ctx: KitContext, evaluation: EvaluationRow): Promise<void> {
  try {
    const cycle = await cycleById(ctx).load(evaluation.cycleId);
    if (!cycle) return;
    setResponseExtension(ctx, 'curveWarnings', await curveWarningsFor(ctx, evaluation, cycle));
  } catch (error) {
    ctx.log.warn({ err: error, requestId: ctx.requestId, evaluationId: evaluation.id }, 'curve warnings could not be computed; the completion stands');
  }
}

@Resolver(() => Evaluation)
export class EvaluationReviewResolver {
  @FieldResolver(() => Evaluation, { nullable: true, description: 'The evaluation this one replaced in the same cycle (after an objection decision or an ADMIN correction)' })
  async supersedes(@Root() e: EvaluationRow, @Ctx() ctx: KitContext): Promise<EvaluationRow | null> {
    return e.supersedesId ? readableEvaluation(ctx, await evaluationById(ctx).load(e.supersedesId)) : null;
  }

  @FieldResolver(() => Evaluation, { nullable: true, description: 'The evaluation that replaced this SUPERSEDED one' })
  async supersededBy(@Root() e: EvaluationRow, @Ctx() ctx: KitContext): Promise<EvaluationRow | null> {
    return e.status === EvaluationStatus.SUPERSEDED ? readableEvaluation(ctx, await supersedingEvaluation(ctx).load(e.id)) : null;
  }

  @FieldResolver(() => Objection, { nullable: true, description: 'The employee\'s objection, if any: seen by the employee, the evaluator, the supervisor chain, unit heads, ADMIN and the reviewer' })
  async objection(@Root() e: EvaluationRow, @Ctx() ctx: KitContext): Promise<ObjectionRow | null> {
    const objection = await objectionOfEvaluation(ctx).load(e.id);
    if (!objection) return null;
    const access = await accessTo(ctx, e);
    if (access === 'FULL' || access === 'SELF' || ctx.identity.employeeId === objection.reviewerId) return objection;
    return objection.reviewerKind === 'BKPSDM' && hasRole(ctx, 'ADMIN') ? objection : null;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'The last day to object: completion + 14 days, by the regency\'s date (Asia/Jakarta); PP 30/2019 art. 59' })
  objectionDeadline(@Root() e: EvaluationRow): string | null {
    return e.completedAt ? objectionDeadline(e.completedAt) : null;
  }

  @Query(() => [Objection], { description: 'Objections waiting for the caller\'s decision (as the evaluator\'s supervisor; ADMIN also sees those BKPSDM reviews)' })
  async objectionsToReview(@Ctx() ctx: KitContext): Promise<ObjectionRow[]> {
    const caller = requireUser(ctx);
    const q = ctx.dataSource.getRepository(ObjectionRow).createQueryBuilder('o').where("o.status = 'FILED'")
      .andWhere(hasRole(ctx, 'ADMIN') ? "(o.reviewer_id = :caller OR o.reviewer_kind = 'BKPSDM')" : 'o.reviewer_id = :caller', { caller })
      .orderBy('o.filed_at', 'ASC').addOrderBy('o.id', 'ASC');
    return q.getMany();
  }

  @Mutation(() => Objection, { description: 'The evaluated employee, within 14 days of completion (PP 30/2019 art. 59); once per evaluation' })
  @Guard(objector)
  fileObjection(
    @Ctx() ctx: KitContext,
    @Arg('evaluationId', () => ID) evaluationId: string,
    @Arg('reason', () => String) reason: string,
    @Arg('evidenceUrl', () => String, { nullable: true }) evidenceUrl?: string | null,
  ) {
    return fileObjection(ctx, evaluationId, reason, evidenceUrl);
  }

  @Mutation(() => Objection, { description: 'The employee, the evaluator or the reviewer, while the objection is FILED' })
  @Guard(objectionParty)
  addObjectionStatement(@Ctx() ctx: KitContext, @Arg('objectionId', () => ID) objectionId: string, @Arg('text', () => String) text: string) {
    return addObjectionStatement(ctx, objectionId, text);
  }

  @Mutation(() => Objection, { description: 'The reviewer only (ADMIN where BKPSDM reviews); final. uphold: the evaluation stands; else both ratings make a new COMPLETED evaluation superseding it' })
  @Guard(objectionReviewer)
  async decideObjection(
    @Ctx() ctx: KitContext,
    @Arg('objectionId', () => ID) objectionId: string,
    @Arg('uphold', () => Boolean) uphold: boolean,
    @Arg('note', () => String) note: string,
    @Arg('resultRating', () => Rating, { nullable: true }) resultRating?: Rating | null,
    @Arg('behaviorRating', () => Rating, { nullable: true }) behaviorRating?: Rating | null,
  ): Promise<ObjectionRow> {
    const decided = await decideObjection(ctx, objectionId, uphold, resultRating, behaviorRating, note);
    if (decided.resultEvaluationId) {
      const created = await ctx.dataSource.getRepository(EvaluationRow).findOneBy({ id: decided.resultEvaluationId });
      if (created) await reportCurveWarnings(ctx, created);
    }
    return decided;
  }

  @Mutation(() => Evaluation, { description: 'ADMIN corrects a data error: a new COMPLETED evaluation supersedes this one, with the reason in the audit trail' })
  @Guard(corrector)
  async correctEvaluation(
    @Ctx() ctx: KitContext,
    @Arg('evaluationId', () => ID) evaluationId: string,
    @Arg('resultRating', () => Rating) resultRating: Rating,
    @Arg('behaviorRating', () => Rating) behaviorRating: Rating,
    @Arg('reason', () => String) reason: string,
  ): Promise<EvaluationRow> {
    const created = await correctEvaluation(ctx, evaluationId, resultRating, behaviorRating, reason);
    await reportCurveWarnings(ctx, created);
    return created;
  }
}

@Resolver(() => Objection)
export class ObjectionResolver {
  @FieldResolver(() => Evaluation)
  async evaluation(@Root() o: ObjectionRow, @Ctx() ctx: KitContext): Promise<EvaluationRow> {
    return (await evaluationById(ctx).load(o.evaluationId)) as EvaluationRow;
  }

  @FieldResolver(() => EmployeeRef, { description: 'The evaluator\'s own supervisor when the objection was filed; where there was none, the head of BKPSDM (ADMIN decides for BKPSDM too)' })
  reviewer(@Root() o: ObjectionRow): EmployeeRef {
    return { id: o.reviewerId };
  }

  @FieldResolver(() => [ObjectionStatement], { description: 'Oldest first' })
  statements(@Root() o: ObjectionRow, @Ctx() ctx: KitContext): Promise<ObjectionStatementRow[]> {
    return statementsOfObjection(ctx).load(o.id);
  }
}

@Resolver(() => ObjectionStatement)
export class ObjectionStatementResolver {
  @FieldResolver(() => EmployeeRef)
  author(@Root() s: ObjectionStatementRow): EmployeeRef {
    return { id: s.authorId };
  }
}
