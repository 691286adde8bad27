/**
 * A deterministic reconciliation data set with a known number of rows in every class: dealer sales and carrier
 * records for one carrier and period, built line by line so each line lands in exactly the class it was planted
 * in. The demo data uses a few hundred lines; the benchmark a million carrier records. Rows come out in batches so
 * a large set never sits in memory whole.
 */
import { D } from '../../engine/core/decimal'
import type { CarrierRecordRow, DealerSaleRow } from '../../engine/ingest'
import { luhnValid } from '../../engine/ingest'
import type { ReconClass } from '../../engine/reconcile/reconciliation'
import { ACTIVATION_TYPES, type ActivationType } from '../../engine/telecom'

export type ReconDataSpec = {
  carrierId: number
  dealerIds: readonly number[]
  /** Plan ids of the carrier (at least two, for rate-plan mismatches). */
  planIds: readonly number[]
  featureSets: readonly string[]
  periodStart: string
  days: number
  /** Carrier records to produce. */
  records: number
  toleranceDays: number
  /** Prices a line with the carrier's schedule (the generator pays exactly that, except where it plants a mismatch). */
  priceOf(planId: number, type: ActivationType, features: string, date: string): string
  /** Offsets identifiers so two data sets never collide. */
  seed?: number
  batchSize?: number
}

export type ReconDataBatch = { sales: DealerSaleRow[]; records: CarrierRecordRow[] }

/** Classes planted per 100 lines (a line with a duplicate claim also yields one matched sale). */
export const PLANTED_SHARES: Record<Exclude<ReconClass, 'matched'>, number> = {
  not_with_carrier: 4,
  not_reported: 4,
  rate_plan_mismatch: 3,
  amount_mismatch: 3,
  duplicate_claim: 3,
  deactivated_in_window: 3,
}

const BUCKETS: ReconClass[] = (() => {
  const buckets: ReconClass[] = []
  for (const [c, share] of Object.entries(PLANTED_SHARES)) for (let i = 0; i < share; i++) buckets.push(c as ReconClass)
  while (buckets.length < 100) buckets.unshift('matched')
  return buckets
})()

/** The class planted for line i (spread so every class appears early, even in a tiny set). */
export function plantedClass(i: number): ReconClass {
  return BUCKETS[(i * 37) % 100]!
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

function withLuhn(body: string): string {
  for (let digit = 0; digit < 10; digit++) if (luhnValid(body + digit)) return body + digit
  throw new Error('unreachable')
}

/** Valid, unique identifiers for line n (ICCID, IMEI with its check digit, MDN). */
export function lineKeys(n: number): { iccid: string; imei: string; mdn: string } {
  return {
    iccid: `8901${String(n).padStart(15, '0')}`,
    imei: withLuhn(`35${String(n).padStart(12, '0')}`),
    mdn: String(2_000_000_000 + n),
  }
}

/** Generates the data set; `planted` counts what the run must find, per class. */
export function* generateReconData(spec: ReconDataSpec): Generator<ReconDataBatch, Record<ReconClass, number>> {
  const planted = Object.fromEntries(['matched', ...Object.keys(PLANTED_SHARES)].map((c) => [c, 0])) as Record<ReconClass, number>
  const batchSize = spec.batchSize ?? 10_000
  const seed = spec.seed ?? 0
  let batch: ReconDataBatch = { sales: [], records: [] }
  let records = 0
  for (let i = 0; records < spec.records; i++) {
    const planned = plantedClass(i)
    const keys = lineKeys(seed * 100_000_000 + i)
    const type: ActivationType = ACTIVATION_TYPES[i % ACTIVATION_TYPES.length]!
    const planIndex = i % spec.planIds.length
    const planId = spec.planIds[planIndex]!
    const features = type === 'feature_add' || i % 3 === 0 ? spec.featureSets[i % spec.featureSets.length]! : ''
    const saleDate = addDays(spec.periodStart, i % spec.days)
    // The carrier activates the same day or the next; on the period's last day, the same day (so it stays in the period).
    const lastDay = i % spec.days === spec.days - 1
    const activationDate = addDays(saleDate, lastDay || i % (spec.toleranceDays + 1) === 0 ? 0 : 1)
    const dealerId = spec.dealerIds[i % spec.dealerIds.length]!
    const sale: DealerSaleRow = {
      dealerId,
      saleDate,
      carrierId: spec.carrierId,
      activationType: type,
      ...keys,
      ratePlanId: planId,
      features,
      customerAccount: `CA${i}`,
    }
    const recordPlan = planned === 'rate_plan_mismatch' ? spec.planIds[(planIndex + 1) % spec.planIds.length]! : planId
    const price = spec.priceOf(recordPlan, type, features, activationDate)
    const paidTotal = planned === 'amount_mismatch' ? new D(price).minus('5').toFixed(4) : price
    const record: CarrierRecordRow = {
      carrierId: spec.carrierId,
      dealerId,
      activationDate,
      activationType: type,
      ...keys,
      ratePlanId: recordPlan,
      features,
      customerAccount: `CA${i}`,
      lineStatus: planned === 'deactivated_in_window' ? 'deactivated' : 'active',
      deactivationDate: planned === 'deactivated_in_window' ? addDays(activationDate, 10) : null,
      paidActivation: paidTotal,
      paidFeatures: '0',
      paidSpiff: '0',
      paidTotal,
    }
    if (planned !== 'not_reported') batch.sales.push(sale)
    if (planned !== 'not_with_carrier') {
      batch.records.push(record)
      records++
    }
    if (planned === 'duplicate_claim') {
      const other = spec.dealerIds[(i + 1) % spec.dealerIds.length]!
      // A second dealer claims the same line; with a single dealer, the same dealer claims it again a day apart.
      const again = other === dealerId ? addDays(sale.saleDate, lastDay ? -1 : 1) : sale.saleDate
      batch.sales.push({ ...sale, dealerId: other, saleDate: again, customerAccount: `CA${i}-DUP` })
      planted.matched++
    }
    planted[planned]++
    if (batch.sales.length + batch.records.length >= batchSize) {
      yield batch
      batch = { sales: [], records: [] }
    }
  }
  if (batch.sales.length + batch.records.length > 0) yield batch
  return planted
}
