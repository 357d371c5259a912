import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Guard, type KitContext } from '@kinerja/subgraph-kit';
import type { RealizationRow } from '../entities/realization';
import { giveRealizationFeedback } from '../goals';
import { EmployeeRef, employeeStub } from './employee-ref';
import { evidenceByRealization, revisionsOf, type EvidenceFileRow, type RevisionRow } from './loaders';
import { EvidenceFile, Realization, RealizationRevision } from './types';
import { realizationReviewer } from './guards';

/** Where the gateway serves an uploaded file (the goals service's /files route behind it; README "Evidence files"). */
export const evidencePath = (id: string) => `/files/goals/evidence/${id}`;

@Resolver(() => Realization)
export class RealizationResolver {
  @FieldResolver(() => EmployeeRef)
  recordedBy(@Root() r: RealizationRow): EmployeeRef {
    return employeeStub(r.recordedBy);
  }

  @FieldResolver(() => ID, { description: 'The indicator this realization measures' })
  indicatorId(@Root() r: RealizationRow): string {
    return r.indicatorId;
  }

  @FieldResolver(() => EmployeeRef, { nullable: true, description: 'Who gave the feedback (the direct supervisor)' })
  feedbackBy(@Root() r: RealizationRow): EmployeeRef | null {
    return r.feedbackBy ? employeeStub(r.feedbackBy) : null;
  }

  @FieldResolver(() => [EvidenceFile], { description: 'Files uploaded as evidence (POST them to /files/goals/realizations/{id} on the gateway)' })
  evidenceFiles(@Root() r: RealizationRow, @Ctx() ctx: KitContext): Promise<EvidenceFileRow[]> {
    return evidenceByRealization(ctx).load(r.id);
  }

  @FieldResolver(() => [RealizationRevision], { description: 'Values this period held before it was recorded again, oldest first' })
  revisions(@Root() r: RealizationRow, @Ctx() ctx: KitContext): Promise<RevisionRow[]> {
    return revisionsOf(ctx).load(r.id);
  }

  @Mutation(() => Realization, { description: 'Umpan balik on a realization, by the employee\'s direct supervisor; a second replaces the first' })
  @Guard(realizationReviewer)
  giveRealizationFeedback(@Ctx() ctx: KitContext, @Arg('realizationId', () => ID) realizationId: string, @Arg('feedback', () => String) feedback: string) {
    return giveRealizationFeedback(ctx, realizationId, feedback);
  }
}

@Resolver(() => EvidenceFile)
export class EvidenceFileResolver {
  @FieldResolver(() => String, { description: 'Path on the gateway; GET it with the same bearer token (owner, supervisors, unit heads, ADMIN)' })
  url(@Root() f: EvidenceFileRow): string {
    return evidencePath(f.id);
  }

  @FieldResolver(() => EmployeeRef)
  uploadedBy(@Root() f: EvidenceFileRow): EmployeeRef {
    return employeeStub(f.uploadedBy);
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
