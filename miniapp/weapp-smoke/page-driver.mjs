// One mounted page: its lifecycle, what it rendered, and taps/typing dispatched through the WXML bindings.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const WAIT_MS = Number(process.env.WEAPP_SMOKE_TIMEOUT_MS ?? 5000)
// Quiet for this long (no request in flight, no render) counts as settled.
const QUIET_MS = 50

/** Registers the page once (its chunk runs Page() only the first time) and remembers how many pages it registered. */
function loadPage(context, route) {
  if (context.pageIds.has(route)) return context.pageIds.get(route)
  const pagePath = path.join(context.dist, route)
  const missing = ['.js', '.json', '.wxml'].filter((ext) => !existsSync(`${pagePath}${ext}`))
  if (missing.length) throw new Error(`${route}: the build has no ${missing.map((ext) => route + ext).join(', ')}`)
  const json = JSON.parse(readFileSync(`${pagePath}.json`, 'utf8'))
  const usingComponents = {}
  for (const [name, target] of Object.entries(json.usingComponents ?? {})) {
    const componentPath = target.startsWith('/') ? path.join(context.dist, target) : path.resolve(path.dirname(pagePath), target)
    usingComponents[name] = context.loadComponent(componentPath)
  }
  const registered = []
  context.pageRegistrations.current = registered
  try {
    const id = context.simulate.load(pagePath, { rootPath: context.dist, usingComponents })
    if (registered.length === 0) throw new Error(`${route}.js ran without calling Page()`)
    const loaded = { id, registered }
    context.pageIds.set(route, loaded)
    return loaded
  } finally {
    context.pageRegistrations.current = null
  }
}

/** Every string in Taro's template data: text nodes' `v` and attribute values such as placeholders. */
function collectStrings(value, into = []) {
  if (typeof value === 'string') into.push(value)
  else if (Array.isArray(value)) value.forEach((item) => collectStrings(item, into))
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => collectStrings(item, into))
  return into
}

/** Finds a node by selector in the page, looking inside Taro's nested `comp` components too. */
function find(root, selector) {
  const hit = root.querySelector(selector)
  if (hit) return hit
  for (const inner of root.querySelectorAll('comp')) {
    const found = find(inner, selector)
    if (found) return found
  }
  return null
}

export async function mountPage(context, route, query) {
  const { id, registered } = loadPage(context, route)
  const component = context.simulate.render(id)
  const container = context.window.document.createElement('div')
  context.window.document.body.appendChild(container)
  component.attach(container)
  const page = component.instance
  Object.assign(page, { route, __route__: route, options: query })

  const setDataCalls = []
  let lastRenderAt = Date.now()
  const waiters = new Set()
  const wake = () => waiters.forEach((check) => check())
  const realSetData = page.setData.bind(page)
  // Recorded so a test can tell the page rendered at all; the callback is when the view has the data.
  page.setData = (data, callback) => {
    setDataCalls.push(data)
    lastRenderAt = Date.now()
    realSetData(data, () => {
      callback?.()
      wake()
    })
  }

  const driver = {
    route,
    component,
    page,
    setDataCalls,
    /** How many Page() calls evaluating the page's module made. */
    registrations: registered.length,
    text: () => component.dom.textContent,
    dataStrings: () => collectStrings(page.data),
    /** Resolves when check() is true, re-checking after each render; fails after WAIT_MS with what the page shows. */
    waitFor(check, description) {
      return new Promise((resolve, reject) => {
        const started = Date.now()
        const attempt = () => {
          let done = false
          try {
            done = Boolean(check())
          } catch {}
          if (done) finish(resolve)
          else if (Date.now() - started > WAIT_MS) {
            finish(() => reject(new Error(`${route}: timed out after ${WAIT_MS} ms waiting for ${description}; the page shows: "${driver.text().slice(0, 400)}"`)))
          }
        }
        const poll = setInterval(attempt, 20)
        const finish = (settle) => {
          clearInterval(poll)
          waiters.delete(attempt)
          settle()
        }
        waiters.add(attempt)
        attempt()
      })
    },
    waitForText: (text) => driver.waitFor(() => driver.text().includes(text), `the text "${text}"`),
    find: (selector) => find(component, selector),
    /** Dispatches a bound event on the node (Taro's `eh` handler receives it with the node's id and dataset). */
    async trigger(selector, eventName, detail = {}) {
      const node = find(component, selector)
      if (!node) throw new Error(`${route}: no node matches ${selector}; the page shows: "${driver.text().slice(0, 400)}"`)
      node.dispatchEvent(eventName, { detail })
      await new Promise((resolve) => setTimeout(resolve, 0))
    },
    tap: (selector) => driver.trigger(selector, 'tap', { x: 0, y: 0 }),
    type: (selector, value) => driver.trigger(selector, 'input', { value, cursor: value.length, keyCode: 0 }),
    /** Waits until every wx.request is answered and nothing rendered for QUIET_MS (Taro renders a few turns later). */
    settle() {
      const { wxRecord } = context
      const quiet = () => wxRecord.pendingRequests === 0 && Date.now() - Math.max(lastRenderAt, wxRecord.lastRequestAt) >= QUIET_MS
      return driver.waitFor(quiet, 'its requests to be answered and its renders to stop')
    },
    async showAgain() {
      page.onHide?.()
      page.onShow?.()
    },
    unmount() {
      const index = context.pageStack.indexOf(page)
      if (index < 0) return
      context.pageStack.splice(index, 1)
      page.onUnload?.()
      component.detach()
      container.remove()
    },
  }
  page.__driver = driver
  context.pageStack.push(page)

  page.onLoad?.(query)
  page.onShow?.()
  await driver.waitFor(() => setDataCalls.some((data) => Object.keys(data).some((key) => key === 'root' || key.startsWith('root.'))), 'a first setData of the root')
  page.onReady?.()
  return driver
}
