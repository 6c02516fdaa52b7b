// The `wx` object of the simulated WeChat runtime: the APIs Taro and the pages use are stubbed here,
// anything else falls back to miniprogram-simulate's mock API and is recorded as unstubbed.

const later = (fn) => setTimeout(fn, 0)

/** Answers a wx callback-style call: success/fail then complete, asynchronously like the real base library. */
function answer(options = {}, result, failed = false) {
  later(() => {
    if (failed) options.fail?.(result)
    else options.success?.(result)
    options.complete?.(result)
  })
}

const systemInfo = {
  brand: 'devtools', model: 'iPhone 12', pixelRatio: 2, screenWidth: 375, screenHeight: 812, windowWidth: 375,
  windowHeight: 724, statusBarHeight: 44, language: 'zh_CN', version: '8.0.50', system: 'iOS 16.0', platform: 'devtools',
  SDKVersion: '3.5.0', fontSizeSetting: 16, theme: 'light', safeArea: { top: 44, bottom: 778, left: 0, right: 375, width: 375, height: 734 },
}

function selectorQuery() {
  const results = []
  // No layout here: every node, rect or scroll offset asked for answers null.
  const ask = () => (results.push(null), query)
  const picked = { boundingClientRect: ask, node: ask, fields: ask, scrollOffset: ask }
  const query = {
    in: () => query, select: () => picked, selectAll: () => picked, selectViewport: () => picked,
    exec: (callback) => later(() => callback?.(results)),
  }
  return query
}

/**
 * server: a fake server (fake-server.mjs); fallbackApi: miniprogram-simulate's wx mock.
 * Returns the proxy to install as global `wx` and what it recorded.
 */
export function createWx({ server, fallbackApi = {}, launchPath = 'pages/home/index' }) {
  const storage = new Map()
  const record = { pendingRequests: 0, lastRequestAt: 0, navigations: [], modals: [], toasts: [], unstubbed: new Map(), absent: new Set(), privacyListeners: [] }
  const target = {}
  for (const [name, value] of Object.entries(fallbackApi)) {
    target[name] = typeof value !== 'function' ? value : function unstubbed(...args) {
      record.unstubbed.set(name, (record.unstubbed.get(name) ?? 0) + 1)
      return value.apply(this, args)
    }
  }
  const navigate = (kind) => (options = {}) => {
    record.navigations.push({ kind, url: options.url, delta: options.delta })
    answer(options, { errMsg: `${kind}:ok` })
  }
  Object.assign(target, {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    request(options) {
      const reply = server.handle(options)
      // Counted until answered, so a test can wait for the page's reads to settle.
      record.pendingRequests += 1
      record.lastRequestAt = Date.now()
      const done = { ...options, complete: (result) => (record.pendingRequests -= 1, (record.lastRequestAt = Date.now()), options.complete?.(result)) }
      if (reply.status === 0) answer(done, { errMsg: 'request:fail network' }, true)
      else answer(done, { statusCode: reply.status, data: reply.body, header: { 'Content-Type': 'application/json' }, cookies: [], errMsg: 'request:ok' })
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    },
    login: (options) => answer(options, { code: `fake-code-${Date.now()}`, errMsg: 'login:ok' }),
    checkSession: (options) => answer(options, { errMsg: 'checkSession:ok' }),
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => void storage.set(key, value),
    removeStorageSync: (key) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: (options) => {
      const found = storage.has(options.key)
      answer(options, found ? { data: storage.get(options.key), errMsg: 'getStorage:ok' } : { errMsg: 'getStorage:fail data not found' }, !found)
    },
    setStorage: (options) => (storage.set(options.key, options.data), answer(options, { errMsg: 'setStorage:ok' })),
    removeStorage: (options) => (storage.delete(options.key), answer(options, { errMsg: 'removeStorage:ok' })),
    getSystemInfoSync: () => ({ ...systemInfo }),
    getSystemInfo: (options) => answer(options, { ...systemInfo, errMsg: 'getSystemInfo:ok' }),
    getWindowInfo: () => ({
      pixelRatio: 2, screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 724, statusBarHeight: 44, safeArea: systemInfo.safeArea, screenTop: 0,
    }),
    getAppBaseInfo: () => ({ SDKVersion: '3.5.0', language: 'zh_CN', version: '8.0.50', theme: 'light', fontSizeSetting: 16, enableDebug: false }),
    getDeviceInfo: () => ({ brand: 'devtools', model: 'iPhone 12', system: 'iOS 16.0', platform: 'devtools', benchmarkLevel: 1 }),
    getSystemSetting: () => ({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getAppAuthorizeSetting: () => ({ albumAuthorized: 'authorized', cameraAuthorized: 'authorized', notificationAuthorized: 'authorized' }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 48, right: 365, bottom: 80, left: 278 }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wx-smoke-test', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => ({ path: launchPath, query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: launchPath, query: {}, scene: 1001, referrerInfo: {} }),
    canIUse: () => true,
    nextTick: (fn) => void Promise.resolve().then(fn),
    createSelectorQuery: selectorQuery,
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    reLaunch: navigate('reLaunch'),
    switchTab: navigate('switchTab'),
    navigateBack: navigate('navigateBack'),
    showModal: (options = {}) => (record.modals.push(options), answer(options, { confirm: false, cancel: true, errMsg: 'showModal:ok' })),
    showToast: (options = {}) => (record.toasts.push(options.title), answer(options, { errMsg: 'showToast:ok' })),
    hideToast: (options) => answer(options, { errMsg: 'hideToast:ok' }),
    showLoading: (options) => answer(options, { errMsg: 'showLoading:ok' }),
    hideLoading: (options) => answer(options, { errMsg: 'hideLoading:ok' }),
    setNavigationBarTitle: (options) => answer(options, { errMsg: 'setNavigationBarTitle:ok' }),
    stopPullDownRefresh: (options) => answer(options, { errMsg: 'stopPullDownRefresh:ok' }),
    pageScrollTo: (options) => answer(options, { errMsg: 'pageScrollTo:ok' }),
    onNeedPrivacyAuthorization: (listener) => void record.privacyListeners.push(listener),
    getPrivacySetting: (options) => answer(options, { needAuthorization: false, privacyContractName: '《邻议小程序隐私保护指引》', errMsg: 'getPrivacySetting:ok' }),
    requirePrivacyAuthorize: (options) => answer(options, { errMsg: 'requirePrivacyAuthorize:ok' }),
    openPrivacyContract: (options) => answer(options, { errMsg: 'openPrivacyContract:ok' }),
    getUpdateManager: () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }),
    onAppShow() {}, onAppHide() {}, offAppShow() {}, offAppHide() {}, onError() {}, offError() {},
    onUnhandledRejection() {}, onPageNotFound() {}, onMemoryWarning() {}, onNetworkStatusChange() {},
    getNetworkType: (options) => answer(options, { networkType: 'wifi', errMsg: 'getNetworkType:ok' }),
    reportAnalytics() {}, reportEvent() {},
  })
  const wx = new Proxy(target, {
    // Feature detection (wx.cloud, wx.webpackJsonp before the runtime sets it) reads absent names: keep a list.
    get(object, name) {
      if (typeof name === 'string' && !(name in object)) record.absent.add(name)
      return object[name]
    },
  })
  return { wx, storage, record }
}
