/** The screening stylesheet follows the 大字 rule like the resident sheets: sizes from the .screen variables, taps ≥ the tap size. */
import { decl, fixedTextSizes, rulesOf, tightLineHeights, weakText } from './css-rules'

const rules = rulesOf('staff/components/screening/screening.css')

it('sets no fixed text size and no line height under 1.3', () => {
  expect(rules.length).toBeGreaterThan(30)
  expect(fixedTextSizes(rules)).toEqual([])
  expect(tightLineHeights(rules)).toEqual([])
})

it('every tap target of its own is at least the tap size', () => {
  for (const selector of ['.screening-tick', '.screening-basis', '.screening-household-row', '.unit-progress']) {
    const rule = rules.find((r) => r.selectors.includes(selector))
    expect([selector, rule && decl(rule, 'min-height')]).toEqual([selector, 'var(--tap)'])
  }
})

it('text keeps 4.5:1 on its own background, else on the page, card and selected backgrounds', () => {
  expect(weakText(rules, ['#ffffff', '#f4f5f7', '#eef5fd'])).toEqual([])
})

it('shows a consent scan at its own height: Taro H5 would cut every image at 240 px', () => {
  const rule = rules.find((r) => r.selectors.includes('.screening-scan-preview'))
  expect([rule && decl(rule, 'width'), rule && decl(rule, 'height')]).toEqual(['100%', 'auto'])
})
