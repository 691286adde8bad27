import type { LineBox } from '../../engine/billpay/types'
import type { PayRunSummary } from '../../modules/billpay/pay'
import { formatStored } from '../../engine/core/money'

/** What a call to one of the bill payment endpoints answered: the parsed body, or the API's own error text. */
export type Answer<T> = { ok: true; status: number; body: T } | { ok: false; status: number; error: string }

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

/** The API's error messages as it wrote them (`{ errors: [{ message }] }`, or `{ error }`), else the HTTP status. */
export function errorOf(body: unknown, status: number): string {
  const errors = (body as { errors?: { message?: string }[] } | null)?.errors
  const messages = Array.isArray(errors) ? errors.map((e) => e.message).filter((m): m is string => Boolean(m)) : []
  if (messages.length > 0) return messages.join('; ')
  const error = (body as { error?: unknown } | null)?.error
  return typeof error === 'string' && error ? error : `HTTP ${status}`
}

/** GET or POST with the admin's session cookie; a JSON body is sent as JSON, a form as multipart. Never throws: a network error is an answer too. */
export async function call<T>(url: string, init: { method?: 'GET' | 'POST'; json?: unknown; form?: FormData } = {}): Promise<Answer<T>> {
  try {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      credentials: 'include',
      headers: init.json === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.form ?? (init.json === undefined ? undefined : JSON.stringify(init.json)),
    })
    const body: unknown = await res.json().catch(() => null)
    return res.ok ? { ok: true, status: res.status, body: body as T } : { ok: false, status: res.status, error: errorOf(body, res.status) }
  } catch (err) {
    return { ok: false, status: 0, error: err instanceof Error ? err.message : String(err) }
  }
}

/** An exact decimal string in its currency ("USD 1,234.50"), for display only; text that is not a decimal is shown as it is. */
export function amountText(value: string | null | undefined, currency: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  try {
    return formatStored(value, currency ?? '')
  } catch {
    return `${value} ${currency ?? ''}`.trim()
  }
}

/** A timestamp as "2026-10-05 14:03" (UTC), the way the rest of the admin's tables read. */
export function when(value: string | null | undefined): string {
  if (!value) return '—'
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? value : d.toISOString().slice(0, 16).replace('T', ' ')
}

/** The label of a related document at depth 1 (its first non-empty `fields`), or its id at depth 0. */
export function labelOf(value: unknown, ...fields: string[]): string {
  if (value === null || value === undefined) return '—'
  if (typeof value !== 'object') return String(value)
  const doc = value as Record<string, unknown>
  for (const field of fields) if (typeof doc[field] === 'string' && doc[field]) return doc[field] as string
  return String(doc.id ?? '—')
}
