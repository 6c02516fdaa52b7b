import { COMPOUND_TIME_ZONE_LABEL, shanghaiClock, shanghaiParts } from '@linyi/shared';
import { renderPdf } from '../documents/pdf-document.js';
import { evidenceImage } from './pdf-image.js';

/** What one household's stored answer says, gathered by the service; this file lays it out. */
export interface ApplicationContent {
  consultationTitle: string;
  consultationBody: string;
  textSha256: string;
  compoundName: string;
  communityName: string;
  householdLabel: string;
  /** e.g. 「同意」, 「选择方案：方案一」. */
  answerText: string;
  paper: boolean;
  /** Online: 本户绑定的居民; paper: the staff member who entered it. */
  signerText: string;
  disclosures: Array<{ id: string; text: string }>;
  /** The signature (online) or the scan (paper), as stored; null when it is missing. */
  image: Buffer | null;
  answeredAt: Date;
  version: number;
  evidenceSha256: string;
  /** Whether the hash recomputed from the stored fields equals the stored one. */
  evidenceMatches: boolean;
  /** The fields the hash covers, in its order, as `[label, value]`. */
  coveredFields: Array<[string, string]>;
  printedAt: Date;
}

export const APPLICATION_TITLE = '书面意见（签名件）';

/** 「2026年3月5日 14:03:09（北京时间）」: the answer time to the second, as the hash binds it. */
export function beijingTimeText(at: Date): string {
  const p = shanghaiParts(at);
  const seconds = String(Math.floor((at.getTime() / 1000) % 60)).padStart(2, '0');
  return `${p.year}年${p.month}月${p.day}日 ${shanghaiClock(at)}:${seconds}（${COMPOUND_TIME_ZONE_LABEL}）`;
}

export const HOW_TO_VERIFY = [
  '证据哈希是对下列字段按顺序组成的 JSON 数组计算的 SHA-256（与系统核对答复时的算法 evidenceOfStoredAnswer 相同）。任何一项被改动，哈希都会不同。',
  '征询正文哈希是征询标题、正文、表决规则、分组方式、选项、告知事项和截止时间的 SHA-256：签名时看到的内容一旦改动，它就对不上。',
  '签名图片以其 SHA-256 存储，上面“签名图片哈希”就是这张图的哈希，可以对原图重新计算核对。',
  '每次作答都写入只能追加的审计链；审计链的当前状态定期由服务器私钥签名（签名检查点），任何人可用公开的公钥核对，事后改动答复或审计记录都会被发现。',
];

/** The written application as signed (seed 004 §二): text, acknowledged disclosures, signature, time, evidence hash and how to check it. */
export function renderApplication(content: ApplicationContent): Promise<Buffer> {
  return renderPdf({ title: `${APPLICATION_TITLE} ${content.compoundName}${content.householdLabel}`, subject: content.consultationTitle, createdAt: content.printedAt }, (pdf) => {
    pdf.title(content.consultationTitle);
    pdf.subtitle(APPLICATION_TITLE);
    pdf.fields([
      ['房屋', `${content.compoundName}${content.householdLabel}`],
      ['意见', content.answerText],
      ['方式', content.paper ? '纸质（工作人员录入纸质签字件）' : '线上签名'],
      ['签名人', content.signerText],
      ['作答时间', beijingTimeText(content.answeredAt)],
      ['版本', `第 ${content.version} 版（以最后一次作答为准）`],
    ]);

    pdf.heading('征询正文');
    pdf.paragraph(content.consultationBody);
    pdf.note(`征询正文哈希（SHA-256）：${content.textSha256}`);

    pdf.heading('已确认知晓的告知事项');
    if (content.disclosures.length) pdf.list(content.disclosures.map((d) => d.text), { numbered: true });
    else pdf.paragraph('（本次作答未勾选告知事项）');

    evidenceImage(pdf, content.paper ? '纸质签字件（扫描）' : '签名', content.image, { width: content.paper ? 400 : 240, height: content.paper ? 420 : 110 }, content.paper ? '（纸质签字件的扫描图片缺失）' : '（本次作答没有签名图片）');

    pdf.heading('证据哈希与核对方法');
    pdf.fields([
      ['证据哈希', content.evidenceSha256],
      ['核对结果', content.evidenceMatches ? '按存储的字段重新计算，与证据哈希一致' : '按存储的字段重新计算，与证据哈希不一致，请联系社区核查'],
    ]);
    pdf.list(HOW_TO_VERIFY);
    pdf.heading('哈希覆盖的字段');
    pdf.fields(content.coveredFields);
    pdf.space(0.3);
    pdf.paragraph(`${content.communityName}　打印于 ${beijingTimeText(content.printedAt)}`, { align: 'right' });
  });
}
