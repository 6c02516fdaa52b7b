import { AppException } from '../common/app.exception.js';
import { RosterTable } from './roster-table.js';

const limits = { rows: 2, cellChars: 10, columns: 8 };
const HEADER = ['业主姓名', 'building', '单元', '房号', '楼层', '建筑面积（㎡）'];

function failure(run: () => void): AppException {
  try {
    run();
  } catch (error) {
    if (error instanceof AppException) return error;
    throw error;
  }
  throw new Error('expected an AppException');
}

describe('RosterTable', () => {
  it('takes the first non-empty row as the header, in any order and language, and skips empty rows', () => {
    const table = new RosterTable(limits);
    table.add({ row: 1, cells: ['', ' '] });
    table.add({ row: 2, cells: HEADER });
    table.add({ row: 3, cells: [] });
    table.add({ row: 4, cells: ['王建国', '9', '1', '101', '1', '62.5'] });
    expect(table.finish()).toEqual([{ row: 4, input: { ownerName: '王建国', building: '9', unit: '1', room: '101', floor: '1', areaM2: '62.5' } }]);
  });

  it('stops at the first row past the row limit', () => {
    const table = new RosterTable(limits);
    table.add({ row: 1, cells: HEADER });
    table.add({ row: 2, cells: ['a', '1', '1', '1', '1', '1'] });
    table.add({ row: 3, cells: ['b', '1', '1', '2', '1', '1'] });
    const error = failure(() => table.add({ row: 4, cells: ['c', '1', '1', '3', '1', '1'] }));
    expect(error.message).toContain('一次最多导入 2 户（第 4 行已超出）');
  });

  it('refuses a cell over the length bound with its row and column, even in the header', () => {
    const error = failure(() => new RosterTable(limits).add({ row: 1, cells: ['楼栋', 'x'.repeat(11)] }));
    expect(error.message).toContain('第 1 行第 2 列的内容超过 10 个字符');
    expect(error.details).toMatchObject({ errors: [{ row: 1 }] });
  });

  it('refuses a row with text beyond the column bound, but not trailing empty cells', () => {
    const table = new RosterTable(limits);
    table.add({ row: 1, cells: [...HEADER, '', '', '', ''] });
    expect(failure(() => table.add({ row: 2, cells: [...HEADER, '', '', 'x'] })).message).toContain('第 2 行超过 8 列');
  });

  it('says a file without any text is empty, and names a missing header column', () => {
    expect(failure(() => new RosterTable(limits).finish()).message).toContain('文件是空的');
    expect(failure(() => new RosterTable(limits).add({ row: 3, cells: ['房号', '楼层'] })).details).toMatchObject({ errors: [{ row: 3, message: expect.stringContaining('楼栋') }] });
  });
});
