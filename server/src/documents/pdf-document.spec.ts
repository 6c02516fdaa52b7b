import { existsSync } from 'node:fs';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { CJK_FONT_PATH, renderPdf } from './pdf-document.js';
import { MISSING_GLYPH, printableText } from './printable-text.js';

const CREATED = new Date('2026-12-01T02:00:00Z');
const read = async (bytes: Buffer) => getDocumentProxy(new Uint8Array(bytes));
const textOf = async (bytes: Buffer) => (await extractText(await read(bytes), { mergePages: true })).text as string;
/** Extraction may put spaces or line breaks between runs; the words are what count. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

const sample = () =>
  renderPdf({ title: '入户施工及停水通知', createdAt: CREATED }, (pdf) => {
    pdf.banner('草稿，未发布');
    pdf.title('入户施工及停水通知');
    pdf.subtitle('光明里小区 1号楼2单元');
    pdf.heading('施工顺序');
    pdf.list(['断水：施工当天全单元关闭总阀停水。', '拆除旧立管'], { numbered: true });
    pdf.fields([['联系电话', '010-62345678'], ['临时用水', '一楼楼道口设临时水龙头']]);
    pdf.paragraph('业主王喆（北京时间 08:30—17:30）');
  });

describe('renderPdf', () => {
  it('finds the bundled font from the module file', () => {
    expect(existsSync(CJK_FONT_PATH)).toBe(true);
  });

  it('writes an A4 PDF whose Chinese text reads back', async () => {
    const bytes = await sample();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await read(bytes);
    expect(pdf.numPages).toBe(1);
    const page = await pdf.getPage(1);
    const [, , width, height] = page.view;
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    const text = squeezed(await textOf(bytes));
    for (const words of ['草稿，未发布', '入户施工及停水通知', '光明里小区1号楼2单元', '施工顺序', '1.断水：施工当天全单元关闭总阀停水。', '2.拆除旧立管', '联系电话：010-62345678', '北京时间08:30—17:30']) {
      expect(text).toContain(words);
    }
  });

  it('prints a character the font lacks as □, not as nothing', async () => {
    const text = squeezed(await textOf(await sample()));
    expect(text).toContain(`业主王${MISSING_GLYPH}`);
    expect(text).not.toContain('喆');
  });

  it('names the document, its author and the clock’s time, and renders the same bytes twice', async () => {
    const first = await sample();
    const { info } = await getMeta(await read(first));
    expect(info).toMatchObject({ Title: '入户施工及停水通知', Author: '邻议' });
    expect(String(info.CreationDate)).toContain('20261201020000');
    expect((await sample()).equals(first)).toBe(true);
  });

  it('breaks long documents onto numbered pages', async () => {
    const bytes = await renderPdf({ title: '长文档', createdAt: CREATED }, (pdf) => {
      for (let i = 1; i <= 60; i++) pdf.paragraph(`第${i}段：施工当天请家中留人，或提前把钥匙交给居委会。`);
    });
    const pdf = await read(bytes);
    expect(pdf.numPages).toBeGreaterThan(1);
    const text = squeezed(await textOf(bytes));
    expect(text).toContain(`第1页，共${pdf.numPages}页`);
    expect(text).toContain('第60段');
  });
});

describe('printableText', () => {
  const known = new Set([...'王号楼 3'].map((ch) => ch.codePointAt(0)!));
  const font = (codePoint: number) => known.has(codePoint);
  it('boxes characters without a glyph, keeps line breaks, drops control and invisible ones', () => {
    expect(printableText('王喆\r\n3\t号\u0007楼👍\ufe0f', font)).toBe(`王${MISSING_GLYPH}\n3 号楼${MISSING_GLYPH}`);
  });
});
