// Where the weapp build is, and which pages its app.json declares.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const miniappDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The build under test: WEAPP_DIST, or what `taro build --type weapp` writes by default. */
export function weappDist() {
  const dist = path.resolve(process.env.WEAPP_DIST ?? path.join(miniappDir, 'dist/weapp'))
  for (const file of ['app.json', 'app.js', 'base.wxml']) {
    if (!existsSync(path.join(dist, file))) {
      throw new Error(
        `No weapp build at ${dist} (missing ${file}). Build it first: ` +
          '`TARO_OUTPUT_ROOT=/tmp/smoke-weapp npm run build:weapp -w miniapp`, then run with WEAPP_DIST=/tmp/smoke-weapp.',
      )
    }
  }
  return dist
}

export function readAppJson(dist) {
  return JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'))
}

/** Every page route of app.json: the main package's, then each subpackage's under its root. */
export function declaredPages(appJson) {
  const subPackages = appJson.subPackages ?? appJson.subpackages ?? []
  return [
    ...appJson.pages.map((route) => ({ route, root: null })),
    ...subPackages.flatMap((pkg) => pkg.pages.map((page) => ({ route: `${pkg.root.replace(/\/+$/, '')}/${page}`, root: pkg.root }))),
  ]
}

/** The dist files a page's script requires, directly or through what it requires (WeChat's require is relative). */
export function requiredFiles(dist, route) {
  const seen = new Set()
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return
    seen.add(file)
    for (const [, target] of readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)) {
      const resolved = path.resolve(path.dirname(file), target)
      visit(resolved.endsWith('.js') ? resolved : `${resolved}.js`)
    }
  }
  visit(path.join(dist, `${route}.js`))
  return [...seen].map((file) => path.relative(dist, file))
}
