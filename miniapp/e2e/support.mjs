// Shared by the end-to-end tests: the server's API as a staff client sees it, and phone-sized pages.
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const BASE_URL = (process.env.LINYI_BASE_URL ?? '').replace(/\/+$/, '')
export const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url))
export const STAFF = { username: 'committee-demo', password: 'linyi-demo' }
export const TIMEOUT_MS = 20_000

/** Calls the server's API the way a staff client would: the status and the parsed body, whatever the status. */
export async function apiResponse(path, { method = 'GET', token, body } = {}) {
  const response = await fetch(`${BASE_URL}/api${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  let parsed = null
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    parsed = text
  }
  return { status: response.status, ok: response.ok, text, body: parsed }
}

/** Calls the server's API the way a staff client would; any non-2xx fails the test with the body. */
export async function api(path, options = {}) {
  const { status, ok, text, body } = await apiResponse(path, options)
  assert.ok(ok, `${options.method ?? 'GET'} /api${path} answered ${status}: ${text}`)
  return body
}

export async function staffToken() {
  const { accessToken } = await api('/auth/staff/login', { method: 'POST', body: STAFF })
  return accessToken
}

export async function launchBrowser() {
  assert.ok(BASE_URL, 'set LINYI_BASE_URL to the running server, e.g. http://127.0.0.1:3999')
  await mkdir(RESULTS_DIR, { recursive: true })
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
    headless: true,
  })
}

export async function newPhonePage(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
  const page = await context.newPage()
  page.setDefaultTimeout(TIMEOUT_MS)
  const pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  return { context, page, pageErrors }
}

/** Taro H5 wraps each Input in a custom element; the real <input> is inside it. */
export const inputIn = (page, className) => page.locator(`.${className} input, input.${className}`).first()

/** From the resident's home screen (fresh storage, so no household yet) bind with `code`. */
export async function bindWithCode(page, code) {
  await page.goto(`${BASE_URL}/`)
  await page.getByText('您还没有绑定房屋').waitFor()
  await page.locator('#bind-entry').click()
  await inputIn(page, 'bind-code-input').fill(code)
  await page.locator('.bind-submit').click()
}

/** Signs committee-demo in on the staff screens of an open page; it lands on the 工作台 with its compounds. */
export async function staffSignIn(page) {
  await page.goto(`${BASE_URL}/`)
  await page.getByText('工作人员入口').click()
  await inputIn(page, 'staff-username-input').fill(STAFF.username)
  await inputIn(page, 'staff-password-input').fill(STAFF.password)
  await page.locator('.staff-login-submit').click()
  await page.locator('.screen.staff-home .compound-item').first().waitFor()
}

/** On a compound page, unfolds the first building and its first unit, so its households show. */
export async function openFirstUnit(page) {
  await page.locator('.building-toggle').first().click()
  await page.locator('.unit-toggle').first().click()
  await page.locator('.household-row').first().waitFor()
}

/**
 * A screenshot of a whole screen or element. Taro H5 scrolls each page inside its own box, so anything
 * below the viewport is not painted: grow the viewport to the content first.
 */
export async function screenshotWhole(page, selector, path) {
  const target = page.locator(selector).first()
  const height = await target.evaluate((element) => Math.ceil(element.getBoundingClientRect().height))
  const viewport = page.viewportSize()
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height + 40, viewport.height), 8000) })
  await target.screenshot({ path })
  await page.setViewportSize(viewport)
}
