import { ROSTER_HEADERS, type RosterRowInput } from '@linyi/shared';
import ExcelJS from 'exceljs';
import { AppException } from '../common/app.exception.js';
import { decodeCsvBytes, parseCsv } from './csv.js';

export interface RawRosterRow {
  /** The row number as the committee sees it in Excel (header = row 1). */
  row: number;
  input: RosterRowInput;
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads a CSV or XLSX roster into rows keyed by column, whatever the column order. */
export async function readRosterFile(fileName: string, bytes: Buffer): Promise<RawRosterRow[]> {
  const isXlsx = bytes.subarray(0, 4).equals(XLSX_MAGIC);
  if (!isXlsx && /\.(xlsx|xls)$/i.test(fileName)) {
    throw new AppException('ROSTER_INVALID', '无法读取该 Excel 文件，请另存为 .xlsx 或 .csv 格式后重新上传', { created: 0, updated: 0, errors: [] });
  }
  const table = isXlsx ? await readXlsx(bytes) : parseCsv(decodeCsvBytes(bytes));
  const nonEmpty = table.map((cells, index) => ({ cells, row: index + 1 })).filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) throw new AppException('ROSTER_INVALID', '文件是空的，请上传包含表头和住户数据的名单', { created: 0, updated: 0, errors: [] });
  const [header, ...rows] = nonEmpty;
  const columns = mapHeader(header.cells);
  return rows.map(({ cells, row }) => {
    const input: RosterRowInput = {};
    for (const [key, index] of Object.entries(columns) as Array<[keyof RosterRowInput, number]>) input[key] = cells[index] ?? '';
    return { row, input };
  });
}

function mapHeader(cells: string[]): Partial<Record<keyof RosterRowInput, number>> {
  const normalized = cells.map((cell) => cell.trim().toLowerCase().replace(/[（(].*?[)）]/g, '').replace(/\s|㎡|m²|m2/g, ''));
  const columns: Partial<Record<keyof RosterRowInput, number>> = {};
  const missing: string[] = [];
  for (const [key, names] of Object.entries(ROSTER_HEADERS) as Array<[keyof RosterRowInput, string[]]>) {
    const index = normalized.findIndex((cell) => names.some((name) => name.toLowerCase() === cell));
    if (index >= 0) columns[key] = index;
    else if (key !== 'phone') missing.push(names[0]);
  }
  if (missing.length) {
    throw new AppException('ROSTER_INVALID', `表头缺少以下列：${missing.join('、')}。第一行应为：楼栋,单元,房号,楼层,建筑面积,业主姓名,电话`, {
      created: 0,
      updated: 0,
      errors: [{ row: 1, message: `表头缺少：${missing.join('、')}` }],
    });
  }
  return columns;
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppException('ROSTER_INVALID', '无法读取该 Excel 文件，请另存为 .xlsx 或 .csv 格式后重新上传', { created: 0, updated: 0, errors: [] });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? '';
    });
    table[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
  });
  return Array.from(table, (cells) => cells ?? []);
}
