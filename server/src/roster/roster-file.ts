import { open, readFile } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { decodeCsvBytes, csvRecords } from './csv.js';
import { ROSTER_LIMITS } from './roster-limits.js';
import { RosterTable, type RawRosterRow, type TableRow } from './roster-table.js';
import { readXlsxRows, unreadableXlsx } from './xlsx-rows.js';

export type { RawRosterRow } from './roster-table.js';

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads a CSV or XLSX roster file on disk into rows keyed by column, whatever the column order.
 * Rows are taken one at a time and reading stops at the first one past a limit; the event loop
 * gets a turn every few hundred rows, so other requests are answered during a large upload.
 */
export async function readRosterFile(fileName: string, path: string): Promise<RawRosterRow[]> {
  const isXlsx = (await firstBytes(path, 4)).equals(XLSX_MAGIC);
  if (!isXlsx && /\.(xlsx|xls)$/i.test(fileName)) throw unreadableXlsx();
  const table = new RosterTable();
  let count = 0;
  for await (const row of isXlsx ? readXlsxRows(path) : readCsvRows(path)) {
    table.add(row);
    if (++count % ROSTER_LIMITS.rowsPerTurn === 0) await nextTurn();
  }
  return table.finish();
}

/** The file is at most uploadBytes, so it is decoded whole (UTF-8, else GBK) and split lazily. */
async function* readCsvRows(path: string): AsyncGenerator<TableRow> {
  const text = decodeCsvBytes(await readFile(path));
  let row = 0;
  for (const cells of csvRecords(text, { maxFieldChars: ROSTER_LIMITS.cellChars, maxFields: ROSTER_LIMITS.columns })) {
    yield { row: ++row, cells };
  }
}

async function firstBytes(path: string, length: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
