import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ScreeningStatus } from '@linyi/shared';
import { MoreThan } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { householdChain } from '../audit/household-chain.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { HouseholdScreening } from './household-screening.entity.js';
import { eraseScreening } from './screening-erasure.js';
import { retentionDue, type RetentionReason } from './screening-retention.rules.js';
import { UnitWorksStatus } from './unit-works-status.js';

const BATCH = 200;

/** What failed, never the message: a database error's message may quote the row's values. */
const errorKind = (error: unknown) => {
  const code = (error as { driverError?: { code?: string }; code?: string } | null)?.driverError?.code ?? (error as { code?: string } | null)?.code;
  return [error instanceof Error ? error.name : typeof error, code].filter(Boolean).join(' ');
};

/**
 * Erases special-needs details once they are no longer needed (PIPL art. 19, 47): a set time after
 * the unit's works were accepted, or when an old screening has no works planned. Runs on a timer in
 * every process that boots the app (web and worker); sweeps of two processes are safe, each erasure
 * is a compare-and-set on the row's version, so a re-screening in between wins. Within a process a
 * sweep never starts while one runs, and one row that fails does not stop the others.
 */
@Injectable()
export class ScreeningRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('screening-retention');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<{ erased: number }> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(UnitWorksStatus) private readonly works: UnitWorksStatus,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap() {
    const every = this.config.screeningRetention.sweepMs;
    if (every > 0) {
      this.timer = setInterval(() => {
        // A long sweep is not stacked on by the next tick.
        if (this.running) return;
        void this.sweep().catch((error) => this.logger.error({ msg: 'retention sweep failed', error: errorKind(error) }));
      }, every);
      this.timer.unref();
    }
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over every screening that still holds details, in batches; while one runs, a call joins it. */
  sweep(): Promise<{ erased: number }> {
    if (this.running) return this.running;
    const work = this.sweepOnce().finally(() => (this.running = null));
    this.running = work;
    return work;
  }

  private async sweepOnce(): Promise<{ erased: number }> {
    const now = this.clock.stamp();
    const repository = this.transactions.dataSource.getRepository(HouseholdScreening);
    let erased = 0;
    let failed = 0;
    for (let after = ''; ; ) {
      const batch = await repository.find({ where: { status: ScreeningStatus.NeedsCare, id: MoreThan(after) }, order: { id: 'ASC' }, take: BATCH });
      if (!batch.length) break;
      const works = await this.works.of(this.transactions.dataSource.manager, [...new Set(batch.map((row) => row.unitId))]);
      for (const row of batch) {
        const reason = retentionDue(row, works.get(row.unitId), now, this.config.screeningRetention);
        if (!reason) continue;
        try {
          if (await this.erase(row, reason, now)) erased++;
        } catch (error) {
          // Logged without the household or the details; the next sweep tries the row again.
          failed++;
          this.logger.error({ msg: 'screening erasure failed', error: errorKind(error) });
        }
      }
      after = batch[batch.length - 1].id;
    }
    if (erased || failed) this.logger.log({ msg: 'screening details erased', erased, failed });
    return { erased };
  }

  private erase(row: HouseholdScreening, reason: RetentionReason, now: Date): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      if (!(await eraseScreening(manager, row, reason, now))) return false;
      await this.audit.append(manager, {
        chainKey: householdChain(row.householdId),
        action: 'SCREENING_ERASED',
        actor: 'system',
        subjectId: row.householdId,
        payload: { screeningId: row.id, version: row.version + 1, reason },
        at: now,
      });
      return true;
    });
  }
}
