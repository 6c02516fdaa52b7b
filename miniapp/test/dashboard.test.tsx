import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { GroupState, PipelineStage, StaffRole } from '@linyi/shared'
import type { ConsultationTrend, StreetStatus } from '@linyi/shared'
import Taro, { ok, resetTaro, sent, serve } from './taro-mock'
import { group } from './consultation-fixtures'
import { findIn, signInAs, staffView } from './staff-fixtures'
import { NO_PIPELINE, summary } from './pipeline-fixtures'
import StaffDashboardPage from '../src/staff/dashboard/index'

const status: StreetStatus = {
  streetOfficeId: 'street-1',
  name: '兰山街道',
  communities: [
    {
      id: 'comm-1',
      name: '金雀山社区',
      compounds: [
        {
          id: 'k-1',
          name: '幸福里小区',
          pipeline: summary(),
          consultations: [
            {
              id: 'c-pipe',
              title: '楼内上下水管线改造申请',
              kind: 'PLUMBING_APPLICATION',
              rule: 'UNANIMOUS',
              groupBy: 'UNIT',
              status: 'OPEN',
              deadline: '2026-12-20T10:00:00.000Z',
              groups: { total: 14, reached: 3, pending: 9, failed: 2 },
              households: { answered: 117, total: 168 },
            },
          ],
        },
        {
          id: 'k-2',
          name: '和平小区',
          consultations: [],
          pipeline: summary({
            stage: PipelineStage.AnnualPlan,
            gates: summary().gates.map((g) => ({ ...g, met: true })),
            excludedBuildings: [{ buildingId: 'b-2', name: '2号楼', reason: '外窗护栏拆除未获同意', consultationId: 'c-guard' }],
          }),
        },
      ],
    },
    {
      id: 'comm-2',
      name: '银雀山社区',
      compounds: [
        {
          id: 'k-3',
          name: '东方花园',
          pipeline: NO_PIPELINE,
          consultations: [
            {
              id: 'c-vote',
              title: '小区大门设计方案投票',
              kind: 'DESIGN_VOTE',
              rule: 'PLURALITY',
              groupBy: 'COMPOUND',
              status: 'OPEN',
              deadline: '2026-12-31T15:59:00.000Z',
              groups: { total: 1, reached: 0, pending: 1, failed: 0 },
              households: { answered: 40, total: 96 },
            },
          ],
        },
      ],
    },
  ],
} as StreetStatus

const trend = (id: string, answered: number[]): ConsultationTrend => {
  let cumulative = 0
  return {
    consultationId: id,
    timeZone: 'Asia/Shanghai',
    householdsTotal: 168,
    days: answered.map((n, i) => ({ date: `2026-12-${String(i + 1).padStart(2, '0')}`, answered: n, cumulative: (cumulative += n) })),
  }
}

const pipeGroups = [
  group({ groupId: 'u-11', label: '1号楼1单元', missing: 3 }),
  group({ groupId: 'u-12', label: '1号楼2单元', missing: 1 }),
  group({ groupId: 'u-21', label: '2号楼1单元', state: GroupState.Reached, missing: 0 }),
  group({ groupId: 'u-22', label: '2号楼2单元', missing: 2 }),
]

/** The street's figures, with `routes` (the signed-in account's, and any changes) on top. */
function serveStreet(routes: Parameters<typeof serve>[0]) {
  serve({
    'GET /street-offices': ok([{ id: 'street-1', name: '兰山街道' }]),
    'GET /street-offices/street-1/status': ok(status),
    'GET /consultations/c-pipe/trend': ok(trend('c-pipe', [5, 0, 12])),
    'GET /consultations/c-pipe/groups': ok(pipeGroups),
    'GET /consultations/c-vote/trend': ok(trend('c-vote', [40])),
    'GET /consultations/c-vote/groups': ok([group({ groupId: 'k-3', label: '东方花园', missing: 8 })]),
    ...routes,
  })
}

const text = (root: Element, selector: string) => root.querySelector(selector)?.textContent

beforeEach(() => {
  resetTaro()
})

it('shows the street’s totals and each consultation’s figures exactly as the API counts them', async () => {
  serveStreet(signInAs(StaffRole.Street))
  const { container } = render(<StaffDashboardPage />)
  const totals = await findIn(container, '.dashboard-totals')
  expect(text(totals, '.dashboard-open-consultations')).toBe('2')
  expect(text(totals, '.dashboard-groups-reached')).toBe('3')
  expect(text(totals, '.dashboard-groups-pending')).toBe('10')
  expect(text(totals, '.dashboard-groups-failed')).toBe('2')
  expect(text(totals, '.dashboard-households-answered')).toBe('157')
  expect(text(totals, '.dashboard-households-total')).toBe('264')

  const pipe = container.querySelector('.dashboard-consultation[data-id="c-pipe"]')!
  expect(text(pipe, '.dashboard-groups-total')).toBe('14')
  expect(text(pipe, '.dashboard-groups-reached')).toBe('3')
  expect(text(pipe, '.dashboard-groups-pending')).toBe('9')
  expect(text(pipe, '.dashboard-groups-failed')).toBe('2')
  expect(text(pipe, '.dashboard-households-answered')).toBe('117')
  expect(text(pipe, '.dashboard-households-total')).toBe('168')
  expect(text(pipe, '.progress-bar__percent')).toBe('69%')
  expect(pipe.textContent).toContain('上下水管线改造申请')
  // 10:00 UTC is 18:00 in Shanghai, and the screen says which clock it uses.
  expect(text(pipe, '.dashboard-deadline')).toBe('截止 2026年12月20日 18:00（北京时间）')

  // Grouped by community, then compound; a compound with nothing open is only counted.
  expect([...container.querySelectorAll('.dashboard-community__name')].map((e) => e.textContent)).toEqual(['金雀山社区', '银雀山社区'])
  expect(text(pipe, '.dashboard-consultation__compound')).toBe('幸福里小区')
  expect(container.querySelector('[data-compound-id="k-2"]')).toBeNull()
  expect(screen.getByText('其余 1 个小区暂无进行中的征询。')).toBeTruthy()
  expect(sent('GET /street-offices/street-1/status')[0].header.Authorization).toBe('Bearer staff-token')
})

it('draws one bar per day with its count and a sentence for screen readers', async () => {
  serveStreet(signInAs(StaffRole.Street))
  const { container } = render(<StaffDashboardPage />)
  const pipe = await findIn(container, '.dashboard-consultation[data-id="c-pipe"] .trend')
  const bars = [...pipe.querySelectorAll('.trend-bar')]
  expect(bars.map((bar) => bar.getAttribute('aria-label'))).toEqual(['12月1日 答复 5 户', '12月2日 答复 0 户', '12月3日 答复 12 户'])
  expect(bars.map((bar) => text(bar, '.trend-bar__count'))).toEqual(['5', '0', '12'])
  expect((bars[2].querySelector('.trend-bar__fill') as HTMLElement).style.height).toBe('100%')
  expect(pipe.textContent).toContain('累计 17 户')
  // Plain views: no image, no canvas.
  expect(container.querySelector('.trend img, .trend canvas, .trend taro-canvas-core')).toBeNull()
})

it('lists the pending units closest to a decision, fewest missing first', async () => {
  serveStreet(signInAs(StaffRole.Street))
  const { container } = render(<StaffDashboardPage />)
  await findIn(container, '.dashboard-consultation[data-id="c-pipe"] .closest-unit')
  const close = [...container.querySelectorAll('.dashboard-consultation[data-id="c-pipe"] .closest-unit')]
  expect(close.map((unit) => unit.textContent)).toEqual(['1号楼2单元还差 1 户同意', '2号楼2单元还差 2 户同意', '1号楼1单元还差 3 户同意'])
  expect(container.querySelector('.dashboard-consultation[data-id="c-vote"] .closest-unit')!.textContent).toBe('东方花园还差 8 户投票')
})

it('opens a consultation’s drill-down', async () => {
  serveStreet(signInAs(StaffRole.Street))
  const { container } = render(<StaffDashboardPage />)
  const pipe = await findIn(container, '.dashboard-consultation[data-id="c-pipe"]')
  fireEvent.click(within(pipe).getByText('查看各楼栋住户答复'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/progress/index?id=c-pipe' })
})

it('keeps the street’s figures when one consultation’s trend cannot be read', async () => {
  serveStreet({ ...signInAs(StaffRole.Street), 'GET /consultations/c-vote/trend': { statusCode: 500, data: { statusCode: 500, message: '服务器出错了' } } })
  const { container } = render(<StaffDashboardPage />)
  const vote = await findIn(container, '.dashboard-consultation[data-id="c-vote"]')
  await waitFor(() => expect(vote.querySelector('.error-message')).toBeTruthy())
  expect(text(vote, '.dashboard-households-answered')).toBe('40')
  expect(vote.querySelector('.trend')).toBeNull()
  expect(vote.querySelector('.closest-unit')).toBeTruthy()
})

it('says who creates consultations when the street has none open', async () => {
  serveStreet({ ...signInAs(StaffRole.Street), 'GET /street-offices/street-1/status': ok({ ...status, communities: [{ id: 'comm-1', name: '金雀山社区', compounds: [{ id: 'k-2', name: '和平小区', consultations: [], pipeline: NO_PIPELINE }] }] }) })
  const { container } = render(<StaffDashboardPage />)
  const empty = await findIn(container, '.dashboard-empty')
  expect(empty.textContent).toContain('居委会在「发起征询」中创建')
  expect(text(container, '.dashboard-totals .dashboard-open-consultations')).toBe('0')
  expect(container.querySelector('.dashboard-consultation')).toBeNull()
  // The renovation stage is listed whether or not anything is open.
  expect(text(container, '#pipeline-line-k-2 .dashboard-pipeline-line__stage')).toBe('未入库')
})

it('lists every compound’s renovation stage with its gates met, what is missing and the buildings left out; a tap opens its pipeline', async () => {
  serveStreet(signInAs(StaffRole.Street))
  const { container } = render(<StaffDashboardPage />)
  const section = await findIn(container, '.dashboard-pipeline')
  expect([...section.querySelectorAll('.dashboard-pipeline-community__name')].map((e) => e.textContent)).toEqual(['金雀山社区', '银雀山社区'])
  const line = (id: string) => section.querySelector(`#pipeline-line-${id}`)!
  expect(text(line('k-1'), '.dashboard-pipeline-line__name')).toBe('幸福里小区')
  expect(text(line('k-1'), '.dashboard-pipeline-line__stage')).toBe('储备库')
  expect(text(line('k-1'), '.dashboard-pipeline-line__gates')).toBe('条件 2/4')
  expect(text(line('k-1'), '.dashboard-pipeline-line__missing')).toBe('还缺：物业服务标准及收费已议定、违法建设已清理')
  expect(line('k-1').querySelector('.dashboard-pipeline-line__excluded')).toBeNull()
  expect(text(line('k-2'), '.dashboard-pipeline-line__stage')).toBe('年度计划')
  expect(text(line('k-2'), '.dashboard-pipeline-line__gates')).toBe('条件 4/4')
  expect(line('k-2').querySelector('.dashboard-pipeline-line__missing')).toBeNull()
  expect(text(line('k-2'), '.dashboard-pipeline-line__excluded')).toBe('1 栋楼不列入年度计划')
  expect(text(line('k-3'), '.dashboard-pipeline-line__gates')).toBe('条件 1/4')
  fireEvent.click(line('k-2'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pipeline/index?id=k-2' })
})

it.each([StaffRole.Committee, StaffRole.Contractor])('a %s account sees why, a way back to 工作台, and no request for street figures', async (role) => {
  serveStreet(signInAs(role))
  const { container } = render(<StaffDashboardPage />)
  const denied = await findIn(container, '.staff-gate--denied')
  expect(denied.textContent).toContain('您的账号不能查看此页面')
  fireEvent.click(within(denied).getByText('返回工作台'))
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/home/index' })
  await waitFor(() => expect(sent('GET /staff/me')).toHaveLength(1))
  expect(sent('GET /street-offices')).toHaveLength(0)
  expect(container.querySelector('.dashboard-totals')).toBeNull()
})

it('follows the server when the stored profile is out of date (re-roled to committee)', async () => {
  serveStreet({ ...signInAs(StaffRole.Street), 'GET /staff/me': ok({ ...staffView(StaffRole.Street), role: StaffRole.Committee }) })
  const { container } = render(<StaffDashboardPage />)
  await findIn(container, '.staff-gate--denied')
  expect(container.querySelector('.dashboard-consultation')).toBeNull()
})

it('an admin picks the street to watch', async () => {
  serveStreet({
    ...signInAs(StaffRole.Admin),
    'GET /street-offices': ok([
      { id: 'street-1', name: '兰山街道' },
      { id: 'street-2', name: '柳青街道' },
    ]),
    'GET /street-offices/street-2/status': ok({ streetOfficeId: 'street-2', name: '柳青街道', communities: [] }),
  })
  const { container } = render(<StaffDashboardPage />)
  await findIn(container, '.dashboard-consultation[data-id="c-pipe"]')
  fireEvent.click(screen.getByText('柳青街道'))
  await findIn(container, '.dashboard-empty')
  expect(text(container, '.dashboard-street-name')).toBe('柳青街道')
  expect(screen.getByText('✓ 柳青街道（当前）')).toBeTruthy()
  expect(sent('GET /street-offices/street-2/status')).toHaveLength(1)
})

it('shows no committee action to a street supervisor', async () => {
  serveStreet(signInAs(StaffRole.Street))
  const { container } = render(<StaffDashboardPage />)
  await findIn(container, '.dashboard-consultation[data-id="c-vote"] .closest-unit')
  const labels = [...container.querySelectorAll('taro-button-core, button')].map((b) => b.textContent)
  expect(labels).toContain('查看各楼栋住户答复')
  expect(labels.filter((l) => /邀请码|提醒|上门|录入|发起|代居委会/.test(l ?? ''))).toEqual([])
})
