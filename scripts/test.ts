import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { root } from '../db/environment'

/**
 * `npm test`: every vitest project (unit, int, e2e) in one run, then the plain "N passed, N failed, N skipped" line
 * CI reads. Exits non-zero on any failure, on a run that executed no test, or when vitest itself failed.
 */
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-report-')), 'vitest.json')
const args = process.argv.slice(2)
const run = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...args,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
)

type Report = {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  numTotalTests: number
  success: boolean
}
let summary: Report | null = null
try {
  summary = JSON.parse(fs.readFileSync(report, 'utf8')) as Report
} catch {
  summary = null
}
if (!summary) {
  console.log('0 passed, 1 failed')
  console.error('vitest wrote no report: the run did not finish')
  process.exit(1)
}
const skipped = summary.numPendingTests + summary.numTodoTests
console.log(`${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${skipped} skipped`)
const failed = summary.numFailedTests > 0 || summary.numTotalTests === 0 || !summary.success || run.status !== 0
process.exit(failed ? 1 : 0)
