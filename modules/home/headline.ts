import type { Pool } from 'pg'

import { lastMonths } from '../../engine/analytics'
import { headlines, type Headline, type MonthAmount } from '../../engine/home'
import { subtreeSegment } from '../../engine/network'
import { STAKE_OF_CLASS } from '../../engine/reconcile'

/** The classes whose stake is revenue the carrier owes and did not pay (the shortfall is the leakage). */
const LEAKAGE_CLASSES = Object.entries(STAKE_OF_CLASS)
  .filter(([, kind]) => kind === 'revenue_leakage')
  .map(([reconClass]) => reconClass)

/** The months the home's trend charts cover, this one included. */
export const HEADLINE_MONTHS = 6

/**
 * The period's headline figures for a login: commission paid per month (payments marked paid, by paid date) for the
 * whole network or the participant's subtree (`scope` null or a participant id), and for staff the leakage the
 * reconciliation found per month (what carriers paid short of their own schedule, by the discrepancy's creation date).
 */
export async function homeHeadlines(pool: Pool, today: string, scope: number | null, staff: boolean): Promise<Headline[]> {
  const months = lastMonths(today, HEADLINE_MONTHS)
  const from = `${months[0]}-01`
  const segment = scope === null ? null : subtreeSegment(scope)
  const paid = await pool.query<MonthAmount>(
    `select to_char(pay.paid_at at time zone 'UTC', 'YYYY-MM') as month, pay.currency, sum(pay.amount)::text as amount
       from payments pay join participants p on p.id = pay.payee_id
      where pay.status = 'paid' and pay.paid_at >= ($1::date)::timestamp at time zone 'UTC'
        and ($2::text is null or p.path like '%' || $2::text || '%')
      group by 1, 2`,
    [from, segment],
  )
  const result = headlines('paid', 'Commission paid', paid.rows, months)
  if (staff) {
    const leakage = await pool.query<MonthAmount>(
      `select to_char(d.created_at at time zone 'UTC', 'YYYY-MM') as month, c.currency,
              sum(greatest(coalesce(d.expected, 0) - coalesce(d.paid, 0), 0))::text as amount
         from discrepancies d join reconciliation_runs r on r.id = d.run_id join carriers c on c.id = r.carrier_id
        where d.created_at >= ($1::date)::timestamp at time zone 'UTC' and d.recon_class::text = any($2::text[])
        group by 1, 2`,
      [from, LEAKAGE_CLASSES],
    )
    result.push(...headlines('leakage', 'Leakage found by reconciliation', leakage.rows, months))
  }
  return result
}
