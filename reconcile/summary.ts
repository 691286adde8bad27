import type { PoolClient } from 'pg'

import { summarize, type ClassTotals, type ReconSummary } from '../engine/telecom/reconciliation'

/** Per-class counts and sums of the run's lines, folded into the summary by the engine. */
export async function summarizeRun(client: PoolClient, runId: number): Promise<ReconSummary> {
  const totals = await client.query<ClassTotals>(
    `select recon_class::text as "reconClass",
            count(sale_id)::int as sales,
            (count(carrier_record_id) filter (where recon_class <> 'duplicate_claim'))::int as "carrierRecords",
            coalesce(sum(expected), 0)::text as expected,
            coalesce(sum(paid), 0)::text as paid,
            coalesce(sum(greatest(expected - paid, 0)), 0)::text as shortfall,
            coalesce(sum(greatest(paid - expected, 0)), 0)::text as excess
       from reconciliation_lines where run_id = $1 group by recon_class`,
    [runId],
  )
  return summarize(totals.rows)
}
