import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

import { jobOperators } from './access/core/operationsStaff'
import { commission } from './collections/commission'
import { ingest } from './collections/ingest'
import { network } from './collections/network'
import { payments } from './collections/payments'
import { portal } from './collections/portal'
import { proposals } from './collections/proposals'
import { reconcile } from './collections/reconcile'
import { scrape } from './collections/scrape'
import { system } from './collections/system'
import { telecom } from './collections/telecom'
import { Users } from './collections/network/Users'
import { hideLockout } from './collections/network/Users/hooks/equalLoginCost'
import { withDefaults } from './collections/core/withDefaults'
import { migrations } from './db/migrations'
import { columnTypes } from './db/columnTypes'
import { withDeleteOneNoMatch } from './db/deleteOneNoMatch'
import { databaseInputErrors } from './hooks/core/databaseInputErrors'
import { lazyPoolOptions } from './db/url'
import { jobsCollectionOverrides } from './jobs/jobsCollection'
import { tasks } from './jobs/tasks'
import { allowedOrigins } from './server/origins'
import { payloadSecret } from './server/secret'

/** The capabilities, in the order the admin navigation shows them (each lists its collections and admin views). */
const capabilities = [network, portal, telecom, ingest, reconcile, scrape, commission, payments, proposals, system]

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.PUBLIC_URL ?? '',
  secret: payloadSecret(),
  // Origins whose requests may use the session cookie (PUBLIC_URL, ACCRUE_ALLOWED_ORIGINS; see server/origins.ts).
  csrf: allowedOrigins(),
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Accrue' },
    avatar: 'default',
    components: {
      views: Object.assign({}, ...capabilities.map((c) => c.views)),
      afterNavLinks: capabilities.flatMap((c) => c.navLinks ?? []),
    },
  },
  collections: withDefaults(capabilities.flatMap((c) => c.collections)),
  editor: lexicalEditor(),
  db: withDeleteOneNoMatch(
    postgresAdapter({
      pool: lazyPoolOptions(Number(process.env.DB_POOL_MAX ?? 10)),
      push: false,
      migrationDir: path.resolve(dirname, 'db/migrations'),
      prodMigrations: migrations,
      afterSchemaInit: [columnTypes],
    }),
  ),
  jobs: {
    tasks,
    deleteJobOnComplete: false,
    access: { run: jobOperators, queue: jobOperators, cancel: jobOperators },
    jobsCollectionOverrides,
  },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
  telemetry: false,
  graphQL: { disable: false },
  // A database error caused by a request's values (bad number, NUL byte, wrong operator for a column) is a 400.
  // …and the attempt that locks a login answers like any wrong password (REST and GraphQL).
  hooks: { afterError: [databaseInputErrors, hideLockout] },
})
