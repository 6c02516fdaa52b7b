/** The 入户施工预约 stylesheet follows the 大字 rule like the resident sheets: sizes from the .screen variables, 4.5:1 contrast. */
import { decl, fixedTextSizes, rulesOf, tightLineHeights, weakText } from './css-rules'

const rules = rulesOf('works/works.css')

it('sets no fixed text size and no line height under 1.3', () => {
  expect(rules.length).toBeGreaterThan(30)
  expect(fixedTextSizes(rules)).toEqual([])
  expect(tightLineHeights(rules)).toEqual([])
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
  expect(weakText(rules, ['#ffffff', '#f4f5f7', '#e6f4ea'])).toEqual([])
})
