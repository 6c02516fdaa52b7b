import { Inject, Injectable } from '@nestjs/common';
import type { RefusalNoticeView } from '@linyi/shared';
import type { Actor } from '../auth/actor.js';
import { AppException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AccessService } from '../places/access.service.js';
import { Compound } from '../places/compound.entity.js';
import type { Household } from '../places/household.entity.js';
import { RefusalNotice } from './refusal-notice.entity.js';
import { renderRefusalNotice } from './refusal-notice.pdf.js';
import { toRefusalNoticeView } from './records.mapper.js';

const NO_NOTICE = '这户在本次征询中没有最终拒绝告知书';

/** The stored final-refusal notice: for the household's bound residents and for staff who print records. */
@Injectable()
export class RefusalNoticesService {
  constructor(
    @Inject(ConsultationsService) private readonly consultations: ConsultationsService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async view(actor: Actor, consultationId: string, householdId: string): Promise<RefusalNoticeView> {
    const { notice, household } = await this.find(actor, consultationId, householdId);
    return toRefusalNoticeView(notice, household.label);
  }

  async pdf(actor: Actor, consultationId: string, householdId: string): Promise<{ fileName: string; bytes: Buffer }> {
    const { notice, household } = await this.find(actor, consultationId, householdId);
    const compound = await this.transactions.dataSource.manager.findOneByOrFail(Compound, { id: household.compoundId });
    const bytes = await renderRefusalNotice({ compoundName: compound.name, householdLabel: household.label, text: notice.text, textSha256: notice.textSha256, noticeId: notice.id, issuedAt: notice.issuedAt, printedAt: this.clock.stamp() });
    return { fileName: `最终拒绝书面告知书-${compound.name}${household.label}.pdf`, bytes };
  }

  private async find(actor: Actor, consultationId: string, householdId: string): Promise<{ notice: RefusalNotice; household: Household }> {
    await this.consultations.forActor(actor, consultationId);
    const household = await this.access.householdFor(actor, householdId);
    const notice = await this.transactions.dataSource.manager.findOneBy(RefusalNotice, { consultationId, householdId });
    if (!notice) throw new AppException('NOT_FOUND', NO_NOTICE);
    return { notice, household };
  }
}
