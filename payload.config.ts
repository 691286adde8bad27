import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

import { jobOperators } from './access/core/operationsStaff'
import { capabilities } from './collections'
import { ACCRUE_ICON_URL } from './components/home/mark'
import { Users } from './collections/network/Users'
import { hideLockout } from './collections/network/Users/hooks/equalLoginCost'
import { withDefaults } from './collections/core/withDefaults'
import { databaseAdapter } from './db/adapter'
import { databaseInputErrors } from './hooks/core/databaseInputErrors'
import { jobsCollectionOverrides } from './jobs/jobsCollection'
import { tasks } from './jobs/tasks'
import { allowedOrigins } from './server/origins'
import { payloadSecret } from './db/secret'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.PUBLIC_URL ?? '',
  secret: payloadSecret(),
  // Origins whose requests may use the session cookie (PUBLIC_URL, ACCRUE_ALLOWED_ORIGINS; see server/origins.ts).
  csrf: allowedOrigins(),
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: {
      title: 'Back-office',
      titleSuffix: ' · Accrue',
      description: 'Accrue: the back-office for channel compensation.',
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: ACCRUE_ICON_URL }],
    },
    avatar: 'default',
    components: {
      graphics: { Icon: '/components/home/Brand#AccrueIcon', Logo: '/components/home/Brand#AccrueLogo' },
      beforeLogin: ['/components/home/Brand#LoginIntro'],
      // The landing page is the operations home (components/home), fed by every capability's `home` items.
      views: Object.assign(
        { dashboard: { Component: '/components/home/OperationsHome#OperationsHome' } },
        ...capabilities.map((c) => c.views),
      ),
      afterNavLinks: capabilities.flatMap((c) => c.navLinks ?? []),
    },
  },
  collections: withDefaults(capabilities.flatMap((c) => c.collections)),
  endpoints: capabilities.flatMap((c) => c.endpoints ?? []),
  editor: lexicalEditor(),
  db: databaseAdapter(),
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
