// The bind page of the weapp build renders its invite-code form, and tapping "确认绑定" posts the typed code.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { ok } from './fake-server.mjs'
import { bootWeapp } from './simulated-runtime.mjs'
import { household, residentReads } from './fixtures.mjs'

let weapp
before(() => {
  weapp = bootWeapp({
    launchPath: 'pages/bind/index',
    routes: { ...residentReads([]), 'POST /me/bindings': ok({ household }) },
  })
})
after(() => weapp?.close())

test('bind: the invite-code form renders', async () => {
  const bind = await weapp.mount('pages/bind/index')
  await bind.waitForText('确认绑定')
  const text = bind.text()
  for (const expected of ['绑定房屋', '请输入社区工作人员给您的邀请码', '邀请码', '确认绑定', '返回']) {
    assert.ok(text.includes(expected), `bind should show "${expected}"; it shows "${text}"`)
  }
  assert.ok(bind.find('#bind-code-input'), 'the code input is in the rendered WXML')
  // A placeholder is an attribute, not text: it is in Taro's template data.
  assert.ok(bind.dataStrings().includes('例如 K7M3Q9TX'), 'the input carries its placeholder')
  assert.deepEqual(weapp.errors, [])
  bind.unmount()
})

test('bind: typing a code and tapping bind posts it, then leaves the page', async () => {
  const bind = await weapp.mount('pages/bind/index')
  await bind.type('#bind-code-input', 'k7m3q9tx')
  await bind.tap('#bind-submit')
  await bind.waitFor(() => weapp.server.asked().includes('POST /me/bindings'), 'POST /me/bindings')
  const posted = weapp.server.requests.find((request) => request.key === 'POST /me/bindings')
  assert.deepEqual(posted.data, { inviteCode: 'K7M3Q9TX' })
  // Opened directly (one page in the stack), so it relaunches home rather than going back.
  await bind.waitFor(() => weapp.wxRecord.navigations.length > 0, 'a navigation after binding')
  assert.deepEqual(weapp.wxRecord.navigations.at(-1), { kind: 'reLaunch', url: '/pages/home/index', delta: undefined })
  assert.deepEqual(weapp.errors, [])
  bind.unmount()
})

test('bind: a refused code shows the server’s message on the page', async () => {
  weapp.server.serve({ 'POST /me/bindings': { status: 404, body: { statusCode: 404, code: 'INVITE_CODE_NOT_FOUND', message: '邀请码不存在或已失效' } } })
  const bind = await weapp.mount('pages/bind/index')
  await bind.type('#bind-code-input', 'ZZZZ9999')
  await bind.tap('#bind-submit')
  await bind.waitForText('邀请码不存在或已失效')
  assert.deepEqual(weapp.errors, [])
  bind.unmount()
})
