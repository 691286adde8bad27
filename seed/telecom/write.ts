import type { Payload, PayloadRequest } from 'payload'

import { standardColumns, type ImportSource, carrierRecordKey, dealerSaleKey, type DealerSaleRow } from '../../engine/ingest'
import { priceLine, versionInForce, type ScheduleVersion } from '../../engine/telecom/pricing'
import { pgClientOf } from '../../db/transaction'
import { writeCarrierRecords, writeDealerSales } from '../../modules/ingest'
import { DEMO_PORTAL } from '../../demo/carrier-portal/demoAccount'
import { VERTEX_PORTAL_STEPS } from '../scrape/connectors'
import { generateReconData } from '../reconcile/reconData'
import { CARRIERS, DEMO_RECON, MAPPINGS, PAYOUT_SCHEDULES, RATE_PLANS } from './data'

/**
 * The telecom demo: carriers, plans, approved payout schedules, file mappings, a month of Vertex sales and carrier
 * records with every reconciliation class planted, and the reconciliation run for it (queued, so the worker runs
 * it on the real path).
 */
export async function writeTelecomDemo(payload: Payload, req: PayloadRequest, participantIds: Map<string, number>): Promise<void> {
  const carrierIds = new Map<string, number>()
  for (const carrier of CARRIERS) {
    const doc = await payload.create({ collection: 'carriers', data: { ...carrier, currency: 'USD' } as never, req })
    carrierIds.set(carrier.code, doc.id as number)
  }
  const planIds = new Map<string, number>()
  for (const { carrier, features, ...plan } of RATE_PLANS) {
    const doc = await payload.create({
      collection: 'rate-plans',
      data: { ...plan, features: [...features], carrier: carrierIds.get(carrier)! },
      req,
    })
    planIds.set(plan.code, doc.id as number)
  }
  const versions = new Map<string, ScheduleVersion[]>()
  for (const schedule of PAYOUT_SCHEDULES) {
    const lines = schedule.lines.map((line) => ({
      kind: line.kind,
      activationType: line.activationType ?? null,
      ratePlan: line.ratePlan ? planIds.get(line.ratePlan)! : null,
      featureCode: line.featureCode ?? null,
      amount: line.amount,
    }))
    const doc = await payload.create({
      collection: 'payout-schedules',
      data: {
        carrier: carrierIds.get(schedule.carrier)!,
        effectiveFrom: schedule.effectiveFrom,
        status: 'approved',
        notes: schedule.notes,
        lines,
      },
      req,
    })
    const list = versions.get(schedule.carrier) ?? []
    list.push({
      id: doc.id as number,
      version: doc.version as number,
      effectiveFrom: schedule.effectiveFrom,
      currency: 'USD',
      lines: lines.map((line) => ({ ...line, ratePlanId: line.ratePlan })),
    })
    versions.set(schedule.carrier, list)
  }
  const mappingIds = new Map<string, number>()
  for (const mapping of MAPPINGS) {
    const carrier = mapping.carrier ? carrierIds.get(mapping.carrier)! : null
    const columns = mapping.standard ? standardColumns(mapping.source as ImportSource, carrier !== null) : [...mapping.columns]
    const created = await payload.create({
      collection: 'import-mappings',
      data: {
        name: mapping.name,
        source: mapping.source,
        carrier,
        csvDelimiter: 'csvDelimiter' in mapping ? mapping.csvDelimiter : 'auto',
        decimalSeparator: mapping.decimalSeparator,
        dateFormats: mapping.dateFormats,
        columns: columns as never,
      },
      req,
    })
    mappingIds.set(mapping.name, created.id as number)
  }
  const credential = await payload.create({
    collection: 'portal-credentials',
    data: {
      name: 'Vertex dealer portal (demo)',
      username: DEMO_PORTAL.username,
      password: DEMO_PORTAL.password,
      totpSecret: DEMO_PORTAL.totpSecret,
    } as never,
    req,
  })
  await payload.create({
    collection: 'carrier-connectors',
    data: {
      name: 'Vertex Wireless dealer portal',
      carrier: carrierIds.get('VTX')!,
      mapping: mappingIds.get('Vertex Wireless portal export')!,
      loginUrl: `http://localhost:${DEMO_PORTAL.port}/login`,
      credential: credential.id as number,
      // The stand-in serves October 2026; a look-back long enough to reach it from today.
      lookbackDays: 60,
      steps: VERTEX_PORTAL_STEPS,
    } as never,
    req,
  })

  const carrierId = carrierIds.get(DEMO_RECON.carrier)!
  const carrierPlans = RATE_PLANS.filter((plan) => plan.carrier === DEMO_RECON.carrier && plan.category !== 'prepaid').map((plan) =>
    planIds.get(plan.code)!,
  )
  const carrierVersions = versions.get(DEMO_RECON.carrier)!
  const data = generateReconData({
    carrierId,
    dealerIds: DEMO_RECON.dealers.map((code) => participantIds.get(code)!),
    planIds: carrierPlans,
    featureSets: DEMO_RECON.featureSets,
    periodStart: DEMO_RECON.periodStart,
    days: DEMO_RECON.days,
    records: DEMO_RECON.records,
    toleranceDays: 3,
    priceOf: (planId, type, features, date) =>
      priceLine(versionInForce(carrierVersions, date), {
        ratePlanId: planId,
        activationType: type,
        features: features ? features.split(',') : [],
      }).total,
  })
  const client = await pgClientOf(req)
  for (let next = data.next(); !next.done; next = data.next()) {
    const { sales, records } = next.value
    await writeDealerSales(
      client,
      [...sales, ...earlierSales(sales, carrierPlans)].map((row, i) => ({
        row,
        provenance: { importId: null, sourceRow: i + 1, naturalKey: dealerSaleKey(row) },
      })),
    )
    await writeCarrierRecords(
      client,
      records.map((row, i) => ({ row, provenance: { importId: null, sourceRow: i + 1, naturalKey: carrierRecordKey(row) } })),
    )
  }
  await payload.create({
    collection: 'reconciliation-runs',
    data: { carrier: carrierId, periodStart: DEMO_RECON.periodStart, periodEnd: DEMO_RECON.periodEnd },
    req,
  })
}

/**
 * The lines' history: each upgrade or downgrade of the demo month moves a line first activated a year earlier on
 * another plan, so the commission run can pay the difference between the two plans' rebates.
 */
function earlierSales(sales: readonly DealerSaleRow[], planIds: readonly number[]): DealerSaleRow[] {
  return sales
    .filter((sale) => sale.activationType === 'upgrade' || sale.activationType === 'downgrade')
    .map((sale) => ({
      ...sale,
      activationType: 'new' as const,
      saleDate: `${Number(sale.saleDate.slice(0, 4)) - 1}${sale.saleDate.slice(4)}`,
      ratePlanId: planIds[(planIds.indexOf(sale.ratePlanId) + 1) % planIds.length]!,
      features: '',
      customerAccount: `${sale.customerAccount}-2025`,
    }))
}
