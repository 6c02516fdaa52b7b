#!/usr/bin/env node
// Runs WeChat's own code-quality scan (miniprogram-ci checkCodeQuality, the one the developer tools
// run; offline, no key) on dist/weapp; prints every check and the package sizes, fails on any miss.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ci from 'miniprogram-ci'

const distDir = fileURLToPath(new URL('../dist/weapp/', import.meta.url))
if (!existsSync(`${distDir}project.config.json`)) {
  console.error(`weapp-quality: ${distDir}project.config.json not found — run \`npm run build:weapp -w miniapp\` first`)
  process.exit(2)
}

// The scan reads the key only to upload; it is never used here, so any readable file will do.
const project = new ci.Project({
  appid: 'touristappid',
  type: 'miniProgram',
  projectPath: distDir,
  privateKeyPath: '/dev/null',
  ignores: ['node_modules/**/*'],
})

// A check that throws is reported as passed by the scan, with the error on console.error: count those.
const scanErrors = []
const consoleError = console.error
console.error = (...args) => scanErrors.push(args)
const checks = await ci.checkCodeQuality(project)
console.error = consoleError
for (const args of scanErrors) console.error('weapp-quality: the scan failed inside a check:', ...args)
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
for (const check of checks) {
  // The text is the check's complaint, worth reading only when it fails.
  console.log(check.success ? `pass  ${check.name}` : `FAIL  ${check.name}: ${check.text}`)
  if (check.name === 'PACKAGE_SIZE_LIMIT') {
    for (const [name, bytes] of Object.entries(check.detail ?? {})) {
      console.log(`        ${name === '__APP__' ? 'main package' : `subpackage ${name}`}: ${kb(bytes)}`)
    }
  }
}
const failed = checks.filter((check) => !check.success)
console.log(`weapp-quality: ${checks.length - failed.length} of ${checks.length} checks pass`)
// The scan leaves a file watcher running: end the process ourselves.
process.exit(failed.length === 0 && scanErrors.length === 0 && checks.length > 0 ? 0 : 1)
