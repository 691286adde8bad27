import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'

import { startEmbeddedPostgres } from '../../db/embedded'
import { freePort } from '../../db/freePort'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string
  }
}

/**
 * One throwaway embedded PostgreSQL for the whole run, under the system temp folder (which the server user can
 * reach even when the checkout sits under /root). The committed migrations are applied once to a template
 * database; each test file clones it (CREATE DATABASE … TEMPLATE), so files never see each other's rows.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-test-'))
  fs.chmodSync(dataDir, 0o755)
  const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'accrue_template', log: () => {} })
  const adminUrl = db.url.replace(/\/accrue_template$/, '/postgres')

  // Migrate in a child process, as a deployment runs `npm run migrate` (Payload is not booted in vitest's own process).
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: db.url },
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 120_000,
  })

  project.provide('pgAdminUrl', adminUrl)
  return async () => {
    await db.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
