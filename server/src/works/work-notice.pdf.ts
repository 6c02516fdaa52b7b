import { COMPOUND_TIME_ZONE_LABEL, shanghaiParts, windowSpanText, type WorkStep } from '@linyi/shared';
import { renderPdf } from '../documents/pdf-document.js';

/** What the stairwell notice of one unit says; the service gathers it, this file lays it out. */
export interface WorkNoticeContent {
  draft: boolean;
  compoundName: string;
  unitLabel: string;
  planTitle: string;
  windows: Array<{ startsAt: Date; endsAt: Date }>;
  waterCut: string | null;
  temporaryWater: string | null;
  temporarySewage: string | null;
  steps: WorkStep[];
  /** The plan's phone, else the compound's emergency phone; null when neither is known. */
  contactPhone: string | null;
  issuedAt: Date;
}

export const NOTICE_TITLE = '入户施工及停水通知';
export const DRAFT_BANNER = '草稿，未发布';
const LATER = '另行通知';

/** 「2026年12月1日」 in Beijing time. */
export const issueDateText = (at: Date) => {
  const p = shanghaiParts(at);
  return `${p.year}年${p.month}月${p.day}日`;
};

/** Why a paper copy is posted at all: a water-cut notice cannot be served in electronic form only. */
export const PAPER_NOTICE_LINE = '依照《中华人民共和国电子签名法》第三条，停止供水等公用事业服务的通知不能仅以电子形式送达，故本通知同时在本单元楼道张贴。';

export const RESIDENT_DUTIES = [
  '施工当天请家中留人；不能留人的，请提前把钥匙交给社区居委会。',
  '停水前请提前储水，停水期间请关好家中水龙头。',
  '请在“邻议”小程序中预约您家方便的施工时段；不便使用手机的，可请社区居委会代为预约。',
];

/** The notice to post in the stairwell: dates, water cut, temporary arrangements, steps, phone, what to do. */
export function renderWorkNotice(content: WorkNoticeContent): Promise<Buffer> {
  return renderPdf({ title: `${NOTICE_TITLE} ${content.compoundName}${content.unitLabel}`, subject: content.planTitle, createdAt: content.issuedAt }, (pdf) => {
    if (content.draft) pdf.banner(`${DRAFT_BANNER}：本通知尚未发布，请勿张贴`);
    pdf.title(NOTICE_TITLE);
    pdf.subtitle(`${content.compoundName} ${content.unitLabel}`);
    pdf.paragraph(`尊敬的${content.unitLabel}住户：本单元将进行“${content.planTitle}”，施工人员需要进入各户施工。具体安排如下。`);

    pdf.heading(`施工时段（${COMPOUND_TIME_ZONE_LABEL}）`);
    if (content.windows.length) pdf.list(content.windows.map((w) => windowSpanText(w.startsAt, w.endsAt)));
    else pdf.paragraph(LATER);

    pdf.heading('停水及临时安排');
    pdf.fields([
      ['停水', content.waterCut ?? LATER],
      ['临时用水', content.temporaryWater ?? LATER],
      ['临时排污', content.temporarySewage ?? LATER],
    ]);

    pdf.heading('施工顺序');
    pdf.list(content.steps.map((step) => (step.description ? `${step.title}：${step.description}` : step.title)), { numbered: true });

    pdf.heading('请您配合');
    pdf.list(RESIDENT_DUTIES);

    pdf.space(0.3);
    pdf.fields([['联系电话', content.contactPhone ? `${content.contactPhone}（施工单位；如有疑问或需要帮助，也可联系社区居委会）` : '请联系社区居委会']]);

    pdf.space(0.3);
    pdf.paragraph(`施工单位、社区居委会　${issueDateText(content.issuedAt)}`, { align: 'right' });
    pdf.note(PAPER_NOTICE_LINE);
  });
}
