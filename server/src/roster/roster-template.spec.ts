import { checkRosterRow, ROSTER_HEADERS } from '@linyi/shared';
import { decodeCsvBytes, parseCsv } from './csv.js';
import { RosterTable } from './roster-table.js';
import { rosterTemplateCsv, TEMPLATE_HEADER } from './roster-template.js';

describe('roster template', () => {
  it('names every column the importer knows, by its first (Chinese) name', () => {
    expect(TEMPLATE_HEADER).toEqual(['楼栋', '单元', '房号', '楼层', '建筑面积', '业主姓名', '电话']);
    expect(TEMPLATE_HEADER).toHaveLength(Object.keys(ROSTER_HEADERS).length);
  });

  it('is UTF-8 with a byte-order mark and CRLF lines, and its example row is refused until it names a real owner', () => {
    const bytes = rosterTemplateCsv();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decodeCsvBytes(bytes);
    expect(text.split('\r\n')).toHaveLength(3);
    const table = new RosterTable();
    parseCsv(text).forEach((cells, i) => table.add({ row: i + 1, cells }));
    const [example, ...rest] = table.finish();
    expect(rest).toEqual([]);
    expect(checkRosterRow(example.input)).toEqual({ ok: false, message: '这是模板里的示例行，请删除或改成真实住户' });
    const filledIn = { ...example.input, ownerName: '张三' };
    expect(checkRosterRow(filledIn)).toMatchObject({ ok: true, row: { building: '1号楼', unit: '1单元', room: '101', floor: 1, areaM2: 89.5 } });
  });
});
