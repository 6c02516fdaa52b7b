import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AppException } from '../common/app.exception.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { AccessService } from '../places/access.service.js';
import { Community } from '../places/community.entity.js';
import { StreetOffice } from '../places/street-office.entity.js';
import { PipelineService } from './pipeline.service.js';
import { PlanNotice } from './plan-notice.entity.js';
import { renderPlanNotice } from './plan-notice.pdf.js';

/** The advance notice as a PDF, for staff of the place and residents of the compound: 404 before the compound has entered the reserve. */
@Injectable()
export class PlanNoticeService {
  constructor(
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(PipelineService) private readonly pipeline: PipelineService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  async pdf(actor: Actor, compoundId: string): Promise<{ fileName: string; bytes: Buffer }> {
    const compound = actor.kind === 'resident' ? await this.pipeline.compoundForResident(actor.id, compoundId) : await this.access.compoundForStaff(actor, compoundId);
    const manager = this.transactions.dataSource.manager;
    const notice = await manager.findOneBy(PlanNotice, { compoundId });
    if (!notice) throw new AppException('PLAN_NOTICE_NOT_ISSUED', '本小区尚未列入储备库，还没有改造计划告知书');
    const community = await manager.findOneByOrFail(Community, { id: compound.communityId });
    const street = await manager.findOneByOrFail(StreetOffice, { id: community.streetOfficeId });
    const bytes = await renderPlanNotice({ streetOfficeName: street.name, communityName: community.name, compoundName: compound.name, title: notice.title, body: notice.body, issuedAt: notice.issuedAt, sha256: notice.sha256 });
    return { fileName: `${compound.name}改造计划告知书.pdf`, bytes };
  }
}
