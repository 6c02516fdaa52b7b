// End to end, in-home works (issue 10) in the H5 build, on the demo's two plans in 光明里小区: a resident
// (dev login demo-works-booker, bound by the demo to 1号楼2单元602, not booked) books a window on
// 入户施工预约, sees the receipt and the window's remaining count drop by one, saves the calendar file,
// and cancels; the contractor tries to publish the draft plan and sees every problem unit by unit
// (the care problem as a count, never a room), prints a stairwell notice and reads the crew list
// (照顾说明 of 301, the unbooked); the committee books on behalf of 501 and cancels it again.
// Each test leaves the bookings as it found them, so a run on the same database can follow another.
// Needs a running server with the demo data (SEED_DEMO=1) serving the H5 build: LINYI_BASE_URL=…
// Run: LINYI_BASE_URL=… node --test miniapp/e2e/works.e2e.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { COMPOUND_TIME_ZONE_LABEL, NEED_LABELS, WorkPlanStatus, WorkProblemReason, windowSpanText } from '@linyi/shared'
import { BASE_URL, RESULTS_DIR, api, apiResponse, inputIn, launchBrowser, newPhonePage, screenshotWhole } from './support.mjs'
import {
  ACCOUNTS,
  confirmModal,
  demoCompounds,
  devResident,
  openRoute,
  settled,
  signInThroughForm,
  tokenOf,
  unitAt,
  useResidentSession,
  useStaffSession,
} from './console-support.mjs'

/** server/src/demo/demo-works.ts: the published plan of 1号楼2单元, the refused draft, and the booker's openid and room. */
const DEMO = {
  publishedTitle: '1号楼2单元上下水立管更换',
  draftTitle: '1号楼1单元、2号楼1单元上下水立管更换',
  bookerOpenid: 'demo-works-booker',
  bookerRoom: '602',
  // Booked by the demo (301 and 502 with care plans, in the priority window); no test cancels them.
  bookedRooms: ['101', '102', '201', '301', '401', '502'],
  careRoom: '301',
}
/** The household the committee books for here; a11y.e2e.mjs binds residents to 101 (booked) and 202 (not). */
const BOOKED_FOR_ROOM = '501'
// A run's own number, so a leftover of an earlier run cannot pass for it.
const PHONE = `1390000${String(Date.now()).slice(-4)}`
const ZONE = `（${COMPOUND_TIME_ZONE_LABEL}）`

let browser
let committeeToken
let contractorToken
let compound
/** 光明里1号楼2单元 as the structure lists it: `{id, name, households:[{id, room, label}]}`. */
let unit
let published
let draft
let booker
let bookerHousehold
let bookedFor

const roomOf = (room) => {
  const household = unit.households.find((h) => h.room === room)
  assert.ok(household, `1号楼2单元 has no ${room}`)
  return household
}
const pathIs = (response, method, path) => response.request().method() === method && new URL(response.url()).pathname === `/api${path}`
/** 「还剩 3 户」, or 「已约满」: the page's words for a window's remaining places. */
const remainingText = (remaining) => (remaining > 0 ? `还剩 ${remaining} 户` : '已约满')
const exactly = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)

/** The booker's entry for the published plan, as GET /me/work-windows answers it. */
async function bookerPlan() {
  const plans = await api('/me/work-windows', { token: booker.accessToken })
  const entry = plans.find((p) => p.workPlanId === published.id && p.householdId === bookerHousehold.id)
  assert.ok(entry, `demo-works-booker does not see “${DEMO.publishedTitle}” for ${bookerHousehold.label}: ${JSON.stringify(plans)}`)
  return entry
}

const crewList = (token = committeeToken) => api(`/work-plans/${published.id}/bookings`, { token })
const crewWindowOf = (crew, householdId) => crew.windows.find((w) => w.households.some((h) => h.householdId === householdId)) ?? null

before(async () => {
  browser = await launchBrowser()
  committeeToken = await tokenOf(ACCOUNTS.committee)
  contractorToken = await tokenOf(ACCOUNTS.contractor)
  compound = (await demoCompounds(committeeToken)).guangming
  unit = await unitAt(committeeToken, compound.id, '1号楼', '2单元')
  const plans = await api(`/work-plans?compoundId=${compound.id}`, { token: contractorToken })
  published = plans.find((p) => p.title === DEMO.publishedTitle && p.status === WorkPlanStatus.Published)
  draft = plans.find((p) => p.title === DEMO.draftTitle && p.status === WorkPlanStatus.Draft)
  assert.ok(published && draft, `the demo's work plans are missing: ${plans.map((p) => `${p.title} (${p.status})`).join('、')}`)
  bookerHousehold = roomOf(DEMO.bookerRoom)
  bookedFor = roomOf(BOOKED_FOR_ROOM)
  booker = await devResident(DEMO.bookerOpenid)

  // A run stopped half way may have left its bookings: start from the demo's state.
  if ((await bookerPlan()).booking) {
    await api(`/households/${bookerHousehold.id}/booking?workPlanId=${published.id}`, { method: 'DELETE', token: booker.accessToken })
  }
  if (crewWindowOf(await crewList(), bookedFor.id)) {
    await api(`/households/${bookedFor.id}/booking?workPlanId=${published.id}`, { method: 'DELETE', token: committeeToken })
  }
})

after(async () => {
  await browser?.close()
})

test('a resident books a window on 入户施工预约 and sees the receipt; that window’s remaining count drops by one; the calendar file downloads; cancelling gives the place back', async () => {
  const { context, page, pageErrors } = await newPhonePage(browser)
  await useResidentSession(page, booker)
  const ids = `${bookerHousehold.id}-${published.id}`

  // Home offers the way in, saying the household has not booked.
  await page.goto(`${BASE_URL}/`)
  const entry = page.locator(`#works-entry-${ids}`)
  await entry.locator('.works-entry__state').filter({ hasText: '您家尚未预约' }).waitFor()
  await entry.locator('.works-entry__open').click()

  const screen = page.locator('.screen.works-booking:visible')
  const section = screen.locator(`#work-plan-${ids}`)
  await section.locator('.work-window').first().waitFor()
  await settled(page)
  await section.locator('.work-plan-unbooked').waitFor()
  assert.equal(await section.locator('.booking-receipt').count(), 0, 'a receipt before anything was booked')

  // Every window as the server offers it to this household: its remaining places, and whether it can be booked.
  const offered = (await bookerPlan()).windows
  assert.deepEqual(await section.locator('.work-window').evaluateAll((cards) => cards.map((c) => c.dataset.windowId)), offered.map((w) => w.id), 'the page’s windows are not the server’s, in its order')
  const shownRemaining = async () => Object.fromEntries(await section.locator('.work-window').evaluateAll((cards) => cards.map((c) => [c.dataset.windowId, c.querySelector('.work-window__remaining').innerText.trim()])))
  const before = await shownRemaining()
  for (const w of offered) {
    assert.equal(before[w.id], remainingText(w.remaining), `window ${w.id}`)
    const card = section.locator(`.work-window[data-window-id="${w.id}"]`)
    if (!w.bookable) {
      // The demo's priority window is held for households that need care: said so, and no button.
      assert.match(await card.getAttribute('class'), /work-window--unavailable/)
      await card.locator('.work-window__reason').filter({ hasText: w.unavailableReason }).waitFor()
      assert.equal(await card.locator('.work-window__book').count(), 0, 'a held window offers a booking')
    }
  }
  // Held for 48 hours after publishing (WORK_PRIORITY_HOLD_HOURS): on a database seeded today, still held.
  if (Date.now() - Date.parse(published.publishedAt) < 24 * 3600 * 1000) {
    assert.ok(offered.some((w) => w.priority && !w.bookable), 'the demo’s priority window is not held for households that need care')
  }
  await screenshotWhole(page, '.screen.works-booking', `${RESULTS_DIR}works-booking-before.png`)

  // The first window the household can book: its count as the page says it, 「还剩 N 户」.
  const card = section.locator('.work-window.work-window--book').first()
  const windowId = await card.getAttribute('data-window-id')
  const target = offered.find((w) => w.id === windowId)
  assert.ok(target?.bookable && target.remaining > 0, `window ${windowId} is offered for booking but the server says ${JSON.stringify(target)}`)
  const n = Number(/^还剩 (\d+) 户$/.exec(before[windowId])?.[1])
  assert.equal(n, target.remaining)
  const span = `${windowSpanText(target.startsAt, target.endsAt)}${ZONE}`
  assert.equal(await card.getAttribute('aria-label'), `${span}，还剩 ${n} 户`)

  // The number the crew rings, then book.
  await inputIn(section, 'booking-phone').fill(PHONE)
  const sent = page.waitForResponse((r) => pathIs(r, 'PUT', `/households/${bookerHousehold.id}/booking`))
  await card.locator('.work-window__book').click()
  assert.equal((await sent).status(), 200)

  // The receipt: the household, the window, who booked and the phone.
  const receipt = section.getByRole('region', { name: '预约回执' })
  await receipt.waitFor()
  assert.equal(await receipt.getAttribute('id'), `booking-receipt-${ids}`)
  const row = (name) => receipt.locator(`.booking-receipt__${name} .receipt-row__value`)
  assert.equal((await row('household').innerText()).trim(), bookerHousehold.label)
  assert.equal((await row('window').innerText()).trim(), span)
  assert.equal((await row('by').innerText()).trim(), '本人')
  assert.equal((await row('phone').innerText()).trim(), PHONE)
  await row('closes-at').filter({ hasText: /\d/ }).waitFor()
  await section.locator(`#booking-outcome-${ids}`).filter({ hasText: '预约成功' }).waitFor()

  // That window now says one place fewer, and is the household's; the other windows are as they were.
  const booked = section.locator(`.work-window[data-window-id="${windowId}"]`)
  await booked.locator('.work-window__remaining').filter({ hasText: exactly(remainingText(n - 1)) }).waitFor()
  await booked.locator('.work-window__mine').waitFor()
  assert.match(await booked.getAttribute('class'), /work-window--mine/)
  assert.equal(await booked.getAttribute('aria-label'), `${span}，${remainingText(n - 1)}`)
  assert.deepEqual(await shownRemaining(), { ...before, [windowId]: remainingText(n - 1) }, 'another window’s count changed')
  await screenshotWhole(page, '.screen.works-booking', `${RESULTS_DIR}works-booking-receipt.png`)

  // The server has it: the booking in that window, by the resident, with the phone; one place fewer.
  const stored = await bookerPlan()
  assert.equal(stored.booking?.windowId, windowId, `the booking is not stored: ${JSON.stringify(stored.booking)}`)
  assert.equal(stored.booking.bookedBy, 'RESIDENT')
  assert.equal(stored.booking.contactPhone, PHONE)
  assert.equal(stored.windows.find((w) => w.id === windowId).remaining, n - 1)

  // 加入手机日历: the booking's .ics, saved by the browser.
  const download = page.waitForEvent('download')
  await receipt.locator('.booking-calendar').click()
  const file = await download
  assert.equal(file.suggestedFilename(), '入户施工预约.ics')
  const ics = await readFile(await file.path(), 'utf8')
  assert.match(ics, /BEGIN:VCALENDAR[\s\S]*BEGIN:VEVENT/)
  assert.ok(ics.replace(/\r?\n[ \t]/g, '').includes(DEMO.publishedTitle), `the calendar file does not name the plan:\n${ics}`)
  await receipt.locator('.booking-calendar-done').waitFor()
  assert.equal(await receipt.locator('.booking-calendar-error').count(), 0)

  // Home says it is booked, and when.
  await page.goto('about:blank')
  await page.goto(`${BASE_URL}/`)
  await entry.locator('.works-entry__state').filter({ hasText: `已预约：${windowSpanText(target.startsAt, target.endsAt)}${ZONE}` }).waitFor()
  await entry.locator('.works-entry__open').click()

  // Cancel (confirmed in the dialog): the receipt goes, the place comes back.
  await section.getByRole('region', { name: '预约回执' }).waitFor()
  const cancelled = page.waitForResponse((r) => pathIs(r, 'DELETE', `/households/${bookerHousehold.id}/booking`))
  await section.locator('.booking-cancel').click()
  await confirmModal(page, '取消预约？', '取消预约')
  assert.equal((await cancelled).status(), 200)
  await section.locator(`#booking-outcome-${ids}`).filter({ hasText: '已取消预约' }).waitFor()
  await section.locator('.booking-receipt').waitFor({ state: 'detached' })
  await section.locator(`.work-window.work-window--book[data-window-id="${windowId}"] .work-window__remaining`).filter({ hasText: exactly(remainingText(n)) }).waitFor()
  const after = await bookerPlan()
  assert.equal(after.booking, null)
  assert.equal(after.windows.find((w) => w.id === windowId).remaining, n)

  assert.deepEqual(pageErrors, [])
  await context.close()
})

test('the contractor tries to publish the draft plan and sees every problem unit by unit (the care problem as a count); prints a notice; reads the crew list with 301’s 照顾说明 and the unbooked', async () => {
  const { context, page, pageErrors } = await newPhonePage(browser)
  await signInThroughForm(page, ACCOUNTS.contractor)
  await page.locator(`#compound-${compound.id} .compound-item`).click()
  await page.locator('.screen.staff-compound:visible .compound-works-entry').click()
  const works = page.locator('.screen.staff-works:visible')
  await works.locator(`#work-plan-${draft.id}`).waitFor()
  await settled(page)
  // The published plan's card counts its bookings as the server does.
  const summary = (await api(`/work-plans?compoundId=${compound.id}`, { token: contractorToken })).find((p) => p.id === published.id)
  await works.locator(`#work-plan-${published.id} .works-plan-card__booked`).filter({ hasText: `已预约 ${summary.booked} / ${summary.households} 户` }).waitFor()
  await screenshotWhole(page, '.screen.staff-works', `${RESULTS_DIR}works-plans.png`)

  // The draft: publishing is refused, and every problem of the server's answer is on the page, unit by unit.
  await works.locator(`#work-plan-${draft.id}`).click()
  const plan = page.locator('.screen.staff-work-plan:visible')
  await plan.locator('.works-unit-card').first().waitFor()
  await settled(page)
  const refused = page.waitForResponse((r) => pathIs(r, 'POST', `/work-plans/${draft.id}/publish`))
  await plan.locator('.works-publish').click()
  await confirmModal(page, '发布施工计划', '发布')
  const answer = await refused
  assert.equal(answer.status(), 409)
  const { code, problems } = await answer.json()
  assert.equal(code, 'WORK_PLAN_NOT_READY')
  const panel = plan.locator('.works-problems')
  await panel.waitFor()
  const unitIds = [...new Set(problems.map((p) => p.unitId))]
  const draftPlan = await api(`/work-plans/${draft.id}`, { token: contractorToken })
  assert.deepEqual([...unitIds].sort(), draftPlan.units.map((u) => u.unitId).sort(), 'both units of the draft have problems in the demo')
  assert.deepEqual(await panel.locator('.works-problem-unit').evaluateAll((units) => units.map((u) => u.dataset.unitId)), unitIds)
  await panel.locator('.works-problems__summary').filter({ hasText: `${unitIds.length} 个单元共 ${problems.length} 个问题` }).waitFor()
  for (const unitId of unitIds) {
    const group = panel.locator(`#work-problems-${unitId}`)
    const mine = problems.filter((p) => p.unitId === unitId)
    assert.equal((await group.locator('.works-problem-unit__label').innerText()).trim(), mine[0].label)
    const shown = (await group.locator('.works-problem').allInnerTexts()).map((t) => t.replace(/^\s*·\s*/, '').trim())
    assert.deepEqual(shown, mine.map((p) => p.reason))
    // A contractor does not screen households: told who does, not offered the screening page.
    await group.locator('.works-problem-who').waitFor()
    assert.equal(await group.locator('.works-problem-screening').count(), 0)
  }

  // 1号楼1单元 as the demo left it: 601 and 602 not screened (named), 401 needing a plan (counted, never named).
  const unit1 = await unitAt(committeeToken, compound.id, '1号楼', '1单元')
  const ofUnit1 = (reason) => problems.find((p) => p.unitId === unit1.id && p.code === reason)
  const notScreened = ofUnit1(WorkProblemReason.NotScreened)
  assert.ok(notScreened && notScreened.reason.includes('601') && notScreened.reason.includes('602'), JSON.stringify(problems))
  const care = ofUnit1(WorkProblemReason.NeedsCarePlan)
  assert.ok(care, `no care problem for 1号楼1单元: ${JSON.stringify(problems)}`)
  assert.match(care.reason, /有\d+户需要照顾/)
  const careShown = await panel.locator(`#work-problems-${unit1.id} .works-problem[data-code="${WorkProblemReason.NeedsCarePlan}"]`).innerText()
  for (const household of unit1.households) assert.ok(!careShown.includes(household.room), `the care problem names room ${household.room}: “${careShown}”`)
  assert.equal((await api(`/work-plans/${draft.id}`, { token: contractorToken })).status, WorkPlanStatus.Draft)
  await screenshotWhole(page, '.screen.staff-work-plan', `${RESULTS_DIR}works-publish-problems.png`)

  // The published plan: its unit's windows with their counts, and the stairwell notice as a PDF.
  await openRoute(page, '/staff/works/index', { compoundId: compound.id })
  await page.locator(`.screen.staff-works:visible #work-plan-${published.id}`).click()
  const unitCard = plan.locator(`#work-unit-${unit.id}`)
  await unitCard.waitFor()
  const publishedPlan = await api(`/work-plans/${published.id}`, { token: contractorToken })
  for (const w of publishedPlan.windows) {
    await unitCard.locator(`#work-window-${w.id} .works-window__remaining`).filter({ hasText: exactly(w.remaining === 0 ? '已约满' : `还剩 ${w.remaining} 户`) }).waitFor()
  }
  const notice = page.waitForResponse((r) => pathIs(r, 'GET', `/work-plans/${published.id}/notice.pdf`))
  const tab = context.waitForEvent('page')
  await unitCard.locator('.works-print-notice').click()
  const pdf = await notice
  assert.equal(pdf.status(), 200)
  assert.match(pdf.headers()['content-type'], /^application\/pdf/)
  // The page hands the fetched file to a tab of its own to print from (the browser no longer keeps the body to read back here).
  const printTab = await tab
  assert.match(printTab.url(), /^blob:/)
  await printTab.close()
  await unitCard.locator('.works-notice-done').waitFor()
  assert.equal(await unitCard.locator('.works-notice-error').count(), 0)
  // The same request the page sent, read here: a PDF.
  const file = await fetch(pdf.url(), { headers: { Authorization: `Bearer ${contractorToken}` } })
  assert.equal(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString('latin1'), '%PDF-')

  // 入户名单: what the page was served is what it shows, window by window.
  const served = page.waitForResponse((r) => pathIs(r, 'GET', `/work-plans/${published.id}/bookings`))
  await plan.locator('.works-open-bookings').click()
  const crew = await (await served).json()
  const list = page.locator('.screen.staff-work-bookings:visible')
  await list.locator('.works-crew-window').first().waitFor()
  await settled(page)
  for (const w of crew.windows) {
    const card = list.locator(`#crew-window-${w.windowId}`)
    await card.locator('.works-crew-window__count').filter({ hasText: `已约 ${w.households.length} / ${w.capacity} 户` }).waitFor()
    assert.deepEqual((await card.locator('.works-crew-household__label').allInnerTexts()).map((t) => t.trim()), w.households.map((h) => h.label))
    for (const h of w.households) {
      const assistance = card.locator(`#crew-household-${h.householdId} .works-assistance`)
      if (h.assistanceNote) assert.equal((await assistance.innerText()).trim(), `照顾说明：${h.assistanceNote}`)
      else assert.equal(await assistance.count(), 0, `${h.label} has a 照顾说明 line without a note`)
    }
  }
  // 301, whose care plan asks for a priority window, is in it, with the line for the crew.
  const careHousehold = roomOf(DEMO.careRoom)
  const careWindow = crewWindowOf(crew, careHousehold.id)
  assert.ok(careWindow?.priority, '301 is not booked into the priority window')
  const careEntry = careWindow.households.find((h) => h.householdId === careHousehold.id)
  assert.ok(careEntry.assistanceNote, '301’s care plan line is not on the crew list')
  await list.locator(`#crew-window-${careWindow.windowId} #crew-household-${careHousehold.id} .works-assistance`).filter({ hasText: `照顾说明：${careEntry.assistanceNote}` }).waitFor()
  // Never a need: no label of one, no diagnosis.
  const text = await list.innerText()
  for (const label of [...Object.values(NEED_LABELS), '透析']) assert.ok(!text.includes(label), `the crew list says “${label}”`)

  // 未预约: every household of the unit is either booked or on it, once; the demo's bookings are booked.
  const bookedIds = crew.windows.flatMap((w) => w.households.map((h) => h.householdId))
  const unbookedIds = crew.unbooked.map((h) => h.householdId)
  assert.deepEqual([...bookedIds, ...unbookedIds].sort(), unit.households.map((h) => h.id).sort())
  for (const room of DEMO.bookedRooms) assert.ok(bookedIds.includes(roomOf(room).id), `${room} is not booked`)
  assert.ok(unbookedIds.includes(bookedFor.id), `${BOOKED_FOR_ROOM} is not on the unbooked list`)
  const unbooked = list.locator('#works-unbooked')
  await unbooked.locator('.section-title').filter({ hasText: `未预约（${crew.unbooked.length} 户）` }).waitFor()
  assert.deepEqual((await unbooked.locator('.works-crew-household__label').allInnerTexts()).map((t) => t.trim()), crew.unbooked.map((h) => h.label))
  // Booking on a household's behalf is the committee's.
  for (const selector of ['.works-book-for', '.works-move', '.works-cancel']) assert.equal(await list.locator(selector).count(), 0, `${selector} is offered to the contractor`)
  await screenshotWhole(page, '.screen.staff-work-bookings', `${RESULTS_DIR}works-crew-list.png`)

  assert.deepEqual(pageErrors, [])
  await context.close()
})

test('the committee books on behalf of an unbooked household on the crew list, then cancels it', async () => {
  const { context, page, pageErrors } = await newPhonePage(browser)
  await useStaffSession(page, ACCOUNTS.committee)
  await openRoute(page, '/staff/compound/index', { id: compound.id })
  await page.locator('.screen.staff-compound:visible .compound-works-entry').click()
  await page.locator(`.screen.staff-works:visible #work-plan-${published.id}`).click()
  const served = page.waitForResponse((r) => pathIs(r, 'GET', `/work-plans/${published.id}/bookings`))
  await page.locator('.screen.staff-work-plan:visible .works-open-bookings').click()
  const crew = await (await served).json()
  const list = page.locator('.screen.staff-work-bookings:visible')
  const row = list.locator(`#unbooked-${bookedFor.id}`)
  await row.waitFor()
  await settled(page)

  // The picker offers the household's unit's windows that have room; pick one not held for care households.
  await row.locator('.works-book-for').click()
  const picker = row.locator('.works-booking-picker')
  await picker.waitFor()
  const withRoom = crew.windows.filter((w) => w.unitId === unit.id && w.households.length < w.capacity)
  assert.deepEqual(await picker.locator('.works-booking-choice').evaluateAll((choices) => choices.map((c) => c.dataset.windowId)), withRoom.map((w) => w.windowId))
  const target = withRoom.find((w) => !w.priority)
  assert.ok(target, 'no window of 1号楼2单元 outside the priority window has room')
  const choice = picker.locator(`.works-booking-choice[data-window-id="${target.windowId}"]`)
  await choice.click()
  assert.equal(await choice.getAttribute('aria-checked'), 'true')
  const sent = page.waitForResponse((r) => pathIs(r, 'PUT', `/households/${bookedFor.id}/booking`))
  await picker.locator('.works-booking-confirm').click()
  const answer = await sent
  assert.equal(answer.status(), 200)
  assert.equal((await answer.json()).bookedBy, 'STAFF')

  // The household moves from 未预约 into the window, with the outcome said under it.
  const entry = list.locator(`#crew-window-${target.windowId} #crew-household-${bookedFor.id}`)
  await entry.locator('.works-booking-done').filter({ hasText: `已为 ${bookedFor.label} 预约 ${windowSpanText(target.startsAt, target.endsAt)}${ZONE}` }).waitFor()
  await row.waitFor({ state: 'detached' })
  await list.locator(`#crew-window-${target.windowId} .works-crew-window__count`).filter({ hasText: `已约 ${target.households.length + 1} / ${target.capacity} 户` }).waitFor()
  assert.equal(crewWindowOf(await crewList(), bookedFor.id)?.windowId, target.windowId, 'the booking is not stored')
  await screenshotWhole(page, '.screen.staff-work-bookings', `${RESULTS_DIR}works-booked-for.png`)

  // Cancelled again (confirmed): back on 未预约, and nothing stored.
  const cancelled = page.waitForResponse((r) => pathIs(r, 'DELETE', `/households/${bookedFor.id}/booking`))
  await entry.locator('.works-cancel').click()
  await confirmModal(page, '取消预约', '取消预约')
  assert.equal((await cancelled).status(), 200)
  await list.locator(`#unbooked-${bookedFor.id}`).waitFor()
  assert.equal(crewWindowOf(await crewList(), bookedFor.id), null)
  // The booking route itself refuses a second cancel: there is nothing left to cancel.
  const again = await apiResponse(`/households/${bookedFor.id}/booking?workPlanId=${published.id}`, { method: 'DELETE', token: committeeToken })
  assert.equal(again.status, 409)
  assert.equal(again.body.code, 'NOT_BOOKED')

  assert.deepEqual(pageErrors, [])
  await context.close()
})
