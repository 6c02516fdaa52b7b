// The resident home page of the weapp build renders its first screen under the simulated runtime.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { bootWeapp } from './simulated-runtime.mjs'
import { household, residentReads } from './fixtures.mjs'

let weapp
before(() => {
  weapp = bootWeapp({ routes: residentReads([]) })
})
after(() => weapp?.close())

test('home: a resident without a household sees the title and the way to bind', async () => {
  const home = await weapp.mount('pages/home/index')
  await home.waitForText('您还没有绑定房屋')
  const text = home.text()
  for (const expected of ['邻议', '老旧小区改造 · 居民意见征询', '大字模式', '我的房屋', '绑定我的房屋', '工作人员入口']) {
    assert.ok(text.includes(expected), `home should show "${expected}"; it shows "${text}"`)
  }
  // The silent WeChat login ran first, and its token was kept for the next reads.
  assert.equal(weapp.server.asked()[0], 'POST /auth/wechat/login')
  assert.ok(weapp.server.asked().includes('GET /me'))
  assert.equal(weapp.storage.get('linyi.residentToken'), 'smoke-token')
  assert.deepEqual(weapp.errors, [])

  await home.tap('#bind-entry')
  assert.deepEqual(weapp.wxRecord.navigations.at(-1), { kind: 'navigateTo', url: '/pages/bind/index', delta: undefined })
  home.unmount()
})

test('home: with a bound household it lists the room and its compound', async () => {
  weapp.server.serve(residentReads([household]))
  const home = await weapp.mount('pages/home/index')
  await home.waitForText('1号楼2单元301')
  const text = home.text()
  assert.ok(text.includes('幸福里小区'), `home should name the compound; it shows "${text}"`)
  assert.ok(text.includes('再绑定一套房屋'), `home should offer binding another; it shows "${text}"`)
  assert.ok(!text.includes('您还没有绑定房屋'), 'the empty state is gone once a household is bound')
  assert.deepEqual(weapp.errors, [])
  home.unmount()
})
