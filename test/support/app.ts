import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'

import type { RunningServer, ServerOptions } from '../../server'

export type TestApp = RunningServer & { databaseUrl: string; sql: pg.Pool }

/** What a test app is started with: the server's options, and `history: true` for the demo's year of history on top. */
export type TestAppOptions = Partial<ServerOptions> & {
  /** Also seed the year of history `npm start` seeds (seed/history), dated before `today` (default: the real today). */
  history?: boolean
  today?: string
  /** Seed only the logins and what they need, as `npm start -- --empty` does (no demo data, no history). */
  empty?: boolean
}

/**
 * A fresh database cloned from the migrated template, the real server on a free port (REST through Express, no
 * Next unless asked), and the demo data seeded through the Local API (the small demo; `history: true` adds the year
 * of history).
 */
export async function startTestApp(name: string, options: TestAppOptions = {}): Promise<TestApp> {
  const { history, today, empty, ...serverOptions } = options
  const adminUrl = inject('pgAdminUrl')
  const database = `t_${name.replace(/\W/g, '_')}_${process.pid}_${Date.now() % 100000}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database "${database}" template accrue_template`)
  await admin.end()
  const databaseUrl = adminUrl.replace(/\/postgres$/, `/${database}`)
  process.env.DATABASE_URL = databaseUrl
  process.env.MEDIA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-media-'))
  process.env.IMPORTS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-imports-'))
  process.env.NEXT_TELEMETRY_DISABLED = '1'

  const { startServer } = await import('../../server')
  const server = await startServer({ port: 0, next: false, jobs: false, ...serverOptions })
  const { seedDemoData } = await import('../../seed')
  await seedDemoData(server.payload, undefined, { empty })
  if (history) {
    const { seedDemoHistory } = await import('../../seed/history')
    await seedDemoHistory(server.payload, today ?? new Date().toISOString().slice(0, 10))
  }
  const sql = new pg.Pool({ connectionString: databaseUrl, max: 2 })
  return {
    ...server,
    databaseUrl,
    sql,
    close: async () => {
      await sql.end()
      await server.close()
    },
  }
}
