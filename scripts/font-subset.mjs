// Regenerates server/assets/fonts/NotoSansSC-Regular-GB2312.ttf, the CJK font every printed PDF embeds.
// Source: Noto Sans SC Regular (SIL OFL 1.1), e.g. from the npm package @expo-google-fonts/noto-sans-sc.
// Usage: npm i --no-save subset-font && node scripts/font-subset.mjs path/to/NotoSansSC_400Regular.ttf
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const source = process.argv[2];
if (!source) throw new Error('usage: node scripts/font-subset.mjs NotoSansSC_400Regular.ttf');

/** Every character of GB 2312 (6763 hanzi and its symbols), decoded from its double-byte table. */
function gb2312() {
  const decoder = new TextDecoder('gbk');
  let text = '';
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch !== '\ufffd') text += ch;
    }
  }
  return text;
}

const range = (from, to) => String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i));
// Printable ASCII and Latin-1, general punctuation, CJK symbols, full-width forms, circled numbers, then GB 2312.
const text = [range(0x20, 0x7e), range(0xa0, 0xff), range(0x2010, 0x206f), range(0x2460, 0x24ff), range(0x3000, 0x303f), range(0xff01, 0xff5e), '—…·°℃㎡', gb2312()].join('');
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'server', 'assets', 'fonts', 'NotoSansSC-Regular-GB2312.ttf');
const subset = await subsetFont(readFileSync(source), text, { targetFormat: 'truetype' });
writeFileSync(out, subset);
console.log(`${out}: ${[...new Set(text)].length} characters, ${subset.length} bytes`);
