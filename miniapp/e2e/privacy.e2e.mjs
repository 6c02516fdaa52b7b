// End to end, the privacy guide and the privacy dialog (issue 13) in the H5 build. A resident of 光明里小区
// (bound here to 5号楼3单元602) opens 用户隐私保护指引 from home; on 意见建议 taps 拍照或选择照片: the dialog
// asks first, 不同意 opens no file picker and says who can help, the form stays usable; a second tap and
// 同意并继续 opens the picker; the agreement is kept, until it is withdrawn on the guide. Then the guide and
// the open dialog in both type modes: no serious or critical axe violation, and the 适老化 sizes in 大字 mode.
// Needs a running server with the demo data (SEED_DEMO=1) serving the H5 build: LINYI_BASE_URL=…
// Run: LINYI_BASE_URL=… node --test miniapp/e2e/privacy.e2e.mjs
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { RESULTS_DIR, launchBrowser, newPhonePage, screenshotWhole } from './support.mjs'
import { boundResident, checkScreenInBothModes, demoCompounds, householdAt, openRoute, settled, tokenOf, useResidentSession, writeAxeSummary } from './console-support.mjs'

const FLAT = ['5号楼', '3单元', '602']
/** miniapp/src/api/wechat/media.ts PHOTO_PRIVACY_REFUSED */
const REFUSED = '您没有同意隐私保护指引，所以无法拍照或选择照片。其他功能照常可用；照片可请社区工作人员代为录入。'

let browser
let resident
const people = {}
const axeLog = []

before(async () => {
  browser = await launchBrowser()
  const committeeToken = await tokenOf('committee-demo')
  const { guangming } = await demoCompounds(committeeToken)
  resident = await boundResident(committeeToken, (await householdAt(committeeToken, guangming.id, ...FLAT)).id)
})
after(async () => {
  await writeAxeSummary(axeLog, 'axe-summary-privacy.json')
  for (const { context } of Object.values(people)) await context.close()
  await browser?.close()
})

async function residentPage(name) {
  const person = await newPhonePage(browser)
  await useResidentSession(person.page, resident)
  people[name] = person
  return person
}

/** Taps the photo button and waits for the browser's file picker; fails after the page timeout. */
async function pickerOpensAfter(page, tap) {
  const chooser = page.waitForEvent('filechooser')
  await tap()
  return chooser
}

/** How many file pickers the page has opened so far (a refusal must open none, with no wait for "none"). */
function countPickers(page) {
  const counted = { opened: 0 }
  page.on('filechooser', () => (counted.opened += 1))
  return counted
}

describe('privacy authorization before the camera or album', () => {
  test('the guide opens from home; refusing opens nothing and says who can help; agreeing opens the picker and is kept', async () => {
    const { page, pageErrors } = await residentPage('flow')
    await openRoute(page, '/pages/home/index')
    await page.locator('.privacy-entry').click()
    await page.locator('.privacy-guide__section').first().waitFor()
    for (const heading of ['一、谁在处理您的信息', '三、保存多久', '四、谁能看到', '五、如何撤回、查询和删除']) {
      await page.locator('.privacy-guide__section .section-title', { hasText: heading }).waitFor()
    }
    assert.match(await page.locator('.privacy-guide').innerText(), /我家的登记信息/)
    await page.locator('.privacy-guide__state', { hasText: '本浏览器尚未同意本指引' }).waitFor()

    await openRoute(page, '/publicity/complaints/index')
    await settled(page)
    const choose = page.locator('.complaint-form .photo-choose')
    const pickers = countPickers(page)
    await choose.click()
    await page.locator('.privacy-dialog:visible', { hasText: '隐私保护提示' }).waitFor()
    await page.locator('.privacy-dialog__refuse:visible').click()
    // The refusal's words appear once the pick has ended: by then a picker would have opened.
    await page.locator('.complaint-form .photo-error', { hasText: REFUSED }).waitFor()
    assert.equal(pickers.opened, 0, 'no file picker opens after 不同意')
    // The dialog closes on every page of the stack.
    await page.waitForFunction(() => document.querySelectorAll('.privacy-dialog').length === 0)
    // The rest of the form still works: its words can be written.
    await page.locator('.complaint-form textarea').first().fill('楼道灯坏了，晚上看不见台阶。')

    const agreed = await pickerOpensAfter(page, async () => {
      await choose.click()
      await page.locator('.privacy-dialog__agree:visible').click()
    })
    assert.ok(agreed, 'the file picker opens after 同意并继续')
    await page.locator('.complaint-form .photo-error').waitFor({ state: 'detached' })
    await screenshotWhole(page, '.screen:visible', `${RESULTS_DIR}privacy-after-agreeing.png`)

    // Kept: the next page's photo button opens the picker at once.
    await openRoute(page, '/publicity/complaints/index')
    await settled(page)
    assert.ok(await pickerOpensAfter(page, () => page.locator('.complaint-form .photo-choose').click()), 'no second question')
    assert.equal(await page.locator('.privacy-dialog').count(), 0)

    // Withdrawn on the guide: the next photo asks again.
    await openRoute(page, '/about/privacy/index')
    await page.locator('.privacy-guide__withdraw').click()
    await page.locator('.privacy-guide__state', { hasText: '本浏览器尚未同意本指引' }).waitFor()
    await openRoute(page, '/publicity/complaints/index')
    await settled(page)
    await page.locator('.complaint-form .photo-choose').click()
    await page.locator('.privacy-dialog:visible').waitFor()
    assert.deepEqual(pageErrors, [])
  })
})

const openDialog = async (page) => {
  await page.locator('.complaint-form .photo-choose').click()
  await page.locator('.privacy-dialog:visible').waitFor()
}

const SCREENS = [
  { name: 'privacy guide', route: '/about/privacy/index', ready: '.privacy-guide__section' },
  { name: 'privacy dialog (意见建议 photo)', route: '/publicity/complaints/index', ready: '.complaint-form', prepare: openDialog },
]

describe('accessibility of the privacy screens', () => {
  test('no serious or critical axe violation in either type mode; 适老化 sizes in 大字 mode', async (t) => {
    const person = await residentPage('a11y')
    for (const screen of SCREENS) {
      await t.test(screen.name, () =>
        checkScreenInBothModes(person, screen, axeLog, {
          afterLargeType: (page) => screenshotWhole(page, '.screen:visible', `${RESULTS_DIR}privacy-large-${screen.name.split(' ')[1]}.png`),
        }),
      )
    }
  })
})
