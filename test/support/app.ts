import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'

import type { RunningServer, ServerOptions } from '../../server'

export type TestApp = RunningServer & { databaseUrl: string; sql: pg.Pool }

/**
 * A fresh database cloned from the migrated template, the real server on a free port (REST through Express, no
 * Next unless asked), and the demo data seeded through the Local API.
 */
export async function startTestApp(name: string, options: Partial<ServerOptions> = {}): Promise<TestApp> {
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
  const server = await startServer({ port: 0, next: false, jobs: false, ...options })
  const { seedDemoData } = await import('../../seed')
  await seedDemoData(server.payload)
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
