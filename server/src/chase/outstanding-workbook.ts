import type { OutstandingUnit } from '@linyi/shared';
import ExcelJS from 'exceljs';

const ANSWER_TEXT: Record<string, string> = { REFUSE: '不同意', ABSTAIN: '弃权', OPTION: '已投票' };

/** The chase list as the Excel sheet committees already work from: one row per household. */
export async function outstandingWorkbook(title: string, units: OutstandingUnit[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('待沟通住户');
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow(['单元', '还差户数', '房屋', '业主', '电话', '当前意见', '上门次数', '最近联系', '已认定最终拒绝']).font = { bold: true };
  for (const unit of units) {
    for (const h of unit.households) {
      sheet.addRow([
        unit.label,
        unit.missing,
        h.label,
        h.ownerName,
        h.phone ?? '',
        h.answer ? ANSWER_TEXT[h.answer] ?? h.answer : '未答复',
        h.visits,
        h.lastContactAt ? new Date(h.lastContactAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '',
        h.finalRefusal ? '是' : '',
      ]);
    }
  }
  sheet.columns.forEach((column, index) => (column.width = [14, 10, 18, 10, 14, 10, 10, 20, 14][index]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
