/** The pipeline stylesheet follows the 大字 rule like the others: sizes from the .screen variables, line height ≥ 1.3, 4.5:1 text. */
import { decl, fixedTextSizes, rulesOf, tightLineHeights, weakText } from './css-rules'

const rules = rulesOf('staff/components/pipeline/pipeline.css')

it('sets no fixed text size and no line height under 1.3', () => {
  expect(rules.length).toBeGreaterThan(15)
  expect(fixedTextSizes(rules)).toEqual([])
  expect(tightLineHeights(rules)).toEqual([])
})

it('text keeps 4.5:1 on its own background, else on the page and card backgrounds', () => {
  expect(weakText(rules, ['#ffffff', '#f4f5f7'])).toEqual([])
})

it('its one tap target of its own, the dashboard line, is at least the tap size; every other press is a global button', () => {
  const pressed = rules.filter((rule) => decl(rule, 'cursor') === 'pointer' || /button/.test(rule.selector))
  expect(pressed.map((rule) => [rule.selector, decl(rule, 'min-height')])).toEqual([['.dashboard-pipeline-line', 'var(--tap)']])
})

it('lets the notice’s 64-character hash wrap on a phone', () => {
  const hash = rules.find((rule) => rule.selectors.includes('.pipeline-notice__hash'))
  expect(hash && decl(hash, 'word-break')).toBe('break-all')
})
