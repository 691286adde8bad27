import type { LineBox } from '../../engine/billpay/types'
import type { PayRunSummary } from '../../modules/billpay/pay'

/** One row of the review queue (GET /api/carrier-invoices/queue). */
export type QueueRow = {
  id: number
  invoiceNumber: string | null
  accountName: string | null
  accountNumber: string | null
  carrier: string | null
  totalDue: string | null
  currency: string | null
  dueDate: string | null
  statementDate: string | null
  status: string
  statusReason: string | null
  ageDays: number | null
  source: string | null
  fileType: string | null
}

/** How a line (or the taxes) is split over GL codes and cost centres. */
export type Allocation = { glCode: string | null; costCentre: string | null; percent: string | null; amount: string }

export type ReviewLine = {
  id: number
  lineNo: number
  serviceId: string | null
  description: string | null
  chargeType: string | null
  amount: string
  page: number | null
  box: LineBox | null
  glCode: string | null
  costCentre: string | null
  corrected: boolean | null
  allocations: Allocation[]
}

export type ReviewEvent = {
  id: number
  kind: string
  fromStatus: string | null
  toStatus: string | null
  reason: string | null
  actor: unknown
  details: unknown
  createdAt: string
}

export type ReviewPayment = {
  id: number
  status: string
  amount: string
  confirmation: string | null
  submittedAt: string | null
  confirmedAt: string | null
  lastError: string | null
}

/** The header figures a reviewer may correct, as the correct endpoint names them. */
export const HEADER_FIELDS = [
  'accountNumber',
  'invoiceNumber',
  'statementDate',
  'dueDate',
  'previousBalance',
  'payments',
  'newCharges',
  'taxes',
  'totalDue',
  'currency',
] as const
export type HeaderField = (typeof HEADER_FIELDS)[number]

export type ReviewInvoice = Record<HeaderField, string | null> & {
  id: number
  status: string
  statusLabel: string | null
  statusReason: string | null
  accountId: number | null
  accountName: string | null
  accountNumber: string | null
  carrier: string | null
  fileName: string | null
  fileType: string | null
  pages: number | null
  template: string | null
  source: string | null
  duplicateOf: number | null
  checks: { check: string; message: string }[] | null
  problems: { where: string; message: string }[] | null
  released: unknown
  approvedBy: unknown
  approvedAt: string | null
}

export type ReviewAction = 'correct' | 'approve' | 'reject' | 'release' | 'reprocess'

/** GET /api/carrier-invoices/:id/review, and what every action on an invoice answers. */
export type Review = {
  invoice: ReviewInvoice
  lines: ReviewLine[]
  taxAllocations: Allocation[]
  events: ReviewEvent[]
  payments: ReviewPayment[]
  actions: ReviewAction[]
}

/** One live status of the /events/invoices stream. */
export type LiveStatus = { id: number; status: string; statusReason: string | null; updatedAt: string }

/** POST /api/carrier-invoices/pay-run: what the run did with each invoice (ids). */
export type PayRun = PayRunSummary

/** GET /api/carrier-invoices/report. Amounts are decimal strings. */
export type SpendReport = {
  months: string[]
  byCarrier: { month: string; carrier: string; amount: string }[]
  byCostCentre: { month: string; costCentre: string; amount: string }[]
  byGlCode: { month: string; glCode: string; amount: string }[]
  byStatus: { status: string; count: number; total: string }[]
  byAge: { bucket: string; count: number; total: string }[]
  exceptions: {
    id: number
    invoiceNumber: string | null
    carrier: string | null
    status: string
    reason: string | null
    totalDue: string | null
    ageDays: number | null
  }[]
}

export { amountText, call, errorOf, labelOf, when, type Answer } from '../core/api'
