/** Reading stylesheets in tests as the H5 build emits them, and the WCAG contrast of two colours. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import postcss, { type AcceptedPlugin, type Rule } from 'postcss'

// The very plugin Taro's webpack5 runner applies to every stylesheet (same version, untyped).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const htmlTransform = require('postcss-html-transform') as (options: { platform: 'h5' | 'weapp' }) => AcceptedPlugin

const SRC = join(__dirname, '../src')

/** The rules of `src/<file>` as the H5 build emits them: Taro rewrites tag selectors (`textarea` → `taro-textarea-core`). */
export function rulesOf(file: string): Rule[] {
  const rules: Rule[] = []
  postcss([htmlTransform({ platform: 'h5' })])
    .process(readFileSync(join(SRC, file), 'utf8'), { from: undefined })
    .root.walkRules((rule) => {
      rules.push(rule)
    })
  return rules
}

/** The last value of `prop` in the rule. */
export function decl(rule: Rule, prop: string): string | undefined {
  let value: string | undefined
  rule.walkDecls(prop, (d) => {
    value = d.value
  })
  return value
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** The contrast ratio of two #rrggbb colours (WCAG 2). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

const HEX = /^#[0-9a-f]{6}$/i

/** Selectors that set a text size other than a type-mode variable: 大字 mode could not enlarge them. */
export function fixedTextSizes(rules: Rule[]): string[] {
  return rules.filter((rule) => {
    const size = decl(rule, 'font-size')
    return size !== undefined && !/^(var\(--fs-[a-z]+\)|inherit)$/.test(size)
  }).map((rule) => rule.selector)
}

/** Selectors with a unitless line height under 1.3. */
export function tightLineHeights(rules: Rule[]): string[] {
  return rules.filter((rule) => /^[\d.]+$/.test(decl(rule, 'line-height') ?? '') && Number(decl(rule, 'line-height')) < 1.3).map((rule) => rule.selector)
}

/** Text colours under 4.5:1 on their rule's own background, or (without one) on any of `grounds` it may stand on. */
export function weakText(rules: Rule[], grounds: string[]): string[] {
  const weak: string[] = []
  for (const rule of rules) {
    const color = decl(rule, 'color')
    if (!color || !HEX.test(color)) continue
    const background = decl(rule, 'background') ?? decl(rule, 'background-color')
    for (const ground of background && HEX.test(background) ? [background] : grounds) {
      if (contrast(color, ground) < 4.5) weak.push(`${rule.selector}: ${color} on ${ground}`)
    }
  }
  return weak
}
