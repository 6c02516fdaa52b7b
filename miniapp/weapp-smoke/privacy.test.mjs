// The privacy prompt of the weapp build: WeChat's onNeedPrivacyAuthorization shows our dialog on the
// current page, and only WeChat's own agreePrivacyAuthorization button answers "agree".
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { bootWeapp } from './simulated-runtime.mjs'
import { residentReads } from './fixtures.mjs'

let weapp
before(() => {
  weapp = bootWeapp({ routes: residentReads([]) })
})
after(() => weapp?.close())

/** Plays WeChat: a privacy interface is waiting, so it calls the app's listener and records the answers. */
function wechatNeedsAgreement() {
  const answers = []
  const [listener] = weapp.wxRecord.privacyListeners
  listener((answer) => answers.push(answer), { referrer: 'chooseMedia' })
  return answers
}

test('the app registers one privacy listener at launch, before any page asks for a photo', () => {
  assert.equal(weapp.wxRecord.privacyListeners.length, 1)
})

test('agreeing: the dialog shows on the page, and its agree button is WeChat’s open-type button', async () => {
  const home = await weapp.mount('pages/home/index')
  await home.waitForText('您还没有绑定房屋')
  const answers = wechatNeedsAgreement()
  await home.waitForText('隐私保护提示')
  assert.deepEqual(answers, [{ event: 'exposureAuthorization' }])
  const agree = home.find('#privacy-agree')
  assert.ok(agree, 'the agree button carries the id the listener names')
  // The simulator's <button> drops open-type, so read what Taro sent to the template instead.
  assert.ok(home.dataStrings().includes('agreePrivacyAuthorization'), 'the template gets open-type="agreePrivacyAuthorization"')

  await home.trigger('#privacy-agree', 'agreeprivacyauthorization')
  await home.waitFor(() => answers.length === 2, 'the answer to WeChat')
  assert.deepEqual(answers[1], { event: 'agree', buttonId: 'privacy-agree' })
  await home.waitFor(() => !home.text().includes('隐私保护提示'), 'the dialog to close')
  assert.deepEqual(weapp.errors, [])
  home.unmount()
})

test('refusing: WeChat is told "disagree", the dialog closes and home stays usable', async () => {
  const home = await weapp.mount('pages/home/index')
  await home.waitForText('您还没有绑定房屋')
  const answers = wechatNeedsAgreement()
  await home.waitForText('隐私保护提示')
  await home.tap('.privacy-dialog__refuse')
  await home.waitFor(() => answers.length === 2, 'the answer to WeChat')
  assert.deepEqual(answers[1], { event: 'disagree' })
  await home.waitFor(() => !home.text().includes('隐私保护提示'), 'the dialog to close')
  await home.tap('#bind-entry')
  assert.deepEqual(weapp.wxRecord.navigations.at(-1), { kind: 'navigateTo', url: '/pages/bind/index', delta: undefined })
  home.unmount()
})
