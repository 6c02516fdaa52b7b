import type { CompoundBoards } from '@linyi/shared';
import { renderPdf } from '../documents/pdf-document.js';
import { issueDateText } from '../works/work-notice.pdf.js';

export const BOARDS_TITLE = '施工公示牌';
const NOT_YET = '（尚未公示）';

/** The printable board for the compound's notice board: materials, responsible parties, complaint phone, owner supervisors. */
export function renderBoards(boards: CompoundBoards, printedAt: Date): Promise<Buffer> {
  return renderPdf({ title: `${BOARDS_TITLE} ${boards.compoundName}`, createdAt: printedAt }, (pdf) => {
    pdf.title(BOARDS_TITLE);
    pdf.subtitle(boards.compoundName);

    pdf.heading('一、使用材料（品牌、生产厂家、出厂检验报告）');
    if (boards.materials.length) {
      pdf.list(boards.materials.map((m) => `${m.name}　生产厂家：${m.maker}　出厂检验报告：${m.testReport || '待补充'}`), { numbered: true });
    } else pdf.paragraph(NOT_YET);

    pdf.heading('二、责任单位');
    if (boards.parties.length) {
      pdf.fields(boards.parties.map((p) => [p.role, [p.organisation, p.person && `负责人 ${p.person}`, p.phone && `电话 ${p.phone}`].filter(Boolean).join('　')]));
    } else pdf.paragraph(NOT_YET);

    pdf.heading('三、投诉电话');
    pdf.paragraph(boards.complaintPhone ?? '请联系社区居委会');

    pdf.heading('四、业主监督员');
    pdf.paragraph(boards.supervisors.length ? boards.supervisors.map((s) => s.name).join('、') : '（尚未选定）');

    pdf.space(0.5);
    pdf.note(boards.updatedAt ? `公示内容更新于 ${issueDateText(new Date(boards.updatedAt))}，以“邻议”小程序中的最新公示为准。` : '以“邻议”小程序中的最新公示为准。');
  });
}
