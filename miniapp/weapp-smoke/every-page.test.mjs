// Every page app.json declares (main package and subpackages) registers and mounts under the simulated runtime.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { bootWeapp, compileWxml } from './simulated-runtime.mjs'
import { residentReads } from './fixtures.mjs'
import { declaredPages, readAppJson, requiredFiles, weappDist } from './weapp-dist.mjs'

// Read at load time so the list follows app.json; a missing build fails here with the build instructions.
const dist = weappDist()
const appJson = readAppJson(dist)
const pages = declaredPages(appJson)
const subPackageRoots = pages.map((page) => page.root).filter(Boolean)

let weapp
before(() => {
  // A signed-in resident, no staff session: resident pages read data, staff pages ask to sign in; the rest answer 404.
  weapp = bootWeapp({ dist, routes: residentReads([]) })
})
after(() => {
  const { unstubbed, absent } = weapp?.wxRecord ?? {}
  if (unstubbed?.size) console.log(`wx APIs answered by miniprogram-simulate's mock: ${[...unstubbed.keys()].join(', ')}`)
  if (absent?.size) console.log(`absent wx properties read: ${[...absent].join(', ')}`)
  weapp?.close()
})

test('app.json declares the resident home and bind pages first', () => {
  assert.deepEqual(appJson.pages.slice(0, 2), ['pages/home/index', 'pages/bind/index'])
  assert.ok(pages.length > 2, 'and more pages besides')
})

test('the build\'s WXML compiles with the official wcc compiler', () => {
  compileWxml(dist)
})

for (const { route, root } of pages) {
  test(`${route} registers one page and mounts`, async () => {
    const own = root ? `${root.replace(/\/+$/, '')}/` : null
    const foreign = requiredFiles(dist, route).filter((file) => subPackageRoots.some((other) => file.startsWith(`${other}/`) && `${other}/` !== own))
    assert.deepEqual(foreign, [], `${route} requires files of another subpackage, which WeChat refuses`)

    const errorsBefore = weapp.errors.length
    const page = await weapp.mount(route)
    assert.equal(page.registrations, 1, `${route}.js should call Page() exactly once`)
    assert.ok(page.setDataCalls.length > 0, 'the page rendered through setData')
    await page.settle()
    assert.deepEqual(weapp.errors.slice(errorsBefore), [], `${route} reported errors while mounting`)
    assert.ok(page.text().trim().length > 0, `${route} rendered no text`)
    page.unmount()
    assert.deepEqual(weapp.errors.slice(errorsBefore), [], `${route} reported errors while unmounting`)
  })
}
