/** The publicity stylesheet follows the 大字 rule: sizes from the .screen variables, no tap target of its own below the tap size, 4.5:1 contrast. */
import { decl, fixedTextSizes, rulesOf, tightLineHeights, weakText } from './css-rules'

const rules = rulesOf('publicity/publicity.css')

it('sets no fixed text size and no line height under 1.3', () => {
  expect(rules.length).toBeGreaterThan(30)
  expect(fixedTextSizes(rules)).toEqual([])
  expect(tightLineHeights(rules)).toEqual([])
})

it('sizes only the hidden photo canvas; the tappable photo and each rating button are at least the tap size', () => {
  const sized = rules.filter((rule) => ['height', 'max-height', 'line-height'].some((prop) => decl(rule, prop) !== undefined))
  expect(sized.map((rule) => rule.selector)).toEqual(['.publicity-stage__title', '.publicity .photo-canvas'])
  const minHeights = rules.filter((rule) => decl(rule, 'min-height') !== undefined)
  expect(minHeights.map((rule) => [rule.selector, decl(rule, 'min-height')])).toEqual([['.complaint-photo', 'var(--tap)']])
  const rating = rules.find((rule) => rule.selector === '.screen .survey-rating')!
  expect(decl(rating, 'min-width')).toBe('var(--tap)')
  expect(decl(rating, 'min-height')).toBeUndefined()
})

it('text keeps 4.5:1 on its own background, else on the page, card, my-home and outcome backgrounds', () => {
  expect(weakText(rules, ['#ffffff', '#f4f5f7', '#eef5fd', '#e6f4ea'])).toEqual([])
})
