/**
 * Invoice status changes and corrections, recorded: every move goes through the state machine (engine/billpay) and
 * leaves an event with who, why and the details, in the same transaction as the change.
 */
import type { PoolClient } from 'pg'

import { transition, type InvoiceStatus } from '../../engine/billpay/states'

export type Queryable = Pick<PoolClient, 'query'>

export type EventKind = 'ingestion' | 'status' | 'correction' | 'approval' | 'release' | 'payment'

/** Appends one event to an invoice's history. */
export async function recordEvent(
  client: Queryable,
  invoiceId: number,
  event: { kind: EventKind; from?: string | null; to?: string | null; reason?: string | null; actor?: number | null; details?: unknown },
): Promise<void> {
  await client.query(
    `insert into invoice_events (invoice_id, kind, from_status, to_status, reason, actor_id, details, updated_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, now(), now())`,
    [
      invoiceId,
      event.kind,
      event.from ?? null,
      event.to ?? null,
      event.reason ?? null,
      event.actor ?? null,
      event.details === undefined ? null : JSON.stringify(event.details),
    ],
  )
}

/**
 * Moves an invoice to `to` if the machine allows it from the status it has now (read under a row lock), records the
 * event and returns the previous status. Throws InvoiceStateError for a move the machine does not have.
 */
export async function moveInvoice(
  client: Queryable,
  invoiceId: number,
  to: InvoiceStatus,
  reason: string | null,
  options: { actor?: number | null; kind?: EventKind; details?: unknown } = {},
): Promise<InvoiceStatus> {
  const found = await client.query<{ status: InvoiceStatus }>(
    `select status::text as status from carrier_invoices where id = $1 for update`,
    [invoiceId],
  )
  const from = found.rows[0]?.status
  if (!from) throw new InvoiceNotFound(invoiceId)
  transition(from, to)
  await client.query(
    `update carrier_invoices set status = $2::text::enum_carrier_invoices_status, status_reason = $3, updated_at = now() where id = $1`,
    [invoiceId, to, reason],
  )
  await recordEvent(client, invoiceId, {
    kind: options.kind ?? 'status',
    from,
    to,
    reason,
    actor: options.actor ?? null,
    details: options.details,
  })
  return from
}

export class InvoiceNotFound extends Error {
  constructor(readonly invoiceId: number) {
    super(`invoice ${invoiceId} does not exist`)
  }
}
