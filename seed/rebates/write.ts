import type { Payload, PayloadRequest } from 'payload'

import { pgClientOf } from '../../db/transaction'
import { posLineKey, standardColumns } from '../../engine/ingest'
import { writePosLines } from '../../modules/ingest'
import { REBATE_DEALS, REBATE_POS, REBATE_PRODUCTS, REBATE_PROGRAMS } from './data'

/**
 * The promotions and rebates demo: catalog, the distributors' tiers, point-of-sale mappings (the standard layout and
 * Westgate's own), programs (published through the governance as the system; one left as a draft), the deals as the
 * partner portal holds them, and sell-through written through the POS writer, so every line accrues as it would
 * arriving from a file.
 */
export async function writeRebatesDemo(payload: Payload, req: PayloadRequest, participantIds: Map<string, number>): Promise<void> {
  const productIds = new Map<string, number>()
  for (const product of REBATE_PRODUCTS) {
    const doc = await payload.create({
      collection: 'products',
      data: {
        code: product.code,
        name: product.name,
        family: product.family,
        prices: [{ currency: 'USD', consultantPrice: product.partner, publicPrice: product.list, vatPercent: '0' }],
        volumeSource: 'direct',
        qualifyingVolume: '0',
        commissionableVolume: '0',
      } as never,
      req,
    })
    productIds.set(product.code, doc.id as number)
  }
  for (const [code, tier] of [
    ['DIST-EAST', 'gold'],
    ['DIST-WEST', 'silver'],
  ] as const)
    await payload.update({ collection: 'participants', id: participantIds.get(code)!, data: { dealerTier: tier } as never, req })

  await payload.create({
    collection: 'import-mappings',
    data: {
      name: 'Point-of-sale lines (standard layout)',
      source: 'pos_lines',
      csvDelimiter: 'auto',
      decimalSeparator: '.',
      dateFormats: 'YYYY-MM-DD, MM/DD/YYYY',
      columns: standardColumns('pos_lines', false) as never,
    } as never,
    req,
  })
  await payload.create({
    collection: 'import-mappings',
    data: {
      name: 'Westgate sell-through report',
      source: 'pos_lines',
      partner: participantIds.get('DIST-WEST'),
      csvDelimiter: 'auto',
      decimalSeparator: '.',
      dateFormats: 'MM/DD/YYYY',
      columns: [
        { field: 'invoiceNumber', header: 'Inv No' },
        { field: 'invoiceLine', header: 'Ln' },
        { field: 'soldOn', header: 'Inv Date' },
        { field: 'endCustomer', header: 'Ship-to Customer' },
        { field: 'productCode', header: 'Mfr Part #' },
        { field: 'quantity', header: 'Qty Shipped' },
        { field: 'currency', header: 'Curr' },
        { field: 'unitPrice', header: 'Resale Price' },
        { field: 'unitCost', header: 'Cost' },
        { field: 'dealNumber', header: 'Deal Reg #' },
      ],
      valueMaps: [{ field: 'productCode', value: 'WGN-AP100', means: 'AP-100' }],
    } as never,
    req,
  })

  const territories = await payload.find({ collection: 'territories', limit: 100, depth: 0, req })
  const territoryIds = new Map(territories.docs.map((t) => [String(t.code), t.id as number]))
  for (const program of REBATE_PROGRAMS) {
    const { skus, families, regions, partners, status, ...terms } = program
    const doc = await payload.create({
      collection: 'rebate-programs',
      data: {
        ...terms,
        currency: 'USD',
        products: (skus ?? []).map((sku) => productIds.get(sku)!),
        families: families ?? [],
        regions: (regions ?? []).map((code) => territoryIds.get(code)!),
        partners: (partners ?? []).map((code) => participantIds.get(code)!),
        status: 'draft',
      } as never,
      req,
    })
    if (status === 'published')
      for (const next of ['submitted', 'approved', 'published'] as const)
        await payload.update({ collection: 'rebate-programs', id: doc.id, data: { status: next } as never, req })
  }

  for (const deal of REBATE_DEALS) {
    await payload.create({
      collection: 'deals',
      data: {
        number: deal.number,
        partner: participantIds.get(deal.partner)!,
        endCustomer: deal.endCustomer,
        status: deal.status,
        currency: 'USD',
        expiresOn: deal.expiresOn,
        source: 'portal',
        lines: deal.lines.map((line) => ({ product: productIds.get(line.sku)!, quantity: line.quantity, specialPrice: line.specialPrice })),
      } as never,
      req,
    })
  }

  const rows = REBATE_POS.map(([partner, invoiceNumber, invoiceLine, soldOn, endCustomer, sku, quantity, unitPrice, deal], index) => {
    const row = {
      partnerId: participantIds.get(partner)!,
      invoiceNumber,
      invoiceLine,
      soldOn,
      endCustomer,
      productId: productIds.get(sku)!,
      quantity,
      currency: 'USD',
      unitPrice,
      unitCost: null,
      regionId: null,
      dealNumber: deal ?? null,
    }
    return { row, provenance: { importId: null, sourceRow: index + 1, naturalKey: posLineKey(row) } }
  })
  await writePosLines(await pgClientOf(req), rows, (field) => field)
}
