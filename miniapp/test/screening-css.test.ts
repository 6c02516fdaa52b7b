/** The screening stylesheet follows the 大字 rule like the resident sheets: sizes from the .screen variables, taps ≥ the tap size. */
import { contrast, decl, rulesOf } from './css-rules'

const rules = rulesOf('staff/components/screening/screening.css')

it('sets no fixed text size and no line height under 1.3', () => {
  expect(rules.length).toBeGreaterThan(30)
  const fixed = rules.filter((rule) => {
    const size = decl(rule, 'font-size')
    return size !== undefined && !/^(var\(--fs-[a-z]+\)|inherit)$/.test(size)
  })
  expect(fixed.map((rule) => rule.selector)).toEqual([])
  const tight = rules.filter((rule) => /^[\d.]+$/.test(decl(rule, 'line-height') ?? '') && Number(decl(rule, 'line-height')) < 1.3)
  expect(tight.map((rule) => rule.selector)).toEqual([])
})

it('every tap target of its own is at least the tap size', () => {
  for (const selector of ['.screening-tick', '.screening-basis', '.screening-household-row', '.unit-progress']) {
    const rule = rules.find((r) => r.selectors.includes(selector))
    expect([selector, rule && decl(rule, 'min-height')]).toEqual([selector, 'var(--tap)'])
  }
})

it('text keeps 4.5:1 on its own background, else on the page, card and selected backgrounds', () => {
  const weak: string[] = []
  for (const rule of rules) {
    const color = decl(rule, 'color')
    if (!color?.startsWith('#')) continue
    const background = decl(rule, 'background')
    const grounds = background?.startsWith('#') ? [background] : ['#ffffff', '#f4f5f7', '#eef5fd']
    for (const ground of grounds) if (contrast(color, ground) < 4.5) weak.push(`${rule.selector}: ${color} on ${ground}`)
  }
  expect(weak).toEqual([])
})

it('shows a consent scan at its own height: Taro H5 would cut every image at 240 px', () => {
  const rule = rules.find((r) => r.selectors.includes('.screening-scan-preview'))
  expect([rule && decl(rule, 'width'), rule && decl(rule, 'height')]).toEqual(['100%', 'auto'])
})
