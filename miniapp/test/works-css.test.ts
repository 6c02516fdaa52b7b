/** The 入户施工预约 stylesheet follows the 大字 rule like the resident sheets: sizes from the .screen variables, 4.5:1 contrast. */
import { contrast, decl, rulesOf } from './css-rules'

const rules = rulesOf('works/works.css')
const HEX = /^#[0-9a-f]{6}$/i

it('sets no fixed text size and no line height under 1.3', () => {
  expect(rules.length).toBeGreaterThan(30)
  const fixed = rules.filter((rule) => {
    const size = decl(rule, 'font-size')
    return size !== undefined && !/^(var\(--fs-[a-z]+\)|inherit)$/.test(size)
  })
  expect(fixed.map((rule) => rule.selector)).toEqual([])
  const tight = rules.filter((rule) => /^[\d.]+$/.test(decl(rule, 'line-height') ?? '') && Number(decl(rule, 'line-height')) < 1.3)
  expect(tight.map((rule) => rule.selector)).toEqual([])
})

it('sets no height of its own: every tap target is the global big button or text input (min-height var(--tap))', () => {
  const sized = rules.filter((rule) => ['height', 'min-height', 'max-height', 'line-height'].some((prop) => decl(rule, prop) !== undefined))
  expect(sized.map((rule) => rule.selector)).toEqual([])
  const app = rulesOf('app.css')
  for (const selector of ['.screen .big-button', '.screen .text-input']) {
    expect(decl(app.find((rule) => rule.selectors.includes(selector))!, 'min-height')).toBe('var(--tap)')
  }
})

it('text keeps 4.5:1 on its own background, else on the page, card, window and booked backgrounds', () => {
  const weak: string[] = []
  for (const rule of rules) {
    const color = decl(rule, 'color')
    if (!color || !HEX.test(color)) continue
    const background = decl(rule, 'background') ?? decl(rule, 'background-color')
    const grounds = background && HEX.test(background) ? [background] : ['#ffffff', '#f4f5f7', '#e6f4ea']
    for (const ground of grounds) if (contrast(color, ground) < 4.5) weak.push(`${rule.selector}: ${color} on ${ground}`)
  }
  expect(weak).toEqual([])
})
