import { Inject, Injectable } from '@nestjs/common';
import { Answer, AnswerChannel } from '@linyi/shared';
import type { Actor } from '../auth/actor.js';
import { AppException } from '../common/app.exception.js';
import { Clock } from '../common/clock.js';
import type { Consultation } from '../consultations/consultation.entity.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EvidenceStore } from '../evidence/evidence.store.js';
import { AccessService } from '../places/access.service.js';
import { Community } from '../places/community.entity.js';
import { Compound } from '../places/compound.entity.js';
import { EVIDENCE_FORMAT, evidenceOfStoredAnswer, evidenceSha256 } from '../responses/answer.rules.js';
import { HouseholdResponse } from '../responses/household-response.entity.js';
import { StaffAccount } from '../staff/staff-account.entity.js';
import { APPLICATION_TITLE, renderApplication } from './application.pdf.js';

const ANSWER_TEXT: Record<Answer, string> = { [Answer.Agree]: '同意', [Answer.Refuse]: '不同意', [Answer.Abstain]: '弃权', [Answer.Option]: '选择方案' };
const orNull = (value: string | null) => value ?? 'null';

/** The fields `evidenceSha256` (or, for rows stored before the signer was bound, the v1 form) hashes, in its order. */
function coveredFields(row: HouseholdResponse, textSha256: string, v2: boolean): Array<[string, string]> {
  return [
    ...(v2 ? [['格式标记', EVIDENCE_FORMAT] as [string, string]] : []),
    ['征询编号', row.consultationId],
    ['征询正文哈希', textSha256],
    ['房屋编号', row.householdId],
    ['意见代码', row.answer],
    ['方案编号', orNull(row.optionId)],
    ['版本', String(row.version)],
    ['方式代码', row.channel],
    ...(v2 ? ([['居民编号', orNull(row.residentId)], ['录入人编号', orNull(row.staffId)]] as Array<[string, string]>) : []),
    ['签名图片哈希', orNull(row.signatureSha256)],
    ['扫描件哈希', orNull(row.paperScanSha256)],
    ['告知事项编号（排序后）', JSON.stringify([...row.acknowledgedDisclosureIds].sort())],
    ['作答时间（UTC）', row.answeredAt.toISOString()],
  ];
}

function answerText(consultation: Consultation, row: HouseholdResponse): string {
  if (row.answer !== Answer.Option) return ANSWER_TEXT[row.answer];
  const option = consultation.options.find((o) => o.id === row.optionId);
  return `选择方案：${option?.title ?? row.optionId ?? ''}`;
}

/** The household's written application (or other answer) as signed, printable for the household and for the record. */
@Injectable()
export class ApplicationService {
  constructor(
    @Inject(ConsultationsService) private readonly consultations: ConsultationsService,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(EvidenceStore) private readonly store: EvidenceStore,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async pdf(actor: Actor, consultationId: string, householdId: string): Promise<{ fileName: string; bytes: Buffer }> {
    const consultation = await this.consultations.forActor(actor, consultationId);
    const household = await this.access.householdFor(actor, householdId);
    const manager = this.transactions.dataSource.manager;
    const row = await manager.findOneBy(HouseholdResponse, { consultationId, householdId });
    if (!row) throw new AppException('NOT_FOUND', '这户还没有作答，暂无可打印的书面意见');
    const paper = row.channel === AnswerChannel.Paper;
    const imageSha = paper ? row.paperScanSha256 : row.signatureSha256;
    const [image, compound, staff] = await Promise.all([
      imageSha ? this.store.get(manager, imageSha) : null,
      manager.findOneByOrFail(Compound, { id: household.compoundId }),
      row.staffId ? manager.findOne(StaffAccount, { select: { id: true, displayName: true }, where: { id: row.staffId } }) : null,
    ]);
    const community = await manager.findOneByOrFail(Community, { id: compound.communityId });
    const acknowledged = new Set(row.acknowledgedDisclosureIds);
    const v2 = evidenceSha256({ ...row, textSha256: consultation.textSha256 }) === row.evidenceSha256;
    const bytes = await renderApplication({
      consultationTitle: consultation.title,
      consultationBody: consultation.body,
      textSha256: consultation.textSha256,
      compoundName: compound.name,
      communityName: `${community.name}居民委员会`,
      householdLabel: household.label,
      answerText: answerText(consultation, row),
      paper,
      signerText: paper ? `工作人员${staff ? ` ${staff.displayName} ` : ''}依据本户的纸质签字件录入` : '本户绑定的居民在“邻议”小程序中本人签名',
      // The consultation's own order; an id it no longer lists is still shown, by id.
      disclosures: [
        ...consultation.disclosures.filter((d) => acknowledged.has(d.id)),
        ...row.acknowledgedDisclosureIds.filter((id) => !consultation.disclosures.some((d) => d.id === id)).map((id) => ({ id, text: `（编号 ${id}）` })),
      ],
      image: image?.bytes ?? null,
      answeredAt: row.answeredAt,
      version: row.version,
      evidenceSha256: row.evidenceSha256,
      evidenceMatches: evidenceOfStoredAnswer(row, consultation.textSha256) === row.evidenceSha256,
      coveredFields: coveredFields(row, consultation.textSha256, v2),
      printedAt: this.clock.stamp(),
    });
    return { fileName: `${APPLICATION_TITLE}-${compound.name}${household.label}.pdf`, bytes };
  }
}
