import Taro, { resetTaro, storage } from './taro-mock'
import { ApiError, NETWORK_ERROR_MESSAGE } from '../src/api/errors'
import { downloadRosterTemplate, uploadRoster } from '../src/api/roster'
import { StorageKey } from '../src/api/storage'
import { FILE_PRIVACY_REFUSED, chooseWechatFile, uploadFile, type ChosenFile } from '../src/api/upload'

const wx = Taro as unknown as Record<string, jest.Mock>
const csv: ChosenFile = { kind: 'browser', file: new File(['楼栋\n'], '名单.csv'), name: '名单.csv' }

function fetchAnswers(status: number, body: unknown, blob = new Blob(['x'])) {
  const mock = jest.fn(async (_url: string, _init?: RequestInit) => ({ status, ok: status < 300, json: async () => body, blob: async () => blob }))
  globalThis.fetch = mock as unknown as typeof fetch
  return mock
}

const rejection = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error('expected a failure')), (error: unknown) => error as ApiError)

beforeEach(() => {
  resetTaro()
  storage.set(StorageKey.staffToken, 'staff-token')
  storage.set(StorageKey.staffProfile, '{"id":"s1"}')
})

describe('on H5', () => {
  it('a network failure is a NETWORK_ERROR with the readable message', async () => {
    globalThis.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof fetch
    const error = await rejection(uploadFile('/compounds/c1/roster', csv))
    expect(error).toBeInstanceOf(ApiError)
    expect({ code: error.code, status: error.statusCode, message: error.message }).toEqual({ code: 'NETWORK_ERROR', status: 0, message: NETWORK_ERROR_MESSAGE })
  })

  it('a 401 ends the staff session; without a session nothing is sent', async () => {
    fetchAnswers(401, { statusCode: 401, code: 'ACCOUNT_DISABLED', message: '该账号已停用' })
    const error = await rejection(uploadFile('/compounds/c1/roster', csv))
    expect({ code: error.code, message: error.message }).toEqual({ code: 'ACCOUNT_DISABLED', message: '该账号已停用' })
    expect(storage.has(StorageKey.staffToken)).toBe(false)

    const fetchMock = fetchAnswers(201, {})
    const again = await rejection(uploadFile('/compounds/c1/roster', csv))
    expect(again.statusCode).toBe(401)
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('a refused roster is an outcome with its rows’ errors, in row order', async () => {
    fetchAnswers(400, { code: 'ROSTER_INVALID', message: '名单中有 2 行有误', errors: [{ row: 9, message: 'b' }, { row: 2, message: 'a' }, { row: 'x' }] })
    expect(await uploadRoster('c1', csv)).toEqual({ imported: false, message: '名单中有 2 行有误', errors: [{ row: 2, message: 'a' }, { row: 9, message: 'b' }] })
  })

  it('a 2xx answer that still lists errors imported nothing', async () => {
    fetchAnswers(200, { created: 0, updated: 0, errors: [{ row: 4, message: '第 4 行：缺少房号' }] })
    const outcome = await uploadRoster('c1', csv)
    expect(outcome.imported).toBe(false)
  })

  it('other refusals throw with the server’s message, or a readable fallback for a bare status', async () => {
    fetchAnswers(415, null)
    const error = await rejection(uploadRoster('c1', csv))
    expect(error.statusCode).toBe(415)
    expect(error.message).toBe('服务暂时不可用（415），请稍后再试')
  })

  it('the template is fetched with the token and saved through a download link', async () => {
    const fetchMock = fetchAnswers(200, null)
    const created: string[] = []
    URL.createObjectURL = jest.fn(() => 'blob:template')
    URL.revokeObjectURL = jest.fn()
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      created.push(`${this.download} ${this.href}`)
    })
    await downloadRosterTemplate('csv')
    expect(fetchMock.mock.calls[0][0]).toBe('/api/roster-template?format=csv')
    expect((fetchMock.mock.calls[0][1]?.headers as Record<string, string>).Authorization).toBe('Bearer staff-token')
    expect(created).toEqual(['住户名单模板.csv blob:template'])
    expect(document.querySelector('a[download]')).toBeNull()
    click.mockRestore()
  })

  it('a refused template download says why', async () => {
    fetchAnswers(403, { statusCode: 403, code: 'FORBIDDEN', message: '没有权限执行此操作' })
    const error = await rejection(downloadRosterTemplate('xlsx'))
    expect(error.message).toBe('没有权限执行此操作')
  })
})

describe('on weapp', () => {
  const env = process.env.TARO_ENV
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
    wx.uploadFile = jest.fn()
    wx.chooseMessageFile = jest.fn()
  })
  afterEach(() => {
    process.env.TARO_ENV = env
  })
  const chat: ChosenFile = { kind: 'wechat', path: 'wxfile://tmp/a.xlsx', name: 'a.xlsx' }

  it('uploads with Taro.uploadFile under the field "file" and reads its JSON text', async () => {
    wx.uploadFile.mockResolvedValue({ statusCode: 400, data: JSON.stringify({ code: 'ROSTER_INVALID', message: '有误', errors: [{ row: 3, message: 'm' }] }) })
    expect(await uploadRoster('c1', chat)).toEqual({ imported: false, message: '有误', errors: [{ row: 3, message: 'm' }] })
    expect(wx.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'http://127.0.0.1:3000/api/compounds/c1/roster', filePath: 'wxfile://tmp/a.xlsx', name: 'file', header: { Authorization: 'Bearer staff-token' } }),
    )
  })

  it('a failed uploadFile is a NETWORK_ERROR; a non-JSON gateway page gets the fallback text', async () => {
    wx.uploadFile.mockRejectedValueOnce({ errMsg: 'uploadFile:fail timeout' })
    expect((await rejection(uploadFile('/x', chat))).code).toBe('NETWORK_ERROR')
    wx.uploadFile.mockResolvedValueOnce({ statusCode: 502, data: '<html>Bad Gateway</html>' })
    expect((await rejection(uploadFile('/x', chat))).message).toBe('服务暂时不可用（502），请稍后再试')
  })

  it('a cancelled pick is no file, another pick failure is readable', async () => {
    wx.chooseMessageFile.mockRejectedValueOnce({ errMsg: 'chooseMessageFile:fail cancel' })
    expect(await chooseWechatFile(['csv', 'xlsx'])).toBeNull()
    wx.chooseMessageFile.mockRejectedValueOnce({ errMsg: 'chooseMessageFile:fail no permission' })
    expect((await rejection(chooseWechatFile(['csv']))).message).toBe('无法打开微信聊天中的文件，请重试')
  })

  it('no chat file is opened before the privacy guide is agreed to; the refusal says what still works', async () => {
    wx.requirePrivacyAuthorize.mockRejectedValueOnce({ errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized' })
    const error = await rejection(chooseWechatFile(['csv']))
    expect(error.message).toBe(FILE_PRIVACY_REFUSED)
    expect(error.message).toContain('电脑浏览器')
    expect(wx.chooseMessageFile).not.toHaveBeenCalled()
  })

  it('the template is downloaded with the token and opened by WeChat', async () => {
    wx.downloadFile.mockResolvedValue({ statusCode: 200, tempFilePath: 'wxfile://tmp/template.xlsx' })
    wx.openDocument.mockResolvedValue({ errMsg: 'openDocument:ok' })
    await downloadRosterTemplate('xlsx')
    expect(wx.downloadFile).toHaveBeenCalledWith({ url: 'http://127.0.0.1:3000/api/roster-template?format=xlsx', header: { Authorization: 'Bearer staff-token' } })
    expect(wx.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/template.xlsx', fileType: 'xlsx', showMenu: true })
  })
})
