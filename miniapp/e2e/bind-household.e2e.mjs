// End to end: a committee member issues an invite code through the API, a resident binds with it in
// the H5 build. Needs a running server (it serves the H5 build at /): LINYI_BASE_URL=http://127.0.0.1:3999
// Run: LINYI_BASE_URL=… npm run e2e -w miniapp   (or node --test miniapp/e2e/bind-household.e2e.mjs)
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { RESULTS_DIR, api, bindWithCode, inputIn, launchBrowser, newPhonePage, openFirstUnit, staffSignIn, staffToken } from './support.mjs'

/** The committee's side, through the API: the first household of the first compound, and a fresh code for it. */
async function issueInviteForFirstHousehold() {
  const token = await staffToken()
  const compounds = await api('/compounds', { token })
  assert.ok(compounds.length > 0, 'committee-demo sees no compound: is the demo data seeded (SEED_DEMO=1)?')
  const structure = await api(`/compounds/${compounds[0].id}/structure`, { token })
  const household = structure.buildings.flatMap((b) => b.units).flatMap((u) => u.households)[0]
  assert.ok(household, `compound ${structure.name} has no household`)
  const invite = await api(`/households/${household.id}/invite-codes`, { method: 'POST', token, body: {} })
  assert.match(invite.code, /^[0-9A-Z]{6,10}$/)
  return { household, invite }
}

let browser

before(async () => {
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
})

test('a resident binds a household with the invite code a committee member issued', async () => {
  const { household, invite } = await issueInviteForFirstHousehold()

  // A phone-sized page, fresh storage: a new demo resident signs in silently.
  const { context, page, pageErrors } = await newPhonePage(browser)

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
  const staff = await newPhonePage(browser)
  await staffSignIn(staff.page)
  await staff.page.locator('.compound-item').first().click()
  // Buildings and units start folded to their figures.
  await openFirstUnit(staff.page)
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
  const resident = await newPhonePage(browser)
  await bindWithCode(resident.page, shown)
  await resident.page.locator('.household-item').filter({ hasText: label }).waitFor()
  assert.deepEqual(resident.pageErrors, [])
  await resident.context.close()
})
