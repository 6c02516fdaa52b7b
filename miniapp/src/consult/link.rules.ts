/** Ids the server hands out (UUIDs), and the short ones of tests and demos: letters, digits and dashes. */
const ID_SHAPE = /^[A-Za-z0-9-]{1,64}$/

/** What a broken link's parameter may read after a careless `?id=${undefined}`. */
const EMPTY_WORDS = new Set(['', 'undefined', 'null'])

/**
 * Why a consultation link cannot be opened, in words for the resident, or null when it can.
 * Checked before any request: `GET /consultations/` without an id is a staff route and would answer 403.
 */
export function consultationLinkProblem(params: Record<string, string | undefined>): string | null {
  const id = decodeParam(params.id)
  if (!id) return '链接不完整：缺少征询编号，请从首页重新打开。'
  if (!ID_SHAPE.test(id)) return '链接有误：征询编号不正确，请从首页重新打开。'
  const household = decodeParam(params.household)
  if (household && !ID_SHAPE.test(household)) return '链接有误：房屋编号不正确，请从首页重新打开。'
  return null
}

/** A page parameter as text, '' when absent; a malformed escape stays as typed (and then fails the shape check). */
export function decodeParam(value: string | undefined): string {
  const raw = (value ?? '').trim()
  let text = raw
  try {
    text = decodeURIComponent(raw)
  } catch {
    // keep the raw text
  }
  return EMPTY_WORDS.has(text) ? '' : text
}
