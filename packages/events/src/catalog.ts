import { z } from 'zod';

/**
 * The topic catalog (EVENTS.md, "Topics"): the one source of truth for every payload. JSON Schema
 * files for analysts are generated from these zod schemas and checked in under schemas/.
 */
const uuid = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const dateTime = z.string().datetime({ offset: true });
const rating = z.enum(['ABOVE_EXPECTATION', 'MEETS_EXPECTATION', 'BELOW_EXPECTATION']);
const predicate = z.enum(['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']);
const sanctionLevel = z.enum(['LIGHT', 'MODERATE', 'SEVERE']);
const workContract = z.object({
  number: z.string().min(1),
  sequence: z.number().int().min(1),
  startsOn: date,
  endsOn: date,
  status: z.enum(['ACTIVE', 'RENEWED', 'ENDED']),
});

export const EVENTS = {
  'evaluation.completed': {
    topic: 'kinerja.evaluation.completed.v1',
    producer: 'evaluation',
    version: 1,
    description: 'An evaluation was completed; its predicate is final (recognition decides rewards from it).',
    data: z.object({
      evaluationId: uuid,
      employeeId: uuid,
      nip: z.string().regex(/^\d{18}$/),
      unitId: uuid,
      evaluatorId: uuid,
      cycle: z.object({
        id: uuid,
        year: z.number().int().min(2000).max(2100),
        periodType: z.enum(['MONTHLY', 'QUARTERLY', 'ANNUAL']),
        period: z.number().int().min(1).max(12).nullable(),
      }),
      resultRating: rating,
      behaviorRating: rating,
      predicate,
      completedAt: dateTime,
      /** The evaluation this one supersedes (an objection's change or an ADMIN correction, DOMAIN.md); additive to v1. */
      supersedes: uuid.nullable().optional(),
      /** PNS or PPPK when the producer knows it; consumers fall back to personnel's directory. Additive to v1. */
      employmentType: z.enum(['PNS', 'PPPK']).optional(),
    }),
  },
  'objection.decided': {
    topic: 'kinerja.objection.decided.v1',
    producer: 'evaluation',
    version: 1,
    description: 'The reviewer decided an objection (keberatan, PP 30/2019 art. 59) to a completed evaluation: UPHELD, or CHANGED with a superseding evaluation.',
    data: z.object({
      objectionId: uuid,
      evaluationId: uuid,
      employeeId: uuid,
      unitId: uuid,
      evaluatorId: uuid,
      reviewerId: uuid,
      reviewerKind: z.enum(['EVALUATOR_SUPERVISOR', 'BKPSDM']),
      decidedBy: uuid,
      outcome: z.enum(['UPHELD', 'CHANGED']),
      predicateBefore: predicate,
      /** The superseding evaluation and its predicate, when CHANGED; null when UPHELD. */
      newEvaluationId: uuid.nullable(),
      predicateAfter: predicate.nullable(),
      filedAt: dateTime,
      decidedAt: dateTime,
    }),
  },
  'reward.decided': {
    topic: 'kinerja.reward.decided.v1',
    producer: 'recognition',
    version: 1,
    description: 'Recognition decided the reward eligibility for a completed evaluation.',
    data: z.object({
      decisionId: uuid,
      evaluationId: uuid,
      employeeId: uuid,
      unitId: uuid,
      year: z.number().int(),
      predicate,
      allowancePercent: z.number().min(0).max(100),
      certificateEligible: z.boolean(),
      promotionEligible: z.boolean(),
      /** Deprecated: always null (a predicate is not a disciplinary offence, PP 94/2021). */
      sanctionRecommended: sanctionLevel.nullable(),
      reasons: z.array(z.string()),
      sourceEventId: uuid,
      // Additive to v1: the decision's standing, its revision chain and its follow-up.
      status: z.enum(['ACTIVE', 'SUPERSEDED', 'REVISED']).optional(),
      revision: z.number().int().min(1).optional(),
      revises: uuid.nullable().optional(),
      followUp: z.enum(['NONE', 'COACHING', 'IMPROVEMENT_TRACK']).optional(),
    }),
  },
  'award.granted': {
    topic: 'kinerja.award.granted.v1',
    producer: 'recognition',
    version: 1,
    description: 'An award was granted to an employee.',
    data: z.object({
      awardId: uuid,
      employeeId: uuid,
      kind: z.enum(['CERTIFICATE', 'PERFORMANCE_ALLOWANCE', 'PROMOTION_RECOMMENDATION']),
      title: z.string(),
      grantedOn: date,
      decisionId: uuid.nullable(),
    }),
  },
  'sanction.decided': {
    topic: 'kinerja.sanction.decided.v1',
    producer: 'recognition',
    version: 1,
    description: 'A discipline case (PP 94/2021) was proposed, examined, imposed, dismissed or revoked.',
    data: z.object({
      sanctionId: uuid,
      employeeId: uuid,
      level: sanctionLevel,
      status: z.enum(['PROPOSED', 'EXAMINED', 'IMPOSED', 'DISMISSED', 'REVOKED']),
      reason: z.string(),
      // Additive to v1.
      violation: z.string().optional(),
      type: z.enum(['ORAL_REPRIMAND', 'WRITTEN_REPRIMAND', 'STATEMENT_OF_DISSATISFACTION', 'TPP_CUT_6_MONTHS', 'TPP_CUT_9_MONTHS', 'TPP_CUT_12_MONTHS',
        'DEMOTION_12_MONTHS', 'RELEASE_TO_PELAKSANA_12_MONTHS', 'HONOURABLE_DISMISSAL']).nullable().optional(),
      startsOn: date.nullable().optional(),
      endsOn: date.nullable().optional(),
    }),
  },
  'improvement.changed': {
    topic: 'kinerja.improvement.changed.v1',
    producer: 'recognition',
    version: 1,
    description: 'An improvement plan (PP 30/2019 art. 56-58) opened, took a review step, or was withdrawn; with who, when and why.',
    data: z.object({
      planId: uuid,
      employeeId: uuid,
      decisionId: uuid,
      ownerId: uuid,
      status: z.enum(['OPEN', 'IMPROVED', 'RETEST', 'TRANSFER', 'TEMPORARY_POST', 'DISCHARGE_RECOMMENDED', 'WITHDRAWN']),
      opensOn: date,
      reviewDueOn: date,
      decidedOn: date,
      /** Null when the system opened or withdrew it. */
      decidedBy: uuid.nullable(),
      reason: z.string(),
    }),
  },
  'goal.realization-recorded': {
    topic: 'kinerja.goal.realization-recorded.v1',
    producer: 'goals',
    version: 1,
    description: 'A realization (cumulative value for a month or quarter) was recorded against a goal.',
    data: z.object({
      goalId: uuid,
      planId: uuid,
      employeeId: uuid,
      year: z.number().int(),
      period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/),
      value: z.number(),
      target: z.number(),
      achievement: z.number().nullable(),
      // The full SKP (December 2026), additive: absent on messages from before it.
      realizationId: uuid.optional(),
      indicatorId: uuid.optional(),
      aspect: z.enum(['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA']).optional(),
      goalKind: z.enum(['UTAMA', 'TAMBAHAN']).optional(),
      unitOfMeasure: z.string().optional(),
      direction: z.enum(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']).optional(),
      annualTarget: z.number().optional(),
    }),
  },
  'plan.approved': {
    topic: 'kinerja.plan.approved.v1',
    producer: 'goals',
    version: 1,
    description: 'A performance plan (SKP) was approved by the direct supervisor.',
    data: z.object({
      planId: uuid,
      employeeId: uuid,
      year: z.number().int(),
      goals: z.number().int().min(0),
      // The full SKP (December 2026), additive: absent on messages from before it.
      periodStart: date.optional(),
      periodEnd: date.optional(),
      utamaGoals: z.number().int().min(0).optional(),
      tambahanGoals: z.number().int().min(0).optional(),
      indicators: z.number().int().min(0).optional(),
      qualitativeIndicators: z.number().int().min(0).optional(),
      behaviorExpectations: z.number().int().min(0).max(7).optional(),
      approvedBy: uuid.optional(),
    }),
  },
  'learning.completed': {
    topic: 'kinerja.learning.completed.v1',
    producer: 'competency',
    version: 1,
    description: 'An employee completed a learning activity; its hours (JP) are credited.',
    data: z.object({
      enrollmentId: uuid,
      activityId: uuid,
      employeeId: uuid,
      kind: z.string(),
      hours: z.number().int(),
      completedOn: date,
      participatingUnitIds: z.array(uuid),
    }),
  },
  'employee.changed': {
    topic: 'kinerja.employee.changed.v1',
    producer: 'personnel',
    version: 1,
    description: 'An employee record was registered or changed.',
    data: z.object({
      employeeId: uuid,
      nip: z.string().regex(/^\d{18}$/),
      change: z.enum(['REGISTERED', 'UPDATED', 'TRANSFERRED', 'STATUS_CHANGED']),
      unitId: uuid,
      supervisorId: uuid.nullable(),
      positionKind: z.string(),
      grade: z.string().nullable(),
    }),
  },
  'contract.changed': {
    topic: 'kinerja.contract.changed.v1',
    producer: 'personnel',
    version: 1,
    description: 'A PPPK work contract was recorded, renewed or ended (PP 49/2018 art. 37), with the reason BKPSDM gave.',
    data: z.object({
      employeeId: uuid,
      nip: z.string().regex(/^\d{18}$/),
      unitId: uuid,
      change: z.enum(['RECORDED', 'RENEWED', 'ENDED']),
      /** RECORDED, RENEWED: the contract now in force; ENDED: the contract as it ended. */
      contract: workContract,
      /** RENEWED: the contract renewed; ENDED: the contract before it was ended; RECORDED: null. */
      previous: workContract.nullable(),
      reason: z.string().nullable(),
    }),
  },
} as const;

export type EventType = keyof typeof EVENTS;
export type EventData<T extends EventType> = z.infer<(typeof EVENTS)[T]['data']>;

export const envelopeSchema = z.object({
  eventId: uuid,
  type: z.string(),
  version: z.number().int().min(1),
  occurredAt: dateTime,
  producer: z.string(),
  data: z.unknown(),
});

/** The envelope every topic carries (EVENTS.md, "Rules for every topic"). */
export interface Envelope<T = unknown> {
  eventId: string;
  type: string;
  version: number;
  occurredAt: string;
  producer: string;
  data: T;
}

/** The event type a topic carries, from its name (with or without a test prefix). */
export function eventTypeOfTopic(topic: string): EventType | undefined {
  return (Object.keys(EVENTS) as EventType[]).find((t) => topic === EVENTS[t].topic || topic.endsWith(`.${EVENTS[t].topic}`) || topic.endsWith(EVENTS[t].topic));
}

/** Validates a full envelope for a topic; returns the typed envelope or the reason it is invalid. */
export function validateEnvelope(type: EventType, value: unknown): { ok: true; envelope: Envelope } | { ok: false; reason: string } {
  const env = envelopeSchema.safeParse(value);
  if (!env.success) return { ok: false, reason: `envelope: ${env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  if (env.data.type !== type) return { ok: false, reason: `envelope: type is "${env.data.type}", this topic carries "${type}"` };
  const spec = EVENTS[type];
  if (env.data.version !== spec.version) return { ok: false, reason: `envelope: version ${env.data.version} is not ${spec.version}` };
  const data = spec.data.safeParse(env.data.data);
  if (!data.success) return { ok: false, reason: `data: ${data.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  return { ok: true, envelope: { ...env.data, data: data.data } as Envelope };
}
