// End to end, the consent engine: a resident signs the written plumbing application (书面改造申请) in
// the H5 build, and the committee's chase list and unit progress follow. Needs a running server with the
// demo data (SEED_DEMO=1), serving the H5 build: LINYI_BASE_URL=http://127.0.0.1:3998
// Run: LINYI_BASE_URL=… node --test miniapp/e2e/consent.e2e.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { RESULTS_DIR, api, bindWithCode, launchBrowser, newPhonePage, screenshotWhole, staffSignIn, staffToken } from './support.mjs'

/** The demo's open plumbing application in the first compound (光明里小区), through the committee's API. */
async function openPlumbingApplication(token) {
  const compounds = await api('/compounds', { token })
  assert.ok(compounds.length > 0, 'committee-demo sees no compound: is the demo data seeded (SEED_DEMO=1)?')
  const consultations = await api(`/consultations?compoundId=${compounds[0].id}`, { token })
  const application = consultations.find((c) => c.kind === 'PLUMBING_APPLICATION' && c.status === 'OPEN')
  assert.ok(application, `no open PLUMBING_APPLICATION in ${compounds[0].name}: ${consultations.map((c) => `${c.kind}/${c.status}`).join(', ')}`)
  return application
}

/** A household that has not answered yet, and its unit's progress now. */
async function householdToAsk(token, consultationId) {
  const units = await api(`/consultations/${consultationId}/outstanding`, { token })
  const unit = units.find((u) => u.households.some((h) => h.answer === null))
  assert.ok(unit, 'every household has answered: restart the server with fresh demo data')
  const household = unit.households.find((h) => h.answer === null)
  const groups = await api(`/consultations/${consultationId}/groups`, { token })
  const group = groups.find((g) => g.groupId === unit.unitId)
  assert.ok(group, `unit ${unit.label} has no group in /groups`)
  return { unit, household, group }
}

/** Draws a few strokes of a signature with the mouse, inside the pad's real <canvas>. */
async function sign(page) {
  const canvas = page.locator('#signature-canvas canvas')
  await canvas.scrollIntoViewIfNeeded()
  const box = await canvas.boundingBox()
  assert.ok(box && box.width > 100 && box.height > 100, `signature canvas is ${JSON.stringify(box)}`)
  const strokes = [
    [[0.15, 0.6], [0.2, 0.3], [0.25, 0.65], [0.3, 0.35], [0.36, 0.6]],
    [[0.45, 0.4], [0.55, 0.42], [0.5, 0.3], [0.5, 0.7]],
    [[0.62, 0.55], [0.7, 0.35], [0.76, 0.62], [0.85, 0.4]],
  ]
  for (const stroke of strokes) {
    const [[x0, y0], ...rest] = stroke
    await page.mouse.move(box.x + box.width * x0, box.y + box.height * y0)
    await page.mouse.down()
    for (const [x, y] of rest) await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 6 })
    await page.mouse.up()
  }
  // Ink on the canvas: some pixels are dark.
  const dark = await canvas.evaluate((element) => {
    const { data } = element.getContext('2d').getImageData(0, 0, element.width, element.height)
    let count = 0
    for (let i = 0; i < data.length; i += 4) if (data[i] < 100 && data[i + 3] > 0) count += 1
    return count
  })
  assert.ok(dark > 200, `only ${dark} dark pixels on the signature canvas`)
}

let browser
let token
let application

before(async () => {
  browser = await launchBrowser()
  token = await staffToken()
  application = await openPlumbingApplication(token)
})

after(async () => {
  await browser?.close()
})

test('a resident reads, ticks, signs and submits the plumbing application; the unit’s progress goes up by one', async () => {
  const { household, group } = await householdToAsk(token, application.id)
  const invite = await api(`/households/${household.householdId}/invite-codes`, { method: 'POST', token, body: {} })

  const { context, page, pageErrors } = await newPhonePage(browser)
  await bindWithCode(page, invite.code)
  await page.locator('.household-item').filter({ hasText: household.label }).waitFor()

  // 待办事项 on home: the application, not answered yet, with the unit's progress.
  const item = page.locator('.consultation-item').filter({ hasText: application.title })
  await item.waitFor()
  assert.match(await item.innerText(), /未填写/)
  assert.match(await item.innerText(), new RegExp(`本单元 ${group.agreed}/${group.households} 户已申请`))
  await screenshotWhole(page, '.screen.home', `${RESULTS_DIR}home-consultations.png`)
  await item.locator('.consultation-open').click()

  // The form: body, every disclosure in full, submit disabled until ticked and signed.
  await page.getByText(application.body.slice(0, 20), { exact: false }).waitFor()
  const disclosures = page.locator('.disclosure-item')
  assert.equal(await disclosures.count(), application.disclosures.length)
  for (const disclosure of application.disclosures) await page.getByText(disclosure.text, { exact: false }).waitFor()
  const submit = page.locator('.plumbing-submit')
  assert.match(await submit.getAttribute('class'), /big-button--inactive/)
  await screenshotWhole(page, '.screen.consult', `${RESULTS_DIR}plumbing-form.png`)

  for (let i = 0; i < application.disclosures.length; i += 1) await disclosures.nth(i).click()
  assert.equal(await page.locator('.disclosure-item[aria-checked="true"]').count(), application.disclosures.length)
  assert.match(await submit.getAttribute('class'), /big-button--inactive/, 'submit is enabled before any signature')

  await sign(page)
  assert.doesNotMatch(await submit.getAttribute('class'), /big-button--inactive/)
  await screenshotWhole(page, '.screen.consult', `${RESULTS_DIR}plumbing-form-signed.png`)
  await submit.click()

  // The receipt: time, evidence number, the unit's live progress, one higher than before.
  await page.locator('.receipt-title').filter({ hasText: '申请已提交' }).waitFor()
  const progress = (await page.locator('.receipt-progress').innerText()).trim()
  assert.equal(progress, `本单元 ${group.agreed + 1}/${group.households} 户已申请`)
  assert.match((await page.locator('.receipt-evidence').innerText()).trim(), /^存证编号：[0-9a-f]{8}$/)
  // Times are shown in the compounds' zone, and say so.
  assert.match((await page.locator('.receipt-time').innerText()).trim(), /^提交时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）$/)
  await page.locator('.change-answer').waitFor()
  await page.screenshot({ path: `${RESULTS_DIR}plumbing-receipt.png` })

  // The committee's view through the API: the household left the chase list, the unit counts one more.
  const units = await api(`/consultations/${application.id}/outstanding`, { token })
  assert.ok(!units.some((u) => u.households.some((h) => h.householdId === household.householdId)), 'the household is still outstanding')
  const after = (await api(`/consultations/${application.id}/groups`, { token })).find((g) => g.groupId === group.groupId)
  assert.equal(after.agreed, group.agreed + 1)

  // Home lists it as applied; in large type the receipt keeps 适老化 sizes.
  await page.locator('.receipt-done').click()
  await item.filter({ hasText: '已申请' }).waitFor()
  await page.locator('.large-type-switch').click()
  await page.locator('.screen.large-type').waitFor()
  await item.locator('.consultation-open').click()
  await page.locator('.receipt-progress').waitFor()
  await page.locator('.change-answer').click()
  await page.locator('.disclosure-item').first().waitFor()
  const sizes = await page.evaluate(() => {
    const px = (selector, property) => parseFloat(getComputedStyle(document.querySelector(selector))[property])
    const height = (selector) => document.querySelector(selector).getBoundingClientRect().height
    return {
      disclosure: px('.disclosure-item__text', 'fontSize'),
      title: px('.consult .page-title', 'fontSize'),
      tickRow: height('.disclosure-item'),
      submit: height('.plumbing-submit'),
      clear: height('.signature-clear'),
    }
  })
  assert.ok(sizes.disclosure >= 18, `disclosure text ${sizes.disclosure}px < 18px`)
  assert.ok(sizes.title >= 30, `title ${sizes.title}px < 30px`)
  for (const name of ['tickRow', 'submit', 'clear']) assert.ok(sizes[name] >= 60, `${name} ${sizes[name]}px < 60px`)
  await screenshotWhole(page, '.screen.consult', `${RESULTS_DIR}plumbing-form-large.png`)

  assert.deepEqual(pageErrors, [])
  await context.close()
})

test('the committee sees unit progress and the chase list, records a home visit and a signed paper form', async () => {
  const { household, unit } = await householdToAsk(token, application.id)
  const { context, page, pageErrors } = await newPhonePage(browser)
  await staffSignIn(page)
  await page.locator('.compound-item').first().click()
  await page.locator('.consultation-entry-card').filter({ hasText: application.title }).locator('.consultation-entry').click()

  // Progress per unit, in the server's words and numbers.
  const groups = await api(`/consultations/${application.id}/groups`, { token })
  await page.locator('.group-row').first().waitFor()
  assert.equal(await page.locator('.group-row').count(), groups.length)
  const firstRow = await page.locator('.group-row').first().innerText()
  assert.match(firstRow, new RegExp(`${groups[0].label}[\\s\\S]*${groups[0].agreed}/${groups[0].households} 已同意`))

  // Chase list in the server's order; the call button dials the roster's phone.
  const outstanding = await api(`/consultations/${application.id}/outstanding`, { token })
  const titles = await page.locator('.chase-unit__title').allInnerTexts()
  assert.deepEqual(titles, outstanding.map((u) => `${u.label} · 还差 ${u.missing} 户`))
  const unitCard = page.locator(`#chase-unit-${unit.unitId}`)
  const row = page.locator(`#chase-${household.householdId}`)
  // Only the units nearest their threshold start open.
  if ((await row.count()) === 0) await unitCard.locator('.chase-unit-toggle').click()
  if (household.phone) assert.equal(await row.locator('a.call-button').getAttribute('href'), `tel:${household.phone}`)
  await page.screenshot({ path: `${RESULTS_DIR}staff-consultation.png` })
  await screenshotWhole(page, '.chase-unit', `${RESULTS_DIR}staff-chase-unit.png`)

  // A visit: nobody home.
  await row.locator('.visit-entry').click()
  await row.locator('.outcome-choice--not_home').click()
  await row.locator('.visit-save').click()
  await row.getByText('已记录上门：家中无人').waitFor()
  await row.getByText(new RegExp(`已上门 ${household.visits + 1} 次`)).waitFor()
  await row.screenshot({ path: `${RESULTS_DIR}staff-visit-recorded.png` })
  const again = await api(`/consultations/${application.id}/outstanding`, { token })
  const visited = again.find((u) => u.unitId === unit.unitId).households.find((h) => h.householdId === household.householdId)
  assert.equal(visited.visits, household.visits + 1)


  // A signed paper form: the answer ticked on it, photographed (any picture will do here), confirmed,
  // and recorded as AGREE on the PAPER channel.
  const paperPhoto = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 390, height: 500 } })
  await row.locator('.paper-entry').click()
  await row.locator('.paper-choice--agree').click()
  const chooser = page.waitForEvent('filechooser')
  await row.locator('.paper-choose').click()
  // This browser's first photo: the privacy guide is agreed to first (privacy.e2e.mjs tests refusing).
  await page.locator('.privacy-dialog__agree:visible').click()
  await (await chooser).setFiles({ name: 'signed-form.png', mimeType: 'image/png', buffer: paperPhoto })
  await row.locator('.paper-preview').waitFor()
  await page.waitForFunction((id) => !document.querySelector(`#chase-${id} .paper-submit`).className.includes('inactive'), household.householdId)
  await row.screenshot({ path: `${RESULTS_DIR}staff-paper-form.png` })
  await row.locator('.paper-submit').click()
  await row.locator('.paper-confirm').click()
  await row.waitFor({ state: 'detached' })
  const answered = await api(`/consultations/${application.id}/responses/${household.householdId}`, { token })
  assert.equal(answered.current.answer, 'AGREE')
  assert.equal(answered.current.channel, 'PAPER')
  assert.match(answered.current.paperScanSha256, /^[0-9a-f]{64}$/)
  const later = await api(`/consultations/${application.id}/outstanding`, { token })
  assert.ok(!later.some((u) => u.households.some((h) => h.householdId === household.householdId)), 'the household is still outstanding')

  assert.deepEqual(pageErrors, [])
  await context.close()
})
