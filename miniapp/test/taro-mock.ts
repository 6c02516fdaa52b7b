/** The few @tarojs/taro APIs the mini-program uses, backed by memory so tests can inspect them. */
import { useEffect } from 'react'

// Kept on globalThis so that it survives jest.resetModules(), like a phone's storage survives a relaunch.
const holder = globalThis as { __taroStorage?: Map<string, unknown> }
export const storage: Map<string, unknown> = (holder.__taroStorage ??= new Map())

export interface FakeResponse {
  statusCode: number
  data: unknown
}

interface FakeRequest {
  url: string
  method: string
  header: Record<string, string>
  data?: unknown
}

/** What a selector query finds: registered by tests that render a `<Canvas type='2d'>`. */
const canvases = new Map<string, { node: unknown; width: number; height: number }>()

export function registerCanvas(selector: string, node: unknown, width = 300, height = 200): void {
  canvases.set(selector, { node, width, height })
}

function selectorQuery() {
  const asked: Array<{ selector: string; want: 'node' | 'rect' }> = []
  const query = {
    select(selector: string) {
      return {
        node() {
          asked.push({ selector, want: 'node' })
          return query
        },
        boundingClientRect() {
          asked.push({ selector, want: 'rect' })
          return query
        },
      }
    },
    exec(callback: (results: unknown[]) => void) {
      const results = asked.map(({ selector, want }) => {
        const found = canvases.get(selector)
        if (!found) return null
        return want === 'node' ? { node: found.node } : { width: found.width, height: found.height }
      })
      setTimeout(() => callback(results), 0)
    },
  }
  return query
}

interface ModalOption {
  title?: string
  content?: string
  confirmText?: string
  cancelText?: string
}

/** The user taps the confirm button unless a test says otherwise. */
const confirmModal = async (_: ModalOption) => ({ confirm: true, cancel: false, errMsg: 'showModal:ok' })

const Taro = {
  request: jest.fn<Promise<FakeResponse>, [FakeRequest]>(),
  login: jest.fn(async () => ({ code: 'wx-code', errMsg: 'login:ok' })),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value)
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key)
  }),
  getAppBaseInfo: jest.fn((): Record<string, unknown> => ({ language: 'zh_CN' })),
  navigateTo: jest.fn(async (_: { url: string }) => ({ errMsg: 'navigateTo:ok' })),
  redirectTo: jest.fn(async (_: { url: string }) => ({ errMsg: 'redirectTo:ok' })),
  reLaunch: jest.fn(async (_: { url: string }) => ({ errMsg: 'reLaunch:ok' })),
  navigateBack: jest.fn(async () => ({ errMsg: 'navigateBack:ok' })),
  getCurrentPages: jest.fn(() => [{}, {}] as unknown[]),
  getWindowInfo: jest.fn(() => ({ pixelRatio: 2 })),
  createSelectorQuery: jest.fn(selectorQuery),
  canvasToTempFilePath: jest.fn(async (_: Record<string, unknown>) => ({ tempFilePath: 'wxfile://tmp/signature.png', errMsg: 'ok' })),
  getFileSystemManager: jest.fn(() => ({
    readFile: ({ success }: { success: (r: { data: string }) => void }) => success({ data: 'UE5HREFUQQ==' }),
  })),
  makePhoneCall: jest.fn(async (_: { phoneNumber: string }) => ({ errMsg: 'makePhoneCall:ok' })),
  previewImage: jest.fn(async (_: { current?: string; urls: string[] }) => ({ errMsg: 'previewImage:ok' })),
  chooseImage: jest.fn(async () => ({ tempFilePaths: ['blob:photo-1'], tempFiles: [], errMsg: 'chooseImage:ok' })),
  downloadFile: jest.fn(),
  openDocument: jest.fn(),
  requestSubscribeMessage: jest.fn(async (_: { tmplIds: string[] }): Promise<Record<string, string>> => ({ errMsg: 'requestSubscribeMessage:ok' })),
  showModal: jest.fn(confirmModal),
  chooseMedia: jest.fn(async (_: Record<string, unknown>) => ({ tempFiles: [{ tempFilePath: 'wxfile://tmp/photo-1.jpg', size: 1000, fileType: 'image' }], type: 'image', errMsg: 'chooseMedia:ok' })),
  chooseMessageFile: jest.fn(),
  // weapp: the user has agreed to the privacy guide unless a test says otherwise.
  requirePrivacyAuthorize: jest.fn(async (_: Record<string, unknown>) => ({ errMsg: 'requirePrivacyAuthorize:ok' })),
  onNeedPrivacyAuthorization: jest.fn(),
}

/** A page's first show happens on mount. */
export function useDidShow(callback: () => void): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => callback(), [])
}

export const useRouter = jest.fn(() => ({ params: {} as Record<string, string | undefined> }))

/** Replies the fake server gives, in order; each is a response or a thrown network error. */
export function replyWith(...replies: Array<FakeResponse | Error>): void {
  for (const reply of replies) {
    if (reply instanceof Error) Taro.request.mockRejectedValueOnce(reply)
    else Taro.request.mockResolvedValueOnce(reply)
  }
}

type Route = FakeResponse | Error | ((request: FakeRequest) => FakeResponse)

/**
 * A fake server that answers by "METHOD /path?query" (without the /api prefix), so tests do not depend
 * on the order in which a screen fires its requests. A list answers its replies in turn, then repeats
 * the last. Unknown routes answer 599, which shows up in the failing test.
 */
export function serve(routes: Record<string, Route | Route[]>): void {
  const served = new Map<string, number>()
  Taro.request.mockImplementation(async (request) => {
    const key = `${request.method} ${request.url.replace(/^.*?\/api(?=\/)/, '')}`
    const entry = routes[key]
    if (!entry) return { statusCode: 599, data: { message: `no fake route for ${key}` } }
    const count = served.get(key) ?? 0
    served.set(key, count + 1)
    const list = Array.isArray(entry) ? entry : [entry]
    const reply = list[Math.min(count, list.length - 1)]
    if (reply instanceof Error) throw reply
    return typeof reply === 'function' ? reply(request) : reply
  })
}

/** The requests sent so far to "METHOD /path", with their bodies. */
export function sent(key: string): FakeRequest[] {
  return Taro.request.mock.calls.map(([request]) => request).filter((request) => `${request.method} ${request.url.replace(/^.*?\/api(?=\/)/, '')}` === key)
}

export const ok = (data: unknown): FakeResponse => ({ statusCode: 200, data })

/** The server's refusal (409) with its code and the words it says to the user. */
export const conflict = (code: string, message: string): FakeResponse => ({ statusCode: 409, data: { statusCode: 409, code, message } })

/** Stored photos as the H5 downloadFile hands them over: a blob: URL named after the photo's hash. */
export function serveDownloadsAsBlobs(): void {
  Taro.downloadFile.mockImplementation(async ({ url }: { url: string }) => ({ statusCode: 200, tempFilePath: `blob:${url.split('/').pop()}` }))
}

export function resetTaro(): void {
  storage.clear()
  canvases.clear()
  Taro.request.mockReset()
  Taro.getCurrentPages.mockImplementation(() => [{}, {}])
  Taro.getAppBaseInfo.mockImplementation(() => ({ language: 'zh_CN' }))
  Taro.requestSubscribeMessage.mockReset()
  Taro.showModal.mockReset()
  Taro.showModal.mockImplementation(confirmModal)
  Taro.requirePrivacyAuthorize.mockReset()
  Taro.requirePrivacyAuthorize.mockImplementation(async () => ({ errMsg: 'requirePrivacyAuthorize:ok' }))
}

export default Taro
