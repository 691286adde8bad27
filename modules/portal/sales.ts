import type { Pool } from 'pg'

import { minorUnits } from '../../engine/core/money'
import { subtreeSegment } from '../../engine/network'
import {
  isPayable,
  monthLabel,
  monthRange,
  salePayment,
  saleStatusOf,
  SALE_STATUS_WORDS,
  type PaidLine,
  type SaleStatusKey,
} from '../../engine/portal'
import { ACTIVATION_TYPE_LABELS, type ActivationType } from '../../engine/telecom'
import { POSTED_RUN } from '../commission'

/** A month the participant's network sold in, with how many sales. */
export type SalesPeriod = { key: string; label: string; sales: number }

/** One sale as the partner portal shows it. */
export type PortalSale = {
  id: number
  saleDate: string
  dealer: { id: number; name: string; code: string | null }
  carrier: string
  plan: string
  activationType: string
  mdn: string | null
  /** The SIM's ICCID with all but its last four digits hidden. */
  iccid: string | null
  status: SaleStatusKey
  statusLabel: string
  payable: boolean
  paid: boolean
  /** "USD 70.00", or "Not paid". */
  paidDisplay: string
  /** Per currency, rounded to the currency's minor unit (exact decimal text, e.g. "70.00"). */
  paidTotals: { amount: string; currency: string }[]
  /** Why nothing was paid, in words (null when paid). */
  reason: string | null
  /** The discrepancy the dealer disputes (null for a clean match or a sale not reconciled yet). */
  discrepancy: { id: number; status: string; disputedAt: string | null } | null
}

export type PortalSales = { period: SalesPeriod; rows: PortalSale[] }

/** Sales of the participant's subtree (itself and every dealer beneath it), as a path pattern. */
const within = (participantId: number): string => `%${subtreeSegment(participantId)}%`

/**
 * The months the participant's network has sales in, newest first. Row-level by construction: only sales whose
 * dealer lies in the participant's subtree (the rule `readOwnSubtree('dealer.path')` applies over REST).
 */
export async function portalSalesPeriods(pool: Pool, participantId: number): Promise<SalesPeriod[]> {
  const { rows } = await pool.query<{ month: string; sales: number }>(
    `select to_char(s.sale_date, 'YYYY-MM') as month, count(*)::int as sales
       from dealer_sales s join participants d on d.id = s.dealer_id
      where d.path like $1 and s.sale_date is not null
      group by 1 order by 1 desc`,
    [within(participantId)],
  )
  return rows.map((row) => ({ key: row.month, label: monthLabel(row.month), sales: row.sales }))
}

type SaleRow = {
  id: number
  sale_date: string
  dealer_id: number
  dealer_name: string
  dealer_code: string | null
  carrier: string
  plan: string
  activation_type: string
  mdn: string | null
  iccid: string | null
  recon_class: string | null
  discrepancy_id: number | null
  discrepancy_status: string | null
  detail: string | null
  disputed_at: Date | null
  paid_lines: PaidLine[]
}

/**
 * The participant's network's sales of one month, each with the class of its latest reconciliation line (the run
 * reconciled last), the discrepancy of that run for it, and the commission posted on it to its dealer (lines of posted
 * runs only). `month` is "YYYY-MM".
 */
export async function portalSales(pool: Pool, participantId: number, month: string): Promise<PortalSales> {
  const { from, to } = monthRange(month)
  const { rows } = await pool.query<SaleRow>(
    `select s.id, s.sale_date::text as sale_date, d.id as dealer_id, d.name as dealer_name, d.code as dealer_code,
            c.name as carrier, rp.code || ' · ' || rp.name as plan, s.activation_type::text as activation_type, s.mdn, s.iccid,
            rl.recon_class, x.id as discrepancy_id, x.status as discrepancy_status, x.detail, x.dealer_disputed_at as disputed_at,
            coalesce(paid.lines, '[]'::json) as paid_lines
       from dealer_sales s
       join participants d on d.id = s.dealer_id
       join carriers c on c.id = s.carrier_id
       join rate_plans rp on rp.id = s.rate_plan_id
       left join lateral (
         select l.recon_class::text as recon_class, l.run_id
           from reconciliation_lines l join reconciliation_runs rr on rr.id = l.run_id
          where l.sale_id = s.id
          order by rr.last_run_at desc nulls last, l.run_id desc, l.id desc
          limit 1) rl on true
       left join lateral (
         select x.id, x.status::text as status, x.detail, x.dealer_disputed_at
           from discrepancies x
          where x.sale_id = s.id and x.run_id = rl.run_id
          order by x.id desc
          limit 1) x on true
       left join lateral (
         select json_agg(json_build_object('amount', l.amount::text, 'currency', l.currency) order by l.id) as lines
           from commission_lines l join commission_runs r on r.id = l.run_id
          where l.sale_id = s.id and l.payee_id = s.dealer_id and ${POSTED_RUN}) paid on true
      where d.path like $1 and s.sale_date between $2::date and $3::date
      order by s.sale_date, s.id`,
    [within(participantId), from, to],
  )
  return { period: { key: month, label: monthLabel(month), sales: rows.length }, rows: rows.map(saleOf) }
}

function saleOf(row: SaleRow): PortalSale {
  const status = saleStatusOf(row.recon_class)
  const payment = salePayment(status, row.paid_lines, row.detail)
  return {
    id: row.id,
    saleDate: row.sale_date,
    dealer: { id: row.dealer_id, name: row.dealer_name, code: row.dealer_code },
    carrier: row.carrier,
    plan: row.plan,
    activationType: ACTIVATION_TYPE_LABELS[row.activation_type as ActivationType] ?? row.activation_type,
    mdn: row.mdn,
    iccid: maskIccid(row.iccid),
    status,
    statusLabel: SALE_STATUS_WORDS[status].label,
    payable: isPayable(status),
    paid: payment.paid,
    paidDisplay: payment.display,
    paidTotals: payment.totals.map((total) => ({ amount: total.amount.toFixed(minorUnits(total.currency)), currency: total.currency })),
    reason: payment.reason,
    discrepancy:
      row.discrepancy_id === null
        ? null
        : { id: row.discrepancy_id, status: row.discrepancy_status ?? 'open', disputedAt: row.disputed_at?.toISOString() ?? null },
  }
}

/** "…4821": enough for the dealer to recognise its SIM without printing the whole number. */
export function maskIccid(iccid: string | null): string | null {
  if (!iccid) return null
  return iccid.length <= 4 ? iccid : `…${iccid.slice(-4)}`
}
