import type { EntityManager } from 'typeorm';
import { execute, perCount, sql, toColumn, valueRows } from '../database/sql.js';
import { DomainEvent, DomainEventType } from './domain-event.entity.js';

export interface EventRecord {
  type: DomainEventType;
  subjectId: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** Records a domain event in the caller's transaction (the outbox); it exists only if the change commits. */
export async function recordEvent(manager: EntityManager, type: DomainEventType, subjectId: string, payload: Record<string, unknown>, occurredAt: Date) {
  await recordEvents(manager, [{ type, subjectId, payload, occurredAt }]);
}

const INSERT_EVENTS = perCount((n) => `INSERT INTO {domain_event} ({type}, {subjectId}, {payload}, {occurredAt}, {enqueuedAt}, {generation}) VALUES ${valueRows(n, 6)}`);

/** Several events in one INSERT; their ids (and so the relay's order) follow the order given. */
export async function recordEvents(manager: EntityManager, events: EventRecord[]) {
  if (!events.length) return;
  const text = sql(manager, INSERT_EVENTS(events.length));
  const parameters = events.flatMap((e) => [e.type, e.subjectId, toColumn(manager, DomainEvent, 'payload', e.payload), toColumn(manager, DomainEvent, 'occurredAt', e.occurredAt), null, 0]);
  await execute(manager, text, parameters);
}
