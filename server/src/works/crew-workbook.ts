import { windowSpanText, type CrewList } from '@linyi/shared';
import ExcelJS from 'exceljs';

export const CREW_SHEET = '入户名单';
export const UNBOOKED_SHEET = '未预约住户';
export const CREW_HEADER = ['单元', '施工时段（北京时间）', '房屋', '联系电话', '照顾提示'];
export const UNBOOKED_HEADER = ['房屋'];

/** The crew's rows: one per booked household, window by window (a window nobody booked yet shows once, empty). */
export function crewRows(list: CrewList): string[][] {
  return list.windows.flatMap((w) => {
    const span = `${windowSpanText(w.startsAt, w.endsAt)}${w.priority ? '（优先时段）' : ''}`;
    if (!w.households.length) return [[w.unitLabel, span, '（暂无预约）', '', '']];
    return w.households.map((h) => [w.unitLabel, span, h.label, h.contactPhone ?? '', h.assistanceNote ?? '']);
  });
}

/** The household label already names building and unit (「1号楼2单元301」). */
export const unbookedRows = (list: CrewList): string[][] => list.unbooked.map((h) => [h.label]);

/** The crew's list as the sheet a site office prints: the booked by window, then the unbooked on their own sheet. */
export async function crewWorkbook(title: string, list: CrewList): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(CREW_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  // The phone stays text, so Excel never shows 1.38E+10 or drops a leading 0.
  sheet.columns = [14, 36, 18, 16, 40].map((width, index) => ({ width, style: index === 3 ? { numFmt: '@' } : {} }));
  sheet.addRow([`${title} 入户施工名单（照顾提示仅供施工使用，请勿外传）`]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, CREW_HEADER.length);
  sheet.addRow(CREW_HEADER).font = { bold: true };
  for (const row of crewRows(list)) sheet.addRow(row);

  const unbooked = workbook.addWorksheet(UNBOOKED_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  unbooked.columns = [{ width: 24 }];
  unbooked.addRow(UNBOOKED_HEADER).font = { bold: true };
  for (const row of unbookedRows(list)) unbooked.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
