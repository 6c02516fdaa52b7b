import { LegalBasis, MeasureKind, ScreeningStatus } from '@linyi/shared';
import ExcelJS from 'exceljs';
import { exportRow, SCREENING_EXPORT_HEADER, screeningExportFileName, screeningExportTitle, screeningWorkbook, type ExportHousehold } from './screening-workbook.js';

const place = { buildingName: '1号楼', unitName: '2单元', room: '0101', floor: 1 };
// 2026-12-01 23:30 UTC is 2026-12-02 07:30 in Beijing: the day changes too.
const screenedAt = new Date('2026-12-01T23:30:00Z');

const needsCare: ExportHousehold = {
  ...place,
  screening: { status: ScreeningStatus.NeedsCare, needs: 'ELDERLY_ALONE,MEDICAL_WATER', note: '独居，每天上午需用水', legalBasis: LegalBasis.SeparateConsent, consentKind: 'ONLINE', screenedAt },
  carePlan: {
    measures: [{ kind: MeasureKind.WaterDelivery, description: '停水前送两桶水' }, { kind: MeasureKind.Helper, description: '' }],
    contactName: '王女士',
    contactPhone: '13800000000',
    assistanceNote: '施工前一天先给女儿打电话',
  },
};

describe('the screening export', () => {
  it('writes a household that needs care with labels, its plan and the time in Beijing', () => {
    expect(exportRow(needsCare)).toEqual([
      '1号楼', '2单元', '0101', '需要照顾', '独居老人、因治疗需要持续用水', '独居，每天上午需用水', '居民单独同意', '居民在小程序中同意',
      '停水期间送水上门：停水前送两桶水；施工当天有人陪同协助', '王女士', '13800000000', '施工前一天先给女儿打电话', '2026-12-02 07:30',
    ]);
  });

  it('names the file after the compound and the day of the export in Beijing', () => {
    expect(screeningExportFileName('光明里小区', screenedAt)).toBe('摸排表-光明里小区-2026-12-02.xlsx');
  });

  it('says what the columns hold in words a committee member uses', () => {
    expect(SCREENING_EXPORT_HEADER.slice(4, 7)).toEqual(['需要照顾的情况', '说明', '登记依据']);
  });

  it('writes a household never screened as 未摸排 with nothing else', () => {
    expect(exportRow({ ...place, screening: null, carePlan: null })).toEqual(['1号楼', '2单元', '0101', '未摸排', '', '', '', '—', '', '', '', '', '']);
  });

  it('writes a statutory-duty record without a consent, and a withdrawn one without details', () => {
    const statutory = exportRow({ ...needsCare, screening: { ...needsCare.screening!, legalBasis: LegalBasis.StatutoryDuty, consentKind: null }, carePlan: null });
    expect(statutory.slice(6, 9)).toEqual(['街道、居委会履行法定职责（施工前摸排）', '—', '']);
    const withdrawn = exportRow({ ...place, screening: { status: ScreeningStatus.Withdrawn, needs: null, note: null, legalBasis: LegalBasis.SeparateConsent, consentKind: 'SCAN', screenedAt }, carePlan: null });
    expect(withdrawn.slice(3, 8)).toEqual(['居民已撤回同意，信息已删除', '', '', '居民单独同意', '书面同意书扫描件']);
  });

  it('is a workbook with the warning title, the header, frozen rows and rooms kept as text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await screeningWorkbook('光明里小区', [needsCare])) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe(screeningExportTitle('光明里小区'));
    expect(screeningExportTitle('光明里小区')).toBe('光明里小区 特殊困难户摸排表（仅供居委会内部使用，含敏感个人信息，请妥善保管）');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(SCREENING_EXPORT_HEADER);
    expect(sheet.getRow(3).getCell(3).value).toBe('0101');
    expect(sheet.getRow(3).getCell(13).value).toBe('2026-12-02 07:30');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.rowCount).toBe(3);
  });
});
