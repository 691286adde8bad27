import { analytics } from './analytics'
import { api } from './api'
import { billpay } from './billpay'
import { commission } from './commission'
import type { Capability } from './core/capability'
import { ingest } from './ingest'
import { loyalty } from './loyalty'
import { multilevel } from './multilevel'
import { rebates } from './rebates'
import { network } from './network'
import { payments } from './payments'
import { portal } from './portal'
import { proposals } from './proposals'
import { reconcile } from './reconcile'
import { rules } from './rules'
import { scrape } from './scrape'
import { support } from './support'
import { system } from './system'
import { telecom } from './telecom'

/** The capabilities, in the order the admin navigation shows them (each lists its collections and admin views). */
export const capabilities: Capability[] = [
  network,
  portal,
  telecom,
  ingest,
  reconcile,
  scrape,
  commission,
  rules,
  multilevel,
  rebates,
  billpay,
  loyalty,
  support,
  analytics,
  payments,
  proposals,
  api,
  system,
]
