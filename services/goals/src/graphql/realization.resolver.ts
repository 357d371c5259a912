import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { KitContext } from '@kinerja/subgraph-kit';
import type { RealizationRow } from '../entities/realization';
import { EmployeeRef, employeeStub } from './employee-ref';
import { revisionsOf, type RevisionRow } from './loaders';
import { Realization, RealizationRevision } from './types';

@Resolver(() => Realization)
export class RealizationResolver {
  @FieldResolver(() => EmployeeRef)
  recordedBy(@Root() r: RealizationRow): EmployeeRef {
    return employeeStub(r.recordedBy);
  }

  @FieldResolver(() => [RealizationRevision], { description: 'Values this period held before it was recorded again, oldest first' })
  revisions(@Root() r: RealizationRow, @Ctx() ctx: KitContext): Promise<RevisionRow[]> {
    return revisionsOf(ctx).load(r.id);
  }
}

@Resolver(() => RealizationRevision)
export class RealizationRevisionResolver {
  @FieldResolver(() => EmployeeRef)
  recordedBy(@Root() r: RevisionRow): EmployeeRef {
    return employeeStub(r.recordedBy);
  }

  @FieldResolver(() => EmployeeRef)
  replacedBy(@Root() r: RevisionRow): EmployeeRef {
    return employeeStub(r.replacedBy);
  }
}
