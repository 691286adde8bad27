import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { root } from '../db/environment'

const SOURCES = [
  'app',
  'collections',
  'components',
  'access',
  'hooks',
  'fields',
  'engine',
  'jobs',
  'db',
  'payload.config.ts',
  'next.config.mjs',
  'package-lock.json',
]
const stamp = path.join(root, '.next', 'accrue-source.sha256')

/** A hash of everything the Next build depends on, so `npm start` rebuilds only when the source changed. */
function sourceHash(): string {
  const hash = createHash('sha256')
  const walk = (entry: string) => {
    const full = path.join(root, entry)
    if (!fs.existsSync(full)) return
    if (fs.statSync(full).isDirectory()) {
      for (const child of fs.readdirSync(full).sort()) walk(path.join(entry, child))
    } else {
      hash.update(entry).update(fs.readFileSync(full))
    }
  }
  SOURCES.forEach(walk)
  return hash.digest('hex')
}

/** Runs `next build` when the admin's build is missing or older than the source. */
export function ensureBuilt(log: (line: string) => void, force = false): void {
  const hash = sourceHash()
  const current = fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash && fs.existsSync(path.join(root, '.next', 'BUILD_ID'))
  if (current && !force) return
  log('Building the admin (next build, about a minute the first time) …')
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://build-time-unused@localhost/none',
    },
  })
  fs.writeFileSync(stamp, hash)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(root, 'scripts', 'build.ts')) {
  ensureBuilt(console.log, process.argv.includes('--force'))
}
