import ExcelJS from 'exceljs';
import { open } from 'node:fs/promises';
import { AppException } from '../common/app.exception.js';
import { ROSTER_LIMITS } from './roster-limits.js';
import { rosterInvalid, type TableRow } from './roster-table.js';
import { xlsxPartsStream, type PartsProblem, type XlsxPart } from './xlsx-parts.js';
import { readZipDirectory, ZipFormatError, type ZipEntry } from './zip-directory.js';

export const unreadableXlsx = () => rosterInvalid('无法读取该 Excel 文件，请另存为 .xlsx 或 .csv 格式后重新上传');

const EMPTY_RELATIONSHIPS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
const EMPTY_SHARED_STRINGS = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';

/**
 * The rows of the first worksheet of an XLSX file on disk, streamed: shared strings are held in
 * memory (bounded), the sheet never is, and nothing more is inflated once the caller stops asking.
 */
export async function* readXlsxRows(path: string): AsyncGenerator<TableRow> {
  const source = xlsxPartsStream(path, await chooseParts(path));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source.stream, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      let previous = 0;
      let rowElements = 0;
      // parse() hands over the rows of each inflated chunk at once: far fewer async steps than one per row.
      for await (const events of { [Symbol.asyncIterator]: () => sheet.parse() } as AsyncIterable<Array<{ eventType: string; value: ExcelJS.Row }>>) {
        const problem = source.problem();
        if (problem) throw problemException(problem);
        for (const { eventType, value: row } of events) {
          if (eventType !== 'row') continue;
          if (++rowElements > ROSTER_LIMITS.sheetRows) {
            throw rosterInvalid(`工作表超过 ${ROSTER_LIMITS.sheetRows} 行（含空行），不像是住户名单：一次最多导入 ${ROSTER_LIMITS.rows} 户，请删除多余的行后分批上传`);
          }
          // Some writers omit r="…" on rows; count on from the previous one as Excel does.
          const number = Number.isInteger(row.number) && row.number > previous ? row.number : previous + 1;
          previous = number;
          const cells: string[] = [];
          row.eachCell({ includeEmpty: false }, (cell, column) => {
            cells[column - 1] = cell.text ?? '';
          });
          // Rows without cells (formatting only) are skipped here rather than passed on one by one.
          if (cells.length) yield { row: number, cells: Array.from(cells, (cell) => cell ?? '') };
        }
      }
    }
  } catch (error) {
    if (error instanceof AppException) throw error;
    throw problemException(source.problem() ?? { kind: 'CORRUPT' });
  } finally {
    source.stream.destroy();
  }
  const problem = source.problem();
  if (problem) throw problemException(problem);
}

/** Picks the parts to read from the zip's central directory; nothing is inflated yet. */
async function chooseParts(path: string): Promise<XlsxPart[]> {
  let entries: ZipEntry[];
  const file = await open(path, 'r');
  try {
    entries = await readZipDirectory(file, (await file.stat()).size);
  } catch (error) {
    if (error instanceof ZipFormatError || error instanceof RangeError) throw unreadableXlsx();
    throw error;
  } finally {
    await file.close();
  }
  const sheet = firstSheet(entries);
  if (!sheet) throw unreadableXlsx();
  const sharedStrings = entries.find((entry) => /^xl\/sharedStrings\.xml$/i.test(entry.name));
  return [
    // Empty relationships: exceljs then streams the sheet instead of spooling it, and needs no workbook.xml.
    { name: 'xl/_rels/workbook.xml.rels', text: EMPTY_RELATIONSHIPS },
    sharedStrings
      ? { name: 'xl/sharedStrings.xml', entry: sharedStrings, maxBytes: ROSTER_LIMITS.sharedStringsBytes }
      : { name: 'xl/sharedStrings.xml', text: EMPTY_SHARED_STRINGS },
    { name: 'xl/worksheets/sheet1.xml', entry: sheet, maxBytes: ROSTER_LIMITS.sheetBytes },
  ];
}

/** sheet1.xml is the first tab in files saved by Excel, WPS and LibreOffice; else the lowest-numbered sheet. */
function firstSheet(entries: ZipEntry[]): ZipEntry | undefined {
  const numbered = entries
    .map((entry) => ({ entry, number: Number(/^xl\/worksheets\/sheet(\d+)\.xml$/i.exec(entry.name)?.[1] ?? NaN) }))
    .filter(({ number }) => Number.isInteger(number))
    .sort((a, b) => a.number - b.number);
  return numbered[0]?.entry ?? entries.find((entry) => /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name));
}

function problemException(problem: PartsProblem): AppException {
  if (problem.kind === 'CORRUPT') return unreadableXlsx();
  const what = problem.part.includes('sharedStrings') ? '文字内容' : '工作表';
  return rosterInvalid(
    `Excel 文件的${what}解压后超过 ${problem.maxBytes / 2 ** 20} MB，不像是住户名单：一次最多导入 ${ROSTER_LIMITS.rows} 户，请删除多余的行、列后分批上传`,
  );
}
