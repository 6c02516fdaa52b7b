import { ROSTER_HEADERS, type RosterRowInput } from '@linyi/shared';
import { AppException } from '../common/app.exception.js';
import { ROSTER_LIMITS } from './roster-limits.js';

/** One row of the file as read: its number as the committee sees it in Excel (header = row 1), and its cells as text. */
export interface TableRow {
  row: number;
  cells: string[];
}

export interface RawRosterRow {
  row: number;
  input: RosterRowInput;
}

type Columns = Partial<Record<keyof RosterRowInput, number>>;

export const rosterInvalid = (message: string, errors: Array<{ row: number; message: string }> = []) =>
  new AppException('ROSTER_INVALID', message, { created: 0, updated: 0, errors });

/**
 * Turns the rows of a CSV or XLSX, one at a time, into roster rows keyed by column: the first
 * non-empty row is the header (Chinese or English names, any order), empty rows are skipped. Throws
 * at the first row past a limit, so the reader can stop there instead of reading the whole file.
 */
export class RosterTable {
  private columns: Columns | null = null;
  private readonly rows: RawRosterRow[] = [];

  constructor(private readonly limits: { rows: number; cellChars: number; columns: number } = ROSTER_LIMITS) {}

  add({ row, cells }: TableRow): void {
    // Trailing empty cells do not count: Excel's CSV export pads rows to the sheet's used range.
    if (cells.some((cell, index) => index >= this.limits.columns && cell.trim() !== '')) {
      const message = `第 ${row} 行超过 ${this.limits.columns} 列，不像是住户名单`;
      throw rosterInvalid(`${message}，未导入任何数据，请删除多余的列后重新上传`, [{ row, message }]);
    }
    const long = cells.findIndex((cell) => cell.length > this.limits.cellChars);
    if (long >= 0) {
      const message = `第 ${row} 行第 ${long + 1} 列的内容超过 ${this.limits.cellChars} 个字符，不像是住户名单`;
      throw rosterInvalid(`${message}，未导入任何数据，请检查文件后重新上传`, [{ row, message }]);
    }
    if (!cells.some((cell) => cell.trim() !== '')) return;
    if (!this.columns) {
      this.columns = mapHeader(row, cells);
      return;
    }
    if (this.rows.length >= this.limits.rows) {
      throw rosterInvalid(`文件行数超过上限：一次最多导入 ${this.limits.rows} 户（第 ${row} 行已超出），未导入任何数据，请分批上传`);
    }
    const input: RosterRowInput = {};
    for (const [key, index] of Object.entries(this.columns) as Array<[keyof RosterRowInput, number]>) input[key] = cells[index] ?? '';
    this.rows.push({ row, input });
  }

  finish(): RawRosterRow[] {
    if (!this.columns) throw rosterInvalid('文件是空的，请上传包含表头和住户数据的名单');
    return this.rows;
  }
}

function mapHeader(row: number, cells: string[]): Columns {
  const normalized = cells.map((cell) => cell.trim().toLowerCase().replace(/[（(].*?[)）]/g, '').replace(/\s|㎡|m²|m2/g, ''));
  const columns: Columns = {};
  const missing: string[] = [];
  for (const [key, names] of Object.entries(ROSTER_HEADERS) as Array<[keyof RosterRowInput, string[]]>) {
    const index = normalized.findIndex((cell) => names.some((name) => name.toLowerCase() === cell));
    if (index >= 0) columns[key] = index;
    else if (key !== 'phone') missing.push(names[0]);
  }
  if (missing.length) {
    throw rosterInvalid(`表头缺少以下列：${missing.join('、')}。第一行应为：楼栋,单元,房号,楼层,建筑面积,业主姓名,电话`, [
      { row, message: `表头缺少：${missing.join('、')}` },
    ]);
  }
  return columns;
}
