import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { execute, perCount, select, sql, valueRows } from '../database/sql.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import type { AuditKeys } from './audit-key.js';
import { CHECKPOINT_WANTED } from './checkpoint-signal.js';
import { checkpointTime, HeadSet, movedHeads, signRoot, type CheckedHead, type CheckpointRecord } from './checkpoint.rules.js';

/** The configured audit keys (AuditKeys): the private key is null in a process given only AUDIT_PUBLIC_KEY. */
export const AUDIT_SIGNING_KEY = Symbol('AUDIT_SIGNING_KEY');

const LAST = 'SELECT {seq}, {createdAt} FROM {audit_checkpoint} ORDER BY {seq} DESC LIMIT 1';
const HEADS = 'SELECT {chainKey}, {seq}, {hash} FROM {audit_chain_head} WHERE {seq} > 0';
// Each chain at the last head a checkpoint up to `?` recorded for it.
const COVERED = `SELECT c.{chainKey} AS {chainKey}, c.{seq} AS {seq}, c.{hash} AS {hash} FROM {audit_checkpoint_chain} c
  JOIN (SELECT {chainKey}, MAX({checkpointSeq}) AS {latest} FROM {audit_checkpoint_chain} WHERE {checkpointSeq} <= ? GROUP BY {chainKey}) m
    ON m.{chainKey} = c.{chainKey} AND m.{latest} = c.{checkpointSeq}`;
const COVERED_PAGE = `SELECT c.{chainKey} AS {chainKey}, c.{seq} AS {seq}, c.{hash} AS {hash} FROM {audit_checkpoint_chain} c
  JOIN (SELECT {chainKey}, MAX({checkpointSeq}) AS {latest} FROM {audit_checkpoint_chain} WHERE {checkpointSeq} <= ? AND {chainKey} > ? GROUP BY {chainKey} ORDER BY {chainKey} LIMIT ?) m
    ON m.{chainKey} = c.{chainKey} AND m.{latest} = c.{checkpointSeq}
  ORDER BY c.{chainKey}`;
const INSERT_CHECKPOINT = 'INSERT INTO {audit_checkpoint} ({seq}, {createdAt}, {root}, {chains}, {signature}, {keyId}) VALUES (?, ?, ?, ?, ?, ?)';
const INSERT_CHAINS = perCount((n) => `INSERT INTO {audit_checkpoint_chain} ({chainKey}, {checkpointSeq}, {seq}, {hash}) VALUES ${valueRows(n, 4)}`);
const BATCH = 500;
/** How long after a group transition commits the checkpoint is taken: transitions in a burst share one. */
const TRANSITION_DEBOUNCE_MS = 200;

/**
 * Takes signed checkpoints of every audit chain head: on a timer (AUDIT_CHECKPOINT_MS) and after
 * every transaction that changed a group's state. A checkpoint reads the heads without locking
 * them (a consistent read), so answers never wait on it; it is skipped when no head moved.
 */
@Injectable()
export class CheckpointService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('audit-checkpoints');
  private timer: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** What the last checkpoint this process saw covers, so the next one need not replay the stored heads. */
  private covered: { seq: number; heads: HeadSet } | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: AuditKeys,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap() {
    // Only AUDIT_PUBLIC_KEY (an operator command that verifies): this process never signs, so it takes no checkpoints.
    if (!this.key.privateKey) return;
    if (this.key.development) this.logger.warn({ msg: 'AUDIT_SIGNING_KEY is not set: audit checkpoints are signed with the public development key and prove nothing' });
    const subscriber: EntitySubscriberInterface = { afterTransactionCommit: (event: TransactionCommitEvent) => this.afterCommit(event) };
    // The DataSource reads its subscriber list on every event, so one added after start-up is seen.
    this.transactions.dataSource.subscribers.push(subscriber);
    if (this.config.auditCheckpointMs > 0) {
      this.timer = setInterval(() => void this.take().catch((error) => this.logger.error({ msg: 'checkpoint failed', error: String(error) })), this.config.auditCheckpointMs);
      this.timer.unref();
    }
  }

  async beforeApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    if (this.debounce) {
      clearTimeout(this.debounce);
      this.debounce = null;
      await this.take().catch((error) => this.logger.error({ msg: 'checkpoint failed', error: String(error) }));
    }
    await this.queue;
  }

  private afterCommit(event: TransactionCommitEvent) {
    const data = event.queryRunner.data as Record<string, unknown>;
    if (!data[CHECKPOINT_WANTED]) return;
    delete data[CHECKPOINT_WANTED];
    if (this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.take().catch((error) => this.logger.error({ msg: 'checkpoint failed', error: String(error) }));
    }, TRANSITION_DEBOUNCE_MS);
    this.debounce.unref();
  }

  /** Takes a checkpoint now if any head moved since the last one; null when none moved. One at a time per process. */
  take(): Promise<CheckpointRecord | null> {
    const run = this.queue.then(() => this.takeWithRetry());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async takeWithRetry(): Promise<CheckpointRecord | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transactions.run((manager) => this.takeIn(manager));
      } catch (error) {
        this.covered = null;
        // Another process took the same checkpoint number first: try again on top of it.
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }

  private async takeIn(manager: EntityManager): Promise<CheckpointRecord | null> {
    const [last] = await select<{ seq: number; createdAt: string }>(manager, sql(manager, LAST), []);
    const lastSeq = last ? Number(last.seq) : 0;
    const covered = this.covered?.seq === lastSeq ? this.covered.heads : await coveredHeads(manager, lastSeq);
    this.covered = null;
    const heads = (await select<CheckedHead>(manager, sql(manager, HEADS), [])).map((h) => ({ chainKey: h.chainKey, seq: Number(h.seq), hash: h.hash }));
    const moved = movedHeads(covered, heads);
    if (!moved.length) {
      this.covered = { seq: lastSeq, heads: covered };
      return null;
    }
    for (const head of moved) covered.set(head);
    const seq = lastSeq + 1;
    const createdAt = checkpointTime(this.clock.now(), last?.createdAt ?? null);
    const root = covered.root(seq, createdAt);
    if (!this.key.privateKey) throw new Error('no AUDIT_SIGNING_KEY: this process verifies checkpoints and cannot take one');
    const checkpoint: CheckpointRecord = { seq, createdAt, root, chains: covered.size, signature: signRoot(root, this.key.privateKey), keyId: this.key.keyId };
    await execute(manager, sql(manager, INSERT_CHECKPOINT), [seq, createdAt, root, checkpoint.chains, checkpoint.signature, checkpoint.keyId]);
    for (let i = 0; i < moved.length; i += BATCH) {
      const batch = moved.slice(i, i + BATCH);
      await execute(manager, sql(manager, INSERT_CHAINS(batch.length)), batch.flatMap((h) => [h.chainKey, seq, h.seq, h.hash]));
    }
    this.covered = { seq, heads: covered };
    return checkpoint;
  }

  async latest(): Promise<CheckpointRecord | null> {
    const manager = this.transactions.dataSource.manager;
    const [row] = await select<CheckpointRecord>(manager, sql(manager, 'SELECT * FROM {audit_checkpoint} ORDER BY {seq} DESC LIMIT 1'), []);
    return row ? toRecord(row) : null;
  }

  /** Checkpoints taken strictly after `since`, oldest first. */
  async list(since: Date | null, limit: number): Promise<CheckpointRecord[]> {
    const manager = this.transactions.dataSource.manager;
    const rows = await select<CheckpointRecord>(manager, sql(manager, 'SELECT * FROM {audit_checkpoint} WHERE {createdAt} > ? ORDER BY {seq} LIMIT ?'), [since?.toISOString() ?? '', limit]);
    return rows.map(toRecord);
  }

  async find(seq: number): Promise<CheckpointRecord | null> {
    const manager = this.transactions.dataSource.manager;
    const [row] = await select<CheckpointRecord>(manager, sql(manager, 'SELECT * FROM {audit_checkpoint} WHERE {seq} = ?'), [seq]);
    return row ? toRecord(row) : null;
  }

  /** One page of every chain head checkpoint `seq` covers, in chainKey order after `after`. */
  async chainsOf(seq: number, after: string, limit: number): Promise<CheckedHead[]> {
    const manager = this.transactions.dataSource.manager;
    const rows = await select<CheckedHead>(manager, sql(manager, COVERED_PAGE), [seq, after, limit]);
    return rows.map((h) => ({ chainKey: h.chainKey, seq: Number(h.seq), hash: h.hash }));
  }

  get publicKeyPem(): string {
    return this.key.publicKeyPem;
  }
}

/** Every chain at the last head recorded up to checkpoint `upTo`. */
export async function coveredHeads(manager: EntityManager, upTo: number): Promise<HeadSet> {
  const set = new HeadSet();
  if (upTo > 0) for (const h of await select<CheckedHead>(manager, sql(manager, COVERED), [upTo])) set.set({ chainKey: h.chainKey, seq: Number(h.seq), hash: h.hash });
  return set;
}

function toRecord(row: CheckpointRecord): CheckpointRecord {
  return { seq: Number(row.seq), createdAt: row.createdAt, root: row.root, chains: Number(row.chains), signature: row.signature, keyId: row.keyId };
}
