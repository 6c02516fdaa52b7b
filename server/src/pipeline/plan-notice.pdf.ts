import { renderPdf } from '../documents/pdf-document.js';
import { issueDateText } from '../works/work-notice.pdf.js';

export interface PlanNoticeContent {
  streetOfficeName: string;
  communityName: string;
  compoundName: string;
  title: string;
  body: string;
  issuedAt: Date;
  sha256: string;
}

/** What a household can do now; the notice's point is that nobody renovates just before the pipes are replaced (seed 004 §四). */
export const PLAN_NOTICE_ADVICE = [
  '近期暂缓厨房、卫生间的装修，尤其不要新做地面、墙面瓷砖和吊顶包管。',
  '确需装修的，请先向社区居委会了解改造内容，尽量避开上下水立管和支管。',
  '改造前将征询每户意见；楼内上下水管线改造须本单元全体住户书面申请后方可实施。',
];

/** The printable advance notice for the notice board and for households without a phone. */
export function renderPlanNotice(content: PlanNoticeContent): Promise<Buffer> {
  return renderPdf({ title: `${content.title} ${content.compoundName}`, subject: content.title, createdAt: content.issuedAt }, (pdf) => {
    pdf.title(content.title);
    pdf.subtitle(`${content.communityName} ${content.compoundName}`);
    pdf.paragraph(content.body);
    pdf.heading('请您注意');
    pdf.list(PLAN_NOTICE_ADVICE, { numbered: true });
    pdf.space(0.3);
    pdf.note('本告知同时发送到“邻议”小程序各户的消息中；之后绑定房屋的住户也能看到。');
    pdf.note(`本告知的 SHA-256 校验值：${content.sha256}`);
    pdf.space(0.3);
    pdf.paragraph(`${content.streetOfficeName}　${content.communityName}居民委员会　${issueDateText(content.issuedAt)}`, { align: 'right' });
  });
}
