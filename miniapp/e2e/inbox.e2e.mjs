// End to end, reminders: the committee nudges a household through the API, the household's resident (bound
// in the H5 build) sees the unread badge on home, opens 消息, reads the reminder and the badge goes away;
// the committee's 提醒 section shows counts, policy, pause/resume and the server's refusal of a second
// nudge. Needs a running server with the demo data (SEED_DEMO=1) serving the H5 build.
// Run: LINYI_BASE_URL=… node --test miniapp/e2e/inbox.e2e.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, RESULTS_DIR, api, apiResponse, bindWithCode, launchBrowser, newPhonePage, screenshotWhole, staffSignIn, staffToken } from './support.mjs'

const DAY_MS = 24 * 3600 * 1000

/** The demo's open plumbing application in the first compound (光明里小区), through the committee's API. */
async function openPlumbingApplication(token) {
  const compounds = await api('/compounds', { token })
  assert.ok(compounds.length > 0, 'committee-demo sees no compound: is the demo data seeded (SEED_DEMO=1)?')
  const consultations = await api(`/consultations?compoundId=${compounds[0].id}`, { token })
  const application = consultations.find((c) => c.kind === 'PLUMBING_APPLICATION' && c.status === 'OPEN')
  assert.ok(application, `no open PLUMBING_APPLICATION in ${compounds[0].name}`)
  return { compound: compounds[0], application }
}

/** A household that has not answered: the last one listed (consent.e2e.mjs works from the first). */
async function householdToRemind(token, consultationId) {
  const units = await api(`/consultations/${consultationId}/outstanding`, { token })
  const candidates = units.flatMap((unit) => unit.households.filter((h) => h.answer === null).map((household) => ({ unit, household })))
  assert.ok(candidates.length > 0, 'every household has answered: restart the server with fresh demo data')
  return candidates[candidates.length - 1]
}

/**
 * Marks what was waiting for the bound resident read, as the page's own session (the token the H5 page keeps):
 * the demo's earlier rounds of the compound (issue 14: the 改造告知, a reached property-service agreement)
 * reach a household bound later too. Answers the kinds it read.
 */
async function readWhatWasWaiting(page) {
  const residentToken = await page.evaluate(() => JSON.parse(localStorage.getItem('linyi.residentToken')).data)
  const unread = (await api('/me/inbox', { token: residentToken })).filter((m) => m.readAt === null)
  for (const message of unread) await api(`/inbox/${message.id}/read`, { method: 'POST', token: residentToken })
  return unread.map((m) => m.kind)
}

const nudge = (token, householdId, consultationId) =>
  apiResponse(`/households/${householdId}/nudge`, { method: 'POST', token, body: { consultationId } })

/**
 * A round of its own on one unit, without the opening notice: on the day the demo starts, that notice
 * has already used every household's one reminder of the day in the demo application. Each run opens a
 * new one, since a run reminds the same household as the run before (nudging does not answer).
 */
async function openOwnRound(token, compoundId, unitId) {
  const now = Date.now()
  const draft = await api('/consultations', {
    method: 'POST',
    token,
    body: {
      compoundId,
      kind: 'GENERAL',
      title: '楼道照明更换意见征询',
      body: '拟将本单元楼道灯更换为声控节能灯，费用由改造资金承担。请表达您的意见。',
      rule: 'CIVIL_CODE_ORDINARY',
      groupBy: 'UNIT',
      unitIds: [unitId],
      opensAt: new Date(now - 60_000).toISOString(),
      deadline: new Date(now + 10 * DAY_MS).toISOString(),
    },
  })
  await api(`/consultations/${draft.id}/reminder-policy`, { method: 'PUT', token, body: { onOpen: false, dailyDigest: false } })
  await api(`/consultations/${draft.id}/publish`, { method: 'POST', token })
  return api(`/consultations/${draft.id}`, { token })
}

let browser
let token
let demo
/** What the first test reminded, for the committee's test: {consultation, household, unit}. */
let reminded

before(async () => {
  browser = await launchBrowser()
  token = await staffToken()
  demo = await openPlumbingApplication(token)
})

after(async () => {
  await browser?.close()
})

test('a nudged resident sees the unread badge on home, reads the reminder in 消息, and the badge goes away', async (t) => {
  const { unit, household } = await householdToRemind(token, demo.application.id)
  const invite = await api(`/households/${household.householdId}/invite-codes`, { method: 'POST', token, body: {} })

  const { context, page, pageErrors } = await newPhonePage(browser)
  await bindWithCode(page, invite.code)
  await page.locator('.household-item').filter({ hasText: household.label }).waitFor()
  // Bound just now: what the compound's earlier rounds left (pipeline.e2e.mjs reads the 改造告知) is read first, so nothing is unread.
  t.diagnostic(`waiting at binding, marked read: ${(await readWhatWasWaiting(page)).join(', ') || 'nothing'}`)
  await page.reload()
  await page.locator('#inbox-entry').getByText('没有新消息').waitFor()
  assert.equal(await page.locator('.unread-badge').count(), 0)

  // The committee reminds the household (its inbox entry is written at once, whatever the quiet hours).
  let consultation = demo.application
  let answer = await nudge(token, household.householdId, consultation.id)
  if (answer.status === 409) {
    t.diagnostic(`demo application: ${answer.body.message} — nudging in a round of its own`)
    consultation = await openOwnRound(token, demo.compound.id, unit.unitId)
    answer = await nudge(token, household.householdId, consultation.id)
  }
  assert.equal(answer.status, 201, `nudge answered ${answer.status}: ${answer.text}`)
  assert.equal(answer.body.status, 'SCHEDULED')
  reminded = { consultation, household, unit }

  // Home, shown again: the badge carries the server's count.
  await page.reload()
  const badge = page.locator('#inbox-entry .unread-badge')
  await badge.waitFor()
  assert.equal((await badge.innerText()).trim(), '1')
  await page.screenshot({ path: `${RESULTS_DIR}home-unread-badge.png` })

  // 消息: the reminder, marked unread, with the consultation's title in its text.
  await page.locator('#inbox-entry').click()
  const item = page.locator('.inbox-item').filter({ hasText: '社区提醒您填写意见' })
  await item.waitFor()
  assert.equal(await page.locator('.inbox-item--unread').count(), 1)
  assert.match(await item.getAttribute('class'), /inbox-item--unread/)
  assert.match(await item.innerText(), new RegExp(`“${consultation.title}”将于.*截止`))
  assert.match(await item.innerText(), /未读/)
  await screenshotWhole(page, '.screen.inbox', `${RESULTS_DIR}inbox-unread.png`)

  // Opening it marks it read and opens the consultation.
  await item.click()
  await page.waitForURL(new RegExp(`consult/detail/index\\?id=${consultation.id}`))
  await page.locator('.consult .page-title').filter({ hasText: consultation.title }).waitFor()
  // Taro H5 slides the new page in: wait until it has arrived before the picture.
  await page.waitForFunction(() => Math.abs(document.querySelector('.screen.consult').getBoundingClientRect().left) < 1)
  await page.screenshot({ path: `${RESULTS_DIR}inbox-opened-consultation.png` })

  // Back: read in 消息; back again: no badge on home.
  await page.goBack()
  await page.locator('.inbox-item.inbox-item--read').filter({ hasText: '社区提醒您填写意见' }).waitFor()
  await page.getByText('全部已读').waitFor()
  await page.goBack()
  await page.locator('#inbox-entry').getByText('没有新消息').waitFor()
  assert.equal(await page.locator('.unread-badge').count(), 0)
  await page.screenshot({ path: `${RESULTS_DIR}home-no-badge.png` })

  // Large type: 适老化 sizes on 消息.
  await page.locator('.large-type-switch').click()
  await page.locator('.screen.large-type').waitFor()
  await page.locator('#inbox-entry').click()
  await page.locator('.screen.inbox.large-type .inbox-item').first().waitFor()
  const sizes = await page.evaluate(() => {
    const px = (selector, property) => parseFloat(getComputedStyle(document.querySelector(selector))[property])
    return {
      body: px('.screen.inbox .inbox-item__body', 'fontSize'),
      title: px('.screen.inbox .page-title', 'fontSize'),
      lineHeightRatio: px('.screen.inbox .inbox-item__body', 'lineHeight') / px('.screen.inbox .inbox-item__body', 'fontSize'),
      item: document.querySelector('.screen.inbox .inbox-item').getBoundingClientRect().height,
    }
  })
  assert.ok(sizes.body >= 18, `message text ${sizes.body}px < 18px`)
  assert.ok(sizes.title >= 30, `title ${sizes.title}px < 30px`)
  assert.ok(sizes.lineHeightRatio >= 1.3, `line height ${sizes.lineHeightRatio} < 1.3`)
  assert.ok(sizes.item >= 60, `message ${sizes.item}px < 60px`)
  await screenshotWhole(page, '.screen.inbox', `${RESULTS_DIR}inbox-large.png`)
  await page.locator('.inbox-back').click()
  await page.locator('.screen.home.large-type #inbox-entry').waitFor()
  const entryHeight = await page.locator('#inbox-entry').evaluate((element) => element.getBoundingClientRect().height)
  assert.ok(entryHeight >= 60, `消息 entry ${entryHeight}px < 60px`)

  assert.deepEqual(pageErrors, [])
  await context.close()
})

test('the committee sees the 提醒 section, pauses and resumes, and a second nudge today shows the server’s refusal', async () => {
  assert.ok(reminded, 'the first test did not get as far as the nudge')
  const { consultation, household, unit } = reminded
  const { context, page, pageErrors } = await newPhonePage(browser)
  await staffSignIn(page)
  await page.locator('.compound-item').first().click()
  await page.locator(`#consultation-entry-${consultation.id} .consultation-entry`).click()

  // Counts and policy, in the server's numbers and words.
  const section = page.locator('.reminder-section')
  await section.waitFor()
  const overview = await api(`/consultations/${consultation.id}/reminders`, { token })
  const labels = await section.locator('.reminder-count__label').allInnerTexts()
  assert.deepEqual(labels, ['待发送', '已发送', '未发送', '发送失败'])
  const numbers = (await section.locator('.reminder-count__number').allInnerTexts()).map(Number)
  // The relay moves the nudge from 待发送 to 已发送 within a second or so: compare the totals.
  const total = (counts) => counts.SCHEDULED + counts.SENT + counts.SKIPPED + counts.DEAD
  assert.equal(numbers.reduce((a, b) => a + b, 0), total(overview.counts))
  assert.equal(numbers[3], overview.counts.DEAD)
  const policyText = await section.locator('.reminder-policy').innerText()
  assert.match(policyText, new RegExp(`${overview.policy.quietStart}–${overview.policy.quietEnd}（北京时间）免打扰`))
  assert.match(policyText, new RegExp(`截止前 ${overview.policy.daysBefore.map((d) => `${d} 天`).join('、')}提醒`))
  await screenshotWhole(page, '.reminder-section', `${RESULTS_DIR}staff-reminders.png`)

  // Pause, then resume: the server's policy follows.
  await section.locator('.reminder-pause-toggle').filter({ hasText: '暂停自动提醒' }).click()
  await section.getByText('自动提醒已暂停', { exact: false }).waitFor()
  assert.equal((await api(`/consultations/${consultation.id}/reminders`, { token })).policy.paused, true)
  await section.locator('.reminder-pause-toggle').filter({ hasText: '恢复自动提醒' }).click()
  await section.getByText('自动提醒进行中').waitFor()
  assert.equal((await api(`/consultations/${consultation.id}/reminders`, { token })).policy.paused, false)

  // 发提醒 again the same day: the server's 409 message, inline on that household.
  const row = page.locator(`#chase-${household.householdId}`)
  if ((await row.count()) === 0) await page.locator(`#chase-unit-${unit.unitId} .chase-unit-toggle`).click()
  await row.locator('.nudge-button').click()
  const refusal = row.locator('.nudge-error')
  await refusal.waitFor()
  assert.match(await refusal.innerText(), /今天已经提醒过该住户/)
  await row.screenshot({ path: `${RESULTS_DIR}staff-nudge-refused.png` })

  // Large type (chosen on home, kept on the phone): the section keeps 适老化 sizes.
  await page.goto(`${BASE_URL}/`)
  await page.locator('.large-type-switch').click()
  await page.locator('.screen.large-type').waitFor()
  await page.goBack()
  await page.locator('.screen.staff-consultation.large-type .reminder-section').waitFor()
  const toggleHeight = await page.locator('.reminder-pause-toggle').evaluate((element) => element.getBoundingClientRect().height)
  assert.ok(toggleHeight >= 60, `pause button ${toggleHeight}px < 60px`)
  await screenshotWhole(page, '.reminder-section', `${RESULTS_DIR}staff-reminders-large.png`)

  assert.deepEqual(pageErrors, [])
  await context.close()
})
