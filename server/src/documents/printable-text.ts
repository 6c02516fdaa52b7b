/** What stands for a character the bundled font cannot draw: visibly missing, never silently dropped. */
export const MISSING_GLYPH = '□';

/** Invisible joiners and selectors (emoji sequences, BOMs): they draw nothing, so they are left out rather than boxed. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufe00-\ufe0f\ufeff]/u;
/** Control characters other than line breaks; a tab reads as a space. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/u;

/**
 * The text as the font can print it: each character without a glyph becomes □ (a name with a rare
 * character stays readable as "王□"), line breaks stay, other control and invisible characters go.
 */
export function printableText(text: string, hasGlyph: (codePoint: number) => boolean): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (ch === '\n') out += ch;
    else if (CONTROL.test(ch) || INVISIBLE.test(ch)) continue;
    else out += hasGlyph(ch.codePointAt(0)!) ? ch : MISSING_GLYPH;
  }
  return out;
}
