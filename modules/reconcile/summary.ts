import type { PoolClient } from 'pg'

import { summarize, type ClassTotals, type ReconSummary } from '../../engine/reconcile/reconciliation'

/** Per-class counts and sums of the run's lines (gathered as they were written), folded into the summary by the engine. */
export async function summarizeRun(client: PoolClient): Promise<ReconSummary> {
  const totals = await client.query<ClassTotals>(
    `select recon_class as "reconClass", sum(sales)::int as sales, sum(carrier_records)::int as "carrierRecords",
            sum(expected)::text as expected, sum(paid)::text as paid, sum(shortfall)::text as shortfall, sum(excess)::text as excess
       from run_totals group by recon_class`,
  )
  return summarize(totals.rows)
}
