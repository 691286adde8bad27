/**
 * The writer of network order lines, for import files and the orders endpoint (modules/multilevel/orders.ts) alike.
 * It settles what a row alone cannot: the volumes of each order line (per unit from the product, or from the product's order-volumes
 * rule set, evaluated once per distinct combination of the inputs it reads) and, for a return, the order line it
 * returns and its share of that line's figures. A line it cannot settle is refused naming the column and why.
 */
import type { PoolClient } from 'pg'

import { D } from '../../engine/core/decimal'
import { directVolumes, overReturn, returnFigures, roundVolume, type PriceList } from '../../engine/ingest/networkOrders'
import type { NetworkOrderRow, RowError } from '../../engine/ingest/rows'
import { compileRule, evaluateMany, RuleContentError, type CompiledRule, type RuleVersionSource } from '../../engine/rules'
import { approvedRuleVersion } from '../rules'
import { writeNetworkOrderFacts, type NetworkOrderFact, type Provenance, type WriteCounts } from './factWriters'

/** A line the writer refused: its source row (file row, or endpoint line number) and the reasons, by column. */
export type OrderRejection = { sourceRow: number; errors: RowError[] }
export type OrderWriteCounts = WriteCounts & { rejected: OrderRejection[] }

export type OrderItem = { row: NetworkOrderRow; provenance: Provenance }
type Item = OrderItem

type ProductVolumes = {
  id: number
  code: string
  volumeSource: 'direct' | 'rule'
  qualifyingVolume: string | null
  commissionableVolume: string | null
  volumeRuleId: number | null
  prices: Record<string, PriceList>
}

async function loadProducts(client: PoolClient, ids: number[]): Promise<Map<number, ProductVolumes>> {
  const found = await client.query<Omit<ProductVolumes, 'prices'>>(
    `select id, code, volume_source::text as "volumeSource", qualifying_volume::text as "qualifyingVolume",
            commissionable_volume::text as "commissionableVolume", volume_rule_id as "volumeRuleId"
       from products where id = any($1::int[])`,
    [ids],
  )
  const products = new Map(found.rows.map((row) => [row.id, { ...row, prices: {} as Record<string, PriceList> }]))
  const prices = await client.query<PriceList & { product: number; currency: string }>(
    `select _parent_id as product, upper(currency) as currency, coalesce(consultant_price, 0)::text as "consultantPrice",
            coalesce(public_price, 0)::text as "publicPrice", coalesce(vat_percent, 0)::text as "vatPercent"
       from products_prices where _parent_id = any($1::int[]) order by _parent_id, _order`,
    [ids],
  )
  for (const { product, currency, ...list } of prices.rows) {
    const info = products.get(product)
    if (info && !info.prices[currency]) info.prices[currency] = list
  }
  return products
}

type Volumes = { qualifyingVolume: string; commissionableVolume: string; volumeRuleVersionId: number | null }

/**
 * The volumes of each order line, or the reason it has none. Direct products: per unit times the quantity. Rule
 * products: the approved version of the product's rule set in force on the line's day, evaluated once per distinct
 * combination of the inputs that version reads.
 */
async function orderVolumes(
  client: PoolClient,
  orders: Item[],
  products: Map<number, ProductVolumes>,
  refuse: (item: Item, field: string, reason: string) => void,
): Promise<Map<Item, Volumes>> {
  const volumes = new Map<Item, Volumes>()
  const versions = new Map<string, Promise<RuleVersionSource | null>>()
  const compiled = new Map<number, CompiledRule | string>()
  const ruleSetNames = new Map<number, string>()
  const groups = new Map<number, { rule: CompiledRule; combos: Map<string, { inputs: Record<string, unknown>; items: Item[] }> }>()

  for (const item of orders) {
    const { row } = item
    const product = products.get(row.productId)!
    if (product.volumeSource === 'direct') {
      if (product.qualifyingVolume === null || product.commissionableVolume === null) {
        refuse(item, 'productCode', `product ${product.code} gives its volumes per unit but has no qualifying or commissionable volume set`)
        continue
      }
      volumes.set(item, {
        ...directVolumes({ qualifyingVolume: product.qualifyingVolume, commissionableVolume: product.commissionableVolume }, row.quantity),
        volumeRuleVersionId: null,
      })
      continue
    }
    if (product.volumeRuleId === null) {
      refuse(item, 'productCode', `product ${product.code} derives its volumes by rule but names no order volumes rule set`)
      continue
    }
    const ruleSetId = product.volumeRuleId
    const versionKey = `${ruleSetId}|${row.bookedOn}`
    if (!versions.has(versionKey)) versions.set(versionKey, approvedRuleVersion(client, ruleSetId, row.bookedOn))
    const source = await versions.get(versionKey)!
    if (!source) {
      if (!ruleSetNames.has(ruleSetId)) {
        const found = await client.query<{ name: string }>(`select name from rule_sets where id = $1`, [ruleSetId])
        ruleSetNames.set(ruleSetId, found.rows[0]?.name ?? `#${ruleSetId}`)
      }
      refuse(
        item,
        'productCode',
        `product ${product.code}: rule set "${ruleSetNames.get(ruleSetId)}" has no approved version in force on ${row.bookedOn}`,
      )
      continue
    }
    if (!compiled.has(source.id)) {
      try {
        compiled.set(source.id, compileRule(source))
      } catch (err) {
        if (!(err instanceof RuleContentError)) throw err
        compiled.set(source.id, err.message)
      }
    }
    const rule = compiled.get(source.id)!
    if (typeof rule === 'string') {
      refuse(item, 'productCode', `product ${product.code}: rule set "${source.ruleSet}" v${source.version} cannot be used: ${rule}`)
      continue
    }
    const prices = product.prices[row.currency]!
    const all: Record<string, unknown> = {
      product: product.code,
      quantity: row.quantity,
      consultantPrice: Number(prices.consultantPrice),
      publicPrice: Number(prices.publicPrice),
      vatPercent: Number(prices.vatPercent),
      unitPrice: Number(row.unitPrice),
      discount: Number(row.discount),
      currency: row.currency,
    }
    const inputs = Object.fromEntries(rule.inputs.map((field) => [field, all[field] ?? null]))
    const group = groups.get(source.id) ?? { rule, combos: new Map() }
    groups.set(source.id, group)
    const key = JSON.stringify(rule.inputs.map((field) => inputs[field]))
    const combo = group.combos.get(key) ?? { inputs, items: [] }
    group.combos.set(key, combo)
    combo.items.push(item)
  }

  for (const [versionId, { rule, combos }] of groups) {
    const list = [...combos.values()]
    const outcomes = await evaluateMany(
      rule,
      list.map((combo) => combo.inputs),
    )
    list.forEach((combo, index) => {
      const outcome = outcomes[index]!
      for (const item of combo.items) {
        const code = products.get(item.row.productId)!.code
        if ('error' in outcome) {
          refuse(item, 'productCode', `product ${code}: ${rule.label} could not derive the volumes: ${outcome.error}`)
          continue
        }
        const result = outcome.result.results[0]!
        volumes.set(item, {
          qualifyingVolume: roundVolume(new D(String(result.qualifyingVolume))),
          commissionableVolume: roundVolume(new D(String(result.commissionableVolume))),
          volumeRuleVersionId: versionId,
        })
      }
    })
  }
  return volumes
}

type StoredOrder = {
  id: number
  orderNumber: string
  line: number
  bookedOn: string
  consultantId: number
  consultantCode: string | null
  productId: number
  productCode: string
  quantity: number
  currency: string
  unitPrice: string
  discount: string
  amount: string
  qualifyingVolume: string
  commissionableVolume: string
  volumeRuleVersionId: number | null
}

/**
 * Each return against the order line it names (stored, or written just before from this batch): same consultant,
 * product and currency, booked on or after the order, and no more units than the order minus what other returns of
 * that line took back. Returns are taken in file order, so the second of two returns sees the first.
 */
async function settleReturns(
  client: PoolClient,
  returns: Item[],
  refuse: (item: Item, field: string, reason: string) => void,
): Promise<{ row: NetworkOrderFact; provenance: Provenance }[]> {
  if (returns.length === 0) return []
  const orders = await client.query<StoredOrder>(
    `select o.id, o.order_number as "orderNumber", o.line::int as line, o.booked_on::text as "bookedOn",
            o.consultant_id as "consultantId", c.code as "consultantCode", o.product_id as "productId", p.code as "productCode",
            o.quantity::int as quantity, o.currency, o.unit_price::text as "unitPrice", coalesce(o.discount, 0)::text as discount,
            o.amount::text as amount, o.qualifying_volume::text as "qualifyingVolume",
            o.commissionable_volume::text as "commissionableVolume", o.volume_rule_version_id as "volumeRuleVersionId"
       from network_orders o
       join participants c on c.id = o.consultant_id
       join products p on p.id = o.product_id
      where o.kind = 'order' and (o.order_number, o.line) in (select * from unnest($1::varchar[], $2::numeric[]))`,
    [returns.map((item) => item.row.returnOfOrder), returns.map((item) => item.row.returnOfLine)],
  )
  const byRef = new Map(orders.rows.map((order) => [`${order.orderNumber}|${order.line}`, order]))
  const before = await client.query<{ id: number; returned: number }>(
    `select return_of_id as id, sum(quantity)::int as returned from network_orders
      where kind = 'return' and return_of_id = any($1::int[]) and not (coalesce(natural_key, '') = any($2::varchar[]))
      group by return_of_id`,
    [orders.rows.map((order) => order.id), returns.map((item) => item.provenance.naturalKey)],
  )
  const returned = new Map(before.rows.map((row) => [row.id, row.returned]))
  const settled: { row: NetworkOrderFact; provenance: Provenance }[] = []
  for (const item of returns) {
    const { row } = item
    const order = byRef.get(`${row.returnOfOrder}|${row.returnOfLine}`)
    const named = `order ${row.returnOfOrder} line ${row.returnOfLine}`
    if (!order) {
      refuse(item, 'returnOfOrder', `${named} is not in Accrue: import the order before its return`)
      continue
    }
    const problems: [string, string][] = []
    if (order.consultantId !== row.consultantId)
      problems.push(['consultantCode', `${named} is of consultant ${order.consultantCode}, not this one`])
    if (order.productId !== row.productId) problems.push(['productCode', `${named} is of product ${order.productCode}, not this one`])
    if (order.currency !== row.currency) problems.push(['currency', `${named} is in ${order.currency}, not ${row.currency}`])
    if (row.bookedOn < order.bookedOn) problems.push(['bookedOn', `${row.bookedOn} is before ${named} was booked (${order.bookedOn})`])
    const tooMany = overReturn(row.quantity, order, returned.get(order.id) ?? 0)
    if (tooMany) problems.push(['quantity', tooMany])
    if (problems.length > 0) {
      for (const [field, reason] of problems) refuse(item, field, reason)
      continue
    }
    const returnedBefore = returned.get(order.id) ?? 0
    returned.set(order.id, returnedBefore + row.quantity)
    settled.push({
      row: {
        ...row,
        unitPrice: order.unitPrice,
        discount: order.discount,
        ...returnFigures(order, row.quantity, returnedBefore),
        returnOfId: order.id,
        volumeRuleVersionId: order.volumeRuleVersionId,
      },
      provenance: item.provenance,
    })
  }
  return settled
}

/**
 * Writes a batch of read order lines: orders first (with their volumes), then returns (against the orders, those
 * of this batch included), each an upsert by natural key, so the same lines again change nothing. Lines that cannot
 * be settled are returned as rejections, naming the column through `headerOf`.
 */
export async function writeNetworkOrders(
  client: PoolClient,
  rows: Item[],
  headerOf: (field: string) => string = (field) => field,
): Promise<OrderWriteCounts> {
  const rejected = new Map<Item, RowError[]>()
  const refuse = (item: Item, field: string, reason: string) => {
    rejected.set(item, [...(rejected.get(item) ?? []), { column: headerOf(field), reason }])
  }
  // A closed cycle's figures no longer change: its orders and returns are refused (corrections go into an open cycle),
  // and so is an order line whose new quantity is below what its returns already took back.
  const closed = await client.query<{ label: string; startsOn: string; endsOn: string }>(
    `select label, starts_on::text as "startsOn", ends_on::text as "endsOn" from commission_periods where status = 'locked' and cycle = 'regular'`,
  )
  const returnedOf = await client.query<{ key: string; returned: number }>(
    `select o.natural_key as key, sum(r.quantity)::int as returned from network_orders o join network_orders r on r.return_of_id = o.id
      where o.natural_key = any($1::varchar[]) group by o.natural_key`,
    [rows.filter((item) => item.row.kind === 'order').map((item) => item.provenance.naturalKey)],
  )
  const returnedByKey = new Map(returnedOf.rows.map((row) => [row.key, row.returned]))
  const open = rows.filter((item) => {
    const cycle = closed.rows.find((c) => item.row.bookedOn >= c.startsOn && item.row.bookedOn <= c.endsOn)
    if (cycle) refuse(item, 'bookedOn', `${item.row.bookedOn} is in ${cycle.label}, which is closed: book corrections in an open cycle`)
    const returned = returnedByKey.get(item.provenance.naturalKey) ?? 0
    if (item.row.kind === 'order' && item.row.quantity < returned)
      refuse(item, 'quantity', `${item.row.quantity} units is less than the ${returned} already returned of this order line`)
    return !rejected.has(item)
  })
  const products = await loadProducts(client, [...new Set(open.map((item) => item.row.productId))])
  const orders = open.filter((item) => item.row.kind === 'order')
  const volumes = await orderVolumes(client, orders, products, refuse)
  const orderFacts = orders.flatMap((item) => {
    const found = volumes.get(item)
    return found ? [{ row: { ...item.row, ...found, returnOfId: null }, provenance: item.provenance }] : []
  })
  const counts = await writeNetworkOrderFacts(client, orderFacts)
  const returnFacts = await settleReturns(
    client,
    open.filter((item) => item.row.kind === 'return'),
    refuse,
  )
  const returnCounts = await writeNetworkOrderFacts(client, returnFacts)
  return {
    inserted: counts.inserted + returnCounts.inserted,
    updated: counts.updated + returnCounts.updated,
    unchanged: counts.unchanged + returnCounts.unchanged,
    rejected: [...rejected].map(([item, errors]) => ({ sourceRow: item.provenance.sourceRow, errors })),
  }
}
