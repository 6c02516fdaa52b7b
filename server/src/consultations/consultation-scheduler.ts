import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConsultationStatus, GroupState } from '@linyi/shared';
import { In, LessThanOrEqual } from 'typeorm';
import { AuditService, consultationChain } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DomainEventType } from '../events/domain-event.entity.js';
import { recordEvent } from '../events/domain-events.js';
import { ConsultationGroup } from './consultation-group.entity.js';
import { Consultation } from './consultation.entity.js';
import { GroupStateService } from './group-state.service.js';

/** Opens scheduled consultations at opensAt and closes open ones at their deadline, with final group results. */
@Injectable()
export class ConsultationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('scheduler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(GroupStateService) private readonly groupState: GroupStateService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap() {
    if (this.config.schedulerIntervalMs > 0) {
      this.timer = setInterval(() => void this.sweep().catch((error) => this.logger.error({ msg: 'sweep failed', error: String(error) })), this.config.schedulerIntervalMs);
      this.timer.unref();
    }
  }

  async onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; safe to run concurrently with answers and with itself (each change is a compare-and-set). */
  async sweep(): Promise<{ opened: number; closed: number }> {
    const work = this.sweepOnce();
    this.running = work;
    return work;
  }

  private async sweepOnce() {
    const now = this.clock.stamp();
    const repository = this.transactions.dataSource.getRepository(Consultation);
    const due = await repository.findBy({ status: ConsultationStatus.Scheduled, opensAt: LessThanOrEqual(now) });
    for (const consultation of due) await this.open(consultation, now);
    const ending = await repository.find({ where: [{ status: ConsultationStatus.Open, deadline: LessThanOrEqual(now) }, { status: ConsultationStatus.Scheduled, deadline: LessThanOrEqual(now) }] });
    for (const consultation of ending) await this.close(consultation, now);
    // A crash between closing and settling left groups PENDING: settle them now (settling is idempotent).
    for (const consultation of await this.closedButUnsettled()) await this.settle(consultation, now);
    return { opened: due.length, closed: ending.length };
  }

  /** CLOSED consultations with a group still PENDING: after a final recount no group is PENDING. */
  private async closedButUnsettled(): Promise<Consultation[]> {
    const rows = await this.transactions.dataSource
      .getRepository(ConsultationGroup)
      .createQueryBuilder('g')
      .innerJoin(Consultation, 'c', 'c.id = g.consultationId')
      .select('DISTINCT g.consultationId', 'consultationId')
      .where('c.status = :closed AND g.state = :pending', { closed: ConsultationStatus.Closed, pending: GroupState.Pending })
      .getRawMany<{ consultationId: string }>();
    if (!rows.length) return [];
    return this.transactions.dataSource.getRepository(Consultation).findBy({ id: In(rows.map((row) => row.consultationId)) });
  }

  private async open(consultation: Consultation, now: Date) {
    await this.transactions.run(async (manager) => {
      const changed = await manager.update(Consultation, { id: consultation.id, status: ConsultationStatus.Scheduled }, { status: ConsultationStatus.Open });
      if (!changed.affected) return;
      await recordEvent(manager, DomainEventType.ConsultationOpened, consultation.id, { consultationId: consultation.id, compoundId: consultation.compoundId }, now);
      await this.audit.append(manager, { chainKey: consultationChain(consultation.id), action: 'CONSULTATION_OPENED', actor: 'system', subjectId: consultation.id, payload: {}, at: now });
    });
  }

  /** Closes first (so no answer lands after), then settles every group under its lock. */
  private async close(consultation: Consultation, now: Date) {
    const closed = await this.transactions.run(async (manager) => {
      const changed = await manager.update(Consultation, { id: consultation.id, status: consultation.status }, { status: ConsultationStatus.Closed, closedAt: now });
      if (!changed.affected) return false;
      await recordEvent(manager, DomainEventType.ConsultationClosed, consultation.id, { consultationId: consultation.id, compoundId: consultation.compoundId }, now);
      await this.audit.append(manager, { chainKey: consultationChain(consultation.id), action: 'CONSULTATION_CLOSED', actor: 'system', subjectId: consultation.id, payload: {}, at: now });
      return true;
    });
    if (closed) await this.settle(consultation, now);
  }

  /** Final recount of every group still PENDING, each under its own lock; a group already settled is left alone. */
  private async settle(consultation: Consultation, now: Date) {
    const groups = await this.transactions.dataSource.getRepository(ConsultationGroup).find({ select: { id: true }, where: { consultationId: consultation.id, state: GroupState.Pending } });
    for (const { id } of groups) {
      await this.transactions.run(async (manager) => {
        const group = await this.groupState.lockGroup(manager, id);
        if (group.state === GroupState.Pending) await this.groupState.recount(manager, consultation, group, now, true);
      });
    }
    this.logger.log({ msg: 'consultation settled', consultationId: consultation.id, groups: groups.length });
  }
}
