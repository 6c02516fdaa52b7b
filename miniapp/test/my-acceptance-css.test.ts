/** The acceptance stylesheet follows the 大字 rule: sizes from the .screen variables, no tap target of its own below the tap size, 4.5:1 contrast. */
import { contrast, decl, rulesOf } from './css-rules'

const rules = rulesOf('acceptance/acceptance.css')
const HEX = /^#[0-9a-f]{6}$/i

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

it('sizes only the signature canvas and the hidden photo canvas; the tappable photo is at least the tap size', () => {
  const sized = rules.filter((rule) => ['height', 'max-height', 'line-height'].some((prop) => decl(rule, prop) !== undefined))
  expect(sized.map((rule) => rule.selector)).toEqual(['.sign-panel .signature-pad__canvas', '.large-type .sign-panel .signature-pad__canvas', '.photo-canvas'])
  const minHeights = rules.filter((rule) => decl(rule, 'min-height') !== undefined)
  expect(minHeights.map((rule) => [rule.selector, decl(rule, 'min-height')])).toEqual([['.evidence-photo', 'var(--tap)']])
})

it('text keeps 4.5:1 on its own background, else on the page, card and outcome backgrounds', () => {
  const weak: string[] = []
  for (const rule of rules) {
    const color = decl(rule, 'color')
    if (!color || !HEX.test(color)) continue
    const background = decl(rule, 'background') ?? decl(rule, 'background-color')
    const grounds = background && HEX.test(background) ? [background] : ['#ffffff', '#f4f5f7', '#e6f4ea']
    for (const ground of grounds) if (contrast(color, ground) < 4.5) weak.push(`${rule.selector}: ${color} on ${ground}`)
  }
  expect(weak).toEqual([])
})
