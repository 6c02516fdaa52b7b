/** The weapp-only WeChat interfaces behind src/api/wechat: each one's success and its refusal. */
import Taro, { registerCanvas, resetTaro, storage } from './taro-mock'
import { askWechatSubscriptions } from '../src/api/reminders'
import { StorageKey } from '../src/api/storage'
import { exportCanvasPng } from '../src/api/wechat/canvas-export'
import { wechatAsksForLargeType } from '../src/api/wechat/font-setting'
import { PHOTO_PERMISSION_REFUSED, PHOTO_PRIVACY_REFUSED, PhotoUnavailable, choosePhoto } from '../src/api/wechat/media'
import { callPhone } from '../src/api/wechat/phone'
import { PRIVACY_GUIDE_VERSION, ensurePrivacyAgreed, installPrivacyPrompt } from '../src/api/wechat/privacy'
import { canvasToPngDataUrl } from '../src/lib/canvas'
import { CALENDAR_PRIVACY_REFUSED, addToPhoneCalendar } from '../src/works/components/booking-calendar'
import { PRIVACY_AGREE_BUTTON_ID, answerPrivacy } from '../src/store/privacy'

const wx = Taro as unknown as Record<string, jest.Mock>
const env = process.env.TARO_ENV

const failure = (errMsg: string) => Object.assign(new Error(errMsg), { errMsg })
const rejection = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error('expected a failure')), (error: unknown) => error as Error)

beforeEach(() => {
  resetTaro()
  process.env.TARO_ENV = 'weapp'
})
afterEach(() => {
  // Nothing may stay waiting for a privacy answer into the next test.
  answerPrivacy(false)
  process.env.TARO_ENV = env
})

describe('signature pad export (canvasToTempFilePath)', () => {
  const node = { width: 600, height: 400, getContext: () => ({}) }

  it('exports the whole canvas at its pixel size as a PNG data URL', async () => {
    registerCanvas('#pad', node)
    expect(await canvasToPngDataUrl(node, { width: 300, height: 200 })).toBe('data:image/png;base64,UE5HREFUQQ==')
    expect(wx.canvasToTempFilePath).toHaveBeenCalledWith({ canvas: node, fileType: 'png', x: 0, y: 0, width: 300, height: 200, destWidth: 600, destHeight: 400 })
  })

  it('rejects when WeChat cannot export, or the file cannot be read, so the resident is asked to sign again', async () => {
    wx.canvasToTempFilePath.mockRejectedValueOnce(failure('canvasToTempFilePath:fail canvas is empty'))
    expect((await rejection(exportCanvasPng(node))).message).toContain('fail canvas is empty')
    wx.getFileSystemManager.mockReturnValueOnce({ readFile: ({ fail }: { fail: (e: unknown) => void }) => fail(failure('readFile:fail no such file')) })
    expect((await rejection(exportCanvasPng(node))).message).toContain('no such file')
    wx.getFileSystemManager.mockReturnValueOnce({ readFile: ({ success }: { success: (r: { data: string }) => void }) => success({ data: '' }) })
    expect((await rejection(exportCanvasPng(node))).message).toBe('empty canvas export')
  })
})

describe('requestSubscribeMessage', () => {
  it('returns WeChat’s answer per template, accepted or refused, without errMsg', async () => {
    wx.requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', t1: 'accept', t2: 'reject' })
    expect(await askWechatSubscriptions(['t1', 't2', 't3'])).toEqual({ t1: 'accept', t2: 'reject' })
    expect(wx.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['t1', 't2', 't3'] })
  })

  it('a failure (notifications switched off in WeChat) rejects, so nothing is posted as granted', async () => {
    wx.requestSubscribeMessage.mockRejectedValueOnce(failure('requestSubscribeMessage:fail can only be invoked by user TAP gesture.'))
    await expect(askWechatSubscriptions(['t1'])).rejects.toMatchObject({ errMsg: expect.stringContaining('fail') })
  })
})

describe('makePhoneCall', () => {
  it('opens the dialer with the number and says nothing else', async () => {
    expect(await callPhone('13800000001')).toBe(true)
    expect(wx.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800000001' })
    expect(wx.showModal).not.toHaveBeenCalled()
  })

  it('closing the dialer sheet is the user’s choice: no message', async () => {
    wx.makePhoneCall.mockRejectedValueOnce(failure('makePhoneCall:fail cancel'))
    expect(await callPhone('13800000001')).toBe(false)
    expect(wx.showModal).not.toHaveBeenCalled()
  })

  it('when WeChat cannot dial (a tablet, no SIM) the number is shown to dial by hand', async () => {
    wx.makePhoneCall.mockRejectedValueOnce(failure('makePhoneCall:fail not support'))
    expect(await callPhone('13800000001')).toBe(false)
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '未能打开拨号', content: '请用手机拨打 13800000001', showCancel: false }))
  })
})

describe('chooseMedia (photos)', () => {
  it('after the privacy guide is agreed to, takes one compressed image from camera or album', async () => {
    expect(await choosePhoto()).toBe('wxfile://tmp/photo-1.jpg')
    expect(wx.requirePrivacyAuthorize).toHaveBeenCalled()
    expect(wx.chooseMedia).toHaveBeenCalledWith({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['camera', 'album'] })
    expect(wx.chooseImage).not.toHaveBeenCalled()
  })

  it('a cancelled pick is no photo and no message', async () => {
    wx.chooseMedia.mockRejectedValueOnce(failure('chooseMedia:fail cancel'))
    expect(await choosePhoto()).toBeNull()
  })

  it('a refused privacy guide opens neither camera nor album, and says who can help', async () => {
    wx.requirePrivacyAuthorize.mockRejectedValueOnce(failure('requirePrivacyAuthorize:fail privacy permission is not authorized'))
    const error = await rejection(choosePhoto())
    expect(error).toBeInstanceOf(PhotoUnavailable)
    expect(error.message).toBe(PHOTO_PRIVACY_REFUSED)
    expect(error.message).toContain('可请社区工作人员代为录入')
    expect(wx.chooseMedia).not.toHaveBeenCalled()
  })

  it('camera or album permission switched off in WeChat says where to allow it', async () => {
    wx.chooseMedia.mockRejectedValueOnce(failure('chooseMedia:fail auth deny'))
    expect((await rejection(choosePhoto())).message).toBe(PHOTO_PERMISSION_REFUSED)
  })
})

describe('addPhoneCalendar (the booked works window)', () => {
  const event = { title: '入户施工', startsAt: '2026-12-10T01:00:00.000Z', endsAt: '2026-12-10T03:00:00.000Z', description: '施工顺序' }

  it('after the privacy guide is agreed to, writes the window with a reminder a day ahead', async () => {
    wx.addPhoneCalendar = jest.fn(({ success }: { success: () => void }) => success())
    await addToPhoneCalendar(event)
    expect(wx.addPhoneCalendar).toHaveBeenCalledWith(expect.objectContaining({ title: '入户施工', startTime: 1796864400, alarm: true, alarmOffset: 86400 }))
  })

  it('a refused privacy guide writes nothing and says to keep the time on paper', async () => {
    wx.addPhoneCalendar = jest.fn()
    wx.requirePrivacyAuthorize.mockRejectedValueOnce(failure('requirePrivacyAuthorize:fail privacy permission is not authorized'))
    expect((await rejection(addToPhoneCalendar(event))).message).toBe(CALENDAR_PRIVACY_REFUSED)
    expect(wx.addPhoneCalendar).not.toHaveBeenCalled()
  })
})

describe('getAppBaseInfo().fontSizeSetting', () => {
  it('a large WeChat font (20px and up, or scale ≥ 1.15) asks for large type', () => {
    wx.getAppBaseInfo.mockImplementation(() => ({ fontSizeSetting: 20 }))
    expect(wechatAsksForLargeType()).toBe(true)
    wx.getAppBaseInfo.mockImplementation(() => ({ fontSizeSetting: 17, fontSizeScaleFactor: 1.2 }))
    expect(wechatAsksForLargeType()).toBe(true)
    wx.getAppBaseInfo.mockImplementation(() => ({ fontSizeSetting: 17, fontSizeScaleFactor: 1 }))
    expect(wechatAsksForLargeType()).toBe(false)
  })

  it('an old base library that cannot tell (throws, or has no field) keeps normal type', () => {
    wx.getAppBaseInfo.mockImplementation(() => {
      throw failure('getAppBaseInfo:fail not supported')
    })
    expect(wechatAsksForLargeType()).toBe(false)
    wx.getAppBaseInfo.mockImplementation(() => ({ language: 'zh_CN' }))
    expect(wechatAsksForLargeType()).toBe(false)
  })

  it('is not asked off WeChat', () => {
    process.env.TARO_ENV = 'h5'
    expect(wechatAsksForLargeType()).toBe(false)
    expect(wx.getAppBaseInfo).not.toHaveBeenCalled()
  })
})

describe('privacy authorization', () => {
  function wechatAsks() {
    installPrivacyPrompt()
    const listener = wx.onNeedPrivacyAuthorization.mock.calls.at(-1)?.[0] as (resolve: jest.Mock) => void
    const resolve = jest.fn()
    listener(resolve)
    return resolve
  }

  it('weapp: when WeChat needs the agreement, our dialog is reported shown, and agreeing names our agree button', async () => {
    const resolve = wechatAsks()
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
    answerPrivacy(true)
    await Promise.resolve()
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID })
  })

  it('weapp: refusing tells WeChat to fail the waiting interface', async () => {
    const resolve = wechatAsks()
    answerPrivacy(false)
    await Promise.resolve()
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
  })

  it('H5: asks once; the agreement is kept for this guide version, a refusal asks again next time', async () => {
    process.env.TARO_ENV = 'h5'
    const first = ensurePrivacyAgreed()
    answerPrivacy(false)
    expect(await first).toBe(false)
    expect(storage.has(StorageKey.privacyAgreed)).toBe(false)
    const second = ensurePrivacyAgreed()
    answerPrivacy(true)
    expect(await second).toBe(true)
    expect(storage.get(StorageKey.privacyAgreed)).toBe(PRIVACY_GUIDE_VERSION)
    expect(await ensurePrivacyAgreed()).toBe(true)
  })
})
