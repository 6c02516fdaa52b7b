/** The publicity stylesheet follows the 大字 rule like the others: sizes from the .screen variables, line height ≥ 1.3, 4.5:1 text. */
import { decl, fixedTextSizes, rulesOf, tightLineHeights, weakText } from './css-rules'

const rules = rulesOf('staff/components/publicity/publicity.css')

it('sets no fixed text size and no line height under 1.3', () => {
  expect(rules.length).toBeGreaterThan(30)
  expect(fixedTextSizes(rules)).toEqual([])
  expect(tightLineHeights(rules)).toEqual([])
})

it('text keeps 4.5:1 on its own background, else on the page, card, answer and problem backgrounds', () => {
  expect(weakText(rules, ['#ffffff', '#f4f5f7', '#eef5fd', '#fdecee'])).toEqual([])
})

it('has no tap target of its own: every press is the global BigButton, MiniButton or choice button (≥ the tap size)', () => {
  expect(rules.filter((rule) => decl(rule, 'cursor') === 'pointer' || /button/.test(rule.selector)).map((rule) => rule.selector)).toEqual([])
  for (const [file, selector] of [
    ['staff/staff.css', '.mini-button'],
    ['staff/components/accounts/accounts.css', '.screen .choice-button'],
  ] as const) {
    const rule = rulesOf(file).find((r) => r.selectors.includes(selector))
    expect([selector, rule && decl(rule, 'min-height')]).toEqual([selector, 'var(--tap)'])
  }
})

it('lets the 64-character snapshot hash wrap on a phone', () => {
  const hash = rules.find((rule) => rule.selectors.includes('.publicity-hash'))
  expect(hash && decl(hash, 'word-break')).toBe('break-all')
})
