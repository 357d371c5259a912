import { startConsumer, startConsumerInBackground, type Envelope, type EventData, type RunningConsumer } from '@kinerja/events';
import { kafkaClientId, recordAudit, type Logger } from '@kinerja/subgraph-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { PlanStatus } from '../domain/enums';
import { localDateOf, transferSplit } from '../domain/transfer';
import { PerformancePlanRow } from '../entities/performance-plan';
import { lockEmployeePlans } from '../goals';

/**
 * DOMAIN.md, "The performance plan": a transfer mid-year closes the plan on the transfer date and
 * opens a new one for the new position, each covering its own period. Goals learns of transfers from
 * kinerja.employee.changed.v1 (change TRANSFERRED) as the consumer group "goals", through the kit's
 * idempotent consumer: a redelivered event finds its eventId in processed_event and changes nothing.
 * The transfer date is the day (WIB) the event occurred.
 */
export const CONSUMER_GROUP = 'goals';

/** Applies one transfer in the consumer's transaction; returns the plan it opened, or null. */
export async function applyTransfer(m: EntityManager, employeeId: string, transferDate: string, eventId: string): Promise<PerformancePlanRow | null> {
  await lockEmployeePlans(m, employeeId);
  const year = Number(transferDate.slice(0, 4));
  const [current] = await m.getRepository(PerformancePlanRow).createQueryBuilder('p')
    .where('p.employee_id = :e AND p.year = :y AND p.period_start <= :d AND p.period_end >= :d', { e: employeeId, y: year, d: transferDate })
    .setLock('pessimistic_write').getMany();
  if (!current) return null; // no plan for that day: the employee drafts one for the new position as usual
  const split = transferSplit(current, transferDate);
  if (!split) return null; // the plan already starts on the transfer date
  const actor = { actorId: null, roles: [], service: 'goals', requestId: null };
  const before = { ...current };
  Object.assign(current, { periodEnd: split.closedEnd, closedByTransferOn: transferDate, version: current.version + 1 });
  const closed = await m.save(current);
  await recordAudit(m, actor, { entityType: 'PerformancePlan', entityId: closed.id, action: 'closePlanByTransfer', before, after: closed, reason: `transfer on ${transferDate} (event ${eventId})` });
  const opened = await m.save(m.create(PerformancePlanRow, {
    employeeId, year, status: PlanStatus.DRAFT, version: 1, periodStart: split.newStart, periodEnd: split.newEnd,
  }));
  await recordAudit(m, actor, { entityType: 'PerformancePlan', entityId: opened.id, action: 'openPlanAfterTransfer', before: null, after: opened, reason: `transfer on ${transferDate} (event ${eventId})` });
  return opened;
}

export async function handleEmployeeChanged(envelope: Envelope<EventData<'employee.changed'>>, m: EntityManager): Promise<void> {
  if (envelope.data.change !== 'TRANSFERRED') return;
  await applyTransfer(m, envelope.data.employeeId, localDateOf(new Date(envelope.occurredAt)), envelope.eventId);
}

export function startTransferConsumer(o: { dataSource: DataSource; brokers: string; topicPrefix: string; log: Logger }): Promise<RunningConsumer> {
  return startConsumer({
    dataSource: o.dataSource, brokers: o.brokers, topicPrefix: o.topicPrefix,
    // The group is prefixed like the topics, so isolated graphs on one broker never share offsets.
    groupId: `${o.topicPrefix}${CONSUMER_GROUP}`, type: 'employee.changed', clientId: kafkaClientId('goals', 'consumer'), log: o.log,
    handle: (envelope, m) => handleEmployeeChanged(envelope, m),
  });
}

/** The consumer started in the background, retrying while Kafka is unreachable (the graph keeps answering). */
export function startTransferConsumerInBackground(o: { dataSource: DataSource; brokers: string; topicPrefix: string; log: Logger }) {
  const log = o.log.child({ component: 'transfer-consumer' });
  return startConsumerInBackground(() => startTransferConsumer({ ...o, log }), log, 'employee.changed');
}
