/** The complaints stylesheet follows the 大字 rule: sizes from the .screen variables, taps ≥ the tap size, 4.5:1 text. */
import { decl, fixedTextSizes, rulesOf, tightLineHeights, weakText } from './css-rules'

const rules = rulesOf('staff/components/complaints/complaints.css')
const ruleFor = (selector: string) => rules.find((rule) => rule.selectors.includes(selector))

it('sets no fixed text size and no line height under 1.3', () => {
  expect(rules.length).toBeGreaterThan(15)
  expect(fixedTextSizes(rules)).toEqual([])
  expect(tightLineHeights(rules)).toEqual([])
})

it('the street row that opens a compound is at least the tap size (buttons and fields are the shared ones)', () => {
  expect(decl(ruleFor('.street-complaint-row')!, 'min-height')).toBe('var(--tap)')
})

it('text keeps 4.5:1 on its own background, else on the page, card and answer backgrounds', () => {
  expect(weakText(rules, ['#ffffff', '#f4f5f7', '#e6f4ea'])).toEqual([])
})
