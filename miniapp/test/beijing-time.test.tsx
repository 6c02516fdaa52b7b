import { render, screen } from '@testing-library/react'
import { formatDateTime, formatDateTimePlain } from '../src/lib/format'
import { nudgeDoneText } from '../src/lib/reminder-text'
import { ConsultationHeader } from '../src/consult/components/ConsultationHeader'
import { InboxList } from '../src/components/InboxList'
import type { InboxMessage } from '../src/api/reminder-types'
import { consultation } from './consultation-fixtures'

/**
 * Jest cannot change the process's zone after start, so the phone's zone is played by Date's local
 * getters: the ones a zone-naive formatter would read. Asia/Shanghai must come out whatever they say.
 */
function onPhoneInZone(offsetHours: number, run: () => void): void {
  const proto = Date.prototype as unknown as Record<string, () => number>
  const names = ['getFullYear', 'getMonth', 'getDate', 'getHours', 'getMinutes', 'getDay'] as const
  const utc = { getFullYear: 'getUTCFullYear', getMonth: 'getUTCMonth', getDate: 'getUTCDate', getHours: 'getUTCHours', getMinutes: 'getUTCMinutes', getDay: 'getUTCDay' }
  const saved = names.map((name) => proto[name])
  const offsetMinutes = proto.getTimezoneOffset
  for (const name of names) {
    proto[name] = function (this: Date) {
      return (new Date(this.getTime() + offsetHours * 3_600_000) as unknown as Record<string, () => number>)[utc[name]]()
    }
  }
  proto.getTimezoneOffset = () => -offsetHours * 60
  try {
    run()
  } finally {
    names.forEach((name, i) => (proto[name] = saved[i]))
    proto.getTimezoneOffset = offsetMinutes
  }
}

// 20:30 UTC on 2 December is already 04:30 on 3 December in Beijing.
const LATE_UTC = '2026-12-02T20:30:00.000Z'

it.each([
  ['New York', -5],
  ['UTC', 0],
  ['Tokyo', 9],
  ['Los Angeles', -8],
])('shows Asia/Shanghai on a phone set to %s, and says so', (_, offset) => {
  onPhoneInZone(offset, () => {
    expect(formatDateTime(LATE_UTC)).toBe('2026年12月3日 04:30（北京时间）')
    expect(formatDateTimePlain('2026-12-31T16:05:00.000Z')).toBe('2027年1月1日 00:05')
    // The server's zoneless SQLite times are UTC too.
    expect(formatDateTime('2026-12-02 20:30:00')).toBe('2026年12月3日 04:30（北京时间）')
  })
})

it('puts the zone under the deadline and beside every message time', () => {
  onPhoneInZone(-5, () => {
    render(<ConsultationHeader consultation={consultation({ deadline: '2026-12-20T10:00:00.000Z' })} householdLabel='1号楼1单元301' showBody={false} />)
    expect(screen.getByText('截止时间：2026年12月20日 18:00（北京时间）')).toBeTruthy()
    const message = { id: 'm1', kind: 'DEADLINE_REMINDER', title: '截止提醒', body: '还有 1 天', createdAt: LATE_UTC, readAt: null, consultationId: null } as unknown as InboxMessage
    render(<InboxList messages={[message]} onOpen={() => undefined} />)
    expect(screen.getByText('2026年12月3日 04:30（北京时间）')).toBeTruthy()
  })
})

it('names the end of the quiet hours in Beijing time, whatever the phone says', () => {
  onPhoneInZone(-5, () => {
    // 22:00 in Beijing: the push waits until 08:00 Beijing time the next morning.
    const text = nudgeDoneText('2026-11-27T00:00:00.000Z', new Date('2026-11-26T14:00:00.000Z'))
    expect(text).toBe('已发提醒：住户的“消息”里已能看到；现在是免打扰时段，微信或短信将在 2026年11月27日 08:00（北京时间） 发出')
  })
})
