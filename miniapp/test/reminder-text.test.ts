import { formatDateTime, parseServerTime } from '../src/lib/format'
import { badgeNumber, inboxKindLabel, newestFirst, nudgeDoneText, policyInWords } from '../src/lib/reminder-text'
import type { InboxMessage } from '../src/api/reminder-types'

const policy = { onOpen: false, daysBefore: [3, 1], dailyDigest: false, notifyOnReached: false, quietStart: '21:00', quietEnd: '08:00', paused: false }

it('puts the policy in words', () => {
  expect(policyInWords(policy)).toBe('截止前 3 天、1 天提醒；21:00–08:00（北京时间）免打扰')
  expect(policyInWords({ ...policy, onOpen: true, notifyOnReached: true, dailyDigest: true, daysBefore: [1, 7] })).toBe(
    '征询开始时通知；截止前 7 天、1 天提醒；单元达成一致时通知；每天把未答复名单发给居委会；21:00–08:00（北京时间）免打扰',
  )
  expect(policyInWords({ ...policy, daysBefore: [], quietStart: '00:00', quietEnd: '00:00' })).toBe('截止前不自动提醒；不设免打扰时段')
})

it('reads zoneless server times as UTC, and ISO times as they are', () => {
  expect(parseServerTime('2026-11-26 05:04:14.511').toISOString()).toBe('2026-11-26T05:04:14.511Z')
  expect(parseServerTime('2026-11-26 05:04').toISOString()).toBe('2026-11-26T05:04:00.000Z')
  expect(parseServerTime('2026-11-26T05:04:14.511Z').toISOString()).toBe('2026-11-26T05:04:14.511Z')
  expect(parseServerTime('2026-11-26T13:04:14+08:00').toISOString()).toBe('2026-11-26T05:04:14.000Z')
  expect(formatDateTime('2026-11-26 05:04:14.511')).toBe(formatDateTime('2026-11-26T05:04:14.511Z'))
  expect(formatDateTime('not a date')).toBe('not a date')
})

it('labels kinds it does not know yet as plain notices', () => {
  expect(inboxKindLabel('DEADLINE_REMINDER')).toBe('截止提醒')
  expect(inboxKindLabel('MANUAL_NUDGE')).toBe('社区提醒')
  expect(inboxKindLabel('SOMETHING_NEW')).toBe('通知')
})

it('caps the badge at 99+', () => {
  expect(badgeNumber(7)).toBe('7')
  expect(badgeNumber(99)).toBe('99')
  expect(badgeNumber(100)).toBe('99+')
})

it('orders messages newest first', () => {
  const at = (id: string, createdAt: string) => ({ id, createdAt }) as InboxMessage
  expect(newestFirst([at('a', '2026-11-20T00:00:00.000Z'), at('b', '2026-11-26 01:00:00'), at('c', '2026-11-25T23:00:00.000Z')]).map((m) => m.id)).toEqual(['b', 'c', 'a'])
})

it('tells a deferred nudge from one going out now', () => {
  const now = new Date('2026-11-26T14:00:00.000Z')
  expect(nudgeDoneText('2026-11-26T14:00:00.500Z', now)).not.toContain('免打扰')
  expect(nudgeDoneText('2026-11-27T00:00:00.000Z', now)).toContain('免打扰')
})
