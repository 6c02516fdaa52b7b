/** The screening stylesheet follows the 大字 rule like the resident sheets: sizes from the .screen variables, taps ≥ the tap size. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import postcss, { type Rule } from 'postcss'

const css = readFileSync(join(__dirname, '../src/staff/components/screening/screening.css'), 'utf8')
const rules: Rule[] = []
postcss.parse(css).walkRules((rule) => {
  rules.push(rule)
})
const decl = (rule: Rule, prop: string) => {
  let value: string | undefined
  rule.walkDecls(prop, (d) => {
    value = d.value
  })
  return value
}

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

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

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
