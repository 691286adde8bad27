import type { Payload } from 'payload'

import { dbPool } from '../../../db/pool'
import { LINE_COMPONENT_LABELS, type LineComponent } from '../../../engine/commission/components/types'
import { earningsTrend, trendWindow, type EarningsRow, type EarningsTrend } from '../../../engine/portal'
import { POSTED_RUN } from '../lineStates'

/**
 * A payee's posted commission of the twelve months up to `asOf`, by month and component: the lines of posted runs
 * (awaiting approval, approved, locked; never a preview) paid to that one participant, added up by the month their
 * period starts in. The caller passes the participant of the logged-in user, which row-level access on commission
 * lines (the payee's subtree) always admits; no one else's lines are read.
 */
export async function earningsByMonth(payload: Payload, participantId: number, asOf: string): Promise<EarningsTrend[]> {
  const { from, until } = trendWindow(asOf)
  const found = await dbPool(payload).query<{ month: string; component: string; currency: string; amount: string }>(
    `select to_char(p.starts_on, 'YYYY-MM') as month, l.component::text as component, l.currency, sum(l.amount)::text as amount
       from commission_lines l
       join commission_runs r on r.id = l.run_id
       join commission_periods p on p.id = l.period_id
      where l.payee_id = $1 and ${POSTED_RUN} and p.starts_on >= $2::date and p.starts_on < $3::date
      group by 1, 2, 3`,
    [participantId, from, until],
  )
  const rows: EarningsRow[] = found.rows.map((row) => ({
    ...row,
    label: LINE_COMPONENT_LABELS[row.component as LineComponent] ?? row.component,
  }))
  return earningsTrend(rows, asOf)
}
