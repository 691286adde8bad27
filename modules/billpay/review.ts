/**
 * Approval by exception: what a reviewer does with an invoice that needs a person — correct what was read (header
 * figures, a line's amount, service, charge type, GL code or cost centre), approve it for payment, reject it, release
 * a payment hold, or have the file read again. Every action runs in one transaction, goes through the state machine,
 * and leaves an event with the before and after of each correction.
 */
import type { PoolClient } from 'pg'

import { BREAKERS, type Breaker } from '../../engine/billpay/breakers'
import { InvoiceStateError, type InvoiceStatus } from '../../engine/billpay/states'
import { isCalendarDay } from '../../engine/core/calendarDate'
import { D } from '../../engine/core/decimal'
import { isCurrencyCode, parseAmount } from '../../engine/core/money'
import { BLOCKING_CHECKS, evaluateInvoice } from './evaluate'
import { moveInvoice, recordEvent } from './events'

export type Reviewer = { id: number; roles: string[] }

/** A refused action: the status is the HTTP answer (400 bad input, 403 not allowed, 404 unknown, 409 wrong state). */
export class ReviewRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

/** Who may act on invoices: company admins and finance. */
export function mayReview(reviewer: Reviewer): boolean {
  return reviewer.roles.includes('company_admin') || reviewer.roles.includes('finance')
}

const HEADER_FIELDS = {
  invoiceNumber: { column: 'invoice_number', kind: 'text' },
  accountNumber: { column: 'account_number', kind: 'text' },
  statementDate: { column: 'statement_date', kind: 'date' },
  dueDate: { column: 'due_date', kind: 'date' },
  currency: { column: 'currency', kind: 'currency' },
  previousBalance: { column: 'previous_balance', kind: 'money' },
  payments: { column: 'payments', kind: 'money' },
  newCharges: { column: 'new_charges', kind: 'money' },
  taxes: { column: 'taxes', kind: 'money' },
  totalDue: { column: 'total_due', kind: 'money' },
} as const
const LINE_FIELDS = {
  amount: { column: 'amount', kind: 'money' },
  serviceId: { column: 'service_id', kind: 'text' },
  chargeType: { column: 'charge_type', kind: 'text' },
  description: { column: 'description', kind: 'text' },
  glCode: { column: 'gl_code', kind: 'text' },
  costCentre: { column: 'cost_centre', kind: 'text' },
} as const
type Kind = 'text' | 'date' | 'money' | 'currency'

/** A typed value as stored, or a 400 naming the field. */
function valueOf(kind: Kind, value: unknown, where: string): string | null {
  if (value === null || value === '') {
    if (kind === 'money' || kind === 'date' || kind === 'currency') throw new ReviewRefused(`${where}: a value is needed`, 400)
    return null
  }
  if (typeof value !== 'string' && typeof value !== 'number') throw new ReviewRefused(`${where}: expected text, got ${typeof value}`, 400)
  const text = String(value).trim()
  if (kind === 'money') {
    if (typeof value === 'number') throw new ReviewRefused(`${where}: send amounts as decimal strings ("12.50"), not numbers`, 400)
    try {
      return parseAmount(text, { field: where }).toFixed()
    } catch (err) {
      throw new ReviewRefused(`${where}: ${(err as Error).message}`, 400)
    }
  }
  if (kind === 'date') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
    if (!match || !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])))
      throw new ReviewRefused(`${where}: "${text}" is not a day (YYYY-MM-DD)`, 400)
    return text
  }
  if (kind === 'currency') {
    if (!isCurrencyCode(text.toUpperCase())) throw new ReviewRefused(`${where}: "${text}" is not an ISO 4217 currency code`, 400)
    return text.toUpperCase()
  }
  return text.slice(0, 500)
}

async function lockInvoice(
  client: PoolClient,
  id: number,
): Promise<{ status: InvoiceStatus; totalDue: string | null; duplicateOf: number | null }> {
  const found = await client.query<{ status: InvoiceStatus; totalDue: string | null; duplicateOf: number | null }>(
    `select status::text as status, total_due::text as "totalDue", duplicate_of_id as "duplicateOf" from carrier_invoices where id = $1 for update`,
    [id],
  )
  const row = found.rows[0]
  if (!row) throw new ReviewRefused(`invoice ${id} does not exist`, 404)
  return row
}

function refuseUnless(reviewer: Reviewer, what: string): void {
  if (!mayReview(reviewer)) throw new ReviewRefused(`${what} is for company admins and finance`, 403)
}

/**
 * Applies a reviewer's corrections (only to an invoice in approval needed): header figures, line fields, and lines
 * the reader missed (`addLines`, e.g. keyed in from a PDF whose layout changed). Records each field's before and
 * after, and evaluates the invoice again. Returns the failed checks after the correction.
 */
export async function correctInvoice(
  client: PoolClient,
  id: number,
  reviewer: Reviewer,
  body: { header?: unknown; lines?: unknown; addLines?: unknown; note?: unknown },
  today: string,
): Promise<void> {
  refuseUnless(reviewer, 'correcting an invoice')
  const invoice = await lockInvoice(client, id)
  if (invoice.status !== 'approval_needed')
    throw new ReviewRefused(`only an invoice that needs approval can be corrected; this one is ${invoice.status}`, 409)
  const changes: { field: string; before: unknown; after: unknown }[] = []
  const header = (body.header ?? {}) as Record<string, unknown>
  if (typeof header !== 'object' || Array.isArray(header)) throw new ReviewRefused('header: expected an object of fields', 400)
  for (const [field, value] of Object.entries(header)) {
    const spec = HEADER_FIELDS[field as keyof typeof HEADER_FIELDS]
    if (!spec) throw new ReviewRefused(`header.${field}: not a field that can be corrected (${Object.keys(HEADER_FIELDS).join(', ')})`, 400)
    const after = valueOf(spec.kind, value, `header.${field}`)
    const before = (await client.query<{ v: string | null }>(`select ${spec.column}::text as v from carrier_invoices where id = $1`, [id]))
      .rows[0]!.v
    if (before === after || (spec.kind === 'money' && before !== null && after !== null && new D(before).eq(after))) continue
    await client.query(`update carrier_invoices set ${spec.column} = $2 where id = $1`, [id, after])
    changes.push({ field: `header.${field}`, before, after })
  }
  if (header.accountNumber !== undefined) await client.query(`update carrier_invoices set account_id = null where id = $1`, [id])
  const lines = body.lines ?? []
  if (!Array.isArray(lines)) throw new ReviewRefused('lines: expected a list of { lineNo, ...fields }', 400)
  for (const [index, entry] of lines.entries()) {
    if (typeof entry !== 'object' || entry === null) throw new ReviewRefused(`lines[${index}]: expected an object`, 400)
    const { lineNo, ...fields } = entry as Record<string, unknown>
    if (!Number.isInteger(lineNo)) throw new ReviewRefused(`lines[${index}].lineNo: the line number is needed`, 400)
    const line = (
      await client.query<Record<string, string | null> & { id: number }>(
        `select id, amount::text as amount, service_id as "serviceId", charge_type as "chargeType", description, gl_code as "glCode", cost_centre as "costCentre"
           from invoice_lines where invoice_id = $1 and line_no = $2`,
        [id, lineNo],
      )
    ).rows[0]
    if (!line) throw new ReviewRefused(`lines[${index}]: the invoice has no line ${String(lineNo)}`, 400)
    for (const [field, value] of Object.entries(fields)) {
      const spec = LINE_FIELDS[field as keyof typeof LINE_FIELDS]
      if (!spec)
        throw new ReviewRefused(
          `lines[${index}].${field}: not a line field that can be corrected (${Object.keys(LINE_FIELDS).join(', ')})`,
          400,
        )
      const after = valueOf(spec.kind, value, `line ${String(lineNo)} ${field}`)
      const before = line[field] ?? null
      if (before === after || (spec.kind === 'money' && before !== null && after !== null && new D(before).eq(after))) continue
      await client.query(`update invoice_lines set ${spec.column} = $2, corrected = true, updated_at = now() where id = $1`, [
        line.id,
        after,
      ])
      changes.push({ field: `line ${String(lineNo)}.${field}`, before, after })
    }
  }
  const added = body.addLines ?? []
  if (!Array.isArray(added))
    throw new ReviewRefused('addLines: expected a list of { description, amount, serviceId?, chargeType?, glCode?, costCentre? }', 400)
  for (const [index, entry] of added.entries()) {
    if (typeof entry !== 'object' || entry === null) throw new ReviewRefused(`addLines[${index}]: expected an object`, 400)
    const fields = entry as Record<string, unknown>
    const unknown = Object.keys(fields).filter((f) => !(f in LINE_FIELDS))
    if (unknown.length)
      throw new ReviewRefused(`addLines[${index}]: ${unknown.join(', ')} is not a line field (${Object.keys(LINE_FIELDS).join(', ')})`, 400)
    const value = (field: keyof typeof LINE_FIELDS) =>
      fields[field] === undefined ? null : valueOf(LINE_FIELDS[field].kind, fields[field], `addLines[${index}].${field}`)
    const amount = value('amount')
    if (amount === null) throw new ReviewRefused(`addLines[${index}].amount: the amount is needed`, 400)
    const description = value('description') ?? ''
    const inserted = await client.query<{ lineNo: number }>(
      `insert into invoice_lines (invoice_id, line_no, service_id, description, charge_type, amount, gl_code, cost_centre, corrected, updated_at, created_at)
       select $1, coalesce(max(line_no), 0) + 1, $2, $3, $4, $5, $6, $7, true, now(), now() from invoice_lines where invoice_id = $1
       returning line_no::int as "lineNo"`,
      [id, value('serviceId'), description, value('chargeType'), amount, value('glCode'), value('costCentre')],
    )
    changes.push({ field: `line ${inserted.rows[0]!.lineNo} added`, before: null, after: { description, amount } })
  }
  await client.query(`update carrier_invoices set line_count = (select count(*) from invoice_lines where invoice_id = $1) where id = $1`, [
    id,
  ])
  if (header.accountNumber !== undefined) await rematchAccount(client, id)
  const evaluation = await evaluateInvoice(client, id, today)
  await client.query(`update carrier_invoices set status_reason = $2, updated_at = now() where id = $1`, [
    id,
    evaluation.failures.length ? evaluation.failures.map((f) => f.message).join('; ') : 'corrected: every check holds; approve it to pay',
  ])
  await recordEvent(client, id, {
    kind: 'correction',
    reason: typeof body.note === 'string' && body.note.trim() ? body.note.trim().slice(0, 1000) : `${changes.length} correction(s)`,
    actor: reviewer.id,
    details: { changes, failures: evaluation.failures },
  })
}

async function rematchAccount(client: PoolClient, id: number): Promise<void> {
  await client.query(
    `update carrier_invoices i set account_id = a.id, carrier_id = a.carrier_id
       from carrier_accounts a
      where i.id = $1 and regexp_replace(upper(a.account_number), '[^0-9A-Z]', '', 'g') = regexp_replace(upper(coalesce(i.account_number, '')), '[^0-9A-Z]', '', 'g')`,
    [id],
  )
}

/** Approves an invoice that needs approval: refused while a blocking check fails (lines that do not add up, no GL code, …). */
export async function approveInvoice(
  client: PoolClient,
  id: number,
  reviewer: Reviewer,
  note: string | null,
  today: string,
): Promise<void> {
  refuseUnless(reviewer, 'approving an invoice')
  const invoice = await lockInvoice(client, id)
  if (invoice.status !== 'approval_needed')
    throw new ReviewRefused(`only an invoice that needs approval can be approved; this one is ${invoice.status}`, 409)
  if (invoice.duplicateOf !== null) throw new ReviewRefused(`this invoice duplicates invoice #${invoice.duplicateOf}; reject it`, 409)
  const evaluation = await evaluateInvoice(client, id, today)
  const blocking = evaluation.failures.filter((f) => (BLOCKING_CHECKS as readonly string[]).includes(f.check))
  if (blocking.length) throw new ReviewRefused(`fix these first: ${blocking.map((f) => f.message).join('; ')}`, 409)
  await client.query(`update carrier_invoices set approved_by_id = $2, approved_at = now() where id = $1`, [id, reviewer.id])
  const acknowledged = evaluation.failures.map((f) => f.message)
  await moveInvoice(client, id, 'pending_payment', `approved${note ? `: ${note}` : ''}`, {
    actor: reviewer.id,
    kind: 'approval',
    details: { acknowledged, totalDue: invoice.totalDue },
  })
}

/** Rejects an invoice that needs approval or is held; it will never be paid. */
export async function rejectInvoice(client: PoolClient, id: number, reviewer: Reviewer, reason: string): Promise<void> {
  refuseUnless(reviewer, 'rejecting an invoice')
  if (!reason.trim()) throw new ReviewRefused('reason: say why the invoice is rejected', 400)
  const invoice = await lockInvoice(client, id)
  if (invoice.status !== 'approval_needed' && invoice.status !== 'on_hold')
    throw new ReviewRefused(`only an invoice that needs approval or is held can be rejected; this one is ${invoice.status}`, 409)
  await guardMove(() => moveInvoice(client, id, 'rejected', reason.trim().slice(0, 1000), { actor: reviewer.id }))
}

/**
 * Releases an invoice a payment breaker held: the breakers that held it (read from its last hold) are overridden for
 * this total only, so a changed total trips them again.
 */
export async function releaseHold(client: PoolClient, id: number, reviewer: Reviewer, reason: string): Promise<void> {
  refuseUnless(reviewer, 'releasing a payment hold')
  if (!reason.trim()) throw new ReviewRefused('reason: say why the invoice may be paid despite the breaker', 400)
  const invoice = await lockInvoice(client, id)
  if (invoice.status !== 'on_hold') throw new ReviewRefused(`only a held invoice can be released; this one is ${invoice.status}`, 409)
  const hold = await client.query<{ details: { breakers?: string[] } | null }>(
    `select details from invoice_events where invoice_id = $1 and to_status = 'on_hold' order by id desc limit 1`,
    [id],
  )
  const breakers = (hold.rows[0]?.details?.breakers ?? []).filter(
    (b): b is Breaker => (BREAKERS as readonly string[]).includes(b) && b !== 'already_paid',
  )
  const released = {
    breakers,
    totalDue: invoice.totalDue,
    by: reviewer.id,
    at: new Date().toISOString(),
    reason: reason.trim().slice(0, 1000),
  }
  await client.query(`update carrier_invoices set released = $2 where id = $1`, [id, JSON.stringify(released)])
  await moveInvoice(client, id, 'pending_payment', `released: ${released.reason}`, {
    actor: reviewer.id,
    kind: 'release',
    details: released,
  })
}

async function guardMove(move: () => Promise<unknown>): Promise<void> {
  try {
    await move()
  } catch (err) {
    if (err instanceof InvoiceStateError) throw new ReviewRefused(err.message, 409)
    throw err
  }
}
