import { REFUSAL_NOTICE_TITLE } from '@linyi/shared';
import { renderPdf } from '../documents/pdf-document.js';
import { beijingTimeText } from './application.pdf.js';

export interface RefusalNoticeContent {
  compoundName: string;
  householdLabel: string;
  text: string;
  textSha256: string;
  noticeId: string;
  issuedAt: Date;
  printedAt: Date;
}

/** The printable final-refusal notice: the stored text as delivered, with its hash so a printed copy can be checked. */
export function renderRefusalNotice(content: RefusalNoticeContent): Promise<Buffer> {
  return renderPdf({ title: `${REFUSAL_NOTICE_TITLE} ${content.compoundName}${content.householdLabel}`, createdAt: content.printedAt }, (pdf) => {
    pdf.title(REFUSAL_NOTICE_TITLE);
    const [salutation, ...rest] = content.text.split('\n');
    const signature = rest.splice(-2);
    pdf.paragraph(salutation);
    for (const line of rest) pdf.paragraph(line);
    pdf.space(1);
    for (const line of signature) pdf.paragraph(line, { align: 'right' });
    pdf.space(1);
    pdf.note(`签发时间：${beijingTimeText(content.issuedAt)}；本告知书同时送达您户在“邻议”小程序的消息中心。`);
    pdf.note(`告知书编号：${content.noticeId}`);
    pdf.note(`正文哈希（SHA-256）：${content.textSha256}`);
  });
}
