import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AuditChainHead } from './audit-chain-head.entity.js';
import { AuditEntry } from './audit-entry.entity.js';
import { GENESIS_HASH, linkHash } from './audit-chain.js';

export interface AuditRecord {
  chainKey: string;
  action: string;
  actor: string;
  subjectId: string;
  payload: Record<string, unknown>;
  at: Date;
}

export const groupChain = (groupRowId: string) => `group:${groupRowId}`;
export const consultationChain = (consultationId: string) => `consultation:${consultationId}`;

/** Appends to the audit chains; the application has no code path that updates or deletes them. */
@Injectable()
export class AuditService {
  constructor(@Inject(TransactionRunner) private readonly transactions: TransactionRunner) {}

  /** Appends inside the caller's transaction, after locking the chain head. */
  async append(manager: EntityManager, record: AuditRecord): Promise<AuditEntry> {
    await manager.createQueryBuilder().insert().into(AuditChainHead).values({ chainKey: record.chainKey, seq: 0, hash: GENESIS_HASH }).orIgnore().execute();
    const head = await this.transactions
      .forUpdate(manager.getRepository(AuditChainHead).createQueryBuilder('h').where('h.chainKey = :key', { key: record.chainKey }))
      .getOneOrFail();
    const link = {
      id: randomUUID(),
      chainKey: record.chainKey,
      seq: head.seq + 1,
      action: record.action,
      actor: record.actor,
      subjectId: record.subjectId,
      payload: JSON.stringify(record.payload),
      at: record.at.toISOString(),
      prevHash: head.hash,
    };
    const entry = manager.create(AuditEntry, { ...link, hash: linkHash(link) });
    await manager.insert(AuditEntry, entry);
    await manager.update(AuditChainHead, { chainKey: record.chainKey }, { seq: entry.seq, hash: entry.hash });
    return entry;
  }
}
