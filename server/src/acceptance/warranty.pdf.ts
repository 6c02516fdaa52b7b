import { WARRANTY_PART_LABELS, WarrantyIssueReason, type WarrantyItem } from '@linyi/shared';
import { renderPdf } from '../documents/pdf-document.js';
import { issueDateText } from '../works/work-notice.pdf.js';

/** What one version of a household's notice says; the service gathers it, this file lays it out. */
export interface WarrantyNoticeContent {
  compoundName: string;
  householdLabel: string;
  version: number;
  reason: WarrantyIssueReason;
  issuedAt: Date;
  items: WarrantyItem[];
  /** The plans the items belong to, in the notice's order; `phone` is the plan's, else the compound's emergency phone. */
  plans: Array<{ id: string; title: string; phone: string | null }>;
  /** From the app's Clock: the PDF's creation time. */
  printedAt: Date;
}

export const WARRANTY_NOTICE_TITLE = '保修事项告知书';
export const RESTARTED_MARK = '维修验收后重新计算';

export const LEGAL_BASIS_LINE =
  '依据《建设工程质量管理条例》第四十条：在正常使用条件下，给排水管道、设备安装和装修工程的最低保修期限为 2 年；有防水要求的卫生间、房间和外墙面的防渗漏为 5 年。本告知书所列保修期均不低于上述最低期限。';

export const HOW_TO_REPORT = [
  '在“邻议”小程序的「保修与报修」中点「我要报修」，选择出问题的部位，写明问题并拍照。',
  '不便使用手机的，请拨打上面的联系电话，或请社区居委会代为报修。',
  '维修完成后请您确认是否修好；确认修好的部位，保修期自确认之日起重新计算。',
  '已过保修期的问题也可以报修，施工单位仍会上门查看，但可能收费。',
];

/** 「2026年12月2日」 from a `YYYY-MM-DD` date. */
export const ymdText = (ymd: string) => {
  const [year, month, day] = ymd.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

const periodText = (item: WarrantyItem) => `${item.years} 年，起 ${ymdText(item.startsOn)} 止 ${ymdText(item.endsOn)}`;

/** The printable notice: per plan its parts with scope, period and dates, the phone, how to report, the legal basis. */
export function renderWarrantyNotice(content: WarrantyNoticeContent): Promise<Buffer> {
  return renderPdf({ title: `${WARRANTY_NOTICE_TITLE} ${content.compoundName}${content.householdLabel}`, subject: `第 ${content.version} 版`, createdAt: content.printedAt }, (pdf) => {
    pdf.title(WARRANTY_NOTICE_TITLE);
    pdf.subtitle(`${content.compoundName} ${content.householdLabel}`);
    pdf.paragraph(`尊敬的${content.householdLabel}住户：您家的入户施工已经验收。下列部位在保修期内因施工质量出现的问题，由施工单位负责维修。`);

    for (const plan of content.plans) {
      pdf.heading(`施工项目：${plan.title}`);
      for (const item of content.items.filter((entry) => entry.workPlanId === plan.id)) {
        pdf.fields([
          ['保修部位', WARRANTY_PART_LABELS[item.part]],
          ['保修范围', item.scope],
          ['保修期', item.restartedByRepairId ? `${periodText(item)}（${RESTARTED_MARK}）` : periodText(item)],
        ]);
        pdf.space(0.3);
      }
      pdf.fields([['联系电话', plan.phone ? `${plan.phone}（施工单位；也可联系社区居委会）` : '请联系社区居委会']]);
    }

    pdf.heading('如何报修');
    pdf.list(HOW_TO_REPORT, { numbered: true });

    pdf.space(0.3);
    const reissued = content.reason === WarrantyIssueReason.Repair ? '；本版因维修验收后重新签发，此前各版继续保存，可在小程序中查看' : '';
    pdf.paragraph(`第 ${content.version} 版　签发日期 ${issueDateText(content.issuedAt)}${reissued}`, { align: 'right' });
    pdf.note(LEGAL_BASIS_LINE);
  });
}
