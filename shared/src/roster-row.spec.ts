import { checkRosterRow, normalizeBuilding, ROSTER_EXAMPLE_MARK } from './roster-row.js';

const good = { building: '3', unit: '2', room: '501', floor: '5', areaM2: '62.456', ownerName: ' 王建国 ', phone: '138 0000 1111' };

describe('checkRosterRow', () => {
  it('normalises a good row', () => {
    expect(checkRosterRow(good)).toEqual({
      ok: true,
      row: { building: '3号楼', unit: '2单元', room: '501', floor: 5, areaM2: 62.46, ownerName: '王建国', phone: '13800001111' },
    });
  });

  it('names every missing column at once', () => {
    expect(checkRosterRow({ room: '101' })).toEqual({ ok: false, message: '缺少楼栋、单元、楼层、建筑面积、业主姓名' });
  });

  it.each([
    [{ floor: '1.5' }, '楼层“1.5”不是有效的整数'],
    [{ floor: '101' }, '楼层“101”'],
    [{ areaM2: 'abc' }, '建筑面积“abc”'],
    [{ areaM2: '-1' }, '建筑面积“-1”'],
    [{ phone: '1380000111' }, '电话“1380000111”'],
  ])('refuses %o', (override, message) => {
    const check = checkRosterRow({ ...good, ...override });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toContain(message);
  });

  it('accepts a zero-area household (unregistered storage room), a basement floor, a landline and no phone', () => {
    expect(checkRosterRow({ ...good, areaM2: '0', floor: '-1', phone: '010-66001234' }).ok).toBe(true);
    expect(checkRosterRow({ ...good, phone: '' })).toMatchObject({ ok: true, row: { phone: null } });
  });

  it('keeps named buildings as they are', () => {
    expect(normalizeBuilding('甲楼')).toBe('甲楼');
    expect(normalizeBuilding('12')).toBe('12号楼');
  });

  it('refuses the example row of the template, so a roster uploaded unchanged creates no 张三', () => {
    expect(checkRosterRow({ ...good, ownerName: `张三${ROSTER_EXAMPLE_MARK}` })).toEqual({ ok: false, message: '这是模板里的示例行，请删除或改成真实住户' });
    expect(checkRosterRow({ ...good, ownerName: '张三' })).toMatchObject({ ok: true });
  });
});
