/** The works stylesheet follows the 大字 rule like the others: sizes from the .screen variables, taps ≥ the tap size, 4.5:1 text. */
import { decl, fixedTextSizes, rulesOf, tightLineHeights, weakText } from './css-rules'

const rules = rulesOf('staff/components/works/works.css')
const ruleFor = (selector: string) => rules.find((rule) => rule.selectors.includes(selector))

it('sets no fixed text size and no line height under 1.3', () => {
  expect(rules.length).toBeGreaterThan(40)
  expect(fixedTextSizes(rules)).toEqual([])
  expect(tightLineHeights(rules)).toEqual([])
})

it('every tap target of its own is at least the tap size (fields use the global .text-input and .text-area)', () => {
  for (const selector of ['.screen .works-phone', '.works-picker', '.works-booking-choice', '.works-plan-card']) {
    expect([selector, ruleFor(selector) && decl(ruleFor(selector)!, 'min-height')]).toEqual([selector, 'var(--tap)'])
  }
  // The small row actions (删除, 上移, 改约) are the staff sheet's shared .mini-button.
  const mini = rulesOf('staff/staff.css').find((rule) => rule.selectors.includes('.mini-button'))
  expect([mini && decl(mini, 'min-height'), mini && decl(mini, 'min-width')]).toEqual(['var(--tap)', 'var(--tap)'])
  // The capacity box keeps the global field height; only its width is its own.
  expect(decl(ruleFor('.screen .works-capacity-input')!, 'height')).toBeUndefined()
  expect(decl(ruleFor('.screen .works-capacity-input')!, 'min-height')).toBeUndefined()
})

it('text keeps 4.5:1 on its own background, else on the page, card and selected backgrounds', () => {
  expect(weakText(rules, ['#ffffff', '#f4f5f7', '#eef5fd', '#fdecee'])).toEqual([])
})
