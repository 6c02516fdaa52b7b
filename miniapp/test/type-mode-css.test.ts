/**
 * The 大字 (large type) rule, read from the resident stylesheets themselves: sizes come from the
 * variables on .screen, the variables meet the rule, every field and tap target uses them, and text
 * colours keep 4.5:1. A browser test measures the rendered pages; this catches a fixed px at once.
 */
import type { Rule } from 'postcss'
import { contrast, decl, fixedTextSizes, rulesOf, tightLineHeights } from './css-rules'

const SHEETS = ['app.css', 'consult/consult.css', 'pages/home/index.css', 'pages/bind/index.css', 'pages/inbox/index.css', 'household/household.css', 'about/privacy/index.css']

const app = rulesOf('app.css')
const all = SHEETS.flatMap((file) => rulesOf(file).map((rule) => ({ file, rule })))
const ruleFor = (selector: string) => app.find((rule) => rule.selectors.includes(selector))

it('large type sets body ≥ 18px, largest ≥ 30px, line height ≥ 1.3 and taps ≥ 60px', () => {
  const large = ruleFor('.screen.large-type')!
  const px = (name: string) => Number.parseFloat(decl(large, name)!)
  for (const name of ['--fs-small', '--fs-body', '--fs-button', '--fs-heading']) expect(px(name)).toBeGreaterThanOrEqual(18)
  expect(px('--fs-title')).toBeGreaterThanOrEqual(30)
  expect(px('--lh')).toBeGreaterThanOrEqual(1.3)
  expect(px('--tap')).toBeGreaterThanOrEqual(60)
})

it('no resident stylesheet sets a fixed text size or a line height under 1.3', () => {
  expect(all.length).toBeGreaterThan(100)
  const inEverySheet = (find: (rules: Rule[]) => string[]) => SHEETS.flatMap((file) => find(rulesOf(file)).map((selector) => `${file} ${selector}`))
  expect(inEverySheet(fixedTextSizes)).toEqual([])
  expect(inEverySheet(tightLineHeights)).toEqual([])
})

it('every input, textarea and picker follows the type mode, Taro H5’s inner <textarea> included', () => {
  for (const selector of ['.screen taro-textarea-core', '.screen taro-input-core', '.screen taro-picker-core']) {
    expect([selector, decl(ruleFor(selector)!, 'font-size')]).toEqual([selector, 'var(--fs-body)'])
  }
  // The controls inside Taro's hosts: <textarea class="taro-textarea">, <input class="weui-input">.
  expect(decl(ruleFor('.screen .taro-textarea')!, 'font')).toBe('inherit')
  expect(decl(ruleFor('.screen .weui-input')!, 'font')).toBe('inherit')
  // Global, so a staff page's 情况记录 box is styled without the consult stylesheet.
  expect(decl(ruleFor('.screen .text-area')!, 'font-size')).toBe('var(--fs-body)')
  expect(decl(ruleFor('.screen .weui-picker__item')!, 'font-size')).toBe('var(--fs-body)')
})

it('no rule reaches into a field by tag: on H5 that selector would name the field’s own host and match nothing', () => {
  const intoHost = all.filter(({ rule }) => rule.selectors.some((selector) => /\.(?!screen\b|large-type\b)[\w-]+ taro-(input|textarea)-core/.test(selector)))
  expect(intoHost.map(({ file, rule }) => `${file} ${rule.selector}`)).toEqual([])
})

it('every tap target is at least the tap size', () => {
  for (const selector of ['.screen .big-button', '.screen .inbox-entry', '.screen .text-input', '.screen .text-area', '.screen .back-bar__button', '.screen .weui-picker__action']) {
    const height = decl(ruleFor(selector)!, 'min-height')
    expect([selector, height]).toEqual([selector, expect.stringMatching(/var\(--tap\)/)])
  }
  const consult = rulesOf('consult/consult.css')
  for (const selector of ['.disclosure-item', '.option-card']) {
    expect(decl(consult.find((rule) => rule.selectors.includes(selector))!, 'min-height')).toBe('var(--tap)')
  }
})

it('the H5 router clips the page sliding in, so the document stays as wide as the screen', () => {
  expect(decl(ruleFor('.taro_router')!, 'overflow')).toBe('hidden')
})

const HEX = /^#[0-9a-f]{6}$/i

it('text keeps 4.5:1 on its own background, and on the page and card backgrounds otherwise', () => {
  const weak: string[] = []
  for (const { file, rule } of all) {
    const color = decl(rule, 'color')
    if (!color || !HEX.test(color)) continue
    const background = decl(rule, 'background') ?? decl(rule, 'background-color')
    const grounds = background && HEX.test(background) ? [background] : color.toLowerCase() === '#ffffff' ? [] : ['#ffffff', '#f4f5f7', '#eef5fd']
    for (const ground of grounds) if (contrast(color, ground) < 4.5) weak.push(`${file} ${rule.selector}: ${color} on ${ground}`)
  }
  expect(weak).toEqual([])
})
