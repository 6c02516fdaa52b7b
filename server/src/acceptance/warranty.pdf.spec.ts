import { WarrantyIssueReason, WorkKind, restartWarranty, type WarrantyYears } from '@linyi/shared';
import { extractText, getDocumentProxy } from 'unpdf';
import { itemsAfterAcceptance } from './warranty-items.rules.js';
import { RESTARTED_MARK, renderWarrantyNotice, ymdText } from './warranty.pdf.js';

const YEARS: WarrantyYears = { PIPES: 2, WATERPROOFING: 5, FINISHES: 2, WINDOWS: 2 };
/** Extraction may break lines or put spaces between runs; the words are what count. */
const squeezed = (text: string) => text.replace(/\s+/g, '');
const textOf = async (bytes: Buffer) => squeezed((await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text as string);

const accepted = new Date('2026-12-02T02:00:00Z');
const items = itemsAfterAcceptance([], 'plan-a', WorkKind.Plumbing, accepted, YEARS);
const content = (overrides: Partial<Parameters<typeof renderWarrantyNotice>[0]> = {}) => ({
  compoundName: '光明里小区',
  householdLabel: '1号楼2单元301',
  version: 1,
  reason: WarrantyIssueReason.Acceptance,
  issuedAt: accepted,
  items,
  plans: [{ id: 'plan-a', title: '上下水立管更换', phone: '010-62345678' }],
  printedAt: accepted,
  ...overrides,
});

describe('the warranty notice PDF', () => {
  it('writes 2026-12-02 as 2026年12月2日', () => {
    expect(ymdText('2026-12-02')).toBe('2026年12月2日');
  });

  it('names the place, each part with scope, period and dates, the phone, how to report and the legal basis', async () => {
    const text = await textOf(await renderWarrantyNotice(content()));
    for (const words of [
      '保修事项告知书',
      '光明里小区1号楼2单元301',
      '施工项目：上下水立管更换',
      '保修部位：给排水管道',
      '保修部位：管根及卫生间防水',
      '保修部位：墙地面恢复',
      '保修期：2年，起2026年12月2日止2028年12月1日',
      '保修期：5年，起2026年12月2日止2031年12月1日',
      '联系电话：010-62345678',
      '我要报修',
      '建设工程质量管理条例》第四十条',
      '第1版',
      '签发日期2026年12月2日',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toContain(squeezed(items[0].scope));
    expect(text).not.toContain(RESTARTED_MARK);
  });

  it('marks a restarted part with its new dates and says the version was re-issued', async () => {
    const repaired = new Date('2027-06-15T03:00:00Z');
    const restarted = restartWarranty(items, 'plan-a', items[1].part, 'repair-1', repaired);
    const text = await textOf(await renderWarrantyNotice(content({ items: restarted, version: 2, reason: WarrantyIssueReason.Repair, issuedAt: repaired })));
    expect(text).toContain(`保修期：5年，起2027年6月15日止2032年6月14日（${RESTARTED_MARK}）`);
    expect(text).toContain('保修期：2年，起2026年12月2日止2028年12月1日');
    expect(text).toContain('第2版');
    expect(text).toContain('本版因维修验收后重新签发');
  });
});
