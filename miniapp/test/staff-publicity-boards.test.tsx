/** The boards editor: materials and parties as rows, the complaint phone, supervisors read-only, the board to print; read-only without EditBoards. */
import { fireEvent, render, waitFor } from '@testing-library/react'
import { StaffRole } from '@linyi/shared'
import { ok, resetTaro, sent, serve, useRouter } from './taro-mock'
import { typeInto } from './dom-events'
import { findIn, signInAs } from './staff-fixtures'
import { boards, servePdfs } from './staff-publicity-fixtures'
import StaffBoardsPage from '../src/staff/boards/index'
import { setLargeType } from '../src/store/large-type'

jest.setTimeout(20_000)

const inactive = (button: Element) => button.className.includes('big-button--inactive')
const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent)
const rowOf = (container: HTMLElement, editor: string, index: number) => container.querySelector(`${editor} .boards-row[data-row="${index}"]`)!
const typeIn = (row: Element, name: string, value: string) => typeInto(row.querySelector(`.${name}-input`)!, value)

beforeEach(() => {
  resetTaro()
  setLargeType(false)
  useRouter.mockReturnValue({ params: { compoundId: 'c1' } })
})

async function openBoards(role: StaffRole, routes: Parameters<typeof serve>[0] = {}) {
  serve({ ...signInAs(role), 'GET /compounds/c1/boards': ok(boards()), ...routes })
  const utils = render(<StaffBoardsPage />)
  await findIn(utils.container, '.boards-materials, .boards-editor')
  return utils
}

it('shows street staff the boards read-only, with the supervisors, and prints the board with the token', async () => {
  const { fetchMock, open } = servePdfs()
  const { container } = await openBoards(StaffRole.Street)
  expect(texts(container, '.boards-material .boards-line__title')).toEqual(['PPR给水管'])
  expect(container.querySelector('.boards-material')!.textContent).toContain('出厂检验报告：JC-2026-0012 北京市建设工程质量检测中心')
  expect(texts(container, '.boards-party .boards-line__title')).toEqual(['施工单位：北京某某建设集团'])
  expect(container.querySelector('.boards-party__phone')!.textContent).toBe('联系电话：13800001111')
  expect(container.querySelector('.boards-complaint-phone')!.textContent).toBe('010-64001234')
  expect(texts(container, '.boards-supervisor')).toEqual(['刘淑芬'])
  expect(container.querySelector('.boards-updated')!.textContent).toBe('最近修改 2026年12月1日 10:00（北京时间）（只读）')
  expect(container.querySelector('.boards-edit')).toBeNull()

  fireEvent.click(container.querySelector('.boards-print')!)
  expect((await findIn(container, '.boards-print-done')).textContent).toBe('公示牌已在新的浏览器窗口打开，请在那里打印。')
  expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/compounds/c1/boards.pdf'])
  expect((fetchMock.mock.calls[0][1]?.headers as Record<string, string>).Authorization).toBe('Bearer staff-token')
  open.mockRestore()
})

it('lets the committee fill empty boards: the four parties offered, every problem listed with its row, blank rows dropped, phones made plain', async () => {
  const empty = boards({ materials: [], parties: [], complaintPhone: null, supervisors: [], updatedAt: null })
  const saved = boards()
  const { container } = await openBoards(StaffRole.Committee, { 'GET /compounds/c1/boards': ok(empty), 'PUT /compounds/c1/boards': ok(saved) })
  expect(container.querySelector('.boards-updated')!.textContent).toBe('还没有填写过公示牌。')
  fireEvent.click(container.querySelector('.boards-edit')!)

  const parties = '.boards-parties-editor'
  expect([...container.querySelectorAll(`${parties} .boards-party-role-input`)].map((input) => (input as unknown as { value: string }).value)).toEqual([
    '建设单位',
    '设计单位',
    '施工单位',
    '监理单位',
  ])
  // Nothing filled in: nothing to fix, the offered roles alone are not saved.
  expect(container.querySelector('.boards-problems')).toBeNull()

  fireEvent.click(container.querySelector('.boards-material-add')!)
  const material = rowOf(container, '.boards-materials-editor', 0)
  typeIn(material, 'boards-material-name', 'PPR给水管')
  const builder = rowOf(container, parties, 2)
  typeIn(builder, 'boards-party-organisation', '北京某某建设集团')
  typeIn(builder, 'boards-party-person', '王工')
  typeIn(builder, 'boards-party-phone', '1380000')
  typeInto(container.querySelector('.boards-complaint-phone-input')!, '12345')
  expect(texts(container, '.boards-problem')).toEqual([
    '材料第 1 项：请填写生产厂家',
    '材料第 1 项：请填写出厂检验报告',
    '施工单位：联系电话应为手机号或带区号的座机，如 010-64001234',
    '投诉电话：联系电话应为手机号或带区号的座机，如 010-64001234',
  ])
  expect(inactive(container.querySelector('.boards-save')!)).toBe(true)

  typeIn(material, 'boards-material-maker', '北京某某管业有限公司')
  typeIn(material, 'boards-material-report', ' JC-2026-0012 北京市建设工程质量检测中心 ')
  typeIn(builder, 'boards-party-phone', '138-0000-1111')
  typeInto(container.querySelector('.boards-complaint-phone-input')!, '010－64001234')
  expect(container.querySelector('.boards-problems')).toBeNull()
  fireEvent.click(container.querySelector('.boards-save')!)

  expect((await findIn(container, '.boards-saved')).textContent).toContain('已保存公示牌')
  expect(sent('PUT /compounds/c1/boards').map((r) => r.data)).toEqual([
    {
      materials: [{ name: 'PPR给水管', maker: '北京某某管业有限公司', testReport: 'JC-2026-0012 北京市建设工程质量检测中心' }],
      parties: [{ role: '施工单位', organisation: '北京某某建设集团', person: '王工', phone: '13800001111' }],
      complaintPhone: '010-64001234',
    },
  ])
  expect(container.querySelector('.boards-editor')).toBeNull()
  expect(texts(container, '.boards-supervisor')).toEqual(['刘淑芬'])
})

it('keeps the form and says why when the server refuses, and a contractor may edit too', async () => {
  const { container } = await openBoards(StaffRole.Contractor, {
    'PUT /compounds/c1/boards': { statusCode: 400, data: { statusCode: 400, code: 'BOARDS_INVALID', message: '材料第 1 项的检验报告不能超过 120 个字' } },
  })
  fireEvent.click(container.querySelector('.boards-edit')!)
  fireEvent.click(container.querySelector('.boards-party-remove')!)
  expect(container.querySelector('.boards-parties-editor .boards-row')).toBeNull()
  fireEvent.click(container.querySelector('.boards-save')!)
  expect((await findIn(container, '.boards-save-error')).textContent).toBe('材料第 1 项的检验报告不能超过 120 个字')
  expect(sent('PUT /compounds/c1/boards').map((r) => (r.data as { parties: unknown[] }).parties)).toEqual([[]])
  expect(container.querySelector('.boards-editor')).toBeTruthy()
  // Cancelling sends nothing more and shows the boards as stored.
  fireEvent.click(container.querySelector('.boards-cancel')!)
  await waitFor(() => expect(container.querySelector('.boards-party')).toBeTruthy())
  expect(sent('PUT /compounds/c1/boards')).toHaveLength(1)
})

it('puts the whole page in large type', async () => {
  setLargeType(true)
  const { container } = await openBoards(StaffRole.Committee)
  expect(container.querySelector('.screen.staff-boards')!.className).toContain('large-type')
})
