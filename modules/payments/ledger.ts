import type { Pool } from 'pg'

import { D } from '../../engine/core/decimal'
import { HELD_CONDITION } from './eligibleLines'

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

/** A payee's ledger: accrued = paid + in payment + held + carried forward, from the lines and payment items. */
export async function payeeLedger(pool: Pool, participantId: number): Promise<Ledger> {
  const row = (await pool.query<Record<string, string | null>>(
    `select min(l.currency) as currency,
            coalesce(sum(l.amount) filter (where locked), 0)::text as accrued,
            coalesce(sum(l.amount) filter (where locked and pay.status = 'paid'), 0)::text as paid,
            coalesce(sum(l.amount) filter (where locked and pay.status = 'pending'), 0)::text as in_payment,
            coalesce(sum(l.amount) filter (where locked and pay.id is null and on_hold), 0)::text as held,
            coalesce(sum(l.amount) filter (where locked and pay.id is null and not on_hold), 0)::text as carried,
            coalesce(sum(l.amount) filter (where not locked), 0)::text as pending
       from (select l.*, (r.status = 'locked' and p.status = 'locked') as locked, ${HELD_CONDITION} as on_hold
               from commission_lines l
               join commission_runs r on r.id = l.run_id and r.mode = 'post' and r.status in ('awaiting_approval', 'approved', 'locked')
               join commission_periods p on p.id = l.period_id
              where l.payee_id = $1) l
       left join payment_items i on i.line_id = l.id
       left join payments pay on pay.id = i.payment_id`,
    [participantId],
  )).rows[0]!
  const get = (key: string) => new D(row[key] ?? '0')
  const accrued = get('accrued')
  const parts = get('paid').plus(get('in_payment')).plus(get('held')).plus(get('carried'))
  return {
    participant: participantId,
    currency: row.currency ?? 'USD',
    accrued: accrued.toFixed(2),
    paid: get('paid').toFixed(2),
    inPayment: get('in_payment').toFixed(2),
    held: get('held').toFixed(2),
    carriedForward: get('carried').toFixed(2),
    pending: get('pending').toFixed(2),
    balances: accrued.eq(parts),
  }
}
