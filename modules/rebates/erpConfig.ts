/**
 * Where the ERP is: `ACCRUE_ERP_URL`, `ACCRUE_ERP_CLIENT_ID`, `ACCRUE_ERP_CLIENT_SECRET` (OAuth client credentials).
 * Unset, Accrue talks to the NetSuite-like stand-in `npm start` serves (demo/erp). The deal portal likewise:
 * `ACCRUE_DEAL_PORTAL_URL`, `ACCRUE_DEAL_PORTAL_CLIENT_ID`, `ACCRUE_DEAL_PORTAL_CLIENT_SECRET`.
 */
import { DEMO_DEAL_PORTAL } from '../../demo/deal-portal/inProcess'
import { DEMO_ERP } from '../../demo/erp/inProcess'
import type { DealPortalConfig } from './dealPortal'
import type { ErpConfig } from './erp'

const numberEnv = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined)

export function erpConfig(): ErpConfig {
  return {
    baseUrl: process.env.ACCRUE_ERP_URL ?? DEMO_ERP.baseUrl,
    clientId: process.env.ACCRUE_ERP_CLIENT_ID ?? DEMO_ERP.clientId,
    clientSecret: process.env.ACCRUE_ERP_CLIENT_SECRET ?? DEMO_ERP.clientSecret,
    timeoutMs: numberEnv('ACCRUE_ERP_TIMEOUT_MS'),
    maxAttempts: numberEnv('ACCRUE_ERP_MAX_ATTEMPTS'),
    baseDelayMs: numberEnv('ACCRUE_ERP_BASE_DELAY_MS'),
    halfOpenAfterMs: numberEnv('ACCRUE_ERP_HALF_OPEN_AFTER_MS'),
  }
}

export function dealPortalConfig(): DealPortalConfig {
  return {
    baseUrl: process.env.ACCRUE_DEAL_PORTAL_URL ?? DEMO_DEAL_PORTAL.baseUrl,
    clientId: process.env.ACCRUE_DEAL_PORTAL_CLIENT_ID ?? DEMO_DEAL_PORTAL.clientId,
    clientSecret: process.env.ACCRUE_DEAL_PORTAL_CLIENT_SECRET ?? DEMO_DEAL_PORTAL.clientSecret,
  }
}
