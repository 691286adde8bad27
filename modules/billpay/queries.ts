/**
 * What the review page and the queue read: an invoice with its lines, allocations, events, payments and the actions
 * the reader may take now; and the invoices waiting for a person.
 */
import type { Pool } from 'pg'

import { STATUS_LABELS, type InvoiceStatus } from '../../engine/billpay/states'
import { mayReview, type Reviewer } from './review'

type Allocation = { lineNo: number | null; glCode: string; costCentre: string; percent: string; amount: string }

/** The review of one invoice, or null when it does not exist. */
export async function invoiceReview(pool: Pool, id: number, reviewer: Reviewer) {
  const invoice = (
    await pool.query<Record<string, unknown> & { status: InvoiceStatus; duplicateOf: number | null }>(
      `select i.id, i.status::text as status, i.status_reason as "statusReason", i.account_id as "accountId", a.name as "accountName",
              coalesce(a.account_number, i.account_number) as "accountNumber", c.code as carrier, i.invoice_number as "invoiceNumber",
              i.statement_date::text as "statementDate", i.due_date::text as "dueDate", i.currency,
              i.previous_balance::text as "previousBalance", i.payments::text as payments, i.new_charges::text as "newCharges",
              i.taxes::text as taxes, i.total_due::text as "totalDue", i.file_name as "fileName", i.file_type::text as "fileType",
              i.pages::int as pages, i.template, i.source::text as source, i.duplicate_of_id as "duplicateOf", coalesce(i.checks, '[]'::jsonb) as checks,
              coalesce(i.problems, '[]'::jsonb) as problems, i.released, i.approved_by_id as "approvedBy", i.approved_at as "approvedAt"
         from carrier_invoices i left join carrier_accounts a on a.id = i.account_id left join carriers c on c.id = coalesce(a.carrier_id, i.carrier_id)
        where i.id = $1`,
      [id],
    )
  ).rows[0]
  if (!invoice) return null
  const [lines, allocations, events, payments] = await Promise.all([
    pool.query(
      `select id, line_no::int as "lineNo", service_id as "serviceId", description, charge_type as "chargeType", amount::text as amount,
              page::int as page, box, gl_code as "glCode", cost_centre as "costCentre", coalesce(corrected, false) as corrected
         from invoice_lines where invoice_id = $1 order by line_no`,
      [id],
    ),
    pool.query<Allocation>(
      `select line_no::int as "lineNo", gl_code as "glCode", cost_centre as "costCentre", percent, amount::text as amount
         from invoice_allocations where invoice_id = $1 order by line_no nulls last, id`,
      [id],
    ),
    pool.query(
      `select e.id, e.kind, e.from_status as "fromStatus", e.to_status as "toStatus", e.reason, u.email as actor, e.details, e.created_at as "createdAt"
         from invoice_events e left join users u on u.id = e.actor_id where e.invoice_id = $1 order by e.id`,
      [id],
    ),
    pool.query(
      `select id, status::text as status, amount::text as amount, currency, method::text as method, idempotency_key as "idempotencyKey",
              confirmation, submitted_at as "submittedAt", confirmed_at as "confirmedAt", last_error as "lastError"
         from invoice_payments where invoice_id = $1 order by id`,
      [id],
    ),
  ])
  const byLine = new Map<number, Allocation[]>()
  for (const allocation of allocations.rows)
    if (allocation.lineNo !== null) byLine.set(allocation.lineNo, [...(byLine.get(allocation.lineNo) ?? []), allocation])
  const status = invoice.status
  const actions: string[] = []
  if (mayReview(reviewer)) {
    if (status === 'approval_needed') actions.push('correct', 'approve', 'reject')
    if (status === 'on_hold') actions.push('release', 'reject')
    if (['approval_needed', 'error', 'rejected'].includes(status)) actions.push('reprocess')
  }
  return {
    invoice: { ...invoice, statusLabel: STATUS_LABELS[status] ?? status },
    lines: lines.rows.map((line: { lineNo: number }) => ({ ...line, allocations: byLine.get(line.lineNo) ?? [] })),
    taxAllocations: allocations.rows.filter((a) => a.lineNo === null),
    events: events.rows,
    payments: payments.rows,
    actions,
  }
}

export const OPEN_STATUSES = [
  'pending_ingestion',
  'processing',
  'approval_needed',
  'on_hold',
  'error',
  'pending_payment',
  'payment_submitted',
] as const

/** Invoices in the given statuses (default: those waiting for a person), most urgent due date first. */
export async function invoiceQueue(pool: Pool, statuses: readonly string[], today: string) {
  const rows = await pool.query(
    `select i.id, i.invoice_number as "invoiceNumber", a.name as "accountName", coalesce(a.account_number, i.account_number) as "accountNumber",
            c.code as carrier, i.total_due::text as "totalDue", i.currency, i.due_date::text as "dueDate", i.statement_date::text as "statementDate",
            i.status::text as status, i.status_reason as "statusReason", ($2::date - i.created_at::date) as "ageDays",
            i.source::text as source, i.file_type::text as "fileType", i.file_name as "fileName"
       from carrier_invoices i left join carrier_accounts a on a.id = i.account_id left join carriers c on c.id = coalesce(a.carrier_id, i.carrier_id)
      where i.status::text = any($1::text[])
      order by i.due_date nulls first, i.id
      limit 500`,
    [statuses, today],
  )
  return { invoices: rows.rows }
}
