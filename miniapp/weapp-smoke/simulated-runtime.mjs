// The WeChat runtime around the build: jsdom + miniprogram-simulate (j-component with the official wcc WXML compiler),
// the stub wx, and the App/Page/getApp/getCurrentPages globals that the dist's JavaScript expects.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { format } from 'node:util'
import path from 'node:path'
import { createFakeServer } from './fake-server.mjs'
import { mountPage } from './page-driver.mjs'
import { readAppJson, weappDist } from './weapp-dist.mjs'
import { createWx } from './wx-stub.mjs'

// CommonJS packages (the versions @tarojs/webpack5-runner's prerender uses, declared in miniapp's devDependencies).
const requireHere = createRequire(import.meta.url)
const DOM_GLOBALS = ['window', 'document', 'Element', 'HTMLElement', 'Node', 'Event', 'CustomEvent', 'TouchEvent', 'MutationObserver']

let booted = false

/** Compiles every WXML/WXS file of the build with the official wcc, as WeChat's tools do; a failure quotes the spot. */
export function compileWxml(dist) {
  const requireFromSimulate = createRequire(requireHere.resolve('miniprogram-simulate'))
  try {
    requireFromSimulate('miniprogram-compiler').wxmlToJs(dist)
  } catch (error) {
    const [, file, line, column] = /([\w./-]+\.wxml):(\d+):(\d+)/.exec(error.message) ?? []
    if (!file) throw error
    const text = readFileSync(path.join(dist, file), 'utf8').split('\n')[line - 1] ?? ''
    throw new Error(`${error.message.trim()}\n  near: ${text.slice(Math.max(0, column - 120), Number(column) + 80)}`)
  }
}

/** Errors that must fail a smoke test: console.error, uncaught exceptions and unhandled rejections. */
function captureErrors() {
  const errors = []
  const consoleError = console.error
  console.error = (...args) => {
    errors.push(`console.error: ${format(...args)}`)
    consoleError(...args)
  }
  const onUncaught = (error) => errors.push(`uncaught: ${error?.stack ?? error}`)
  const onRejection = (reason) => errors.push(`unhandled rejection: ${reason?.stack ?? reason}`)
  process.on('uncaughtException', onUncaught)
  process.on('unhandledRejection', onRejection)
  const stop = () => {
    console.error = consoleError
    process.off('uncaughtException', onUncaught)
    process.off('unhandledRejection', onRejection)
  }
  return { errors, stop }
}

/** Loads app.js under the simulated runtime and launches the App; one per process (the globals are shared). */
export function bootWeapp({ dist = weappDist(), routes = {}, launchPath = 'pages/home/index' } = {}) {
  if (booted) throw new Error('bootWeapp() runs once per process: put each scenario in its own test file')
  booted = true
  const appJson = readAppJson(dist)
  const captured = captureErrors()

  const { JSDOM } = requireHere('jsdom')
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
  const savedGlobals = Object.fromEntries(DOM_GLOBALS.map((name) => [name, globalThis[name]]))
  for (const name of DOM_GLOBALS) globalThis[name] = name === 'window' ? window : window[name]
  const simulate = requireHere('miniprogram-simulate')

  const server = createFakeServer(routes)
  const { wx, storage, record } = createWx({ server, fallbackApi: globalThis.wx, launchPath })
  const pageStack = []
  const pageRegistrations = { current: null }
  let app = null
  Object.assign(globalThis, {
    wx,
    __wxConfig: { envVersion: 'develop', platform: 'devtools', pages: appJson.pages, subPackages: appJson.subPackages, global: { window: appJson.window } },
    App(options) {
      if (app) throw new Error('App() was called twice')
      app = options
    },
    getApp: () => app,
    getCurrentPages: () => [...pageStack],
    // Taro emits Page(config); miniprogram-simulate only knows Component(): register the page as one.
    Page(options) {
      if (!pageRegistrations.current) throw new Error('Page() called outside the loading of a page')
      pageRegistrations.current.push(options)
      const methods = Object.fromEntries(Object.entries(options).filter(([, value]) => typeof value === 'function'))
      globalThis.Component({ data: options.data, methods, ...(options.behaviors ? { behaviors: options.behaviors } : {}) })
    },
  })

  const requireDist = createRequire(path.join(dist, 'app.js'))
  requireDist('./app.js')
  if (!app) throw new Error(`${dist}/app.js did not call App()`)
  const launch = { path: launchPath, query: {}, scene: 1001, referrerInfo: {} }
  app.onLaunch?.call(app, launch)
  app.onShow?.call(app, launch)

  // Components are registered once (a second load would not re-run their webpack chunk); pages point at the ids.
  const componentIds = new Map()
  const loadComponent = (componentPath) => {
    if (!componentIds.has(componentPath)) componentIds.set(componentPath, simulate.load(componentPath, { rootPath: dist }))
    return componentIds.get(componentPath)
  }
  const pageIds = new Map()
  const context = { dist, simulate, wxRecord: record, pageStack, pageRegistrations, pageIds, loadComponent, window }

  return {
    dist,
    appJson,
    app,
    server,
    storage,
    wxRecord: record,
    errors: captured.errors,
    pageStack,
    /** Loads (once) and mounts a page: onLoad(query), onShow, then onReady after its first render. */
    mount: (route, query = {}) => mountPage(context, route, query),
    close() {
      for (const page of [...pageStack].reverse()) page.__driver?.unmount()
      captured.stop()
      window.close()
      for (const [name, value] of Object.entries(savedGlobals)) globalThis[name] = value
    },
  }
}
