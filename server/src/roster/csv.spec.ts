import { csvRecords, decodeCsvBytes, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, commas in fields and CRLF', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n1,2,3\r\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps a last line without a newline and empty trailing fields', () => {
    expect(parseCsv('a,b,\nc,,')).toEqual([
      ['a', 'b', ''],
      ['c', '', ''],
    ]);
  });

  it('keeps newlines inside quoted fields', () => {
    expect(parseCsv('"line1\nline2",x')).toEqual([['line1\nline2', 'x']]);
  });
});

describe('csvRecords', () => {
  it('cuts a long field and a wide row one past the bound, so the caller sees the excess', () => {
    const [row] = csvRecords(`${'x'.repeat(50)},b,c,d`, { maxFieldChars: 5, maxFields: 2 });
    expect(row).toEqual(['xxxxxx', 'b', 'c']);
  });

  it('yields rows lazily: nothing after the row the caller stopped at is parsed', () => {
    const rows = csvRecords('a\nb\n"never closed');
    expect(rows.next().value).toEqual(['a']);
    expect(rows.next().value).toEqual(['b']);
  });
});

describe('decodeCsvBytes', () => {
  it('strips the UTF-8 byte order mark Excel writes', () => {
    expect(decodeCsvBytes(Buffer.from('\uFEFF楼栋,单元', 'utf8'))).toBe('楼栋,单元');
  });

  it('reads GBK bytes when they are not valid UTF-8', () => {
    expect(decodeCsvBytes(Buffer.from([0xc2, 0xa5, 0xb6, 0xb0]))).toBe('楼栋');
  });
});
