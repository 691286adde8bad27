/**
 * The SQL of "what is payable": lines of posted runs in locked periods ending on or before a cut-off, not yet in any
 * payment, and not on an active hold (on the line, its sale or its payee). The one definition the payment step and
 * the ledger share.
 */
export const HELD_CONDITION = `exists (select 1 from commission_holds h where h.status = 'active' and (
    (h.target = 'line' and h.line_id = l.id) or (h.target = 'sale' and h.sale_id = l.sale_id) or (h.target = 'participant' and h.participant_id = l.payee_id)))`

export const LOCKED_LINES = `commission_lines l
  join commission_runs r on r.id = l.run_id and r.mode = 'post' and r.status = 'locked'
  join commission_periods p on p.id = l.period_id and p.status = 'locked'`

export const UNPAID = `not exists (select 1 from payment_items i where i.line_id = l.id)`
