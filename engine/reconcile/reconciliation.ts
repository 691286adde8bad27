/**
 * Reconciliation classes: what a dealer sale or a carrier record can turn out to be once both sides are compared,
 * which of them may be paid, and how the money at stake in each adds up to the headline figures.
 *
 * The matching itself is set-based SQL (reconcile/ in the app); this module holds the decisions it reports against.
 */
import { D, type Dec } from '../core/decimal'

export const RECON_CLASSES = [
  'matched',
  'not_with_carrier',
  'not_reported',
  'rate_plan_mismatch',
  'amount_mismatch',
  'duplicate_claim',
  'deactivated_in_window',
] as const
export type ReconClass = (typeof RECON_CLASSES)[number]

export const DISCREPANCY_CLASSES = RECON_CLASSES.filter((c) => c !== 'matched') as Exclude<ReconClass, 'matched'>[]

export const RECON_CLASS_LABELS: Record<ReconClass, string> = {
  matched: 'Matched and verified',
  not_with_carrier: 'Claimed by dealer, unknown to carrier',
  not_reported: 'Paid by carrier, not reported by a dealer',
  rate_plan_mismatch: 'Rate plan mismatch',
  amount_mismatch: 'Amount mismatch against the payout schedule',
  duplicate_claim: 'Duplicate claim',
  deactivated_in_window: 'Deactivated inside the chargeback window',
}

/**
 * What the money at stake of a class means:
 * - `overpayment_avoided`: a dealer claim we will not pay (unverified, duplicated, charged back, or richer than the
 *   carrier's record) — the stake is what the claim would have earned;
 * - `revenue_leakage`: the carrier paid other than its own schedule says — the stake is the difference either way
 *   (the summary splits it into the shortfall to claim back and what the carrier overpaid);
 * - `unattributed_revenue`: the carrier paid for a line no dealer reported — revenue to attribute or claim.
 */
export type StakeKind = 'overpayment_avoided' | 'revenue_leakage' | 'unattributed_revenue' | 'none'

export const STAKE_OF_CLASS: Record<ReconClass, StakeKind> = {
  matched: 'none',
  not_with_carrier: 'overpayment_avoided',
  duplicate_claim: 'overpayment_avoided',
  deactivated_in_window: 'overpayment_avoided',
  rate_plan_mismatch: 'overpayment_avoided',
  amount_mismatch: 'revenue_leakage',
  not_reported: 'unattributed_revenue',
}

/** Only a sale matched to the carrier's record, with plan and amount agreeing and the line alive, is commissionable. */
export function isCommissionable(reconClass: ReconClass): boolean {
  return reconClass === 'matched'
}

/** Per-class totals as the run's SQL aggregates them (amounts are exact decimal strings). */
export type ClassTotals = {
  reconClass: ReconClass
  sales: number
  carrierRecords: number
  expected: string
  paid: string
  /** Sum of expected − paid where positive (the carrier paid less than the schedule). */
  shortfall: string
  /** Sum of paid − expected where positive (the carrier paid more than the schedule). */
  excess: string
}

export type ReconSummary = {
  classes: Record<ReconClass, { sales: number; carrierRecords: number; expected: string; paid: string; atStake: string }>
  revenueLeakage: string
  overpaymentAvoided: string
  unattributedRevenue: string
  carrierOverpaid: string
  commissionableSales: number
  salesRead: number
  carrierRecordsRead: number
}

const fixed = (d: Dec) => d.toFixed(4)

/** The money at stake of one class, by its stake kind. */
function stakeOf(totals: ClassTotals): Dec {
  switch (STAKE_OF_CLASS[totals.reconClass]) {
    case 'overpayment_avoided':
      return new D(totals.expected)
    case 'revenue_leakage':
      return new D(totals.shortfall).plus(totals.excess)
    case 'unattributed_revenue':
      return new D(totals.paid)
    case 'none':
      return new D(0)
  }
}

/** Folds the per-class totals into the run summary; every class appears, with zeros when empty. */
export function summarize(rows: readonly ClassTotals[]): ReconSummary {
  const classes = Object.fromEntries(
    RECON_CLASSES.map((c) => [c, { sales: 0, carrierRecords: 0, expected: '0.0000', paid: '0.0000', atStake: '0.0000' }]),
  ) as ReconSummary['classes']
  const headline = { overpayment_avoided: new D(0), revenue_leakage: new D(0), unattributed_revenue: new D(0) }
  let carrierOverpaid = new D(0)
  for (const row of rows) {
    const stake = stakeOf(row)
    classes[row.reconClass] = {
      sales: row.sales,
      carrierRecords: row.carrierRecords,
      expected: fixed(new D(row.expected)),
      paid: fixed(new D(row.paid)),
      atStake: fixed(stake),
    }
    const kind = STAKE_OF_CLASS[row.reconClass]
    if (kind === 'revenue_leakage') {
      headline.revenue_leakage = headline.revenue_leakage.plus(row.shortfall)
      carrierOverpaid = carrierOverpaid.plus(row.excess)
    } else if (kind !== 'none') headline[kind] = headline[kind].plus(stake)
  }
  const salesRead = rows.reduce((n, row) => n + row.sales, 0)
  const carrierRecordsRead = rows.reduce((n, row) => n + row.carrierRecords, 0)
  return {
    classes,
    revenueLeakage: fixed(headline.revenue_leakage),
    overpaymentAvoided: fixed(headline.overpayment_avoided),
    unattributedRevenue: fixed(headline.unattributed_revenue),
    carrierOverpaid: fixed(carrierOverpaid),
    commissionableSales: classes.matched.sales,
    salesRead,
    carrierRecordsRead,
  }
}

/**
 * The SQL expression for one line's money at stake, generated from STAKE_OF_CLASS so the database and the summary
 * can never disagree. `expected` and `paid` name the line's columns.
 */
export function stakeSql(classColumn: string, expected: string, paid: string): string {
  const byKind: Record<StakeKind, string> = {
    overpayment_avoided: expected,
    revenue_leakage: `abs(${expected} - ${paid})`,
    unattributed_revenue: paid,
    none: '0',
  }
  const branches = RECON_CLASSES.map((c) => `when '${c}' then ${byKind[STAKE_OF_CLASS[c]]}`).join(' ')
  return `(case ${classColumn}::text ${branches} end)`
}
