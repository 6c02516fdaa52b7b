import {
  LEGAL_BASIS_LABELS,
  MEASURE_LABELS,
  NEED_LABELS,
  SCREENING_STATUS_LABELS,
  shanghaiClock,
  shanghaiDate,
  type CarePlanMeasure,
  type LegalBasis,
  type ScreeningStatus,
} from '@linyi/shared';
import ExcelJS from 'exceljs';
import type { ConsentKind } from './household-screening.entity.js';
import { storedNeeds } from './screening-needs.rules.js';

/** One household as the export reads it: its place, its screening (if any) and its care plan (if any). */
export interface ExportHousehold {
  buildingName: string;
  unitName: string;
  room: string;
  floor: number;
  screening: {
    status: ScreeningStatus;
    needs: string | null;
    note: string | null;
    legalBasis: LegalBasis | null;
    consentKind: ConsentKind | null;
    screenedAt: Date;
  } | null;
  carePlan: { measures: CarePlanMeasure[]; contactName: string | null; contactPhone: string | null; assistanceNote: string } | null;
}

export const SCREENING_EXPORT_HEADER = ['楼栋', '单元', '房号', '摸排状态', '需要照顾的情况', '说明', '登记依据', '同意方式', '照顾措施', '联系人', '联系电话', '给施工队的提示', '摸排时间（北京时间）'];
const WIDTHS = [10, 10, 10, 24, 24, 30, 30, 20, 40, 10, 14, 30, 20];
/** Room and phone stay text, so Excel keeps "0101" and never shows 1.38E+10. */
const TEXT_COLUMNS = [3, 11];

const CONSENT_LABELS: Record<ConsentKind, string> = { SCAN: '书面同意书扫描件', ONLINE: '居民在小程序中同意' };

export const screeningExportTitle = (compoundName: string) => `${compoundName} 特殊困难户摸排表（仅供居委会内部使用，含敏感个人信息，请妥善保管）`;
/** The compound and the day of the export (Beijing), so two exports of a compound are told apart. */
export const screeningExportFileName = (compoundName: string, at: Date) => `摸排表-${compoundName}-${shanghaiDate(at)}.xlsx`;

/** `YYYY-MM-DD HH:mm` in Beijing time, whatever the server's zone. */
export const beijingTime = (at: Date) => `${shanghaiDate(at)} ${shanghaiClock(at)}`;

const needText = (needs: string | null) => storedNeeds(needs).map((code) => NEED_LABELS[code] ?? code).join('、');
const measureText = (measures: CarePlanMeasure[]) => measures.map((m) => (m.description ? `${MEASURE_LABELS[m.kind] ?? m.kind}：${m.description}` : MEASURE_LABELS[m.kind] ?? m.kind)).join('；');

/** The sheet's cells of one household, in the header's order. */
export function exportRow(household: ExportHousehold): string[] {
  const { screening, carePlan } = household;
  return [
    household.buildingName,
    household.unitName,
    household.room,
    SCREENING_STATUS_LABELS[screening?.status ?? 'NOT_SCREENED'],
    needText(screening?.needs ?? null),
    screening?.note ?? '',
    screening?.legalBasis ? LEGAL_BASIS_LABELS[screening.legalBasis] : '',
    screening?.consentKind ? CONSENT_LABELS[screening.consentKind] : '—',
    carePlan ? measureText(carePlan.measures) : '',
    carePlan?.contactName ?? '',
    carePlan?.contactPhone ?? '',
    carePlan?.assistanceNote ?? '',
    screening ? beijingTime(screening.screenedAt) : '',
  ];
}

/** The compound's screening sheet for the committee: a title that says how to treat it, the header, one row per household. */
export async function screeningWorkbook(compoundName: string, households: ExportHousehold[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // The title and the header stay in view while scrolling down a long compound.
  const sheet = workbook.addWorksheet('摸排表', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = WIDTHS.map((width, index) => ({ width, style: TEXT_COLUMNS.includes(index + 1) ? { numFmt: '@' } : {} }));
  sheet.addRow([screeningExportTitle(compoundName)]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, SCREENING_EXPORT_HEADER.length);
  sheet.addRow(SCREENING_EXPORT_HEADER).font = { bold: true };
  for (const household of households) sheet.addRow(exportRow(household));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
