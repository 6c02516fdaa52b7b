import { COMPOUND_TIME_ZONE_LABEL, ResidentRole, shanghaiParts } from '@linyi/shared'

const pad = (n: number) => String(n).padStart(2, '0')

/** "2026-11-26 05:04:14.511": what the server's raw SQLite queries answer, in UTC without a zone. */
const ZONELESS = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/

/** A server timestamp as a Date: ISO with a zone, or zoneless UTC (which iOS would not parse at all). */
export function parseServerTime(text: string): Date {
  const zoneless = ZONELESS.exec(text)
  return new Date(zoneless ? `${zoneless[1]}T${zoneless[2]}Z` : text)
}

/** "2026年12月3日 14:05" in Asia/Shanghai, whatever the phone's zone; for places that name the zone once themselves. */
export function formatDateTimePlain(iso: string): string {
  const date = parseServerTime(iso)
  if (Number.isNaN(date.getTime())) return iso
  const p = shanghaiParts(date)
  return `${p.year}年${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`
}

/** "（北京时间）": said after every time shown, so a resident away from home is not misled. */
export const ZONE_SUFFIX = `（${COMPOUND_TIME_ZONE_LABEL}）`

/** "2026年12月3日 14:05（北京时间）": the compounds' zone, and saying so. */
export function formatDateTime(iso: string): string {
  if (Number.isNaN(parseServerTime(iso).getTime())) return iso
  return `${formatDateTimePlain(iso)}${ZONE_SUFFIX}`
}

export function roleLabel(role: ResidentRole): string {
  return role === ResidentRole.Tenant ? '租户' : '业主'
}

/** "3层 · 86.5平方米" */
export function floorAndArea(floor: number, areaM2: number): string {
  return `${floor}层 · ${Number(areaM2.toFixed(2))}平方米`
}

/** Read aloud in groups of four: "K7M3 Q9TX". */
export function spacedCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ')
}
