// End to end, per-household acceptance and warranty (issue 11) in the H5 build, on the demo's published
// plan of 光明里1号楼2单元 (server/src/demo/demo-acceptance.ts): the resident of 302 (dev login
// demo-acceptance, inspected and passed, not accepted yet) opens the 请验收 message from home, reads
// the test results with their photos, signs and accepts, then sees 保修与报修 with each part's
// period from the acceptance day in Asia/Shanghai (the phone set to Honolulu, so a phone-zone slip
// shows), and the warranty PDF says the same; the contractor records a passing inspection of 501
// (the demo's failed one) on 验收检测 with a photo, and the committee sees it on 分户验收, chased first.
// Acceptance cannot be undone: a second run needs fresh demo data (restart the server on an empty database).
// Needs a running server with the demo data (SEED_DEMO=1) serving the H5 build: LINYI_BASE_URL=…
// Run: LINYI_BASE_URL=… node --test miniapp/e2e/acceptance.e2e.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { extractText, getDocumentProxy } from 'unpdf'
import { INSPECTION_TEST_LABELS, WARRANTY_PART_LABELS } from '@linyi/shared'
import { BASE_URL, RESULTS_DIR, TIMEOUT_MS, api, launchBrowser, screenshotWhole } from './support.mjs'
import { ACCOUNTS, DAY_MS, demoCompounds, devResident, openRoute, settled, tokenOf, unitAt, useResidentSession, useStaffSession } from './console-support.mjs'

/** server/src/demo/demo-acceptance.ts and demo-works.ts. */
const DEMO = {
  planTitle: '1号楼2单元上下水立管更换',
  residentOpenid: 'demo-acceptance',
  residentRoom: '302',
  failedRoom: '501',
}
/** The warranty periods the server runs with by default (WARRANTY_*_YEARS): the statutory minimums of art. 40. */
const PLUMBING_WARRANTY_YEARS = { PIPES: 2, WATERPROOFING: 5, FINISHES: 2 }
/** Far from Shanghai (UTC−10, no summer time): a date or time taken from the phone's zone would show. */
const PHONE_ZONE = 'Pacific/Honolulu'

let browser
let committeeToken
let contractorToken
let plan
let unit
let resident
let residentHousehold
let failedHousehold

const pathIs = (response, method, path) => response.request().method() === method && new URL(response.url()).pathname === `/api${path}`
const sha256Hex = (bytes) => createHash('sha256').update(bytes).digest('hex')
const squeezed = (text) => text.replace(/\s+/g, '')

/** `YYYY-MM-DD`, the day of an instant in Asia/Shanghai. */
function shanghaiDay(iso) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso))
}
/** 「2026年12月3日」 */
function chineseDay(ymd) {
  const [y, m, d] = ymd.split('-').map(Number)
  return `${y}年${m}月${d}日`
}
/** 「2026年12月3日 04:27（北京时间）」: how the app shows an instant, worked out here on its own. */
function shanghaiTime(iso) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}（北京时间）`
}
/** The last day a period of `years` from `startsOn` covers: the day before the anniversary. */
function lastDayOf(startsOn, years) {
  const [y, m, d] = startsOn.split('-').map(Number)
  return new Date(Date.UTC(y + years, m - 1, d) - DAY_MS).toISOString().slice(0, 10)
}

/** A phone-sized page whose clock is in `timezoneId`. */
async function phonePage(timezoneId) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId })
  const page = await context.newPage()
  page.setDefaultTimeout(TIMEOUT_MS)
  const pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  return { context, page, pageErrors }
}

/** Draws a few strokes with the mouse inside the signature pad's real <canvas>, and checks the ink is there. */
async function sign(page) {
  const canvas = page.locator('#signature-canvas canvas')
  await canvas.scrollIntoViewIfNeeded()
  const box = await canvas.boundingBox()
  assert.ok(box && box.width > 100 && box.height > 100, `signature canvas is ${JSON.stringify(box)}`)
  for (const stroke of [
    [[0.15, 0.6], [0.2, 0.3], [0.25, 0.65], [0.3, 0.35], [0.36, 0.6]],
    [[0.45, 0.4], [0.55, 0.42], [0.5, 0.3], [0.5, 0.7]],
    [[0.62, 0.55], [0.7, 0.35], [0.76, 0.62], [0.85, 0.4]],
  ]) {
    const [[x0, y0], ...rest] = stroke
    await page.mouse.move(box.x + box.width * x0, box.y + box.height * y0)
    await page.mouse.down()
    for (const [x, y] of rest) await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 6 })
    await page.mouse.up()
  }
  const dark = await canvas.evaluate((element) => {
    const { data } = element.getContext('2d').getImageData(0, 0, element.width, element.height)
    let count = 0
    for (let i = 0; i < data.length; i += 4) if (data[i] < 100 && data[i + 3] > 0) count += 1
    return count
  })
  assert.ok(dark > 200, `only ${dark} dark pixels on the signature canvas`)
}

/** The sha-256 of the bytes each <img> under `scope` shows, in order (the page holds them as blob: URLs). */
function shownImageHashes(scope) {
  return scope.locator('img').evaluateAll((images) =>
    Promise.all(
      images.map(async (image) => {
        const bytes = await (await fetch(image.src)).arrayBuffer()
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
        return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('')
      }),
    ),
  )
}

/** A stored acceptance photo (or signature) through the API: its content type and bytes. */
async function storedPhoto(householdId, sha256, token) {
  const response = await fetch(`${BASE_URL}/api/households/${householdId}/acceptance/photos/${sha256}`, { headers: { Authorization: `Bearer ${token}` } })
  assert.equal(response.status, 200, `photo ${sha256} of ${householdId}`)
  return { type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) }
}

const acceptanceOf = (householdId, token) => api(`/households/${householdId}/acceptance?workPlanId=${plan.id}`, { token })

before(async () => {
  browser = await launchBrowser()
  committeeToken = await tokenOf(ACCOUNTS.committee)
  contractorToken = await tokenOf(ACCOUNTS.contractor)
  const { guangming } = await demoCompounds(committeeToken)
  unit = await unitAt(committeeToken, guangming.id, '1号楼', '2单元')
  const plans = await api(`/work-plans?compoundId=${guangming.id}`, { token: contractorToken })
  plan = plans.find((p) => p.title === DEMO.planTitle && p.status === 'PUBLISHED')
  assert.ok(plan, `the demo's published plan is missing: ${plans.map((p) => `${p.title} (${p.status})`).join('、')}`)
  const roomOf = (room) => unit.households.find((h) => h.room === room) ?? assert.fail(`1号楼2单元 has no ${room}`)
  residentHousehold = roomOf(DEMO.residentRoom)
  failedHousehold = roomOf(DEMO.failedRoom)
  resident = await devResident(DEMO.residentOpenid)

  // The demo's states, which these tests move on (for good: acceptance is final).
  const waiting = await acceptanceOf(residentHousehold.id, resident.accessToken)
  assert.ok(waiting.canAccept && waiting.status === 'PENDING', `302 is ${waiting.status} (canAccept ${waiting.canAccept}): restart the server with fresh demo data`)
  const failed = await acceptanceOf(failedHousehold.id, contractorToken)
  assert.ok(failed.inspected && !failed.passed && failed.status === 'PENDING', `501 is ${failed.status} (passed ${failed.passed}): restart the server with fresh demo data`)
})

after(async () => {
  await browser?.close()
})

test('the resident of 302 opens 请验收 from home’s 消息, reads the results and photos, signs and accepts; 保修与报修 lists each part from the acceptance day (Asia/Shanghai) and the warranty PDF says the same', async () => {
  const { context, page, pageErrors } = await phonePage(PHONE_ZONE)
  await useResidentSession(page, resident)
  const householdId = residentHousehold.id
  const served = await acceptanceOf(householdId, resident.accessToken)
  const [latest] = served.inspections

  // Home: the works card says the flat passed and asks for acceptance; the reminder is in 消息.
  await page.goto(`${BASE_URL}/`)
  await page.locator(`#works-entry-${householdId}-${plan.id} .works-entry__acceptance`).filter({ hasText: '验收：施工已检测合格，请您验收' }).waitFor()
  await page.locator('#inbox-entry').click()
  const message = page.locator('.inbox-item').filter({ hasText: '请验收' }).filter({ hasText: residentHousehold.label })
  await message.locator('.inbox-item__open').filter({ hasText: '查看检测结果并验收' }).waitFor()
  await message.click()

  // 入户施工验收: where it stands, then the latest inspection in plain words, each photo the stored one.
  const screen = page.locator('.screen.acceptance:not(.warranty):visible')
  await screen.locator('.acceptance-state__headline').filter({ hasText: '检测合格，请您验收' }).waitFor()
  assert.equal((await screen.locator('.acceptance-household').innerText()).trim(), `房屋：${residentHousehold.label}`)
  const card = screen.locator(`#inspection-${latest.id}`)
  await card.locator('.inspection-verdict').filter({ hasText: '检测合格' }).waitFor()
  assert.equal((await card.locator('.inspection-card__meta').innerText()).trim(), `${shanghaiTime(latest.at)} · 检测人：${latest.inspectorName}`)
  const lines = (await card.locator('.inspection-result__line').allInnerTexts()).map((t) => t.trim())
  assert.deepEqual(lines, latest.results.map((r) => `${r.passed ? '✓' : '✗'} ${INSPECTION_TEST_LABELS[r.test]}：${r.passed ? '合格' : '不合格'}`))
  for (const required of ['✓ 通球试验：合格', '✓ 管根不渗不漏：合格']) assert.ok(lines.includes(required), `no “${required}” among ${lines.join(' / ')}`)
  assert.deepEqual((await card.locator('.inspection-result__value').allInnerTexts()).map((t) => t.trim()), latest.results.filter((r) => r.value).map((r) => `测量结果：${r.value}`))
  const photos = latest.results.filter((r) => r.photoSha256).map((r) => r.photoSha256)
  assert.ok(photos.length >= 2, 'the demo inspection has photos')
  await card.locator('.evidence-photo__image img').nth(photos.length - 1).waitFor()
  await page.waitForFunction((id) => [...document.querySelectorAll(`#inspection-${id} .evidence-photo__image img`)].every((img) => img.complete && img.naturalWidth > 0), latest.id)
  assert.deepEqual(await shownImageHashes(card.locator('.evidence-photo__image')), photos, 'the photos shown are not the stored ones')
  await screenshotWhole(page, '.screen.acceptance', `${RESULTS_DIR}acceptance-results.png`)

  // 确认验收合格 → the pad; nothing can be sent before a signature.
  await screen.locator('.acceptance-accept').click()
  const panel = screen.locator('.accept-sign')
  const submit = panel.locator('.sign-submit')
  await submit.waitFor()
  assert.match(await submit.getAttribute('class'), /big-button--inactive/, 'accept is enabled before any signature')
  await sign(page)
  assert.doesNotMatch(await submit.getAttribute('class'), /big-button--inactive/)
  const sent = page.waitForResponse((r) => pathIs(r, 'PUT', `/households/${householdId}/acceptance`))
  const sentAt = Math.floor(Date.now() / 1000) * 1000
  await submit.click()
  const answer = await sent
  assert.equal(answer.status(), 200, await answer.text())
  assert.equal((await answer.json()).status, 'ACCEPTED')

  // Said on the page, and stored: an online acceptance of that inspection, signed, timed now.
  await screen.locator('.acceptance-outcome__text').filter({ hasText: '验收完成，谢谢您！' }).waitFor()
  await screen.locator('.acceptance-state__headline').filter({ hasText: '已验收' }).waitFor()
  const accepted = await acceptanceOf(householdId, resident.accessToken)
  assert.equal(accepted.status, 'ACCEPTED')
  const [record] = accepted.records
  assert.equal(record.decision, 'ACCEPT')
  assert.equal(record.channel, 'ONLINE')
  assert.equal(record.inspectionId, latest.id)
  assert.equal(record.signedBy, '居民本人（线上签名）')
  const acceptedMs = Date.parse(accepted.acceptedAt)
  assert.ok(acceptedMs >= sentAt && acceptedMs <= Date.now(), `acceptedAt ${accepted.acceptedAt} is not the moment of signing`)
  const signature = await storedPhoto(householdId, record.signatureSha256, resident.accessToken)
  assert.equal(signature.type, 'image/png')
  assert.equal(sha256Hex(signature.bytes), record.signatureSha256)
  assert.equal((await screen.locator('.acceptance-state__next').innerText()).trim(), `您家已于 ${shanghaiTime(accepted.acceptedAt)} 验收合格。保修期从验收这天算起，有问题可以在保修期内报修。`)
  await screenshotWhole(page, '.screen.acceptance', `${RESULTS_DIR}acceptance-accepted.png`)

  // 保修与报修: version 1, each plumbing part from the Shanghai day of acceptance for its statutory years.
  await screen.locator('.acceptance-warranty').click()
  const warranty = page.locator('.screen.warranty:visible')
  const startsOn = shanghaiDay(accepted.acceptedAt)
  const expected = Object.entries(PLUMBING_WARRANTY_YEARS).map(([part, years]) => ({ part, years, startsOn, endsOn: lastDayOf(startsOn, years) }))
  const notice = await api(`/households/${householdId}/warranty`, { token: resident.accessToken })
  assert.equal(notice.version, 1)
  assert.deepEqual(
    notice.items.filter((i) => i.workPlanId === plan.id).map(({ part, years, startsOn: s, endsOn: e, restartedByRepairId }) => ({ part, years, startsOn: s, endsOn: e, restartedByRepairId })),
    expected.map((e) => ({ ...e, restartedByRepairId: null })),
  )
  await warranty.locator('.warranty-item').first().waitFor()
  await settled(page)
  assert.equal(await warranty.locator('.warranty-item').count(), expected.length)
  await warranty.locator('.warranty-version').filter({ hasText: `第 1 版 · ${shanghaiTime(notice.issuedAt)} 签发` }).waitFor()
  for (const { part, years, startsOn: s, endsOn: e } of expected) {
    const item = warranty.locator(`#warranty-item-${plan.id}-${part}`)
    assert.equal((await item.locator('.warranty-item__part').innerText()).trim(), WARRANTY_PART_LABELS[part])
    assert.equal((await item.locator('.warranty-item__years').innerText()).trim(), `保修期 ${years} 年`)
    assert.equal((await item.locator('.warranty-item__period').innerText()).trim(), `${chineseDay(s)} 至 ${chineseDay(e)}`)
    assert.equal(await item.locator('.warranty-item__restarted').count(), 0)
  }
  await warranty.locator('.repairs-none').waitFor()
  await screenshotWhole(page, '.screen.warranty', `${RESULTS_DIR}acceptance-warranty.png`)

  // 下载保修告知书（PDF）: the page fetches it and hands it to a tab of its own.
  const pdfServed = page.waitForResponse((r) => pathIs(r, 'GET', `/households/${householdId}/warranty.pdf`))
  const tab = context.waitForEvent('page')
  await warranty.locator('.warranty-pdf').click()
  assert.equal((await pdfServed).status(), 200)
  await (await tab).close()
  await warranty.locator('.warranty-saved').filter({ hasText: '告知书已打开' }).waitFor()
  assert.equal(await warranty.locator('.warranty-pdf-error').count(), 0)

  // The same PDF through the API with the resident's token: its text names each part with its dates.
  const pdf = await fetch(`${BASE_URL}/api/households/${householdId}/warranty.pdf`, { headers: { Authorization: `Bearer ${resident.accessToken}` } })
  assert.equal(pdf.status, 200)
  assert.match(pdf.headers.get('content-type'), /^application\/pdf/)
  const bytes = new Uint8Array(await pdf.arrayBuffer())
  const text = squeezed((await extractText(await getDocumentProxy(bytes), { mergePages: true })).text)
  for (const words of ['保修事项告知书', residentHousehold.label, DEMO.planTitle]) assert.ok(text.includes(squeezed(words)), `the PDF does not say “${words}”:\n${text}`)
  for (const { part, startsOn: s, endsOn: e } of expected) {
    assert.ok(text.includes(WARRANTY_PART_LABELS[part]), `the PDF does not name ${WARRANTY_PART_LABELS[part]}:\n${text}`)
    assert.ok(text.includes(`起${chineseDay(s)}止${chineseDay(e)}`), `the PDF does not give ${WARRANTY_PART_LABELS[part]} from ${chineseDay(s)} to ${chineseDay(e)}:\n${text}`)
  }

  assert.deepEqual(pageErrors, [])
  await context.close()
})

test('the contractor records a passing inspection of 501 on 验收检测 with a photo; the committee sees it on 分户验收 waiting on the resident, chased first, with the unit’s figures', async () => {
  const householdId = failedHousehold.id
  const earlier = await acceptanceOf(householdId, contractorToken)

  // The contractor: plan → 分户验收 → 501 (检测未通过) → 验收检测.
  const crew = await phonePage(PHONE_ZONE)
  await useStaffSession(crew.page, ACCOUNTS.contractor)
  await openRoute(crew.page, '/staff/work-plan/index', { id: plan.id })
  await crew.page.locator('.screen.staff-work-plan:visible .works-open-acceptance').click()
  const crewBoard = crew.page.locator('.screen.staff-acceptance:visible')
  const crewRow = crewBoard.locator(`#acceptance-unit-${unit.id} #acceptance-${householdId}`)
  await crewRow.locator('.staff-acc-chip').filter({ hasText: '检测未通过' }).waitFor()
  // 整改中 on top for the crew: the demo's 202, whose resident listed a defect.
  await crewBoard.locator('.staff-acc-rework-list .staff-acc-rework').first().waitFor()
  await crewRow.locator('.staff-acc-open').filter({ hasText: '重新检测' }).click()

  const inspection = crew.page.locator('.screen.staff-inspection:visible')
  const form = inspection.locator('.staff-acc-inspection-form')
  await form.waitFor()
  await settled(crew.page)
  assert.equal((await inspection.locator('.staff-acc-household').innerText()).trim(), failedHousehold.label)
  // The demo's inspection above the form: without the closed-water test, so it did not pass.
  await inspection.locator(`#inspection-${earlier.inspections[0].id} .staff-acc-missing`).filter({ hasText: '缺少必检项目：管根不渗不漏' }).waitFor()
  assert.deepEqual(await form.locator('.staff-acc-test').evaluateAll((rows) => rows.map((r) => r.dataset.test)), earlier.template.required)
  const submit = form.locator('.staff-acc-inspection-submit')
  await submit.filter({ hasText: '请为「通球试验」选择合格或不合格' }).waitFor()

  const values = { BALL_PASS: `Φ75 球一次通过（${Date.now().toString(36)}）`, NO_LEAK: '闭水 24 小时，管根干燥' }
  const ball = form.locator('.staff-acc-test[data-test="BALL_PASS"]')
  await ball.locator('.staff-acc-verdict--pass').click()
  assert.equal(await ball.locator('.staff-acc-verdict--pass').getAttribute('aria-checked'), 'true')
  await ball.locator('.staff-acc-test-value input').fill(values.BALL_PASS)
  // A photo of the ball out of the stack (any picture will do here), from the file picker H5 opens.
  const picture = await crew.page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 390, height: 300 } })
  const chooser = crew.page.waitForEvent('filechooser')
  await ball.locator('.staff-acc-photo-choose').click()
  // This browser's first photo: the privacy guide is agreed to first (privacy.e2e.mjs tests refusing).
  await crew.page.locator('.privacy-dialog__agree:visible').click()
  await (await chooser).setFiles({ name: 'ball-pass.png', mimeType: 'image/png', buffer: picture })
  await ball.locator('.staff-acc-photo-picker__preview').waitFor()
  const leak = form.locator('.staff-acc-test[data-test="NO_LEAK"]')
  await leak.locator('.staff-acc-verdict--pass').click()
  await leak.locator('.staff-acc-test-value input').fill(values.NO_LEAK)
  await form.locator('.staff-acc-preview').filter({ hasText: '提交后本户检测通过' }).waitFor()
  await screenshotWhole(crew.page, '.screen.staff-inspection', `${RESULTS_DIR}acceptance-inspection-form.png`)

  const sent = crew.page.waitForResponse((r) => pathIs(r, 'POST', `/households/${householdId}/inspections`))
  await submit.click()
  const answer = await sent
  assert.equal(answer.status(), 201, await answer.text())
  const created = await answer.json()
  assert.equal(created.passed, true)
  assert.deepEqual(created.missing, [])
  await form.locator('.staff-acc-outcome__title').filter({ hasText: '检测通过' }).waitFor()

  // Stored as typed, the photo by its hash; the page now shows it as the latest.
  const stored = await acceptanceOf(householdId, contractorToken)
  const [latest] = stored.inspections
  assert.equal(latest.id, created.id)
  assert.equal(latest.passed, true)
  assert.deepEqual(latest.results.map(({ test, passed, value }) => ({ test, passed, value })), [
    { test: 'BALL_PASS', passed: true, value: values.BALL_PASS },
    { test: 'NO_LEAK', passed: true, value: values.NO_LEAK },
  ])
  assert.match(latest.results[0].photoSha256 ?? '', /^[0-9a-f]{64}$/)
  assert.equal(latest.results[1].photoSha256, null)
  assert.ok(stored.canAccept, '501 cannot be accepted after a passing inspection')
  const photo = await storedPhoto(householdId, latest.results[0].photoSha256, contractorToken)
  assert.equal(photo.type, 'image/jpeg')
  assert.equal(sha256Hex(photo.bytes), latest.results[0].photoSha256)
  const shown = inspection.locator(`#inspection-${created.id}`)
  await shown.locator('.staff-acc-verdict-tag').filter({ hasText: '通过' }).waitFor()
  assert.deepEqual((await shown.locator('.staff-acc-result__line').allInnerTexts()).map((t) => t.trim()), [`通球试验：合格 · ${values.BALL_PASS}`, `管根不渗不漏：合格 · ${values.NO_LEAK}`])
  assert.deepEqual(crew.pageErrors, [])
  await crew.context.close()

  // The committee: plan → 分户验收. What the page was served is what it shows.
  const { context, page, pageErrors } = await phonePage(PHONE_ZONE)
  await useStaffSession(page, ACCOUNTS.committee)
  await openRoute(page, '/staff/work-plan/index', { id: plan.id })
  const progressServed = page.waitForResponse((r) => pathIs(r, 'GET', `/work-plans/${plan.id}/acceptance`))
  await page.locator('.screen.staff-work-plan:visible .works-open-acceptance').click()
  const progress = await (await progressServed).json()
  const board = page.locator('.screen.staff-acceptance:visible')
  const unitCard = board.locator(`#acceptance-unit-${unit.id}`)
  await unitCard.waitFor()
  await settled(page)
  const figures = progress.units.find((u) => u.unitId === unit.id)
  assert.equal(
    (await unitCard.locator('.staff-acc-unit__figures').innerText()).trim(),
    `共 ${figures.households} 户 · 已检测 ${figures.inspected} · 通过 ${figures.passed} · 已验收 ${figures.accepted} · 整改中 ${figures.rework}`,
  )
  const entry = figures.list.find((h) => h.householdId === householdId)
  assert.deepEqual({ inspected: entry.inspected, passed: entry.passed, status: entry.status }, { inspected: true, passed: true, status: 'PENDING' })
  assert.equal(Date.parse(entry.passedAt), Date.parse(latest.at))
  // 302 was accepted by the resident above: counted, and no longer waiting.
  assert.equal(figures.list.find((h) => h.householdId === residentHousehold.id).status, 'ACCEPTED')

  // 501 waits on its resident since today: said so, with when it passed, and the paper form offered.
  const row = unitCard.locator(`#acceptance-${householdId}`)
  await row.locator('.staff-acc-chip').filter({ hasText: '待居民验收（今天检测通过）' }).waitFor()
  await row.getByText(`检测通过于 ${shanghaiTime(entry.passedAt)}`).waitFor()
  await row.locator('.staff-acc-paper-open').filter({ hasText: '录入纸质验收单' }).waitFor()
  await row.locator('.staff-acc-open').filter({ hasText: '查看记录' }).waitFor()
  // The chase first: those waiting on their resident, longest first, then the rest in the server's order.
  const awaiting = figures.list.filter((h) => h.passedAt && h.status !== 'ACCEPTED').sort((a, b) => Date.parse(a.passedAt) - Date.parse(b.passedAt))
  const rest = figures.list.filter((h) => !awaiting.includes(h))
  const rowIds = await unitCard.locator('.staff-acc-household-row').evaluateAll((rows) => rows.map((r) => r.id.replace(/^acceptance-/, '')))
  assert.deepEqual(rowIds, [...awaiting, ...rest].map((h) => h.householdId))
  assert.ok(awaiting.some((h) => h.householdId === householdId))
  await screenshotWhole(page, '.screen.staff-acceptance', `${RESULTS_DIR}acceptance-progress.png`)

  assert.deepEqual(pageErrors, [])
  await context.close()
})
