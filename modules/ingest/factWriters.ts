import type { PoolClient } from 'pg'

import type { BillingLineRow, CarrierRecordRow, DealerSaleRow, NetworkOrderRow } from '../../engine/ingest/rows'

/** Where a fact came from; `importId` is null for facts written by the demo seed or the benchmark. */
export type Provenance = { importId: number | null; sourceRow: number; naturalKey: string }
export type WriteCounts = { inserted: number; updated: number; unchanged: number }

type Column = { name: string; type: string; value: (row: any, p: Provenance) => unknown }

/**
 * One bulk upsert per batch: every column travels as one array parameter and `unnest` turns them back into rows,
 * so a batch of thousands of rows is a single statement with a handful of parameters. A row whose natural key is
 * already stored is updated only if a value changed; identical rows are left alone and counted as unchanged.
 */
async function upsert(
  client: PoolClient,
  table: string,
  columns: Column[],
  rows: { row: unknown; provenance: Provenance }[],
): Promise<WriteCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 }
  const all: Column[] = [
    ...columns,
    { name: 'import_id', type: 'int', value: (_row, p) => p.importId },
    { name: 'source_row', type: 'numeric', value: (_row, p) => p.sourceRow },
    { name: 'natural_key', type: 'varchar', value: (_row, p) => p.naturalKey },
  ]
  const params = all.map((column) => rows.map(({ row, provenance }) => column.value(row, provenance)))
  const names = all.map((column) => column.name).join(', ')
  const selects = all.map((column, i) => `$${i + 1}::${column.type}[]`).join(', ')
  const content = columns.map((column) => column.name)
  const result = await client.query<{ inserted: boolean }>(
    `insert into ${table} (${names})
     select * from unnest(${selects})
     on conflict (natural_key) do update set ${[...content, 'import_id', 'source_row'].map((name) => `${name} = excluded.${name}`).join(', ')}, updated_at = now()
       where (${content.map((name) => `${table}.${name}`).join(', ')}) is distinct from (${content.map((name) => `excluded.${name}`).join(', ')})
     returning (xmax = 0) as inserted`,
    params,
  )
  const inserted = result.rows.filter((row) => row.inserted).length
  const updated = result.rows.length - inserted
  return { inserted, updated, unchanged: rows.length - result.rows.length }
}

const nullIfEmpty = (value: string) => (value === '' ? null : value)

const LINE_COLUMNS = (table: string): Column[] => [
  { name: 'carrier_id', type: 'int', value: (row) => row.carrierId },
  { name: 'activation_type', type: `enum_${table}_activation_type`, value: (row) => row.activationType },
  { name: 'mdn', type: 'varchar', value: (row) => nullIfEmpty(row.mdn) },
  { name: 'iccid', type: 'varchar', value: (row) => nullIfEmpty(row.iccid) },
  { name: 'imei', type: 'varchar', value: (row) => nullIfEmpty(row.imei) },
  { name: 'rate_plan_id', type: 'int', value: (row) => row.ratePlanId },
  { name: 'features', type: 'varchar', value: (row) => row.features },
  { name: 'customer_account', type: 'varchar', value: (row) => nullIfEmpty(row.customerAccount) },
]

const DEALER_SALE_COLUMNS: Column[] = [
  { name: 'dealer_id', type: 'int', value: (row: DealerSaleRow) => row.dealerId },
  { name: 'sale_date', type: 'date', value: (row: DealerSaleRow) => row.saleDate },
  ...LINE_COLUMNS('dealer_sales'),
]

const CARRIER_RECORD_COLUMNS: Column[] = [
  { name: 'activation_date', type: 'date', value: (row: CarrierRecordRow) => row.activationDate },
  ...LINE_COLUMNS('carrier_records'),
  { name: 'dealer_id', type: 'int', value: (row: CarrierRecordRow) => row.dealerId },
  { name: 'line_status', type: 'enum_carrier_records_line_status', value: (row: CarrierRecordRow) => row.lineStatus },
  { name: 'deactivation_date', type: 'date', value: (row: CarrierRecordRow) => row.deactivationDate },
  { name: 'paid_activation', type: 'numeric', value: (row: CarrierRecordRow) => row.paidActivation },
  { name: 'paid_features', type: 'numeric', value: (row: CarrierRecordRow) => row.paidFeatures },
  { name: 'paid_spiff', type: 'numeric', value: (row: CarrierRecordRow) => row.paidSpiff },
  { name: 'paid_total', type: 'numeric', value: (row: CarrierRecordRow) => row.paidTotal },
]

export function writeDealerSales(client: PoolClient, rows: { row: DealerSaleRow; provenance: Provenance }[]): Promise<WriteCounts> {
  return upsert(client, 'dealer_sales', DEALER_SALE_COLUMNS, rows)
}

export function writeCarrierRecords(client: PoolClient, rows: { row: CarrierRecordRow; provenance: Provenance }[]): Promise<WriteCounts> {
  return upsert(client, 'carrier_records', CARRIER_RECORD_COLUMNS, rows)
}

const BILLING_LINE_COLUMNS: Column[] = [
  { name: 'client_id', type: 'int', value: (row: BillingLineRow) => row.clientId },
  { name: 'service_id', type: 'int', value: (row: BillingLineRow) => row.serviceId },
  { name: 'charged_on', type: 'date', value: (row: BillingLineRow) => row.chargedOn },
  { name: 'frequency', type: 'enum_billing_lines_frequency', value: (row: BillingLineRow) => row.frequency },
  { name: 'charged', type: 'numeric', value: (row: BillingLineRow) => row.charged },
  { name: 'commissionable', type: 'numeric', value: (row: BillingLineRow) => row.commissionable },
  { name: 'non_commissionable', type: 'numeric', value: (row: BillingLineRow) => row.nonCommissionable },
]

export function writeBillingLines(client: PoolClient, rows: { row: BillingLineRow; provenance: Provenance }[]): Promise<WriteCounts> {
  return upsert(client, 'billing_lines', BILLING_LINE_COLUMNS, rows)
}

/** A network order line as stored: the row read, its volumes, and for a return the order line it returns. */
export type NetworkOrderFact = NetworkOrderRow & {
  qualifyingVolume: string
  commissionableVolume: string
  returnOfId: number | null
  volumeRuleVersionId: number | null
}

const NETWORK_ORDER_COLUMNS: Column[] = [
  { name: 'order_number', type: 'varchar', value: (row: NetworkOrderFact) => row.orderNumber },
  { name: 'line', type: 'numeric', value: (row: NetworkOrderFact) => row.line },
  { name: 'kind', type: 'enum_network_orders_kind', value: (row: NetworkOrderFact) => row.kind },
  { name: 'booked_on', type: 'date', value: (row: NetworkOrderFact) => row.bookedOn },
  { name: 'consultant_id', type: 'int', value: (row: NetworkOrderFact) => row.consultantId },
  { name: 'customer', type: 'varchar', value: (row: NetworkOrderFact) => nullIfEmpty(row.customer) },
  { name: 'product_id', type: 'int', value: (row: NetworkOrderFact) => row.productId },
  { name: 'quantity', type: 'numeric', value: (row: NetworkOrderFact) => row.quantity },
  { name: 'currency', type: 'varchar', value: (row: NetworkOrderFact) => row.currency },
  { name: 'unit_price', type: 'numeric', value: (row: NetworkOrderFact) => row.unitPrice },
  { name: 'discount', type: 'numeric', value: (row: NetworkOrderFact) => row.discount },
  { name: 'amount', type: 'numeric', value: (row: NetworkOrderFact) => row.amount },
  { name: 'qualifying_volume', type: 'numeric', value: (row: NetworkOrderFact) => row.qualifyingVolume },
  { name: 'commissionable_volume', type: 'numeric', value: (row: NetworkOrderFact) => row.commissionableVolume },
  { name: 'return_of_id', type: 'int', value: (row: NetworkOrderFact) => row.returnOfId },
  { name: 'volume_rule_version_id', type: 'int', value: (row: NetworkOrderFact) => row.volumeRuleVersionId },
]

/** Network order lines whose volumes (and, for returns, returned line) are settled: see modules/multilevel/orders.ts. */
export function writeNetworkOrderFacts(
  client: PoolClient,
  rows: { row: NetworkOrderFact; provenance: Provenance }[],
): Promise<WriteCounts> {
  return upsert(client, 'network_orders', NETWORK_ORDER_COLUMNS, rows)
}

/** A rejected row: its number, reasons, cells, and the values in it that nothing knows (for the rejects workbook). */
export type Rejection = {
  rowNumber: number
  cells: unknown[]
  reasons: string
  unknown?: { field: string; column: string; value: string }[]
}

export async function writeRejections(client: PoolClient, importId: number, rejections: Rejection[]): Promise<void> {
  if (rejections.length === 0) return
  await client.query(
    `insert into import_rejects (import_id, row_number, reasons, cells, unknown_values)
     select $1, * from unnest($2::int[], $3::varchar[], $4::jsonb[], $5::jsonb[])`,
    [
      importId,
      rejections.map((r) => r.rowNumber),
      rejections.map((r) => r.reasons),
      rejections.map((r) => JSON.stringify(r.cells)),
      rejections.map((r) => (r.unknown && r.unknown.length > 0 ? JSON.stringify(r.unknown) : null)),
    ],
  )
}
