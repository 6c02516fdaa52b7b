import { Inject, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { notFound } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { InboxMessage } from './inbox-message.entity.js';

const PAGE = 100;

export interface InboxEntry {
  id: string;
  kind: string;
  title: string;
  body: string;
  consultationId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** A resident's (or staff member's) notices and reminders, newest first. */
@Injectable()
export class InboxService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  private owner(actor: Actor) {
    return actor.kind === 'resident' ? { residentId: actor.id } : { staffId: actor.id };
  }

  async list(actor: Actor): Promise<InboxEntry[]> {
    const messages = await this.transactions.dataSource.getRepository(InboxMessage).find({ where: this.owner(actor), order: { createdAt: 'DESC', id: 'ASC' }, take: PAGE });
    return messages.map((m) => ({ id: m.id, kind: m.kind, title: m.title, body: m.body, consultationId: m.consultationId, createdAt: m.createdAt.toISOString(), readAt: m.readAt?.toISOString() ?? null }));
  }

  async unread(actor: Actor): Promise<{ unread: number }> {
    return { unread: await this.transactions.dataSource.getRepository(InboxMessage).countBy({ ...this.owner(actor), readAt: IsNull() }) };
  }

  async markRead(actor: Actor, id: string): Promise<{ id: string; readAt: string }> {
    const repository = this.transactions.dataSource.getRepository(InboxMessage);
    const message = await repository.findOneBy({ id, ...this.owner(actor) });
    if (!message) throw notFound('消息');
    const readAt = message.readAt ?? this.clock.stamp();
    if (!message.readAt) await repository.update({ id }, { readAt });
    return { id, readAt: readAt.toISOString() };
  }
}
