import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { conflict, ok, resetTaro, sent, serve, storage, useRouter } from './taro-mock'
import { consultation, group, outstanding } from './consultation-fixtures'
import StaffConsultationPage from '../src/staff/consultation/index'
import { StorageKey } from '../src/api/storage'
import { StaffRole } from '@linyi/shared'
import { signInAs } from './staff-fixtures'
import type { ReminderOverview, ReminderPolicy, ReminderRow } from '../src/api/reminder-types'

const REMINDERS = 'GET /consultations/c-plumbing/reminders?status=DEAD'
const policy: ReminderPolicy = { onOpen: true, daysBefore: [1, 3], dailyDigest: false, notifyOnReached: false, quietStart: '21:00', quietEnd: '08:00', paused: false }

function dead(overrides: Partial<ReminderRow> = {}): ReminderRow {
  return {
    id: 'rem-1',
    kind: 'DEADLINE_REMINDER',
    status: 'DEAD',
    channel: 'SMS',
    householdId: 'h-502',
    householdLabel: '2号楼3单元502',
    title: '意见征询3天后截止',
    // As the SQLite demo answers raw rows: UTC without a zone.
    sendAfter: '2026-11-26 01:00:00.000',
    sentAt: null,
    lastError: 'sms gateway 503',
    createdAt: '2026-11-26 01:00:00.000',
    ...overrides,
  }
}

function overview(overrides: Partial<ReminderOverview> = {}): ReminderOverview {
  return { policy, counts: { SCHEDULED: 2, SENT: 31, SKIPPED: 4, DEAD: 1 }, reminders: [dead()], ...overrides }
}

function serveWith(routes: Parameters<typeof serve>[0]) {
  serve({
    ...signInAs(StaffRole.Committee),
    'GET /households/h-101/visits?consultationId=c-plumbing': ok([]),
    'GET /consultations/c-plumbing': ok(consultation()),
    'GET /consultations/c-plumbing/groups': ok([group()]),
    'GET /consultations/c-plumbing/outstanding': ok(outstanding()),
    [REMINDERS]: ok(overview()),
    ...routes,
  })
}

const section = () => screen.findByText('自动提醒进行中').then((el) => el.closest('.reminder-section') as HTMLElement)

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.staffToken, 'staff-token')
  useRouter.mockReturnValue({ params: { id: 'c-plumbing' } })
})

it('shows the counts by status and the policy in words', async () => {
  serveWith({})
  render(<StaffConsultationPage />)
  const reminders = await section()
  const counts = [...reminders.querySelectorAll('.reminder-count')].map((c) => c.textContent)
  expect(counts).toEqual(['2待发送', '31已发送', '4未发送', '1发送失败'])
  expect(within(reminders).getByText('征询开始时通知；截止前 3 天、1 天提醒；21:00–08:00（北京时间）免打扰')).toBeTruthy()
})

it('pauses and resumes the automatic reminders, showing what the server holds after each', async () => {
  serveWith({
    [REMINDERS]: [ok(overview()), ok(overview({ policy: { ...policy, paused: true } })), ok(overview())],
    'POST /consultations/c-plumbing/reminders/pause': ok({ ...policy, paused: true }),
    'POST /consultations/c-plumbing/reminders/resume': ok(policy),
  })
  render(<StaffConsultationPage />)
  await section()
  fireEvent.click(screen.getByText('暂停自动提醒'))
  expect(await screen.findByText('自动提醒已暂停（“发提醒”仍可用）')).toBeTruthy()
  expect(sent('POST /consultations/c-plumbing/reminders/pause')).toHaveLength(1)
  fireEvent.click(screen.getByText('恢复自动提醒'))
  expect(await screen.findByText('自动提醒进行中')).toBeTruthy()
  expect(sent('POST /consultations/c-plumbing/reminders/resume')).toHaveLength(1)
  expect(screen.getByText('暂停自动提醒')).toBeTruthy()
})

it('lists the reminders that failed, with why, and sends one again', async () => {
  serveWith({
    [REMINDERS]: [ok(overview()), ok(overview({ counts: { SCHEDULED: 3, SENT: 31, SKIPPED: 4, DEAD: 0 }, reminders: [] }))],
    'POST /consultations/c-plumbing/reminders/rem-1/retry': ok({ id: 'rem-1', status: 'SCHEDULED' }),
  })
  const { container } = render(<StaffConsultationPage />)
  await section()
  const row = container.querySelector('#reminder-rem-1') as HTMLElement
  expect(row.textContent).toContain('2号楼3单元502')
  expect(row.textContent).toContain('原因：sms gateway 503')
  expect(row.textContent).toContain('短信')
  // The zoneless UTC time is read as UTC: 01:00 UTC is 2026-11-26 in any zone from UTC−1 to UTC+14.
  expect(row.textContent).toMatch(/2026年11月26日 \d{2}:00/)
  fireEvent.click(within(row).getByText('重发'))
  expect(await screen.findByText('没有发送失败的提醒。')).toBeTruthy()
  expect(sent('POST /consultations/c-plumbing/reminders/rem-1/retry')).toHaveLength(1)
})

it('发提醒 reminds a household that has not answered and updates the counts', async () => {
  serveWith({
    [REMINDERS]: [ok(overview()), ok(overview({ counts: { SCHEDULED: 3, SENT: 31, SKIPPED: 4, DEAD: 1 } }))],
    'POST /households/h-502/nudge': { statusCode: 201, data: { id: 'rem-9', status: 'SCHEDULED', sendAfter: new Date().toISOString() } },
  })
  const { container } = render(<StaffConsultationPage />)
  await section()
  const household = container.querySelector('#chase-h-502') as HTMLElement
  fireEvent.click(within(household).getByText('发提醒'))
  expect(await within(household).findByText(/^已发提醒：住户的“消息”里已能看到/)).toBeTruthy()
  expect(sent('POST /households/h-502/nudge').map((r) => r.data)).toEqual([{ consultationId: 'c-plumbing' }])
  await waitFor(() => expect(container.querySelector('.reminder-count--scheduled')!.textContent).toBe('3待发送'))
  expect(within(household).queryByText('发提醒')).toBeNull()
})

it('发提醒 shows the server’s 409 message inline, on that household', async () => {
  serveWith({
    'POST /households/h-502/nudge': conflict('CONFLICT', '今天已经提醒过该住户，请明天再提醒或上门沟通'),
  })
  const { container } = render(<StaffConsultationPage />)
  await section()
  const household = container.querySelector('#chase-h-502') as HTMLElement
  fireEvent.click(within(household).getByText('发提醒'))
  const error = await within(household).findByText('今天已经提醒过该住户，请明天再提醒或上门沟通')
  expect(error.closest('.nudge-error')).toBeTruthy()
  expect(within(household).getByText('发提醒')).toBeTruthy()
  expect(sent(REMINDERS)).toHaveLength(1)
})

it('offers 发提醒 only to households that have not answered (never after a refusal)', async () => {
  serveWith({})
  const { container } = render(<StaffConsultationPage />)
  await section()
  expect(within(container.querySelector('#chase-h-502') as HTMLElement).queryByText('发提醒')).toBeTruthy()
  expect(within(container.querySelector('#chase-h-102') as HTMLElement).queryByText('发提醒')).toBeTruthy()
  expect(within(container.querySelector('#chase-h-101') as HTMLElement).queryByText('发提醒')).toBeNull()
})

it('says when a nudge waits for the end of the quiet hours', async () => {
  const later = new Date(Date.now() + 8 * 3600 * 1000).toISOString()
  serveWith({ 'POST /households/h-502/nudge': { statusCode: 201, data: { id: 'rem-9', status: 'SCHEDULED', sendAfter: later } } })
  const { container } = render(<StaffConsultationPage />)
  await section()
  fireEvent.click(within(container.querySelector('#chase-h-502') as HTMLElement).getByText('发提醒'))
  expect(await screen.findByText(/现在是免打扰时段，微信或短信将在 .* 发出/)).toBeTruthy()
})
