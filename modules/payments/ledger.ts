import type { Pool } from 'pg'

import { D } from '../../engine/core/decimal'
import { isCurrencyCode, minorUnits } from '../../engine/core/money'
import { HELD_LINE, LOCKED_LINE, POSTED_RUN } from '../commission'

export type Ledger = {
  participant: number
  currency: string
  /** Lines of locked periods: what has been earned for good. */
  accrued: string
  paid: string
  /** In a bank file, not yet marked paid. */
  inPayment: string
  held: string
  /** Unpaid, unheld: negative balances and balances below the minimum wait for the next batch. */
  carriedForward: string
  /** Lines of runs not locked yet (not part of the balance). */
  pending: string
  balances: boolean
}

/**
 * A payee's ledger: accrued = paid + in payment + held + carried forward, from the lines and payment items. Amounts
 * are shown with the minor units of the currency (JPY 0 decimals, BHD 3): exact, since every line is posted rounded
 * to them. A payee without lines is shown in the currency it is paid in.
 */
export async function payeeLedger(pool: Pool, participantId: number): Promise<Ledger> {
  const row = (
    await pool.query<Record<string, string | null>>(
      `select coalesce(min(l.currency), (select currency from participants where id = $1)) as currency,
            coalesce(sum(l.amount) filter (where locked), 0)::text as accrued,
            coalesce(sum(l.amount) filter (where locked and pay.status = 'paid'), 0)::text as paid,
            coalesce(sum(l.amount) filter (where locked and pay.status = 'pending'), 0)::text as in_payment,
            coalesce(sum(l.amount) filter (where locked and pay.id is null and on_hold), 0)::text as held,
            coalesce(sum(l.amount) filter (where locked and pay.id is null and not on_hold), 0)::text as carried,
            coalesce(sum(l.amount) filter (where not locked), 0)::text as pending
       from (select l.*, ${LOCKED_LINE} as locked, ${HELD_LINE} as on_hold
               from commission_lines l
               join commission_runs r on r.id = l.run_id and ${POSTED_RUN}
               join commission_periods p on p.id = l.period_id
              where l.payee_id = $1) l
       left join payment_items i on i.line_id = l.id
       left join payments pay on pay.id = i.payment_id`,
      [participantId],
    )
  ).rows[0]!
  const currency = row.currency ?? 'USD'
  const scale = isCurrencyCode(currency) ? minorUnits(currency) : 2
  const get = (key: string) => new D(row[key] ?? '0')
  // Never rounds: a finer amount (not a posted line) is shown as it is.
  const show = (key: string) => get(key).toFixed(Math.max(scale, get(key).decimalPlaces()))
  const accrued = get('accrued')
  const parts = get('paid').plus(get('in_payment')).plus(get('held')).plus(get('carried'))
  return {
    participant: participantId,
    currency,
    accrued: show('accrued'),
    paid: show('paid'),
    inPayment: show('in_payment'),
    held: show('held'),
    carriedForward: show('carried'),
    pending: show('pending'),
    balances: accrued.eq(parts),
  }
}
