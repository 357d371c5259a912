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

  @FieldResolver(() => PredicateDistribution, { description: 'The unit head, the unit\'s evaluators, ADMIN and ANALYST. The annual predicates of the unit and its sub-units against the curve' })
  predicateDistribution(@Root() unit: OrganizationUnitRef, @Ctx() ctx: KitContext, @Arg('year', () => Int) year: number) {
    return readUnitDistribution(ctx, unit.id, year);
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
