/** The surveys stylesheet follows the 大字 rule: sizes from the .screen variables, taps ≥ the tap size, 4.5:1 text, bars that grow with the type. */
import { decl, fixedTextSizes, rulesOf, tightLineHeights, weakText } from './css-rules'

const rules = rulesOf('staff/components/surveys/surveys.css')
const ruleFor = (selector: string) => rules.find((rule) => rule.selectors.includes(selector))

it('sets no fixed text size and no line height under 1.3', () => {
  expect(rules.length).toBeGreaterThan(25)
  expect(fixedTextSizes(rules)).toEqual([])
  expect(tightLineHeights(rules)).toEqual([])
})

it('the survey card is at least the tap size; a choice’s box keeps the global field height', () => {
  expect(decl(ruleFor('.survey-card')!, 'min-height')).toBe('var(--tap)')
  const choice = ruleFor('.screen .survey-choice-row .survey-choice-title')!
  expect(decl(choice, 'height')).toBeUndefined()
  expect(decl(choice, 'min-height')).toBeUndefined()
})

it('a bar’s thickness follows the tap size, so it grows in 大字 mode', () => {
  expect(decl(ruleFor('.survey-bar .progress-bar__track')!, 'height')).toContain('var(--tap)')
})

it('text keeps 4.5:1 on its own background, else on the page and card backgrounds', () => {
  expect(weakText(rules, ['#ffffff', '#f4f5f7'])).toEqual([])
})
