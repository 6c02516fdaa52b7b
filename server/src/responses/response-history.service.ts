import { Inject, Injectable } from '@nestjs/common';
import type { AnswerHistory } from '@linyi/shared';
import type { Actor } from '../auth/actor.js';
import { notFound } from '../common/app.exception.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EvidenceStore } from '../evidence/evidence.store.js';
import { AccessService } from '../places/access.service.js';
import { HouseholdResponse } from './household-response.entity.js';
import { ResponseHistory } from './response-history.entity.js';

/** The evidence behind an answer: every version with its hashes, and the signed images. */
@Injectable()
export class ResponseHistoryService {
  constructor(
    @Inject(ConsultationsService) private readonly consultations: ConsultationsService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(EvidenceStore) private readonly store: EvidenceStore,
  ) {}

  async of(actor: Actor, consultationId: string, householdId: string): Promise<AnswerHistory> {
    await this.consultations.forActor(actor, consultationId);
    await this.access.householdFor(actor, householdId);
    const manager = this.transactions.dataSource.manager;
    const current = await manager.findOneBy(HouseholdResponse, { consultationId, householdId });
    const history = await manager.find(ResponseHistory, { where: { consultationId, householdId }, order: { version: 'ASC' } });
    const view = (r: ResponseHistory | HouseholdResponse) => ({
      version: r.version,
      answer: r.answer,
      optionId: r.optionId,
      channel: r.channel,
      residentId: r.residentId,
      staffId: r.staffId,
      acknowledgedDisclosureIds: r.acknowledgedDisclosureIds,
      signatureSha256: r.signatureSha256,
      paperScanSha256: r.paperScanSha256,
      evidenceSha256: r.evidenceSha256,
      answeredAt: r.answeredAt.toISOString(),
    });
    return { current: current ? { ...view(current), finalRefusalAt: current.finalRefusalAt?.toISOString() ?? null } : null, history: history.map(view) };
  }

  async evidence(actor: Actor, consultationId: string, householdId: string, sha256: string) {
    await this.consultations.forActor(actor, consultationId);
    await this.access.householdFor(actor, householdId);
    const manager = this.transactions.dataSource.manager;
    // Only images this household's answers refer to: a hash alone does not open another household's signature.
    const referenced = await manager
      .createQueryBuilder(ResponseHistory, 'h')
      .where('h.consultationId = :consultationId AND h.householdId = :householdId', { consultationId, householdId })
      .andWhere('(h.signatureSha256 = :sha256 OR h.paperScanSha256 = :sha256)', { sha256 })
      .getExists();
    const image = referenced ? await this.store.get(manager, sha256) : null;
    if (!image) throw notFound('签名或扫描件');
    return image;
  }
}
