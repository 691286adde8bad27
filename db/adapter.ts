import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'

import { columnTypes } from './columnTypes'
import { withDeleteOneNoMatch } from './deleteOneNoMatch'
import { migrations } from './migrations'
import { lazyPoolOptions } from './url'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * Payload's PostgreSQL adapter as Accrue runs it: a pool that reads DATABASE_URL when it connects, schema only from
 * the committed migrations (never pushed), numeric money columns, and the deleteOne fix.
 */
export function databaseAdapter(): ReturnType<typeof postgresAdapter> {
  return withDeleteOneNoMatch(
    postgresAdapter({
      pool: lazyPoolOptions(Number(process.env.DB_POOL_MAX ?? 10)),
      push: false,
      migrationDir: path.resolve(dirname, 'migrations'),
      prodMigrations: migrations,
      afterSchemaInit: [columnTypes],
    }),
  )
}
