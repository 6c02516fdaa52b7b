// End to end, publicity of results and objections (issue 12) in the H5 build, on the demo's rounds of
// 幸福苑小区 (server/src/demo/demo-closed-rounds.ts, demo-publicity.ts): the elevator consultation of
// 3号楼1单元 and 4号楼1单元 has its preliminary result published and its objection window open. A resident
// bound here to 4号楼1单元601 (silent at the deadline) goes from home to 结果公示, sees every unit's counts
// (households and area) and every room's answer class (room labels, never a name or phone), and files an
// objection against its own entry; the committee signs in, opens the consultation's 结果公示与异议, sees the
// objection with the filer's room and answers it; the resident then reads the answer. Then the new resident pages (结果公示, 公示牌, 意见建议, 问卷调查) in
// both type modes: no serious or critical axe violation, and the 适老化 sizes in 大字 mode.
// Each run files its own objection (its text carries the run's mark), so runs on one database can follow each other.
// Needs a running server with the demo data (SEED_DEMO=1) serving the H5 build: LINYI_BASE_URL=…
// Run: LINYI_BASE_URL=… node --test miniapp/e2e/publicity.e2e.mjs
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ANSWER_CLASS_LABELS, OBJECTION_STATUS_LABELS, ObjectionStatus, PublicityStage } from '@linyi/shared'
import { BASE_URL, RESULTS_DIR, api, launchBrowser, newPhonePage, screenshotWhole } from './support.mjs'
import {
  ACCOUNTS,
  boundResident,
  checkScreenInBothModes,
  demoCompounds,
  householdAt,
  openRoute,
  settled,
  signInThroughForm,
  tokenOf,
  useResidentSession,
  writeAxeSummary,
} from './console-support.mjs'

/** server/src/demo/demo-closed-rounds.ts and demo-publicity.ts: the two published rounds and their objections. */
const DEMO = {
  preliminaryTitle: '幸福苑小区3号楼1单元、4号楼1单元加装电梯意见征询',
  finalTitle: '幸福苑小区1号楼楼内上下水管线改造申请',
  /** demo-closed-rounds DEMO_LIFT_ANSWERS: 3号楼1单元 10 agree, 1 refuses, 1 silent; 4号楼1单元 3 agree, 6 refuse, 3 silent. */
  counts: { '3号楼1单元': { agreed: 10, refused: 1, noAnswer: 1 }, '4号楼1单元': { agreed: 3, refused: 6, noAnswer: 3 } },
  /** Texts of the objections other residents filed (402's answered, 602's open): never shown to our resident. */
  othersObjections: ['我家记得选的是同意，公示上显示不同意，请核实。', '我家在截止前两天就把签了“同意”的纸质意见表交给了楼门长'],
}
/** Silent at the deadline (no other test binds it; 602 is the demo's objector): our resident objects to its own 未表态. */
const OBJECTOR_FLAT = ['4号楼', '1单元', '601']
/** 光明里小区 (boards, complaints and surveys of the demo): a household no other browser test binds. */
const GUANGMING_FLAT = ['5号楼', '3单元', '601']
const RUN = Date.now().toString(36)
const OBJECTION_TEXT = `我家在截止前把签了同意的纸质意见表交给了楼门长，这里显示未表态，请核实。（${RUN}）`
const RESOLUTION_TEXT = `经核对，楼门长处没有您户的纸质意见表，截止前也没有在线提交，记录为未表态无误。（${RUN}）`

let browser
let committeeToken
let xingfu
let guangming
let preliminary
let final
/** The consultation's households as the committee sees them (with owner names and phones): what residents must never see. */
let electorate
let objectorHousehold
let resident
/** Set by the first test: the objection it filed, as the server answered the page. */
let filed

const pathIs = (response, method, path) => response.request().method() === method && new URL(response.url()).pathname === `/api${path}`
const squareMetres = (m2) => `${Number(m2.toFixed(2))}平方米`
/** The count lines of a group, in the resident page's words (publicity.rules countLines). */
const countLines = (g) => [
  `${ANSWER_CLASS_LABELS.AGREED}：${g.agreed} 户，共 ${squareMetres(g.areaM2.agreed)}`,
  `${ANSWER_CLASS_LABELS.REFUSED}：${g.refused} 户，共 ${squareMetres(g.areaM2.refused)}`,
  `${ANSWER_CLASS_LABELS.ABSTAINED}：${g.abstained} 户，共 ${squareMetres(g.areaM2.abstained)}`,
  `${ANSWER_CLASS_LABELS.NO_ANSWER}：${g.noAnswer} 户，共 ${squareMetres(g.areaM2.noAnswer)}`,
]
const trimmed = (texts) => texts.map((t) => t.replace(/\s+/g, ' ').trim())

/** Every owner name and phone of the electorate that occurs in `text`. */
function namesAndPhonesIn(text) {
  const found = []
  for (const h of electorate) {
    if (h.ownerName && text.includes(h.ownerName)) found.push(`${h.label}'s owner name ${h.ownerName}`)
    if (h.phone && text.includes(h.phone)) found.push(`${h.label}'s phone ${h.phone}`)
  }
  return found
}

const residentView = (token = resident.accessToken) => api(`/consultations/${preliminary.id}/publicity`, { token })

before(async () => {
  browser = await launchBrowser()
  committeeToken = await tokenOf(ACCOUNTS.committee)
  ;({ xingfu, guangming } = await demoCompounds(committeeToken))
  const consultations = await api(`/consultations?compoundId=${xingfu.id}`, { token: committeeToken })
  preliminary = consultations.find((c) => c.title === DEMO.preliminaryTitle)
  final = consultations.find((c) => c.title === DEMO.finalTitle)
  assert.ok(preliminary && final, `the demo's closed rounds of 幸福苑小区 are missing: ${consultations.map((c) => c.title).join('、')}`)
  const staffView = await api(`/consultations/${preliminary.id}/publicity`, { token: committeeToken })
  assert.equal(staffView.stage, PublicityStage.Preliminary, 'the demo publishes the elevator consultation’s preliminary result')
  assert.ok(staffView.windowOpen, `the demo's objection window is closed (closes ${staffView.objectionClosesAt})`)
  ;({ households: electorate } = await api(`/compounds/${xingfu.id}/households?consultationId=${preliminary.id}`, { token: committeeToken }))
  assert.ok(electorate.length >= 24 && electorate.every((h) => h.ownerName), 'the committee does not see the owners of 3号楼1单元、4号楼1单元')
  objectorHousehold = await householdAt(committeeToken, xingfu.id, ...OBJECTOR_FLAT)
  resident = await boundResident(committeeToken, objectorHousehold.id)
})

after(async () => {
  await browser?.close()
})

describe('publicity and objections', () => {
  test('a resident opens 结果公示 from home, sees every unit’s counts and every room’s answer class (no names, no phones), and files an objection against its own entry', async () => {
    const { context, page, pageErrors } = await newPhonePage(browser)
    await useResidentSession(page, resident)
    const served = await residentView()
    assert.equal(served.stage, PublicityStage.Preliminary)
    assert.ok(served.windowOpen)

    // Home: 公示与意见 says one result is open to objections; 结果公示 lists both published rounds of 幸福苑.
    await page.goto(`${BASE_URL}/`)
    await page.locator('.publicity-entry__window').filter({ hasText: '1 项正在异议期' }).waitFor()
    await page.locator('#publicity-results').click()
    const list = page.locator('.screen.publicity.result:visible')
    await list.locator(`#publicity-item-${final.id}`).waitFor()
    await list.locator(`#publicity-item-${preliminary.id} .publicity-item__stage`).filter({ hasText: '异议期中' }).waitFor()
    await list.locator(`#publicity-item-${final.id} .publicity-item__stage`).filter({ hasText: '最终结果' }).waitFor()
    await list.locator(`#publicity-item-${preliminary.id} .publicity-item__open`).click()

    // The round: the stage, when the window closes, and the groups as published.
    const screen = page.locator('.screen.publicity.result:visible')
    await screen.locator('.publicity-group').first().waitFor()
    await settled(page)
    assert.equal((await screen.locator('.page-title').innerText()).trim(), DEMO.preliminaryTitle)
    await screen.locator('.publicity-stage__title').filter({ hasText: '初步统计结果公示' }).waitFor()
    await screen.locator('.publicity-stage__window--open').filter({ hasText: /异议期(还剩 \d+ 天|今天结束)/ }).waitFor()
    assert.deepEqual(
      await screen.locator('.publicity-group').evaluateAll((cards) => cards.map((c) => c.id)),
      served.groups.map((g) => `publicity-group-${g.groupId}`),
      'the page’s groups are not the server’s, in its order',
    )
    for (const group of served.groups) {
      // The demo's figures, so the server is checked too, not only the page against it.
      const expected = DEMO.counts[group.label]
      assert.ok(expected, `an unexpected group ${group.label}`)
      assert.deepEqual({ agreed: group.agreed, refused: group.refused, noAnswer: group.noAnswer }, expected, `${group.label} as published`)
      assert.equal(group.households, group.entries.length)
      const card = screen.locator(`#publicity-group-${group.groupId}`)
      assert.equal((await card.locator('.publicity-group__label').innerText()).trim(), group.label)
      assert.match(await card.locator('.publicity-group__state').getAttribute('class'), new RegExp(`state-badge--${group.state.toLowerCase()}`))
      assert.equal((await card.locator('.publicity-group__total').innerText()).trim(), `共 ${group.households} 户，专有部分面积共 ${squareMetres(group.areaM2.total)}`)
      assert.deepEqual(trimmed(await card.locator('.publicity-count').allInnerTexts()), countLines(group), `${group.label}'s counts`)

      // Every room with its answer class, unfolded with a tap. (Our household's list starts open when the
      // page knew our households before the result arrived; once drawn it stays as it is until tapped.)
      const toggle = card.locator('.publicity-group__toggle')
      if ((await toggle.innerText()).includes('查看每户情况')) await toggle.click()
      await card.locator('.publicity-entries__note').filter({ hasText: '不公示姓名和电话' }).waitFor()
      if (group.entries.some((e) => e.householdId === objectorHousehold.id)) {
        await card.locator(`#publicity-entry-${objectorHousehold.id} .publicity-entry__label`).filter({ hasText: '（我家）' }).waitFor()
      }
      const rows = await card.locator('.publicity-entry').evaluateAll((entries) =>
        entries.map((e) => ({ id: e.id, label: e.querySelector('.publicity-entry__label').innerText.trim(), answer: e.querySelector('.publicity-entry__answer').innerText.trim() })),
      )
      assert.deepEqual(
        rows,
        group.entries.map((e) => ({
          id: `publicity-entry-${e.householdId}`,
          label: e.householdId === objectorHousehold.id ? `${e.label}（我家）` : e.label,
          answer: ANSWER_CLASS_LABELS[e.answerClass],
        })),
        `${group.label}'s entries`,
      )
    }
    const ours = served.groups.flatMap((g) => g.entries).find((e) => e.householdId === objectorHousehold.id)
    assert.equal(ours?.answerClass, 'NO_ANSWER', `${objectorHousehold.label} is not silent in the published result`)

    // Room labels only: no owner's name or phone on the page or in what it was served; nothing of the others' objections.
    const pageText = await screen.innerText()
    assert.deepEqual(namesAndPhonesIn(pageText), [], 'the page names an owner')
    assert.deepEqual(namesAndPhonesIn(JSON.stringify(served)), [], 'the resident’s publicity answer names an owner')
    for (const text of DEMO.othersObjections) assert.ok(!pageText.includes(text), `the page shows another resident's objection “${text}”`)
    assert.ok(served.objections.every((o) => o.mine && o.filedByHouseholdLabel === null), `the resident is served objections that are not theirs: ${JSON.stringify(served.objections)}`)
    await screenshotWhole(page, '.screen.publicity.result:visible', `${RESULTS_DIR}publicity-result.png`)

    // 我有异议 on our entry: the form names the room; an empty text is refused on the page.
    const entry = screen.locator(`#publicity-entry-${objectorHousehold.id}`)
    await entry.locator('.publicity-entry__object').click()
    const form = entry.locator('#objection-form')
    await form.locator('.publicity-card-title').filter({ hasText: `对 ${objectorHousehold.label} 的统计有异议` }).waitFor()
    await form.locator('.objection-submit').click()
    await form.locator('.objection-error').filter({ hasText: '请写一下哪里不对' }).waitFor()
    await form.locator('.objection-text textarea').fill(OBJECTION_TEXT)
    const sent = page.waitForResponse((r) => pathIs(r, 'POST', `/consultations/${preliminary.id}/objections`))
    await form.locator('.objection-submit').click()
    const response = await sent
    assert.equal(response.status(), 201)
    filed = await response.json()
    assert.equal(filed.householdId, objectorHousehold.id)
    assert.equal(filed.text, OBJECTION_TEXT)
    await entry.locator('.publicity-outcome').filter({ hasText: '异议已提交' }).waitFor()

    // 我提出的异议: ours alone, waiting for the committee.
    const mineCard = screen.locator(`.my-objections #objection-${filed.id}`)
    await mineCard.waitFor()
    assert.equal((await mineCard.locator('.publicity-card-title').innerText()).trim(), objectorHousehold.label)
    assert.equal((await mineCard.locator('.my-objection__status').innerText()).trim(), OBJECTION_STATUS_LABELS[ObjectionStatus.Open])
    assert.equal((await mineCard.locator('.my-objection__text').innerText()).trim(), `我的异议：${OBJECTION_TEXT}`)
    await mineCard.locator('.my-objection__outcome').filter({ hasText: '还没有答复' }).waitFor()
    assert.equal(await screen.locator('.my-objection').count(), (await residentView()).objections.length)
    await screenshotWhole(page, '.screen.publicity.result:visible', `${RESULTS_DIR}publicity-objection-filed.png`)

    // The server has it, open, among the committee's objections.
    const stored = (await api(`/consultations/${preliminary.id}/objections`, { token: committeeToken })).find((o) => o.id === filed.id)
    assert.equal(stored?.status, ObjectionStatus.Open, `the objection is not stored: ${JSON.stringify(stored)}`)
    assert.equal(stored.filedByHouseholdLabel, objectorHousehold.label)
    assert.deepEqual(pageErrors, [])
    await context.close()
  })

  test('the committee signs in, opens the round’s 结果公示与异议, sees the objection with the filer’s room and answers it', async () => {
    assert.ok(filed, 'no objection was filed by the test before')
    const { context, page, pageErrors } = await newPhonePage(browser)
    await signInThroughForm(page, ACCOUNTS.committee)
    // 工作台 → 幸福苑小区 → the round → 结果公示与异议.
    await page.locator(`#compound-${xingfu.id} .compound-item`).click()
    await page.locator(`.screen.staff-compound:visible #consultation-entry-${preliminary.id} .consultation-entry`).click()
    await page.locator('.screen.staff-consultation:visible .open-publicity').click()
    const screen = page.locator('.screen.staff-publicity:visible')
    const card = screen.locator(`#objection-${filed.id}`)
    await card.waitFor()
    await settled(page)
    await screen.locator('.publicity-header .publicity-stage').filter({ hasText: '初步统计结果公示中' }).waitFor()
    await screen.locator('.publicity-window').filter({ hasText: '异议期至' }).waitFor()

    const before = await api(`/consultations/${preliminary.id}/publicity`, { token: committeeToken })
    await screen.locator('.publicity-objections .section-title').filter({ hasText: `异议（${before.openObjections} 条待答复）` }).waitFor()
    assert.equal((await card.locator('.publicity-objection__about').innerText()).trim(), `对 ${objectorHousehold.label} 的异议`)
    assert.equal((await card.locator('.publicity-objection__status').innerText()).trim(), OBJECTION_STATUS_LABELS[ObjectionStatus.Open])
    await card.locator('.publicity-objection__filed').filter({ hasText: `${objectorHousehold.label} 提出` }).waitFor()
    assert.equal((await card.locator('.publicity-objection__text').innerText()).trim(), OBJECTION_TEXT)
    // Staff see rooms too, never the owners' names or phones, on this page.
    assert.deepEqual(namesAndPhonesIn(await screen.innerText()), [], 'the staff publicity page names an owner')

    // The answer: the verdict first (the button says what is missing), then the text.
    const save = card.locator('.publicity-answer-save')
    await save.filter({ hasText: '请先选择异议是否成立' }).waitFor()
    await card.locator('.publicity-verdict .choice-button').filter({ hasText: '异议不成立' }).click()
    await save.filter({ hasText: '请填写答复内容' }).waitFor()
    await card.locator('.publicity-resolution textarea').fill(RESOLUTION_TEXT)
    await screenshotWhole(page, '.screen.staff-publicity:visible', `${RESULTS_DIR}publicity-staff-answer.png`)
    const sent = page.waitForResponse((r) => pathIs(r, 'PUT', `/consultations/${preliminary.id}/objections/${filed.id}`))
    await save.click()
    assert.equal((await sent).status(), 200)

    // Answered on the page, one fewer to answer, and stored.
    await card.locator('.publicity-objection__verdict').filter({ hasText: '异议不成立' }).waitFor()
    assert.equal((await card.locator('.publicity-objection__resolution').innerText()).trim(), `答复：${RESOLUTION_TEXT}`)
    assert.equal((await card.locator('.publicity-objection__status').innerText()).trim(), OBJECTION_STATUS_LABELS[ObjectionStatus.Resolved])
    assert.equal(await card.locator('.publicity-answer-form').count(), 0, 'the answered objection still offers the form')
    await screen.locator('.publicity-objections .section-title').filter({ hasText: `异议（${before.openObjections - 1} 条待答复）` }).waitFor()
    const stored = (await api(`/consultations/${preliminary.id}/objections`, { token: committeeToken })).find((o) => o.id === filed.id)
    assert.equal(stored.status, ObjectionStatus.Resolved)
    assert.equal(stored.upheld, false)
    assert.equal(stored.resolution, RESOLUTION_TEXT)
    await screenshotWhole(page, '.screen.staff-publicity:visible', `${RESULTS_DIR}publicity-staff-answered.png`)
    assert.deepEqual(pageErrors, [])
    await context.close()
  })

  test('the resident opens 结果公示 again and reads the committee’s answer to the objection', async () => {
    assert.ok(filed, 'no objection was filed by the test before')
    const { context, page, pageErrors } = await newPhonePage(browser)
    await useResidentSession(page, resident)
    await openRoute(page, '/publicity/result/index', { consultationId: preliminary.id })
    const card = page.locator(`.screen.publicity.result:visible .my-objections #objection-${filed.id}`)
    await card.waitFor()
    await settled(page)
    assert.equal((await card.locator('.my-objection__status').innerText()).trim(), OBJECTION_STATUS_LABELS[ObjectionStatus.Resolved])
    assert.equal((await card.locator('.my-objection__outcome').innerText()).trim(), '异议不成立：这一户的统计不变。')
    assert.equal((await card.locator('.my-objection__resolution').innerText()).trim(), `业委会答复：${RESOLUTION_TEXT}`)
    await card.locator('.my-objection__resolved-at').filter({ hasText: /答复时间：.*\d/ }).waitFor()
    assert.match(await card.getAttribute('class'), /my-objection--resolved/)
    // Still the resident's view: the filer's room is not said back, and no owner is named.
    const served = await residentView()
    const mine = served.objections.find((o) => o.id === filed.id)
    assert.equal(mine.resolution, RESOLUTION_TEXT)
    assert.equal(mine.filedByHouseholdLabel, null)
    assert.deepEqual(namesAndPhonesIn(await page.locator('.screen.publicity.result:visible').innerText()), [])
    await screenshotWhole(page, '.screen.publicity.result:visible', `${RESULTS_DIR}publicity-objection-answered.png`)
    assert.deepEqual(pageErrors, [])
    await context.close()
  })
})

// ——— The new resident pages in both type modes ———

/** 结果公示 of the open round with 3号楼1单元's rooms unfolded and 我有异议 open on one of them (nothing is sent). */
async function openObjectionForm(page) {
  const screen = page.locator('.screen.publicity.result:visible')
  const group = screen.locator('.publicity-group').filter({ hasText: '3号楼' })
  await group.locator('.publicity-group__toggle').click()
  await group.locator('.publicity-entry__object').first().click()
  await screen.locator('#objection-form .objection-text').waitFor()
}

/** The surveys of 光明里 open to the household and not answered yet: the first one's form. */
async function openSurveyRoute(who) {
  const surveys = await api('/me/surveys', { token: who.accessToken })
  const open = surveys.find((s) => s.survey.status === 'OPEN' && !s.answered)
  assert.ok(open, `no open survey for a household of 光明里: ${JSON.stringify(surveys.map((s) => [s.survey.title, s.survey.status, s.answered]))}`)
  return { surveyId: open.survey.id, householdId: open.householdId }
}

const people = {}
const ids = {}
const axeLog = []

/**
 * Who sees what: a resident of 幸福苑 (bound here to 4号楼2单元502, silent, besides our objector) its home
 * with 公示与意见, the list of results, the open round with the objection form open, and the final round
 * of 1号楼; a resident of 光明里 (bound here to 5号楼3单元601) the boards, 意见建议 with the form, the
 * surveys and an open survey's form.
 */
const SCREENS = [
  { name: 'home (公示与意见)', who: 'xingfu', route: '/pages/home/index', ready: '#publicity-results' },
  { name: 'results list', who: 'xingfu', route: '/publicity/result/index', ready: '.publicity-item__open' },
  { name: 'result (preliminary: objection form)', who: 'xingfu', route: '/publicity/result/index', params: () => ({ consultationId: ids.preliminary }), ready: '.publicity-group', prepare: openObjectionForm },
  { name: 'result (final)', who: 'xingfu', route: '/publicity/result/index', params: () => ({ consultationId: ids.final }), ready: '.publicity-group' },
  { name: 'boards', who: 'guangming', route: '/publicity/boards/index', params: () => ({ compoundId: ids.guangming }), ready: '.boards-party' },
  { name: 'complaints (form)', who: 'guangming', route: '/publicity/complaints/index', ready: '.complaint-form' },
  { name: 'surveys', who: 'guangming', route: '/publicity/survey/index', ready: '.survey-item' },
  { name: 'survey (form)', who: 'guangming', route: '/publicity/survey/index', params: () => ids.survey, ready: '.survey-submit' },
]

async function setUpPeople() {
  if (people.xingfu) return
  ids.preliminary = preliminary.id
  ids.final = final.id
  ids.guangming = guangming.id
  const residents = {
    xingfu: await boundResident(committeeToken, (await householdAt(committeeToken, xingfu.id, '4号楼', '2单元', '502')).id),
    guangming: await boundResident(committeeToken, (await householdAt(committeeToken, guangming.id, ...GUANGMING_FLAT)).id),
  }
  ids.survey = await openSurveyRoute(residents.guangming)
  for (const who of Object.keys(residents)) {
    const { context, page, pageErrors } = await newPhonePage(browser)
    await useResidentSession(page, residents[who])
    people[who] = { context, page, pageErrors }
  }
}

/** As a11y.e2e.mjs checks a screen, with a screenshot of its 大字 mode. */
const checkScreen = (screen) =>
  checkScreenInBothModes(people[screen.who], screen, axeLog, {
    afterLargeType: (page) => screenshotWhole(page, '.screen:visible', `${RESULTS_DIR}publicity-large-${screen.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}.png`),
  })

describe('accessibility of the publicity pages', () => {
  after(async () => {
    // Its own summary file: a11y.e2e.mjs writes axe-summary.json.
    await writeAxeSummary(axeLog, 'axe-summary-publicity.json')
    for (const { context } of Object.values(people)) await context.close()
  })
  test('no serious or critical axe violation in either type mode; 适老化 sizes in 大字 mode', async (t) => {
    await setUpPeople()
    for (const screen of SCREENS) await t.test(screen.name, () => checkScreen(screen))
  })
})
