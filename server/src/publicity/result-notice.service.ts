import { Inject, Injectable } from '@nestjs/common';
import { PublicityStage } from '@linyi/shared';
import type { Actor } from '../auth/actor.js';
import { AppException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Community } from '../places/community.entity.js';
import { Compound } from '../places/compound.entity.js';
import { ConsultationPublicity } from './consultation-publicity.entity.js';
import { PublicityAccess } from './publicity-access.js';
import { PublicityObjection } from './publicity-objection.entity.js';
import { renderResultNotice } from './result-notice.pdf.js';
import { PublicityService } from './publicity.service.js';

/** The printable result notice of the result in force (`GET /consultations/{id}/result-notice.pdf`). */
@Injectable()
export class ResultNoticeService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(PublicityAccess) private readonly access: PublicityAccess,
    @Inject(PublicityService) private readonly reads: PublicityService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async pdf(actor: Actor, consultationId: string): Promise<{ fileName: string; bytes: Buffer }> {
    const manager = this.transactions.dataSource.manager;
    const consultation = actor.kind === 'staff' ? await this.access.forStaff(manager, actor, consultationId) : (await this.access.forResident(manager, actor, consultationId)).consultation;
    const publicity = await manager.findOneBy(ConsultationPublicity, { consultationId });
    // Nothing published is nothing to post: an unpublished count must not reach the notice board.
    if (!publicity) throw new AppException('PRELIMINARY_NOT_PUBLISHED', '初步统计结果尚未公示，暂无公告可打印');
    const compound = await manager.findOneByOrFail(Compound, { id: consultation.compoundId });
    const community = await manager.findOneByOrFail(Community, { id: compound.communityId });
    const objections = await manager.findBy(PublicityObjection, { consultationId });
    const stage = publicity.stage === PublicityStage.Final ? PublicityStage.Final : PublicityStage.Preliminary;
    const bytes = await renderResultNotice({
      stage,
      communityName: community.name,
      compoundName: compound.name,
      consultationTitle: consultation.title,
      rule: consultation.rule,
      options: consultation.options,
      deadline: consultation.deadline,
      preliminaryAt: publicity.preliminaryAt,
      objectionClosesAt: publicity.objectionClosesAt,
      groups: await this.reads.published(manager, publicity),
      snapshotSha256: publicity.finalSha256 ?? publicity.preliminarySha256,
      objections: { total: objections.length, upheld: objections.filter((o) => o.upheld).length },
      issuedAt: stage === PublicityStage.Final ? publicity.finalAt! : publicity.preliminaryAt,
    });
    return { fileName: `${stage === PublicityStage.Final ? '结果公示' : '初步统计结果公示'}-${compound.name}-${consultation.title}.pdf`, bytes };
  }
}
