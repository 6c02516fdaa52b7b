import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner.js';
import { execute, perCount, select, sql, valueRows } from '../database/sql.js';
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

/** The last link of a chain as the appender sees it; `stored` is false while the chain has no head row yet. */
export interface ChainHead {
  chainKey: string;
  seq: number;
  hash: string;
  stored: boolean;
}

const GROUP_CHAIN_PREFIX = 'group:';
export const groupChain = (groupRowId: string) => `${GROUP_CHAIN_PREFIX}${groupRowId}`;
export const consultationChain = (consultationId: string) => `consultation:${consultationId}`;
/** A compound's own chain: its settings, owner supervisors, publicity boards, surveys. */
export const compoundChain = (compoundId: string) => `compound:${compoundId}`;

/** A chain head read in the caller's transaction (null seq/hash when the chain has no head row yet). */
export function chainHead(chainKey: string, seq: number | string | null | undefined, hash: string | null | undefined): ChainHead {
  return seq === null || seq === undefined || !hash ? { chainKey, seq: 0, hash: GENESIS_HASH, stored: false } : { chainKey, seq: Number(seq), hash, stored: true };
}

const SELECT_HEAD = 'SELECT {seq}, {hash} FROM {audit_chain_head} WHERE {chainKey} = ?';
const MOVE_HEAD = 'UPDATE {audit_chain_head} SET {seq} = ?, {hash} = ? WHERE {chainKey} = ? AND {seq} = ?';
const INSERT_HEAD = 'INSERT INTO {audit_chain_head} ({chainKey}, {seq}, {hash}) VALUES (?, ?, ?)';
const INSERT_ENTRIES = perCount((n) => `INSERT INTO {audit_entry} ({id}, {chainKey}, {seq}, {action}, {actor}, {subjectId}, {payload}, {at}, {prevHash}, {hash}) VALUES ${valueRows(n, 10)}`);

/** Appends to the audit chains; the application has no code path that updates or deletes them. */
@Injectable()
export class AuditService {
  constructor(@Inject(TransactionRunner) private readonly transactions: TransactionRunner) {}

  /**
   * Appends inside the caller's transaction. A group chain is only ever appended to by a transaction
   * that first locked that group's row (answers, visits, final refusals, recounts), so its head
   * needs no lock of its own; any other chain's head is created if missing and locked.
   */
  async append(manager: EntityManager, record: AuditRecord): Promise<AuditEntry> {
    const head = record.chainKey.startsWith(GROUP_CHAIN_PREFIX) ? await this.groupHead(manager, record.chainKey) : await this.lockHead(manager, record.chainKey);
    const [entry] = await this.appendAfter(manager, head, [record]);
    return entry;
  }

  /**
   * The head of a group chain, for a caller that holds the group row lock (taken as the first
   * statement of its transaction, so this read sees every append committed before). Not locked:
   * the lock on the group already orders the appends.
   */
  async groupHead(manager: EntityManager, chainKey: string): Promise<ChainHead> {
    const [row] = await select<{ seq: number; hash: string }>(manager, sql(manager, SELECT_HEAD), [chainKey]);
    return chainHead(chainKey, row?.seq, row?.hash);
  }

  /** Creates the head if missing, then locks it: for chains that no other lock orders. */
  private async lockHead(manager: EntityManager, chainKey: string): Promise<ChainHead> {
    await manager.createQueryBuilder().insert().into(AuditChainHead).values({ chainKey, seq: 0, hash: GENESIS_HASH }).orIgnore().execute();
    const head = await this.transactions.forUpdate(manager.getRepository(AuditChainHead).createQueryBuilder('h').where('h.chainKey = :key', { key: chainKey })).getOneOrFail();
    return { chainKey, seq: head.seq, hash: head.hash, stored: true };
  }

  /**
   * Appends the records, in order, after `head` (which the caller locked, or read under the group
   * lock) and moves the head on. The head moves with a compare-and-set, and (chainKey, seq) is
   * unique: if the ordering lock were ever missing, the append fails instead of forking the chain.
   */
  async appendAfter(manager: EntityManager, head: ChainHead, records: AuditRecord[]): Promise<AuditEntry[]> {
    if (!records.length) return [];
    const entries: AuditEntry[] = [];
    let { seq, hash: prevHash } = head;
    for (const record of records) {
      if (record.chainKey !== head.chainKey) throw new Error(`audit record for ${record.chainKey} appended to ${head.chainKey}`);
      const link = {
        id: randomUUID(),
        chainKey: record.chainKey,
        seq: ++seq,
        action: record.action,
        actor: record.actor,
        subjectId: record.subjectId,
        payload: JSON.stringify(record.payload),
        at: record.at.toISOString(),
        prevHash,
      };
      const entry = Object.assign(new AuditEntry(), link, { hash: linkHash(link) });
      entries.push(entry);
      prevHash = entry.hash;
    }
    if (head.stored) {
      const moved = await execute(manager, sql(manager, MOVE_HEAD), [seq, prevHash, head.chainKey, head.seq]);
      if (moved.affected !== 1) throw new Error(`audit chain ${head.chainKey} moved on under its lock`);
    } else {
      await execute(manager, sql(manager, INSERT_HEAD), [head.chainKey, seq, prevHash]);
    }
    await execute(
      manager,
      sql(manager, INSERT_ENTRIES(entries.length)),
      entries.flatMap((e) => [e.id, e.chainKey, e.seq, e.action, e.actor, e.subjectId, e.payload, e.at, e.prevHash, e.hash]),
    );
    Object.assign(head, { seq, hash: prevHash, stored: true });
    return entries;
  }
}
