/**
 * Verified sales, as reconciliation decides them. A dealer sale is **verified** when the latest completed
 * reconciliation run that classed it (the one run last) classed it `matched` against a carrier record: a sale a later
 * run no longer matched is not verified, and a run that is not completed decides nothing.
 *
 * `verifiedSales(saleFilter)` is a SQL sub-query of the verified sales among the dealer sales `s` that `saleFilter`
 * keeps (a condition on `s`, e.g. `s.sale_date between $1 and $2`, with the caller's parameters), one row per sale:
 * `sale_id`, `carrier_record_id` (the record that verified it) and `paid` (what that record says the carrier paid).
 * Use it as a table: `from ${verifiedSales('…')} v join dealer_sales s on s.id = v.sale_id`.
 */
export function verifiedSales(saleFilter: string): string {
  return `(select latest.sale_id, latest.carrier_record_id, latest.paid
       from (select distinct on (rl.sale_id) rl.sale_id, rl.carrier_record_id, rl.paid, rl.recon_class
               from reconciliation_lines rl
               join reconciliation_runs rr on rr.id = rl.run_id and rr.status = 'completed'
               join dealer_sales s on s.id = rl.sale_id
              where ${saleFilter}
              order by rl.sale_id, rr.last_run_at desc) latest
      where latest.recon_class = 'matched')`
}
