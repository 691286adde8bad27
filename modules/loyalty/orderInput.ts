/**
 * An order as the incentives checkout reads it: the request body checked field by field, the consultant and the
 * products it names resolved (prices from the price list in the order's currency), and the input of the
 * `order_incentive` / `points_earn` rules (engine/rules purposes `orderInputs`).
 */
import type { PoolClient } from 'pg'

import { D } from '../../engine/core/decimal'
import { isCurrencyCode } from '../../engine/core/money'
import type { IncentiveItem } from '../../engine/loyalty/incentives'
import { LoyaltyRefusal } from './errors'

/** Items one order may hold. */
export const MAX_ORDER_ITEMS = 500

export type OrderItemRequest = { product: string; quantity: number; unitPrice: string | null; redeem: boolean }

/** An order body, checked: `{ orderNumber, consultant, customer?, orderDate, currency, freight, items, coupon?, useCredit? }`. */
export type OrderRequest = {
  orderNumber: string
  consultant: string
  customer: string | null
  orderDate: string
  currency: string
  freight: string
  items: OrderItemRequest[]
  coupon: string | null
  useCredit: string | null
}

/** A refusal naming the field: what every loyalty endpoint answers with `{ errors: [{ message, field }] }`. */
export function refusal(status: 400 | 403 | 404 | 409 | 422, field: string, message: string): LoyaltyRefusal {
  const err = new LoyaltyRefusal(message, status, field)
  return err
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A calendar day "YYYY-MM-DD" that exists. */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

function amountText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return value.trim()
  return null
}

/** The order body checked field by field, or a 422 refusal naming the first bad field and why. */
export function readOrderRequest(fields: Record<string, unknown>): OrderRequest {
  const text = (name: string, required: boolean): string | null => {
    const value = fields[name]
    if (value === undefined || value === null || value === '') {
      if (required) throw refusal(422, name, `${name} is required`)
      return null
    }
    if (typeof value !== 'string' && typeof value !== 'number') throw refusal(422, name, `${name} must be text`)
    return String(value).trim()
  }
  const orderNumber = text('orderNumber', true)!
  if (orderNumber.length > 64) throw refusal(422, 'orderNumber', 'orderNumber is longer than 64 characters')
  const consultant = text('consultant', true)!
  const customer = text('customer', false)
  const orderDate = text('orderDate', true)!
  if (!isDay(orderDate)) throw refusal(422, 'orderDate', `"${orderDate}" is not a day (YYYY-MM-DD)`)
  const currency = text('currency', true)!.toUpperCase()
  if (!isCurrencyCode(currency)) throw refusal(422, 'currency', `"${currency}" is not an ISO 4217 currency code`)
  const freight = fields.freight === undefined || fields.freight === null || fields.freight === '' ? '0' : amountText(fields.freight)
  if (freight === null || new D(freight).isNegative())
    throw refusal(422, 'freight', 'freight must be an amount of at least 0 (e.g. "15.00")')
  const rawItems = fields.items
  if (!Array.isArray(rawItems) || rawItems.length === 0) throw refusal(422, 'items', 'items must list at least one product')
  if (rawItems.length > MAX_ORDER_ITEMS) throw refusal(422, 'items', `an order holds at most ${MAX_ORDER_ITEMS} items`)
  const items = rawItems.map((raw, i): OrderItemRequest => {
    const at = `items.${i}`
    if (typeof raw !== 'object' || raw === null) throw refusal(422, at, `${at} must be { product, quantity, unitPrice?, redeem? }`)
    const item = raw as Record<string, unknown>
    if (typeof item.product !== 'string' || !item.product.trim()) throw refusal(422, `${at}.product`, 'product (the SKU) is required')
    const quantity = item.quantity
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity <= 0 || quantity > 1_000_000)
      throw refusal(422, `${at}.quantity`, 'quantity must be a whole number above 0')
    let unitPrice: string | null = null
    if (item.unitPrice !== undefined && item.unitPrice !== null && item.unitPrice !== '') {
      unitPrice = amountText(item.unitPrice)
      if (unitPrice === null || new D(unitPrice).isNegative())
        throw refusal(422, `${at}.unitPrice`, 'unitPrice must be an amount of at least 0')
    }
    if (item.redeem !== undefined && typeof item.redeem !== 'boolean') throw refusal(422, `${at}.redeem`, 'redeem must be true or false')
    return { product: item.product.trim(), quantity, unitPrice, redeem: item.redeem === true }
  })
  const coupon = text('coupon', false)
  let useCredit: string | null = null
  if (fields.useCredit !== undefined && fields.useCredit !== null && fields.useCredit !== '') {
    useCredit = amountText(fields.useCredit)
    if (useCredit === null || new D(useCredit).isNegative()) throw refusal(422, 'useCredit', 'useCredit must be an amount of at least 0')
  }
  return { orderNumber, consultant, customer, orderDate, currency, freight, items, coupon, useCredit }
}

/** The consultant an order is booked to, with what the rules read about them. */
export type OrderConsultant = {
  id: number
  code: string
  path: string
  currency: string | null
  status: string | null
  segment: string | null
  region: string | null
  rank: string | null
}

/** A priced item: the request's item with the product's id, its price in the currency and its points. */
export type PricedItem = IncentiveItem & { productId: number; points: number | null }

/** The active loyalty program (the first by id when there are several) and its rule sets. */
export type OrderProgram = {
  id: number
  code: string
  earnRules: number | null
  incentiveRules: number | null
  referralRules: number | null
}

export type OrderContext = { consultant: OrderConsultant; lists: string[]; items: PricedItem[]; program: OrderProgram | null }

/** The consultant by code with segment, status, region and paid rank (the rank of their latest member cycle), or null. */
export async function consultantByCode(client: PoolClient, code: string): Promise<OrderConsultant | null> {
  const found = await client.query<OrderConsultant>(
    `select p.id, p.code, p.path, p.currency, p.status::text as status, p.dealer_tier::text as segment, t.code as region,
            (select r.code from member_cycles mc join commission_periods cp on cp.id = mc.cycle_id
               join ranks r on r.id = mc.paid_rank_id
              where mc.participant_id = p.id order by cp.ends_on desc, cp.id desc limit 1) as rank
       from participants p left join territories t on t.id = p.territory_id
      where p.code = $1`,
    [code],
  )
  return found.rows[0] ?? null
}

/** The active loyalty program (lowest id), or null when none. */
export async function activeProgram(client: PoolClient): Promise<OrderProgram | null> {
  const found = await client.query<OrderProgram>(
    `select id, code, earn_rules_id as "earnRules", incentive_rules_id as "incentiveRules", referral_rules_id as "referralRules"
       from loyalty_programs where active is not false order by id limit 1`,
  )
  return found.rows[0] ?? null
}

/** The codes of the customer lists the consultant is on, or (a customer order) the customer is on, one per line. */
export async function listsOf(client: PoolClient, consultantId: number, customer: string | null): Promise<string[]> {
  const found = await client.query<{ code: string }>(
    `select distinct l.code from customer_lists l
      where exists (select 1 from customer_lists_rels r where r.parent_id = l.id and r.path = 'consultants' and r.participants_id = $1)
         or ($2::text is not null and $2::text = any(string_to_array(replace(coalesce(l.customers, ''), E'\\r', ''), E'\\n')))
      order by l.code`,
    [consultantId, customer],
  )
  return found.rows.map((r) => r.code)
}

/**
 * The order's consultant, lists, items priced and program, or a refusal naming the field: an unknown consultant or
 * product, a product without a price list in the currency, an inactive product, a product redeemed that has no
 * redeem value. A unit price left out is the consultant price of that price list (customer orders: the public price).
 */
export async function loadOrderContext(client: PoolClient, order: OrderRequest): Promise<OrderContext> {
  const consultant = await consultantByCode(client, order.consultant)
  if (!consultant) throw refusal(422, 'consultant', `unknown consultant "${order.consultant}"`)
  const codes = [...new Set(order.items.map((i) => i.product))]
  const found = await client.query<{
    id: number
    code: string
    active: boolean | null
    points: string | null
    redeemPoints: string | null
    consultantPrice: string | null
    publicPrice: string | null
    hasPrice: boolean
  }>(
    `select p.id, p.code, p.active, p.points::text as points, p.redeem_points::text as "redeemPoints",
            pp.consultant_price::text as "consultantPrice", pp.public_price::text as "publicPrice", pp._parent_id is not null as "hasPrice"
       from products p
       left join lateral (select * from products_prices x where x._parent_id = p.id and upper(x.currency) = $2 order by x._order limit 1) pp on true
      where p.code = any($1::text[])`,
    [codes, order.currency],
  )
  const products = new Map(found.rows.map((r) => [r.code, r]))
  const items = order.items.map((item, i): PricedItem => {
    const product = products.get(item.product)
    const at = `items.${i}.product`
    if (!product) throw refusal(422, at, `unknown product "${item.product}"`)
    if (product.active === false) throw refusal(422, at, `product ${product.code} is inactive: it cannot be ordered`)
    if (!product.hasPrice) throw refusal(422, at, `product ${product.code} has no ${order.currency} price list`)
    const redeemPoints = product.redeemPoints === null ? null : Number(product.redeemPoints)
    if (item.redeem && !(redeemPoints && redeemPoints > 0))
      throw refusal(422, `items.${i}.redeem`, `product ${product.code} cannot be paid with points: it has no redeem value`)
    const listPrice = order.customer ? product.publicPrice : product.consultantPrice
    return {
      sku: product.code,
      productId: product.id,
      quantity: item.quantity,
      unitPrice: item.unitPrice ?? new D(listPrice ?? '0').toString(),
      redeem: item.redeem,
      redeemPoints,
      points: product.points === null ? null : Number(product.points),
    }
  })
  const lists = await listsOf(client, consultant.id, order.customer)
  return { consultant, lists, items, program: await activeProgram(client) }
}

/** The input of the `order_incentive` and `points_earn` rules for an order. Amounts are decimal text. */
export function orderRuleInput(order: OrderRequest, ctx: OrderContext): Record<string, unknown> {
  const quantities: Record<string, number> = {}
  let amount = new D(0)
  for (const item of ctx.items) {
    quantities[item.sku] = (quantities[item.sku] ?? 0) + item.quantity
    if (!item.redeem) amount = amount.plus(new D(item.unitPrice).times(item.quantity))
  }
  return {
    consultant: ctx.consultant.code,
    rank: ctx.consultant.rank,
    segment: ctx.consultant.segment,
    status: ctx.consultant.status,
    region: ctx.consultant.region,
    lists: ctx.lists,
    customerOrder: order.customer !== null,
    products: Object.keys(quantities),
    quantities,
    orderAmount: Number(amount.toString()),
    freight: Number(order.freight),
    currency: order.currency,
    orderDate: order.orderDate,
  }
}
