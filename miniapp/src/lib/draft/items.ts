import type { Disclosure } from '@linyi/shared'
import type { DraftOption } from './types'

/** The first `prefix-N` not used yet: ids stay unique and match the server's pattern. */
export function nextId(prefix: string, taken: Array<{ id: string }>): string {
  const used = new Set(taken.map((t) => t.id))
  for (let n = taken.length + 1; ; n += 1) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`
}

export const blankOption = (taken: DraftOption[]): DraftOption => ({ id: nextId('plan', taken), title: '', description: '', imageUrl: null, swatch: null })

export const blankDisclosure = (taken: Disclosure[]): Disclosure => ({ id: nextId('item', taken), text: '' })

/** The list with item `index` moved by `step` (−1 up, +1 down); unchanged at the ends. */
export function moved<T>(list: T[], index: number, step: -1 | 1): T[] {
  const target = index + step
  if (target < 0 || target >= list.length) return list
  const copy = [...list]
  ;[copy[index], copy[target]] = [copy[target], copy[index]]
  return copy
}
