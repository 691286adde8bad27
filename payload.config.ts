import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

import { jobOperators } from './access/operationsStaff'
import { AuditEvents } from './collections/AuditEvents'
import { Brands } from './collections/Brands'
import { CommissionEvaluations } from './collections/Commission/CommissionEvaluations'
import { CommissionHolds } from './collections/Commission/CommissionHolds'
import { CommissionLines } from './collections/Commission/CommissionLines'
import { CommissionNotes } from './collections/Commission/CommissionNotes'
import { CommissionPeriods } from './collections/Commission/CommissionPeriods'
import { CommissionRuns } from './collections/Commission/CommissionRuns'
import { CommissionStatements } from './collections/Commission/CommissionStatements'
import { CompensationPlans } from './collections/Commission/CompensationPlans'
import { PaymentBatches } from './collections/Commission/PaymentBatches'
import { Payments } from './collections/Commission/Payments'
import { PlanVersions } from './collections/Commission/PlanVersions'
import { CarrierConnectors } from './collections/CarrierConnectors'
import { Carriers } from './collections/Carriers'
import { Discrepancies } from './collections/Discrepancies'
import { ImportMappings } from './collections/ImportMappings'
import { Imports } from './collections/Imports'
import { Media } from './collections/Media'
import { Notifications } from './collections/Notifications'
import { Participants } from './collections/Participants'
import { AdvertisingPrograms } from './collections/Proposals/AdvertisingPrograms'
import { BillingLines } from './collections/Proposals/BillingLines'
import { CommissionRules } from './collections/Proposals/CommissionRules'
import { Proposals } from './collections/Proposals/Proposals'
import { Prospects } from './collections/Proposals/Prospects'
import { Services } from './collections/Proposals/Services'
import { PayoutSchedules } from './collections/PayoutSchedules'
import { PortalCredentials } from './collections/PortalCredentials'
import { RatePlans } from './collections/RatePlans'
import { ReconciliationRuns } from './collections/ReconciliationRuns'
import { ScheduleSlots } from './collections/ScheduleSlots'
import { ScrapeEvidence } from './collections/ScrapeEvidence'
import { ScrapeRuns } from './collections/ScrapeRuns'
import { Schedules } from './collections/Schedules'
import { CarrierRecords } from './collections/Telecom/CarrierRecords'
import { DealerSales } from './collections/Telecom/DealerSales'
import { ImportRejects } from './collections/Telecom/ImportRejects'
import { ReconciliationLines } from './collections/Telecom/ReconciliationLines'
import { Territories } from './collections/Territories'
import { Users } from './collections/Users'
import { hideLockout } from './collections/Users/hooks/equalLoginCost'
import { withDefaults } from './collections/withDefaults'
import { migrations } from './db/migrations'
import { columnTypes } from './db/columnTypes'
import { withDeleteOneNoMatch } from './db/deleteOneNoMatch'
import { databaseInputErrors } from './hooks/databaseInputErrors'
import { lazyPoolOptions } from './db/url'
import { jobsCollectionOverrides } from './jobs/jobsCollection'
import { tasks } from './jobs/tasks'
import { allowedOrigins } from './server/origins'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Public in this source: builds and tests only. `bootPayload` refuses to serve with it (db/bootstrap.ts). */
export const DEVELOPMENT_SECRET = 'accrue-development-secret-not-for-production'

/**
 * Signs sessions and encrypts API keys. `npm start` on the embedded database generates one per installation
 * (kept in the data folder); a deployment sets PAYLOAD_SECRET. Builds and tests use the development value.
 * `bootPayload` reads it again when Payload boots, so importing this config before the environment is complete
 * cannot leave a server on the development value.
 */
export function payloadSecret(): string {
  return process.env.PAYLOAD_SECRET || DEVELOPMENT_SECRET
}

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
      views: {
        commissionDashboard: { Component: '/components/CommissionDashboard#CommissionDashboard', path: '/commission-dashboard' },
        waitingForMe: { Component: '/components/WaitingForMe#WaitingForMe', path: '/waiting-for-me' },
        proposalReports: { Component: '/components/ProposalReports#ProposalReports', path: '/proposal-reports' },
      },
      afterNavLinks: ['/components/WaitingForMe/NavLink#WaitingNavLink', '/components/CommissionDashboard/NavLink#DashboardNavLink', '/components/ProposalReports/NavLink#ReportsNavLink'],
    },
  },
  collections: withDefaults([
    Participants, Users, Territories, Brands, Media,
    Carriers, RatePlans, PayoutSchedules,
    ImportMappings, Imports, ImportRejects, DealerSales, CarrierRecords,
    ReconciliationRuns, ReconciliationLines, Discrepancies,
    PortalCredentials, CarrierConnectors, ScrapeRuns, ScrapeEvidence, Notifications,
    CompensationPlans, PlanVersions, CommissionPeriods, CommissionRuns, CommissionLines, CommissionEvaluations,
    CommissionHolds, CommissionNotes, CommissionStatements, PaymentBatches, Payments,
    Services, Prospects, Proposals, CommissionRules, AdvertisingPrograms, BillingLines,
    Schedules, ScheduleSlots, AuditEvents,
  ]),
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
