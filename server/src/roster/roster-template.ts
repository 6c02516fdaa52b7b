import { ROSTER_EXAMPLE_MARK, ROSTER_HEADERS, type RosterRowInput } from '@linyi/shared';
import ExcelJS from 'exceljs';

export const ROSTER_TEMPLATE_FORMATS = ['csv', 'xlsx'] as const;
export type RosterTemplateFormat = (typeof ROSTER_TEMPLATE_FORMATS)[number];

const COLUMNS = Object.keys(ROSTER_HEADERS) as Array<keyof RosterRowInput>;

/** The importer's own first name of each column, in its order: whatever it accepts, the template says. */
export const TEMPLATE_HEADER = COLUMNS.map((column) => ROSTER_HEADERS[column][0]);

/** One filled-in row; the owner is marked as an example, so an upload that still holds it is refused. */
export const TEMPLATE_EXAMPLE: Record<keyof RosterRowInput, string> = {
  building: '1号楼',
  unit: '1单元',
  room: '101',
  floor: '1',
  areaM2: '89.5',
  ownerName: `张三${ROSTER_EXAMPLE_MARK}`,
  phone: '13800000000',
};

const NOTES = [
  '填写说明',
  '1. 第一行是表头，请勿修改或删除；从第二行起每行填写一户，示例行（张三）请删除或改成真实住户。',
  '2. 楼栋、单元可写“3”或“3号楼”“2单元”；房号如 101、1502；楼层为整数（地下室可为负数）。',
  '3. 建筑面积以平方米计，如 89.5；电话可填手机号或座机号（如 010-64001234），可留空。',
  '4. 同一楼栋、单元、房号已存在的住户会按本表更新；名单中任何一行有误，整份名单都不会导入。',
];

export const templateFileName = (format: RosterTemplateFormat) => `住户名单模板.${format}`;

export const TEMPLATE_CONTENT_TYPE: Record<RosterTemplateFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** UTF-8 with a byte-order mark and CRLF: Excel on Windows opens it as UTF-8 only with the mark. */
export function rosterTemplateCsv(): Buffer {
  const lines = [TEMPLATE_HEADER, COLUMNS.map((column) => TEMPLATE_EXAMPLE[column])].map((cells) => cells.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The roster sheet first (the importer reads the first sheet), then the notes. */
export async function rosterTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('住户名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({
    key: column,
    width: column === 'ownerName' || column === 'phone' ? 16 : 12,
    // Room numbers and phones stay text, so Excel keeps "0101" and never shows 1.38E+10.
    style: column === 'room' || column === 'phone' ? { numFmt: '@' } : {},
  }));
  sheet.addRow(TEMPLATE_HEADER).font = { bold: true };
  sheet.addRow({ ...TEMPLATE_EXAMPLE, floor: Number(TEMPLATE_EXAMPLE.floor), areaM2: Number(TEMPLATE_EXAMPLE.areaM2) });
  const notes = workbook.addWorksheet('填写说明');
  notes.getColumn(1).width = 100;
  for (const line of NOTES) notes.addRow([line]);
  notes.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
