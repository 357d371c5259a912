import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { requireUser, Guard, type KitContext } from '@kinerja/subgraph-kit';
import { OrganizationPredicate } from '../domain/enums';
import './enums';
import { organizationPredicateOf, readUnitDistribution, setOrganizationPredicate } from '../organization';
import { OrganizationUnitRef, PredicateDistribution } from './types';
import { cycleKeeper } from './guards';

@Resolver(() => OrganizationUnitRef)
export class OrganizationUnitCurveResolver {
  @FieldResolver(() => OrganizationPredicate, { nullable: true, description: 'The unit\'s organisation predicate for the year, set by the regency (PermenPANRB 6/2022)' })
  organizationPredicate(@Root() unit: OrganizationUnitRef, @Ctx() ctx: KitContext, @Arg('year', () => Int) year: number): Promise<OrganizationPredicate | null> {
    requireUser(ctx);
    return organizationPredicateOf(ctx, unit.id, year);
  }

  @FieldResolver(() => PredicateDistribution, {
    description: 'The unit head, the unit\'s evaluators, ADMIN and ANALYST. The annual predicates of the unit and its sub-units against the curve; '
      + 'with `including`, as if that evaluation were completed with its current predicate (the evaluation workspace\'s what-if)',
  })
  predicateDistribution(
    @Root() unit: OrganizationUnitRef,
    @Ctx() ctx: KitContext,
    @Arg('year', () => Int) year: number,
    @Arg('including', () => ID, {
      nullable: true,
      description: 'A DRAFT annual evaluation to count as if it were completed with its current predicate (Evaluation.predicate, from its saved ratings): '
        + 'it leaves inProgress, joins evaluated and counts, and the warnings are checked again. The caller must also rate it (its evaluator or ADMIN), '
        + 'else FORBIDDEN; an unknown id is NOT_FOUND. One that is not a DRAFT annual evaluation of this year in the unit\'s tree (a completed one is '
        + 'already counted), or has no predicate yet, is not assumed: see `assumed`',
    }) including?: string | null,
  ) {
    return readUnitDistribution(ctx, unit.id, year, including ?? null);
  }

  @Mutation(() => OrganizationUnitRef, { description: 'ADMIN. The unit\'s organisation predicate for a year; audited' })
  @Guard(cycleKeeper)
  setOrganizationPredicate(
    @Ctx() ctx: KitContext,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('year', () => Int) year: number,
    @Arg('predicate', () => OrganizationPredicate) predicate: OrganizationPredicate,
  ) {
    return setOrganizationPredicate(ctx, unitId, year, predicate);
  }
}
