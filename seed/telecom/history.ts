import type { PoolClient } from 'pg'

import { carrierRecordKey, dealerSaleKey, type CarrierRecordRow, type DealerSaleRow } from '../../engine/ingest'
import { priceLine, versionInForce, type ScheduleVersion } from '../../engine/telecom'
import { writeCarrierRecords, writeDealerSales, type Rejection } from '../../modules/ingest'
import { dayOf, noonOf, type HistoryContext, type HistoryMonth } from '../history/context'
import { finishImport, startImport } from '../ingest/history'
import { generateReconData } from '../reconcile/reconData'
import { DEMO_RECON } from './data'

/**
 * The telecom side of the demo's history: every month, each carrier's dealer sales and carrier records arrive as two
 * imported files (a few rows rejected, as real files have), with every reconciliation class planted by the same
 * generator as the demo month; the carrier's later files report some earlier lines deactivated, which the commission
 * runs charge back.
 */
export type HistoryCarrier = {
  code: 'VTX' | 'TDL'
  dealers: readonly string[]
  featureSets: readonly string[]
  /** Carrier records of the oldest month; each later month has `growth` more. */
  records: number
  growth: number
  salesMapping: string
  recordsMapping: string
}

export const HISTORY_CARRIERS: readonly HistoryCarrier[] = [
  {
    code: 'VTX',
    dealers: DEMO_RECON.dealers,
    featureSets: DEMO_RECON.featureSets,
    records: 40,
    growth: 2,
    salesMapping: 'Dealer sales (standard template)',
    recordsMapping: 'Vertex Wireless portal export',
  },
  {
    code: 'TDL',
    dealers: ['DLR-0101', 'DLR-0201', 'DLR-0302'],
    featureSets: ['INTL'],
    records: 24,
    growth: 1,
    salesMapping: 'Dealer sales (standard template)',
    recordsMapping: 'Tidal Mobile records (standard template)',
  },
]

/** Lines whose deactivation each carrier file reports for the month two months earlier (charged back by the run). */
const LATE_DEACTIVATIONS = 2

/**
 * Each history carrier's payout schedule in force from the first history month: when the demo's approved versions
 * start later, the earliest is carried back (same lines, effective from the first month), so every month is priced.
 */
export async function ensureScheduleCoverage(ctx: HistoryContext): Promise<void> {
  for (const { code } of HISTORY_CARRIERS) {
    const carrier = (await ctx.pool.query<{ id: number }>(`select id from carriers where code = $1`, [code])).rows[0]!.id
    const found = await ctx.payload.find({
      collection: 'payout-schedules',
      where: { carrier: { equals: carrier }, status: { equals: 'approved' } },
      sort: 'effectiveFrom',
      limit: 1,
      depth: 0,
    })
    const earliest = found.docs[0]
    if (!earliest || String(earliest.effectiveFrom).slice(0, 10) <= ctx.months[0]!.start) continue
    await ctx.payload.create({
      collection: 'payout-schedules',
      data: {
        carrier,
        effectiveFrom: ctx.months[0]!.start,
        status: 'approved',
        notes: `The rates of ${String(earliest.title)}, in force over the demo's history before it.`,
        lines: (earliest.lines ?? []).map(({ id: _id, ...line }) => line),
      } as never,
      depth: 0,
    })
  }
}

/** Carriers, their non-prepaid plans and approved payout schedule versions, as the history needs them. */
export type CarrierData = { id: number; code: string; planIds: number[]; versions: ScheduleVersion[] }

export async function loadCarriers(client: PoolClient): Promise<Map<string, CarrierData>> {
  const carriers = new Map<string, CarrierData>()
  for (const { code } of HISTORY_CARRIERS) {
    const carrier = (await client.query<{ id: number }>(`select id from carriers where code = $1`, [code])).rows[0]
    if (!carrier) throw new Error(`the demo has no carrier ${code}`)
    const plans = await client.query<{ id: number }>(
      `select id from rate_plans where carrier_id = $1 and category <> 'prepaid' order by id`,
      [carrier.id],
    )
    carriers.set(code, { id: carrier.id, code, planIds: plans.rows.map((p) => p.id), versions: await scheduleVersions(client, carrier.id) })
  }
  return carriers
}

async function scheduleVersions(client: PoolClient, carrierId: number): Promise<ScheduleVersion[]> {
  const rows = await client.query<{
    id: number
    version: number
    effective_from: string
    kind: ScheduleVersion['lines'][number]['kind'] | null
    activation_type: ScheduleVersion['lines'][number]['activationType']
    rate_plan_id: number | null
    feature_code: string | null
    amount: string | null
  }>(
    `select s.id, s.version::int as version, s.effective_from::text as effective_from, l.kind::text as kind, l.activation_type::text as activation_type,
            l.rate_plan_id, l.feature_code, l.amount::text as amount
       from payout_schedules s left join payout_schedules_lines l on l._parent_id = s.id
      where s.carrier_id = $1 and s.status = 'approved' order by s.id, l._order`,
    [carrierId],
  )
  const versions = new Map<number, ScheduleVersion & { lines: ScheduleVersion['lines'][number][] }>()
  for (const row of rows.rows) {
    const version = versions.get(row.id) ?? {
      id: row.id,
      version: row.version,
      effectiveFrom: row.effective_from,
      currency: 'USD',
      lines: [],
    }
    if (row.kind)
      version.lines.push({
        kind: row.kind,
        activationType: row.activation_type,
        ratePlanId: row.rate_plan_id,
        featureCode: row.feature_code,
        amount: row.amount!,
      })
    versions.set(row.id, version)
  }
  return [...versions.values()]
}

/** Rows of a dealer sales file that the import refuses, with the reasons the reader gives (the file's last rows). */
function rejectedSales(month: HistoryMonth, first: number): Rejection[] {
  const day = dayOf(month, 12)
  const rejects: Rejection[] = [
    {
      rowNumber: first,
      cells: ['DLR-9999', day, 'VTX', 'new', '', '', '', 'VTX-ESS', '', `WALK-IN-${month.key}`],
      reasons: `Dealer Code: unknown dealer "DLR-9999": add it to the mapping's value translations`,
    },
  ]
  if (month.index % 3 === 0)
    rejects.push({
      rowNumber: first + 1,
      cells: ['DLR-0102', `${month.key}-32`, 'VTX', 'new', '', '', '', 'VTX-UNL-5G', '', `CA-${month.key}-LATE`],
      reasons: `Sale Date: "${month.key}-32" is not a real date`,
    })
  return rejects
}

/**
 * One month of one carrier: the dealers' sales file and the carrier's file (which also reports, for lines verified
 * two months earlier, their deactivation this month), each recorded as a completed import with its rejects.
 */
export async function writeTelecomMonth(
  client: PoolClient,
  ctx: HistoryContext,
  carrier: HistoryCarrier,
  data: CarrierData,
  month: HistoryMonth,
): Promise<{ sales: number; records: number }> {
  const generated = generateReconData({
    carrierId: data.id,
    dealerIds: carrier.dealers.map((code) => ctx.participants.get(code)!),
    planIds: data.planIds,
    featureSets: carrier.featureSets,
    periodStart: month.start,
    days: Number(month.end.slice(8, 10)),
    records: carrier.records + carrier.growth * month.index,
    toleranceDays: 3,
    // Offsets the identifiers per month and carrier so no line of the history meets the demo month's or another's.
    seed: 10 + month.index * 2 + (carrier.code === 'VTX' ? 0 : 1),
    priceOf: (planId, type, features, date) =>
      priceLine(versionInForce(data.versions, date), {
        ratePlanId: planId,
        activationType: type,
        features: features ? features.split(',') : [],
      }).total,
  })
  const sales: DealerSaleRow[] = []
  const records: CarrierRecordRow[] = []
  for (let next = generated.next(); !next.done; next = generated.next()) {
    sales.push(...next.value.sales.map((row) => ({ ...row, customerAccount: `${row.customerAccount}-${carrier.code}${month.key}` })))
    records.push(...next.value.records.map((row) => ({ ...row, customerAccount: `${row.customerAccount}-${carrier.code}${month.key}` })))
  }
  const lower = carrier.code.toLowerCase()
  const salesImport = await startImport(client, {
    mapping: carrier.salesMapping,
    source: 'dealer_sales',
    filename: `history-${month.key}-${lower}-dealer-sales.csv`,
    at: noonOf(dayOf(month, 28)),
  })
  const salesWritten = await writeDealerSales(
    client,
    sales.map((row, i) => ({ row, provenance: { importId: salesImport, sourceRow: i + 2, naturalKey: dealerSaleKey(row) } })),
  )
  await finishImport(client, salesImport, {
    accepted: sales.length,
    inserted: salesWritten.inserted,
    updated: salesWritten.updated,
    rejections: carrier.code === 'VTX' ? rejectedSales(month, sales.length + 2) : [],
  })

  const recordsImport = await startImport(client, {
    mapping: carrier.recordsMapping,
    source: 'carrier_records',
    filename: `history-${month.key}-${lower}-carrier-records.csv`,
    at: noonOf(dayOf(month, 28)),
  })
  const deactivated = month.index >= 2 ? await laterDeactivations(client, data.id, ctx.months[month.index - 2]!, month) : []
  const all = [...records, ...deactivated]
  const recordsWritten = await writeCarrierRecords(
    client,
    all.map((row, i) => ({ row, provenance: { importId: recordsImport, sourceRow: i + 2, naturalKey: carrierRecordKey(row) } })),
  )
  await finishImport(client, recordsImport, {
    accepted: all.length,
    inserted: recordsWritten.inserted,
    updated: recordsWritten.updated,
    rejections: [],
  })
  return { sales: sales.length, records: all.length }
}

/**
 * Lines the carrier verified in `earlier` (matched by that month's reconciliation) that its file of `month` reports
 * deactivated during `month`: the same records, with the new status, as a carrier file repeats them.
 */
async function laterDeactivations(
  client: PoolClient,
  carrierId: number,
  earlier: HistoryMonth,
  month: HistoryMonth,
): Promise<CarrierRecordRow[]> {
  const found = await client.query<{
    carrier_id: number
    dealer_id: number
    activation_date: string
    activation_type: CarrierRecordRow['activationType']
    mdn: string | null
    iccid: string | null
    imei: string | null
    rate_plan_id: number
    features: string | null
    customer_account: string | null
    paid_activation: string
    paid_features: string
    paid_spiff: string
    paid_total: string
  }>(
    `select cr.carrier_id, cr.dealer_id, cr.activation_date::text as activation_date, cr.activation_type::text as activation_type, cr.mdn, cr.iccid,
            cr.imei, cr.rate_plan_id, cr.features, cr.customer_account, cr.paid_activation::text as paid_activation,
            cr.paid_features::text as paid_features, cr.paid_spiff::text as paid_spiff, cr.paid_total::text as paid_total
       from reconciliation_lines rl
       join reconciliation_runs r on r.id = rl.run_id
       join carrier_records cr on cr.id = rl.carrier_record_id
      where r.carrier_id = $1 and r.period_start = $2 and rl.recon_class = 'matched' and cr.line_status = 'active'
        and cr.activation_type in ('new', 'port_in')
      order by cr.id limit $3`,
    [carrierId, earlier.start, LATE_DEACTIVATIONS],
  )
  return found.rows.map((row, i) => ({
    carrierId: row.carrier_id,
    dealerId: row.dealer_id,
    activationDate: row.activation_date,
    activationType: row.activation_type,
    mdn: row.mdn ?? '',
    iccid: row.iccid ?? '',
    imei: row.imei ?? '',
    ratePlanId: row.rate_plan_id,
    features: row.features ?? '',
    customerAccount: row.customer_account ?? '',
    lineStatus: 'deactivated' as const,
    deactivationDate: dayOf(month, 9 + i * 7),
    paidActivation: row.paid_activation,
    paidFeatures: row.paid_features,
    paidSpiff: row.paid_spiff,
    paidTotal: row.paid_total,
  }))
}
