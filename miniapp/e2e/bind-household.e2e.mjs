// End to end: a committee member issues an invite code through the API, a resident binds with it in
// the H5 build. Needs a running server (it serves the H5 build at /): LINYI_BASE_URL=http://127.0.0.1:3999
// Run: LINYI_BASE_URL=… npm run e2e -w miniapp   (or node --test miniapp/e2e/bind-household.e2e.mjs)
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const BASE_URL = (process.env.LINYI_BASE_URL ?? '').replace(/\/+$/, '')
const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url))
const STAFF = { username: 'committee-demo', password: 'linyi-demo' }
const TIMEOUT_MS = 20_000

/** Calls the server's API the way a staff client would; any non-2xx fails the test with the body. */
async function api(path, { method = 'GET', token, body } = {}) {
  const response = await fetch(`${BASE_URL}/api${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  assert.ok(response.ok, `${method} /api${path} answered ${response.status}: ${text}`)
  return text ? JSON.parse(text) : null
}

/** The committee's side, through the API: the first household of the first compound, and a fresh code for it. */
async function issueInviteForFirstHousehold() {
  const { accessToken } = await api('/auth/staff/login', { method: 'POST', body: STAFF })
  const compounds = await api('/compounds', { token: accessToken })
  assert.ok(compounds.length > 0, 'committee-demo sees no compound: is the demo data seeded (SEED_DEMO=1)?')
  const structure = await api(`/compounds/${compounds[0].id}/structure`, { token: accessToken })
  const household = structure.buildings.flatMap((b) => b.units).flatMap((u) => u.households)[0]
  assert.ok(household, `compound ${structure.name} has no household`)
  const invite = await api(`/households/${household.id}/invite-codes`, { method: 'POST', token: accessToken, body: {} })
  assert.match(invite.code, /^[0-9A-Z]{6,10}$/)
  return { household, invite }
}

let browser

/** Taro H5 wraps each Input in a custom element; the real <input> is inside it. */
const inputIn = (page, className) => page.locator(`.${className} input, input.${className}`).first()

async function newPhonePage() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
  const page = await context.newPage()
  page.setDefaultTimeout(TIMEOUT_MS)
  const pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  return { context, page, pageErrors }
}

/** From the resident's home screen (fresh storage, so no household yet) bind with `code`. */
async function bindWithCode(page, code) {
  await page.goto(`${BASE_URL}/`)
  await page.getByText('您还没有绑定房屋').waitFor()
  await page.locator('#bind-entry').click()
  await inputIn(page, 'bind-code-input').fill(code)
  await page.locator('.bind-submit').click()
}

before(async () => {
  assert.ok(BASE_URL, 'set LINYI_BASE_URL to the running server, e.g. http://127.0.0.1:3999')
  await mkdir(RESULTS_DIR, { recursive: true })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
    headless: true,
  })
})

after(async () => {
  await browser?.close()
})

test('a resident binds a household with the invite code a committee member issued', async () => {
  const { household, invite } = await issueInviteForFirstHousehold()

  // A phone-sized page, fresh storage: a new demo resident signs in silently.
  const { context, page, pageErrors } = await newPhonePage()

  // A wrong code first: the server's own message is shown and nothing is bound.
  await bindWithCode(page, 'ZZZZZZZZ')
  await page.getByText('邀请码不正确', { exact: false }).waitFor()

  // Typed in lower case: the code is not case-sensitive.
  await inputIn(page, 'bind-code-input').fill(invite.code.toLowerCase())
  await page.locator('.bind-submit').click()

  // Back on home, the household is listed.
  const item = page.locator('.household-item').filter({ hasText: household.label })
  await item.waitFor()
  assert.equal(await page.locator('.household-item').count(), 1)
  await page.screenshot({ path: `${RESULTS_DIR}home.png`, fullPage: true })

  // Large type: sizes that 适老化 asks for, measured in the browser.
  await page.locator('.large-type-switch').click()
  await page.locator('.screen.large-type').waitFor()
  const sizes = await page.evaluate(() => {
    const px = (selector, property) => parseFloat(getComputedStyle(document.querySelector(selector))[property])
    return {
      body: px('.household-item__meta', 'fontSize'),
      title: px('.page-title', 'fontSize'),
      buttonHeight: document.querySelector('#bind-another').getBoundingClientRect().height,
      lineHeightRatio: px('.household-item__meta', 'lineHeight') / px('.household-item__meta', 'fontSize'),
    }
  })
  assert.ok(sizes.body >= 18, `body text ${sizes.body}px < 18px`)
  assert.ok(sizes.title >= 30, `title ${sizes.title}px < 30px`)
  assert.ok(sizes.buttonHeight >= 60, `button ${sizes.buttonHeight}px < 60px`)
  assert.ok(sizes.lineHeightRatio >= 1.3, `line height ${sizes.lineHeightRatio} < 1.3`)
  await page.screenshot({ path: `${RESULTS_DIR}home-large.png`, fullPage: true })

  // The choice survives a reload.
  await page.reload()
  await item.waitFor()
  assert.equal(await page.locator('.screen.large-type').count(), 1)

  assert.deepEqual(pageErrors, [])
  await context.close()
})

test('a committee member issues a code on the staff screens and a resident uses it', async () => {
  const staff = await newPhonePage()
  await staff.page.goto(`${BASE_URL}/`)
  await staff.page.getByText('工作人员入口').click()
  await inputIn(staff.page, 'staff-username-input').fill(STAFF.username)
  await inputIn(staff.page, 'staff-password-input').fill(STAFF.password)
  await staff.page.locator('.staff-login-submit').click()
  await staff.page.locator('.compound-item').first().click()
  const firstHousehold = staff.page.locator('.household-row').first()
  await firstHousehold.locator('.issue-invite-button').click()
  const shown = (await firstHousehold.locator('.invite-code').innerText()).trim()
  assert.match(shown, /^[0-9A-Z]{4}( [0-9A-Z]{1,4})+$/, `invite code shown as "${shown}"`)
  await firstHousehold.getByText('有效期至').waitFor()
  const label = (await firstHousehold.locator('.invite-card__for').innerText()).replace('的邀请码', '').trim()
  await staff.page.screenshot({ path: `${RESULTS_DIR}staff-invite.png` })
  assert.deepEqual(staff.pageErrors, [])
  await staff.context.close()

  // The resident copies the code as read out, spaces and all.
  const resident = await newPhonePage()
  await bindWithCode(resident.page, shown)
  await resident.page.locator('.household-item').filter({ hasText: label }).waitFor()
  assert.deepEqual(resident.pageErrors, [])
  await resident.context.close()
})
