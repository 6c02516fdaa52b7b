#!/usr/bin/env node
// Prints the size of the weapp main package (everything in dist/weapp except subpackage roots)
// and of each subpackage; exits non-zero when the main package is over budget or missing.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const BUDGET_KB = Number(process.env.WEAPP_MAIN_BUDGET_KB ?? 500)
const distDir = fileURLToPath(new URL('../dist/weapp/', import.meta.url))
const appJsonPath = join(distDir, 'app.json')

if (!existsSync(appJsonPath)) {
  console.error(`weapp-size: ${appJsonPath} not found — run \`npm run build:weapp -w miniapp\` first`)
  process.exit(2)
}

const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'))
const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/+$/, ''))

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else yield path
  }
}

const totals = new Map([['main', 0], ...subRoots.map((root) => [root, 0])])
for (const path of files(distDir)) {
  const rel = relative(distDir, path).split(sep).join('/')
  const owner = subRoots.find((root) => rel === root || rel.startsWith(`${root}/`)) ?? 'main'
  totals.set(owner, totals.get(owner) + statSync(path).size)
}

const kb = (bytes) => (bytes / 1024).toFixed(1)
const main = totals.get('main')
console.log(`weapp main package: ${kb(main)} KB (budget ${BUDGET_KB} KB)`)
for (const root of subRoots) console.log(`weapp subpackage ${root}/: ${kb(totals.get(root))} KB`)
if (main > BUDGET_KB * 1024) {
  console.error(`weapp-size: main package is ${kb(main)} KB, over the ${BUDGET_KB} KB budget`)
  process.exit(1)
}
