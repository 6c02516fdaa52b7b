import type { EntityManager } from 'typeorm';
import { DomainEvent, DomainEventType } from './domain-event.entity.js';

/** Records a domain event in the caller's transaction (the outbox); it exists only if the change commits. */
export async function recordEvent(manager: EntityManager, type: DomainEventType, subjectId: string, payload: Record<string, unknown>, occurredAt: Date) {
  await manager.save(manager.create(DomainEvent, { type, subjectId, payload, occurredAt, dispatchedAt: null }), { reload: false });
}
