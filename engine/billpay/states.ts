/**
 * An invoice's life as an explicit state machine. Every change of status goes through `transition`, which refuses a
 * move the machine does not have; the caller records each accepted move (who, when, why) as an invoice event.
 *
 *   pending_ingestion → processing → approval_needed ⇄ (corrected) → pending_payment → payment_submitted → paid
 *                                  ↘ pending_payment ↗             ↘ on_hold (a payment breaker) → pending_payment
 *   any step that cannot go on → error (with the reason); approval_needed / on_hold → rejected (a person's decision);
 *   processing → rejected for a duplicate (the same account and invoice number already arrived)
 */

export const INVOICE_STATUSES = [
  'pending_ingestion',
  'processing',
  'approval_needed',
  'pending_payment',
  'on_hold',
  'payment_submitted',
  'paid',
  'rejected',
  'error',
] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

export const STATUS_LABELS: Record<InvoiceStatus, string> = {
  pending_ingestion: 'Pending ingestion',
  processing: 'Processing',
  approval_needed: 'Approval needed',
  pending_payment: 'Pending payment',
  on_hold: 'Held by a payment breaker',
  payment_submitted: 'Payment submitted',
  paid: 'Paid',
  rejected: 'Rejected',
  error: 'Error',
}

const MOVES: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  pending_ingestion: ['processing', 'error'],
  processing: ['approval_needed', 'pending_payment', 'rejected', 'error'],
  approval_needed: ['pending_payment', 'rejected', 'processing'],
  pending_payment: ['payment_submitted', 'on_hold', 'approval_needed'],
  on_hold: ['pending_payment', 'rejected'],
  payment_submitted: ['paid', 'approval_needed', 'error'],
  paid: [],
  rejected: ['processing'],
  error: ['processing', 'approval_needed'],
}

/** The statuses an invoice may move to from `from`. */
export function nextStatuses(from: InvoiceStatus): readonly InvoiceStatus[] {
  return MOVES[from] ?? []
}

export class InvoiceStateError extends Error {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(
      `an invoice that is "${STATUS_LABELS[from as InvoiceStatus] ?? from}" cannot become "${STATUS_LABELS[to as InvoiceStatus] ?? to}"${
        MOVES[from as InvoiceStatus]?.length
          ? ` (it can become: ${MOVES[from as InvoiceStatus].map((s) => STATUS_LABELS[s]).join(', ')})`
          : ' (it is final)'
      }`,
    )
    this.name = 'InvoiceStateError'
  }
}

/** Checks one move and returns the new status; throws InvoiceStateError for a move the machine does not have. */
export function transition(from: string, to: InvoiceStatus): InvoiceStatus {
  if (!(INVOICE_STATUSES as readonly string[]).includes(from) || !MOVES[from as InvoiceStatus].includes(to))
    throw new InvoiceStateError(from, to)
  return to
}
