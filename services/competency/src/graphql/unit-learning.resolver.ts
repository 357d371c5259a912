import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Forbidden, hasRole, headsUnit, requireUser, type KitContext } from '@kinerja/subgraph-kit';
import type { LearningActivityRow } from '../entities/learning-activity';
import { checkYear } from './activity.resolver';
import { unitCompliance } from './compliance';
import { collaborationsOfUnit } from './loaders';
import { OrganizationUnitRef } from './refs';
import { LearningActivity, UnitLearningCompliance } from './types';

@Resolver(() => OrganizationUnitRef)
export class UnitLearningResolver {
  @FieldResolver(() => UnitLearningCompliance, {
    description: "The unit's ACTIVE PNS, with its sub-units, and how many completed the 20 JP they are owed (PPPK have a ceiling, not a requirement, and are not counted). ADMIN, ANALYST and heads of the unit or a unit above it.",
  })
  async learningCompliance(@Root() unit: OrganizationUnitRef, @Ctx() ctx: KitContext, @Arg('year', () => Int) year: number): Promise<UnitLearningCompliance> {
    checkYear(year);
    requireUser(ctx);
    if (!hasRole(ctx, 'ADMIN', 'ANALYST') && !(await headsUnit(ctx, unit.id))) {
      throw new Forbidden('Only ADMIN, ANALYST and the heads of this unit or a unit above it may read its learning compliance');
    }
    return unitCompliance(ctx, year).load(unit.id);
  }

  @FieldResolver(() => [LearningActivity], { description: 'Activities in the year with two or more participating units that include this one' })
  async collaborations(@Root() unit: OrganizationUnitRef, @Ctx() ctx: KitContext, @Arg('year', () => Int) year: number): Promise<LearningActivityRow[]> {
    checkYear(year);
    requireUser(ctx);
    return collaborationsOfUnit(ctx, year).load(unit.id);
  }
}
