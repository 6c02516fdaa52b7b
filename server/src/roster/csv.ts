/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Returns rows of raw strings. */
export function parseCsv(text: string): string[][] {
  return Array.from(csvRecords(text));
}

/**
 * As parseCsv, one row at a time, so that a reader can stop early. Fields longer than maxFieldChars
 * and rows wider than maxFields are cut one past the bound: the caller sees the excess and refuses
 * the row, without this holding a whole file's worth of one field or one row first.
 */
export function* csvRecords(text: string, { maxFieldChars = Infinity, maxFields = Infinity } = {}): Generator<string[]> {
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const add = (char: string) => {
    if (field.length <= maxFieldChars) field += char;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        add('"');
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        add(char);
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      if (row.length <= maxFields) row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      if (row.length <= maxFields) row.push(field);
      yield row;
      row = [];
      field = '';
    } else {
      add(char);
    }
  }
  if (field !== '' || row.length) {
    if (row.length <= maxFields) row.push(field);
    yield row;
  }
}

/** Excel on Chinese Windows saves CSV as GBK; anything that is not valid UTF-8 is read as GB18030. */
export function decodeCsvBytes(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}
