// Shared by the console's browser tests: any demo account's session, pages opened by route, the two
// type modes, axe runs, and the 适老化 measurements (tap targets, text sizes) taken in the browser.
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { BASE_URL, RESULTS_DIR, api, inputIn } from './support.mjs'

export const DEMO_PASSWORD = 'linyi-demo'
export const ACCOUNTS = { committee: 'committee-demo', street: 'street-demo', contractor: 'contractor-demo' }
export const DAY_MS = 24 * 3600 * 1000

/** Taro H5 keeps each value in localStorage as `{"data": value}`; the keys are the mini-program's own (api/storage.ts). */
const STORAGE = {
  residentToken: 'linyi.residentToken',
  staffToken: 'linyi.staffToken',
  staffProfile: 'linyi.staffProfile',
  demoOpenid: 'linyi.h5DemoOpenid',
  largeType: 'linyi.largeType',
}

const sessions = new Map()

/** Signs `username` in through the API, once per run: `{accessToken, staff}`. */
export async function staffSession(username) {
  if (!sessions.has(username)) {
    sessions.set(username, api('/auth/staff/login', { method: 'POST', body: { username, password: DEMO_PASSWORD } }))
  }
  return sessions.get(username)
}

export const tokenOf = async (username) => (await staffSession(username)).accessToken

/** The H5 address of a route (hash routing), with its query. */
export function routeUrl(route, params = {}) {
  const query = new URLSearchParams(params).toString()
  return `${BASE_URL}/#${route}${query ? `?${query}` : ''}`
}

/**
 * Opens `route` as a fresh document, so Taro's page stack holds this page only (a hash change alone
 * would push it over the previous one, still in the DOM).
 */
export async function openRoute(page, route, params = {}) {
  await page.goto('about:blank')
  await page.goto(routeUrl(route, params))
  await page.locator('.screen:visible').first().waitFor()
}

/** Writes the mini-program's storage from a same-origin page that runs no app code (the health check). */
async function writeStorage(page, entries) {
  if (!page.url().startsWith(`${BASE_URL}/`)) await page.goto(`${BASE_URL}/api/health`)
  await page.evaluate(
    ([keys, values]) => {
      for (const [name, value] of Object.entries(values)) {
        if (value === null) localStorage.removeItem(keys[name])
        else localStorage.setItem(keys[name], JSON.stringify({ data: value }))
      }
    },
    [STORAGE, entries],
  )
}

/** The page's storage holds `username`'s staff session, as if they had signed in on this browser. */
export async function useStaffSession(page, username) {
  const { accessToken, staff } = await staffSession(username)
  await writeStorage(page, { staffToken: accessToken, staffProfile: JSON.stringify(staff) })
}

/** Signs `username` in on the staff login form, as a person would. */
export async function signInThroughForm(page, username) {
  await openRoute(page, '/staff/login/index')
  await inputIn(page, 'staff-username-input').fill(username)
  await inputIn(page, 'staff-password-input').fill(DEMO_PASSWORD)
  await page.locator('.staff-login-submit').click()
  await page.locator('.screen.staff-login').waitFor({ state: 'detached' })
}

/** A resident of the H5 demo (dev login), bound to `householdId` with a code the committee issued. */
export async function boundResident(committeeToken, householdId) {
  const openid = `e2e-console-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
  const { accessToken } = await api('/auth/dev/login', { method: 'POST', body: { openid } })
  const invite = await api(`/households/${householdId}/invite-codes`, { method: 'POST', token: committeeToken, body: {} })
  await api('/me/bindings', { method: 'POST', token: accessToken, body: { inviteCode: invite.code } })
  return { openid, accessToken }
}

/** The page's storage holds the resident's session (the same openid, so a silent re-login finds them again). */
export async function useResidentSession(page, resident) {
  await writeStorage(page, { residentToken: resident.accessToken, demoOpenid: resident.openid })
}

/** 大字 mode on or off for every page opened next in this browser context. */
export async function useTypeMode(page, large) {
  await writeStorage(page, { largeType: large ? 'on' : 'off' })
}

/**
 * Switches 大字 mode with the page's own switch where it has one (the resident home, the 工作台); on
 * other pages the choice is stored as the switch would store it and the page reloaded.
 */
export async function switchLargeType(page, large) {
  const wanted = large ? '.screen.large-type:visible' : '.screen.normal-type:visible'
  if ((await page.locator(wanted).count()) > 0) return
  const toggle = page.locator('.large-type-switch:visible')
  if ((await toggle.count()) > 0) {
    await toggle.first().click()
  } else {
    await useTypeMode(page, large)
    await page.reload()
  }
  await page.locator(wanted).first().waitFor()
}

/** Waits until nothing on the screen says it is still loading. */
export async function settled(page) {
  await page.locator('.screen:visible').first().waitFor()
  await page.waitForFunction(() => ![...document.querySelectorAll('.screen .loading-message')].some((e) => e.checkVisibility()), null, { timeout: 15_000 })
}

/** The committee's compounds in the demo: 光明里小区 (the other e2e files' rounds) and 幸福苑小区 (ours). */
export async function demoCompounds(token) {
  const compounds = await api('/compounds', { token })
  const guangming = compounds.find((c) => c.name === '光明里小区')
  const xingfu = compounds.find((c) => c.name === '幸福苑小区')
  assert.ok(guangming && xingfu, `committee-demo sees ${compounds.map((c) => c.name).join('、')}: is the demo data seeded (SEED_DEMO=1)?`)
  return { guangming, xingfu }
}

/** A unit by building and unit name of a compound's structure: `{id, name, households}`. */
export async function unitAt(token, compoundId, building, unit) {
  const structure = await api(`/compounds/${compoundId}/structure`, { token })
  const found = structure.buildings.find((b) => b.name === building)?.units.find((u) => u.name === unit)
  assert.ok(found, `${structure.name} has no ${building}${unit}`)
  return found
}

/** A household by building, unit and room of a compound's structure. */
export async function householdAt(token, compoundId, building, unit, room) {
  const structure = await api(`/compounds/${compoundId}/structure`, { token })
  const household = structure.buildings
    .find((b) => b.name === building)
    ?.units.find((u) => u.name === unit)
    ?.households.find((h) => h.room === room)
  assert.ok(household, `${structure.name} has no ${building}${unit}${room}`)
  return household
}

/** The interactive controls' visible texts on the current screen (buttons, links, anything with role=button). */
export async function controlTexts(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, a, [role=button], taro-button-core, taro-navigator-core, taro-picker-core, taro-checkbox-core')]
      .filter((element) => element.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
      .map((element) => element.innerText.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  )
}

/** Runs axe on the current page: every violation with its impact, rule, help and offending nodes. */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary?.split('\n').slice(0, 3).join(' ') })),
  }))
}

export const isBlocking = (violation) => violation.impact === 'serious' || violation.impact === 'critical'

export function describeViolations(violations) {
  return violations
    .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 8).map((n) => `      ${n.target} — ${n.summary ?? ''}`).join('\n')}`)
    .join('\n')
}

/** Writes the axe summary (per page and mode, the violations grouped by impact) for the closing note. */
export async function writeAxeSummary(entries, file = 'axe-summary.json') {
  const byImpact = {}
  for (const entry of entries) for (const v of entry.violations) byImpact[v.impact] = (byImpact[v.impact] ?? 0) + v.nodes.length
  const pages = entries.map(({ page, mode, violations, largeType }) => ({
    page,
    mode,
    ...(largeType ? { largeType } : {}),
    violations: violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, targets: v.nodes.map((n) => n.target) })),
  }))
  await writeFile(`${RESULTS_DIR}${file}`, `${JSON.stringify({ nodesByImpact: byImpact, pages }, null, 2)}\n`)
}

/**
 * The 适老化 measurements of the visible screen, taken in the browser: every tap target's box, every
 * text's computed font size and used line height (a `normal` line height is measured on the text itself).
 */
export async function measureLargeType(page) {
  return page.evaluate(() => {
    const TAPPABLE = [
      'button', 'a[href]', '[role=button]', '[role=checkbox]', '[role=radio]', '[role=switch]', 'input', 'textarea', 'select',
      'taro-button-core', 'taro-checkbox-core', 'taro-radio-core', 'taro-switch-core', 'taro-picker-core', 'taro-navigator-core',
    ].join(',')
    const visible = (element) => element.checkVisibility({ opacityProperty: true, visibilityProperty: true })
    const describe = (element) => {
      const classes = [...element.classList].filter((c) => !c.startsWith('hydrated')).slice(0, 3)
      const text = (element.innerText ?? element.value ?? '').replace(/\s+/g, ' ').trim().slice(0, 24)
      return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes.map((c) => `.${c}`).join('')}${text ? ` “${text}”` : ''}`
    }
    const root = [...document.querySelectorAll('.screen')].find(visible) ?? document.body

    const targets = []
    for (const element of root.querySelectorAll(TAPPABLE)) {
      if (!visible(element) || element.type === 'hidden') continue
      const box = element.getBoundingClientRect()
      // Screen-reader-only helpers and the inner input of a control measured on its own are not targets.
      if (box.width <= 1 || box.height <= 1) continue
      targets.push({ element: describe(element), width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10 })
    }

    const texts = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const content = node.textContent.replace(/\s+/g, ' ').trim()
      const parent = node.parentElement
      if (!content || !parent || !visible(parent)) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0)
      if (!rects.length) continue
      const style = getComputedStyle(parent)
      const fontSize = parseFloat(style.fontSize)
      const lineHeight = style.lineHeight === 'normal' ? Math.min(...rects.map((r) => r.height)) : parseFloat(style.lineHeight)
      texts.push({ element: describe(parent), text: content.slice(0, 24), fontSize, lineHeight: Math.round((lineHeight / fontSize) * 100) / 100 })
    }
    // What a person types is text too: inputs and text areas follow the mode.
    for (const element of root.querySelectorAll('input, textarea')) {
      if (!visible(element) || ['checkbox', 'radio', 'file', 'hidden'].includes(element.type)) continue
      const fontSize = parseFloat(getComputedStyle(element).fontSize)
      texts.push({ element: describe(element), text: '(typed text)', fontSize, lineHeight: null })
    }
    return { targets, texts }
  })
}

export const MIN_TAP_PX = 60
export const MIN_BODY_PX = 18
export const MIN_LARGEST_PX = 30
export const MIN_LINE_HEIGHT = 1.3
const WORDS = /[\p{L}\p{N}]/u

/** For the closing note: how much was measured, and the smallest and largest sizes found. */
export function sizeSummary({ targets, texts }) {
  const sizes = texts.map((t) => t.fontSize)
  const heights = texts.map((t) => t.lineHeight).filter((h) => h !== null)
  return {
    tapTargets: targets.length,
    smallestTarget: targets.length ? `${Math.min(...targets.map((t) => t.width))}×${Math.min(...targets.map((t) => t.height))}px (least width × least height)` : null,
    texts: texts.length,
    smallestTextPx: sizes.length ? Math.min(...sizes) : null,
    largestTextPx: sizes.length ? Math.max(...sizes) : null,
    smallestLineHeight: heights.length ? Math.min(...heights) : null,
  }
}

/** What breaks the 适老化 rules in a measurement: one line per offender. */
export function largeTypeOffenders({ targets, texts }) {
  const offenders = []
  for (const t of targets) if (t.width < MIN_TAP_PX || t.height < MIN_TAP_PX) offenders.push(`tap target ${t.width}×${t.height}px: ${t.element}`)
  for (const t of texts) if (t.fontSize < MIN_BODY_PX) offenders.push(`text ${t.fontSize}px: ${t.element} “${t.text}”`)
  // Line spacing is for reading lines of words: a lone symbol (✓, ‹, ▾) in a tick box has no lines to space.
  for (const t of texts) {
    if (t.lineHeight !== null && t.lineHeight < MIN_LINE_HEIGHT && WORDS.test(t.text)) offenders.push(`line height ${t.lineHeight}: ${t.element} “${t.text}”`)
  }
  const largest = Math.max(0, ...texts.map((t) => t.fontSize))
  if (largest < MIN_LARGEST_PX) offenders.push(`largest text is ${largest}px (< ${MIN_LARGEST_PX}px)`)
  return offenders
}

/** A resident of the H5 demo signed in by dev login with a known openid (the demo binds some, e.g. demo-works-booker). */
export async function devResident(openid) {
  const { accessToken } = await api('/auth/dev/login', { method: 'POST', body: { openid } })
  return { openid, accessToken }
}

/** Confirms the page's Taro modal titled `title` with its button `confirmText`, as a person would tap it. */
export async function confirmModal(page, title, confirmText) {
  await page.locator('.taro-modal__title').filter({ hasText: title }).waitFor()
  await page.locator('.taro-model__confirm').filter({ hasText: confirmText }).click()
}

/** Opens a screen in one type mode on the person's page and waits for its data. */
async function openInTypeMode(page, screen, large) {
  await useTypeMode(page, large)
  await openRoute(page, screen.route, screen.params?.() ?? {})
  await page.locator(`.screen.${large ? 'large-type' : 'normal-type'}`).first().waitFor()
  await page.locator(screen.ready).first().waitFor()
  await settled(page)
  await screen.prepare?.(page)
  return page
}

/**
 * Both type modes of a screen on `person`'s page ({ page, pageErrors }): axe's serious and critical
 * violations, and in 大字 mode the 适老化 offenders; each mode's findings go to `axeLog`.
 * `afterLargeType(page)` runs on the 大字 page once measured (a screenshot, say).
 */
export async function checkScreenInBothModes(person, screen, axeLog, { afterLargeType } = {}) {
  const failures = []
  const errorsBefore = person.pageErrors.length
  for (const large of [false, true]) {
    const mode = large ? 'large' : 'normal'
    const page = await openInTypeMode(person.page, screen, large)
    const violations = await axeViolations(page)
    const entry = { page: screen.name, mode, violations }
    axeLog.push(entry)
    const blocking = violations.filter(isBlocking)
    if (blocking.length) failures.push(`axe (${mode} type), ${blocking.length} serious/critical:\n${describeViolations(blocking)}`)
    if (large) {
      const measured = await measureLargeType(page)
      entry.largeType = sizeSummary(measured)
      const offenders = largeTypeOffenders(measured)
      if (offenders.length) failures.push(`大字 mode, ${offenders.length} offenders:\n${offenders.map((o) => `  ${o}`).join('\n')}`)
      await afterLargeType?.(page)
    }
  }
  assert.deepEqual(person.pageErrors.slice(errorsBefore), [], 'the page threw')
  assert.equal(failures.length, 0, `${screen.name} (${screen.route}):\n${failures.join('\n')}`)
}
