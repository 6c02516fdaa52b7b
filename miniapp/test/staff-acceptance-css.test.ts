/** The staff acceptance stylesheet follows the 大字 rule: sizes from the .screen variables, taps ≥ the tap size, 4.5:1 text. */
import { contrast, decl, fixedTextSizes, rulesOf, tightLineHeights, weakText } from './css-rules'

const rules = rulesOf('staff/components/acceptance/acceptance.css')
const ruleFor = (selector: string) => rules.find((rule) => rule.selectors.includes(selector))

it('sets no fixed text size and no line height under 1.3', () => {
  expect(rules.length).toBeGreaterThan(40)
  expect(fixedTextSizes(rules)).toEqual([])
  expect(tightLineHeights(rules)).toEqual([])
})

it('its own tap targets are at least the tap size; 合格 / 不合格 take the full width in 大字', () => {
  for (const selector of ['.staff-acc-verdict', '.staff-acc-photo']) {
    expect([selector, ruleFor(selector) && decl(ruleFor(selector)!, 'min-height')]).toEqual([selector, 'var(--tap)'])
  }
  expect(decl(ruleFor('.large-type .staff-acc-verdict')!, 'width')).toBe('100%')
})

it('text keeps 4.5:1 on its own background, else on the page, card and tinted backgrounds', () => {
  expect(weakText(rules, ['#ffffff', '#f4f5f7', '#e6f4ea', '#fdecee', '#fff1e6'])).toEqual([])
})

it('white text on the filled chips and tags keeps 4.5:1', () => {
  for (const fill of ['#7a2e00', '#0b5e2b', '#8a0012', '#5b2a86']) expect([fill, contrast('#ffffff', fill) >= 4.5]).toEqual([fill, true])
})
