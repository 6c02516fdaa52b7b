/** The acceptance stylesheet follows the 大字 rule: sizes from the .screen variables, no tap target of its own below the tap size, 4.5:1 contrast. */
import { decl, fixedTextSizes, rulesOf, tightLineHeights, weakText } from './css-rules'

const rules = rulesOf('acceptance/acceptance.css')

it('sets no fixed text size and no line height under 1.3', () => {
  expect(rules.length).toBeGreaterThan(30)
  expect(fixedTextSizes(rules)).toEqual([])
  expect(tightLineHeights(rules)).toEqual([])
})

it('sizes only the signature canvas and the hidden photo canvas; the tappable photo is at least the tap size', () => {
  const sized = rules.filter((rule) => ['height', 'max-height', 'line-height'].some((prop) => decl(rule, prop) !== undefined))
  expect(sized.map((rule) => rule.selector)).toEqual(['.sign-panel .signature-pad__canvas', '.large-type .sign-panel .signature-pad__canvas', '.photo-canvas'])
  const minHeights = rules.filter((rule) => decl(rule, 'min-height') !== undefined)
  expect(minHeights.map((rule) => [rule.selector, decl(rule, 'min-height')])).toEqual([['.evidence-photo', 'var(--tap)']])
})

it('text keeps 4.5:1 on its own background, else on the page, card and outcome backgrounds', () => {
  expect(weakText(rules, ['#ffffff', '#f4f5f7', '#e6f4ea'])).toEqual([])
})
