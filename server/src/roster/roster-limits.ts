/**
 * Bounds on a roster upload. A compound has at most a few thousand households, so each bound is far
 * above any real roster and far below what would let one upload take the server's memory or time.
 */
export const ROSTER_LIMITS = {
  /** The uploaded file itself (413 beyond). A 5 000-household XLSX is about 150 KB. */
  uploadBytes: 5 * 1024 * 1024,
  /** Households per file; reading stops at the first row beyond. */
  rows: 5000,
  /** Columns in one row: the roster has 7; a few notes columns are fine. */
  columns: 200,
  /** Characters in one cell: names, rooms and phones are short; a longer cell is not a roster. */
  cellChars: 1000,
  /** What the first worksheet may unzip to: a 5 000-row sheet is about 2 MB of XML. */
  sheetBytes: 16 * 1024 * 1024,
  /** Row elements in the sheet, empty (formatted) ones included: each costs time even when skipped. */
  sheetRows: 100_000,
  /** What the shared strings (kept in memory while the sheet is read) may unzip to. */
  sharedStringsBytes: 16 * 1024 * 1024,
  /** Rows handled between two turns of the event loop, so other requests are answered meanwhile. */
  rowsPerTurn: 200,
} as const;
