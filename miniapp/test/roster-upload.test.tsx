import { fireEvent, render, screen, within } from '@testing-library/react'
import { StaffRole } from '@linyi/shared'
import Taro, { ok, resetTaro, serve, useRouter } from './taro-mock'
import { findIn, signInAs } from './staff-fixtures'
import StaffRosterPage from '../src/staff/roster/index'

/** Signed in as `role`, with the compound c1 to upload into. */
const signIn = (role: StaffRole) => serve({ ...signInAs(role), 'GET /compounds': ok([{ id: 'c1', name: '幸福里小区', communityId: 'cm1' }]) })

/** The H5 upload goes through fetch (multipart): answers `status` with `body`. */
function answerUpload(status: number, body: unknown) {
  const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ status, ok: status < 300, json: async () => body }))
  globalThis.fetch = fetchMock as unknown as typeof fetch
  return fetchMock
}

function chooseFile(container: HTMLElement, name = '名单.csv') {
  const input = container.querySelector('.roster-file-input') as HTMLInputElement
  const file = new File(['楼栋,单元,房号\n'], name, { type: 'text/csv' })
  fireEvent.change(input, { target: { files: [file] } })
  return file
}

beforeEach(() => {
  resetTaro()
  useRouter.mockReturnValue({ params: { compoundId: 'c1' } })
})

it('shows the compound, the columns, both templates and an accessible file button', async () => {
  signIn(StaffRole.Committee)
  const { container } = render(<StaffRosterPage />)
  expect(await screen.findByText('幸福里小区')).toBeTruthy()
  for (const column of ['楼栋', '单元', '房号', '楼层', '面积', '业主姓名', '电话']) expect(screen.getByText(column)).toBeTruthy()
  expect(container.querySelector('.roster-template-xlsx')?.textContent).toBe('下载模板（Excel）')
  expect(container.querySelector('.roster-template-csv')?.textContent).toBe('下载模板（CSV）')
  const input = container.querySelector('.roster-file-input') as HTMLInputElement
  expect(input.type).toBe('file')
  expect(input.accept).toBe('.csv,.xlsx')
  // The input sits inside its visible label, so it is named by it.
  expect(input.closest('label.roster-upload-button')?.textContent).toBe('选择文件并导入')
})

it('a roster with errors: says nothing was imported and lists each wrong row, by row number', async () => {
  signIn(StaffRole.Committee)
  const upload = answerUpload(400, {
    statusCode: 400,
    code: 'ROSTER_INVALID',
    message: '名单中有 2 行有误，未导入任何数据，请修改后重新上传',
    created: 0,
    updated: 0,
    errors: [
      { row: 7, message: '第 7 行：电话“123”不是有效的手机号或座机号' },
      { row: 3, message: '第 3 行：缺少楼层' },
    ],
  })
  const { container } = render(<StaffRosterPage />)
  await screen.findByText('幸福里小区')
  const file = chooseFile(container)

  const result = await findIn(container, '.roster-result')
  expect(result.querySelector('.roster-nothing-imported')?.textContent).toContain('未导入任何数据')
  const rows = [...result.querySelectorAll('.roster-error-row')]
  expect(rows.map((row) => row.getAttribute('data-row'))).toEqual(['3', '7'])
  expect(within(rows[0] as HTMLElement).getByText('3')).toBeTruthy()
  expect(within(rows[0] as HTMLElement).getByText('缺少楼层')).toBeTruthy()
  expect(result.querySelector('.roster-error-row[data-row="7"]')?.textContent).toContain('电话“123”不是有效的手机号或座机号')
  expect(result.textContent).not.toContain('已导入')
  // A long list scrolls inside its box, which a keyboard can reach.
  expect(result.querySelector('.roster-errors')?.getAttribute('tabindex')).toBe('0')

  const [url, init] = upload.mock.calls[0]
  expect(url).toBe('/api/compounds/c1/roster')
  expect(init?.method).toBe('POST')
  expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer staff-token')
  expect((init?.body as FormData).get('file')).toEqual(file)
})

it('a good roster: shows what was created and updated', async () => {
  signIn(StaffRole.Committee)
  answerUpload(201, { created: 12, updated: 3, unchanged: 2, errors: [] })
  const { container } = render(<StaffRosterPage />)
  await screen.findByText('幸福里小区')
  chooseFile(container, '名单.xlsx')
  const result = await findIn(container, '.roster-result')
  expect(result.textContent).toContain('已导入：新增 12 户，更新 3 户')
  expect(result.textContent).toContain('另有 2 户与系统中的信息相同')
  expect(container.querySelector('.roster-nothing-imported')).toBeNull()
  fireEvent.click(within(result).getByText('查看小区的楼栋与住户'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/compound/index?id=c1' })
})

it('while uploading shows progress and no second upload can start', async () => {
  signIn(StaffRole.Committee)
  let answer: (value: unknown) => void = () => undefined
  globalThis.fetch = jest.fn(() => new Promise((resolve) => (answer = resolve))) as unknown as typeof fetch
  const { container } = render(<StaffRosterPage />)
  await screen.findByText('幸福里小区')
  chooseFile(container)
  expect((await screen.findByRole('status')).textContent).toContain('正在上传并检查「名单.csv」')
  expect((container.querySelector('.roster-file-input') as HTMLInputElement).disabled).toBe(true)
  answer({ status: 201, ok: true, json: async () => ({ created: 1, updated: 0, errors: [] }) })
  await screen.findByText('已导入：新增 1 户，更新 0 户')
  expect((container.querySelector('.roster-file-input') as HTMLInputElement).disabled).toBe(false)
})

it('a refused file (too big) is shown as the server’s readable message', async () => {
  signIn(StaffRole.Committee)
  answerUpload(413, { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: '名单文件不能超过 5 MB：一次最多导入 5000 户，请分批上传' })
  const { container } = render(<StaffRosterPage />)
  await screen.findByText('幸福里小区')
  chooseFile(container)
  expect(await screen.findByText('名单文件不能超过 5 MB：一次最多导入 5000 户，请分批上传')).toBeTruthy()
  expect(container.querySelector('.roster-result--failed')).toBeTruthy()
})

it('street staff see the upload labelled 代居委会; a contractor is told who uploads rosters', async () => {
  signIn(StaffRole.Street)
  const street = render(<StaffRosterPage />)
  await screen.findByText('幸福里小区')
  expect(street.container.querySelector('.roster-upload-button')?.textContent).toBe('选择文件并导入（代居委会）')
  street.unmount()

  signIn(StaffRole.Contractor)
  const contractor = render(<StaffRosterPage />)
  expect(await screen.findByText(/您的账号（施工单位）不能导入住户名单/)).toBeTruthy()
  expect(contractor.container.querySelector('.roster-upload-button')).toBeNull()
  expect(contractor.container.querySelector('.roster-template-xlsx')).toBeNull()
})

it('says what is wrong when the page is opened without a compound id', async () => {
  signIn(StaffRole.Committee)
  useRouter.mockReturnValue({ params: {} })
  render(<StaffRosterPage />)
  expect(await screen.findByText(/页面地址缺少小区编号/)).toBeTruthy()
})

describe('on weapp', () => {
  const env = process.env.TARO_ENV
  const wx = Taro as unknown as Record<string, jest.Mock>
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
    wx.chooseMessageFile = jest.fn(async () => ({ tempFiles: [{ path: 'wxfile://tmp/名单.xlsx', name: '名单.xlsx', size: 2048, type: 'file', time: 0 }] }))
    wx.uploadFile = jest.fn(async () => ({ statusCode: 201, data: JSON.stringify({ created: 5, updated: 0, errors: [] }) }))
  })
  afterEach(() => {
    process.env.TARO_ENV = env
  })

  it('picks the file from a WeChat chat and uploads it as the field "file"', async () => {
    signIn(StaffRole.Committee)
    const { container } = render(<StaffRosterPage />)
    await screen.findByText('幸福里小区')
    expect(container.querySelector('.roster-file-input')).toBeNull()
    // WeChat cannot open a CSV: only the Excel template is offered.
    expect(container.querySelector('.roster-template-csv')).toBeNull()
    fireEvent.click(container.querySelector('.roster-upload-button')!)
    expect(await screen.findByText('已导入：新增 5 户，更新 0 户')).toBeTruthy()
    expect(wx.chooseMessageFile).toHaveBeenCalledWith({ count: 1, type: 'file', extension: ['csv', 'xlsx'] })
    expect(wx.uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://tmp/名单.xlsx', name: 'file', header: { Authorization: 'Bearer staff-token' } }))
  })
})
