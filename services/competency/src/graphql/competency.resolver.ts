import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireUser, Guard, type KitContext } from '@kinerja/subgraph-kit';
import { CompetencyRow } from '../entities/competency';
import { createCompetency } from '../competency';
import { CompetencyInput } from './inputs';
import { Competency } from './types';
import { catalogueKeeper } from './guards';

@Resolver(() => Competency)
export class CompetencyResolver {
  @Query(() => [Competency], { description: 'The competency catalogue, by kind and code' })
  async competencies(@Ctx() ctx: KitContext): Promise<CompetencyRow[]> {
    requireUser(ctx);
    return ctx.dataSource.getRepository(CompetencyRow).find({ order: { kind: 'ASC', code: 'ASC' } });
  }

  @Mutation(() => Competency, { description: 'ADMIN (BKPSDM keeps the catalogue)' })
  @Guard(catalogueKeeper)
  async createCompetency(@Ctx() ctx: KitContext, @Arg('input', () => CompetencyInput) input: CompetencyInput): Promise<CompetencyRow> {
    return createCompetency(ctx, input);
  }
}
