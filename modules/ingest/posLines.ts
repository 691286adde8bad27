/**
 * The writer of point-of-sale lines, for import files, the drop folder and the POS endpoint alike. A line is known
 * by its natural key (partner, invoice, line): sent again unchanged it is a duplicate and left alone; sent again with
 * other values it is refused (a received sale is not rewritten under the accruals and claims that rest on it — the
 * partner sends a correcting line instead). New lines accrue under the published programs in the same transaction.
 */
import type { PoolClient } from 'pg'

import { D } from '../../engine/core/decimal'
import type { PosLineRow } from '../../engine/ingest/posLines'
import type { RowError } from '../../engine/ingest/rows'
import { accrueNewLines } from '../rebates'
import type { Provenance, WriteCounts } from './factWriters'

export type PosWriteCounts = WriteCounts & { rejected: { sourceRow: number; errors: RowError[] }[]; accruals: number }

const CONTENT = [
  'partner_id',
  'invoice_number',
  'invoice_line',
  'sold_on',
  'end_customer',
  'product_id',
  'quantity',
  'currency',
  'unit_price',
  'unit_cost',
  'region_id',
  'deal_number',
] as const

export async function writePosLines(
  client: PoolClient,
  rows: { row: PosLineRow; provenance: Provenance }[],
  headerOf: (field: string) => string,
): Promise<PosWriteCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0, rejected: [], accruals: 0 }
  const params = [
    rows.map((r) => r.row.partnerId),
    rows.map((r) => r.row.invoiceNumber),
    rows.map((r) => r.row.invoiceLine),
    rows.map((r) => r.row.soldOn),
    rows.map((r) => r.row.endCustomer),
    rows.map((r) => r.row.productId),
    rows.map((r) => r.row.quantity),
    rows.map((r) => r.row.currency),
    rows.map((r) => r.row.unitPrice),
    rows.map((r) => r.row.unitCost),
    rows.map((r) => r.row.regionId),
    rows.map((r) => r.row.dealNumber),
    rows.map((r) => r.provenance.importId),
    rows.map((r) => r.provenance.sourceRow),
    rows.map((r) => r.provenance.naturalKey),
  ]
  const inserted = await client.query<{ id: number; key: string }>(
    `insert into pos_lines (${CONTENT.join(', ')}, import_id, source_row, natural_key, updated_at, created_at)
     select *, now(), now() from unnest($1::int[], $2::varchar[], $3::numeric[], $4::date[], $5::varchar[], $6::int[], $7::numeric[],
                                $8::varchar[], $9::numeric[], $10::numeric[], $11::int[], $12::varchar[], $13::int[], $14::numeric[], $15::varchar[])
     on conflict (natural_key) do nothing
     returning id, natural_key as key`,
    params,
  )
  const insertedKeys = new Set(inserted.rows.map((row) => row.key))
  const others = rows.filter((r) => !insertedKeys.has(r.provenance.naturalKey))
  const rejected: PosWriteCounts['rejected'] = []
  let unchanged = 0
  if (others.length > 0) {
    const stored = await client.query<{
      key: string
      quantity: number
      soldOn: string
      unitPrice: string
      productId: number
      endCustomer: string
      deal: string | null
    }>(
      `select natural_key as key, quantity::int as quantity, sold_on::text as "soldOn", unit_price::text as "unitPrice", product_id as "productId",
              end_customer as "endCustomer", deal_number as deal
         from pos_lines where natural_key = any($1::varchar[])`,
      [others.map((r) => r.provenance.naturalKey)],
    )
    const byKey = new Map(stored.rows.map((row) => [row.key, row]))
    for (const { row, provenance } of others) {
      const earlier = byKey.get(provenance.naturalKey)
      const differences: RowError[] = []
      if (earlier) {
        if (earlier.quantity !== row.quantity)
          differences.push({ column: headerOf('quantity'), reason: `received before with ${earlier.quantity}` })
        if (earlier.soldOn !== row.soldOn)
          differences.push({ column: headerOf('soldOn'), reason: `received before with ${earlier.soldOn}` })
        if (!sameAmount(earlier.unitPrice, row.unitPrice))
          differences.push({ column: headerOf('unitPrice'), reason: `received before with ${earlier.unitPrice}` })
        if (earlier.productId !== row.productId)
          differences.push({ column: headerOf('productCode'), reason: 'received before with another SKU' })
        if (earlier.endCustomer !== row.endCustomer)
          differences.push({ column: headerOf('endCustomer'), reason: `received before as "${earlier.endCustomer}"` })
        if ((earlier.deal ?? null) !== row.dealNumber)
          differences.push({ column: headerOf('dealNumber'), reason: `received before with ${earlier.deal ?? 'no deal'}` })
      }
      if (differences.length === 0) unchanged++
      else
        rejected.push({
          sourceRow: provenance.sourceRow,
          errors: [
            {
              column: headerOf('invoiceNumber'),
              reason: `invoice ${row.invoiceNumber} line ${row.invoiceLine} was already received with other values; send a correcting line instead`,
            },
            ...differences,
          ],
        })
    }
  }
  const accrued = await accrueNewLines(
    client,
    inserted.rows.map((row) => row.id),
  )
  return { inserted: inserted.rows.length, updated: 0, unchanged, rejected, accruals: accrued.accruals }
}

const sameAmount = (a: string, b: string) => new D(a).equals(new D(b))
