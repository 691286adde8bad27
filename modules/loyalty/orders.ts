/**
 * Incentives on orders (7.2), the server side: the order system asks what an order gets before it charges
 * (`evaluateOrder`, writes nothing), then checks it out (`checkoutOrder`, one transaction: the coupon used by one
 * conditional update, products paid with points, credit spent, coupons and credit notes issued, incentive points
 * posted, the order's lines written to the network orders through the import's reader and writer, the catalog points
 * earned, the order recorded). A refusal anywhere rolls everything back. `returnOrder` undoes what can be undone.
 */
import type { PoolClient } from 'pg'

import { D } from '../../engine/core/decimal'
import {
  applyIncentives,
  minorText,
  ruleLines,
  toMinor,
  type CouponUse,
  type IncentiveOutcome,
  type IncentiveRuleLine,
} from '../../engine/loyalty/incentives'
import { compileRule, evaluateRule, NOTHING, RuleContentError } from '../../engine/rules'
import { writeOrderLines } from '../multilevel'
import { approvedRuleVersion } from '../rules'
import { issueCoupon } from './coupons'
import { LoyaltyRefusal } from './errors'
import { earnFromOrders } from './earn'
import { expiryOf, insertMovements, lockHolder, postEarn, programOf, redeemProduct, spendablePoints, type Holder } from './ledger'
import { loadOrderContext, orderRuleInput, refusal, type OrderContext, type OrderRequest } from './orderInput'
import { postWallet, walletBalances } from './wallet'

/** Who acts: the user id recorded on what is written. */
export type OrderActor = { id: number } | null

/** Whether the coupon named on an order can be used, and why not. */
export type CouponCheck = {
  code: string
  usable: boolean
  reason?: string
  kind?: 'amount' | 'percent'
  value?: string
  expiresOn?: string
}

export type OrderEvaluation = IncentiveOutcome & {
  orderNumber: string
  consultant: { id: number; code: string }
  customer: string | null
  orderDate: string
  ruleVersion: { id: number; label: string } | null
  coupon: CouponCheck | null
  /** Points spendable on the order's day, the points the order's redeemed items cost, and whether they suffice. */
  points: { program: string | null; available: number; redeeming: number; enough: boolean }
  credit: { available: string; using: string }
  input: Record<string, unknown>
}

type CouponRow = {
  id: number
  code: string
  consultantId: number
  kind: 'amount' | 'percent'
  value: string
  currency: string
  expiresOn: string
  status: 'issued' | 'used' | 'void'
  usedOnOrder: string | null
  label: string | null
}

const COUPON_COLUMNS = `id, code, consultant_id as "consultantId", kind::text as kind, value::text as value, upper(currency) as currency,
  to_char(expires_on, 'YYYY-MM-DD') as "expiresOn", status::text as status, used_on_order as "usedOnOrder", label`

/** Why `coupon` cannot be used on this order, or null when it can (used and expiry checked on the order's day). */
export function couponProblem(
  coupon: CouponRow | null,
  code: string,
  order: { consultantId: number; currency: string; orderDate: string },
): string | null {
  if (!coupon) return `unknown coupon "${code}"`
  if (coupon.status === 'used') return `coupon ${code} was already used on order ${coupon.usedOnOrder ?? '?'}`
  if (coupon.status === 'void') return `coupon ${code} is void`
  if (coupon.expiresOn < order.orderDate) return `coupon ${code} expired on ${coupon.expiresOn}`
  if (coupon.consultantId !== order.consultantId) return `coupon ${code} is another consultant's`
  if (coupon.currency !== order.currency) return `coupon ${code} is in ${coupon.currency}, the order in ${order.currency}`
  return null
}

async function couponByCode(client: PoolClient, code: string): Promise<CouponRow | null> {
  const found = await client.query<CouponRow>(`select ${COUPON_COLUMNS} from coupons where code = $1`, [code])
  return found.rows[0] ?? null
}

/** The incentive rule results for the order (empty when the program has no rules or no row applies). */
async function incentiveRules(
  client: PoolClient,
  ctx: OrderContext,
  order: OrderRequest,
  input: Record<string, unknown>,
): Promise<{ lines: IncentiveRuleLine[]; version: { id: number; label: string } | null }> {
  const setId = ctx.program?.incentiveRules ?? null
  if (setId === null) return { lines: [], version: null }
  const source = await approvedRuleVersion(client, setId, order.orderDate)
  if (!source) return { lines: [], version: null }
  let rule
  try {
    rule = compileRule(source)
  } catch (err) {
    if (err instanceof RuleContentError) throw refusal(422, 'incentiveRules', `the incentive rules cannot be used: ${err.message}`)
    throw err
  }
  const outcome = await evaluateRule(rule, input)
  const version = { id: source.id, label: rule.label }
  if ('error' in outcome) {
    if (outcome.error === NOTHING) return { lines: [], version }
    throw refusal(422, 'incentiveRules', `${rule.label}: ${outcome.error}`)
  }
  return { lines: ruleLines(outcome.result.results, outcome.result.fired, version), version }
}

/** The credit the holder can spend in the currency (wallet balance; 0 when none). */
async function creditAvailable(client: PoolClient, consultantId: number, customer: string | null, currency: string): Promise<string> {
  const balances = await walletBalances(client, consultantId, customer)
  const found = balances.find((b) => b.currency.toUpperCase() === currency)
  return found ? found.balance : '0'
}

/** Everything the evaluation computes: context, rules, the coupon check and the incentives applied. */
async function evaluate(
  client: PoolClient,
  order: OrderRequest,
  claimed: CouponRow | null = null,
): Promise<{ ctx: OrderContext; evaluation: OrderEvaluation; couponRow: CouponRow | null }> {
  const ctx = await loadOrderContext(client, order)
  const input = orderRuleInput(order, ctx)
  const rules = await incentiveRules(client, ctx, order, input)
  let coupon: CouponCheck | null = null
  let couponRow: CouponRow | null = null
  let use: CouponUse | null = null
  if (order.coupon) {
    couponRow = claimed ?? (await couponByCode(client, order.coupon))
    const problem = claimed
      ? null
      : couponProblem(couponRow, order.coupon, { consultantId: ctx.consultant.id, currency: order.currency, orderDate: order.orderDate })
    if (problem || !couponRow) coupon = { code: order.coupon, usable: false, reason: problem ?? 'unknown coupon' }
    else {
      coupon = {
        code: couponRow.code,
        usable: true,
        kind: couponRow.kind,
        value: new D(couponRow.value).toString(),
        expiresOn: couponRow.expiresOn,
      }
      use = { code: couponRow.code, kind: couponRow.kind, value: new D(couponRow.value).toString(), label: couponRow.label }
    }
  }
  const credit = await creditAvailable(client, ctx.consultant.id, order.customer, order.currency)
  const available = ctx.program
    ? await spendablePoints(
        client,
        { programId: ctx.program.id, consultantId: ctx.consultant.id, customer: order.customer },
        order.orderDate,
      )
    : 0
  const outcome = applyIncentives(
    { currency: order.currency, orderDate: order.orderDate, freight: order.freight, items: ctx.items },
    rules.lines,
    { coupon: use, creditAvailable: credit, useCredit: order.useCredit },
  )
  const evaluation: OrderEvaluation = {
    orderNumber: order.orderNumber,
    consultant: { id: ctx.consultant.id, code: ctx.consultant.code },
    customer: order.customer,
    orderDate: order.orderDate,
    ruleVersion: rules.version,
    coupon,
    points: {
      program: ctx.program?.code ?? null,
      available,
      redeeming: outcome.pointsRedeemed,
      enough: available >= outcome.pointsRedeemed,
    },
    credit: { available: minorText(toMinor(credit, order.currency), order.currency), using: outcome.creditUsed },
    input,
    ...outcome,
  }
  return { ctx, evaluation, couponRow }
}

/** What the order would get, without writing anything: incentives and why, totals, the coupon, points and credit. */
export async function evaluateOrder(client: PoolClient, order: OrderRequest): Promise<OrderEvaluation> {
  return (await evaluate(client, order)).evaluation
}

/** The order's lines as network order records (the import's field names): products, redeemed products and gifts. */
function networkLines(order: OrderRequest, ctx: OrderContext, outcome: IncentiveOutcome): Record<string, unknown>[] {
  return outcome.lines.map((line, i) => ({
    orderNumber: order.orderNumber,
    line: i + 1,
    kind: 'order',
    bookedOn: order.orderDate,
    consultantCode: ctx.consultant.code,
    customer: order.customer,
    productCode: line.sku,
    quantity: line.quantity,
    currency: order.currency,
    unitPrice: line.kind === 'product' ? line.unitPrice : '0',
  }))
}

/** Writes network order lines through the import's reader and writer; any refusal names the line and field. */
async function writeLines(
  client: PoolClient,
  lines: Record<string, unknown>[],
  asOf: string,
  field: (index: number) => string,
): Promise<void> {
  // A rejection rolls the checkout back: whatever the writer did is undone with it.
  const { rejects } = await writeOrderLines(client, lines, asOf)
  const first = rejects[0]
  if (first)
    throw refusal(
      422,
      field(first.index),
      `line ${first.index + 1} (${String(lines[first.index]?.productCode)}): ${first.field ? `${first.field} ` : ''}${first.reason}`,
    )
}

/** The result of a checkout: the evaluation as applied, and what was written. */
export type CheckoutResult = OrderEvaluation & {
  orderIncentive: number
  couponsIssued: { id: number; code: string; kind: string; value: string; expiresOn: string }[]
  creditNotes: { amount: string; expiresOn: string }[]
}

/**
 * Checks the order out inside the caller's transaction: refuses an order number already checked out (409
 * orderNumber); locks the holder; uses the coupon with one conditional update (refused naming `coupon`: unknown, used
 * on order X, expired on D, another consultant's, wrong currency); redeems products paid with points; spends credit;
 * issues coupons and credit notes; posts incentive points; writes the lines to the network orders; earns the
 * catalog points of the day; records the order incentive.
 */
export async function checkoutOrder(client: PoolClient, order: OrderRequest, user: OrderActor, today: string): Promise<CheckoutResult> {
  await client.query('select pg_advisory_xact_lock(hashtext($1))', [`accrue.loyalty.order.${order.orderNumber}`])
  const done = await client.query<{ id: number }>(`select id from order_incentives where order_number = $1`, [order.orderNumber])
  if (done.rows[0]) throw refusal(409, 'orderNumber', `order ${order.orderNumber} was already checked out`)
  const existingLines = await client.query(`select 1 from network_orders where order_number = $1 and kind = 'order' limit 1`, [
    order.orderNumber,
  ])
  if (existingLines.rows[0]) throw refusal(409, 'orderNumber', `order ${order.orderNumber} already has network order lines`)

  const first = await loadOrderContext(client, order)
  const holder: Holder | null = first.program
    ? { programId: first.program.id, consultantId: first.consultant.id, customer: order.customer }
    : null
  if (holder) await lockHolder(client, holder.programId, holder.consultantId, holder.customer)
  // The wallet's lock (modules/loyalty/wallet.ts takes the same one): credit is read and spent without a race.
  if (order.useCredit)
    await client.query(`select pg_advisory_xact_lock(hashtext($1))`, [
      `accrue.loyalty.wallet.${first.consultant.id}.${order.customer ?? ''}`,
    ])

  let claimed: CouponRow | null = null
  // The coupon, used once: one conditional update; zero rows → why, read after.
  if (order.coupon) {
    const used = await client.query<CouponRow>(
      `update coupons set status = 'used', used_on_order = $2, used_at = now(), updated_at = now()
        where code = $1 and status = 'issued' and expires_on >= $3::date and consultant_id = $4 and upper(currency) = $5
        returning ${COUPON_COLUMNS}`,
      [order.coupon, order.orderNumber, order.orderDate, first.consultant.id, order.currency],
    )
    if (!used.rows[0]) {
      const row = await couponByCode(client, order.coupon)
      throw refusal(
        409,
        'coupon',
        couponProblem(row, order.coupon, { consultantId: first.consultant.id, currency: order.currency, orderDate: order.orderDate }) ??
          `coupon ${order.coupon} cannot be used`,
      )
    }
    claimed = used.rows[0]
  }
  const { ctx, evaluation, couponRow } = await evaluate(client, order, claimed)
  if (order.useCredit && new D(order.useCredit).gt(evaluation.credit.available))
    throw refusal(
      409,
      'useCredit',
      `useCredit ${order.useCredit} is more than the ${evaluation.credit.available} ${order.currency} of credit available`,
    )

  // Products paid with points.
  let pointsRedeemed = 0
  if (holder) {
    for (const [i, item] of ctx.items.entries()) {
      if (!item.redeem) continue
      try {
        await redeemProduct(
          client,
          holder,
          item.productId,
          item.quantity,
          order.orderNumber,
          user?.id ?? null,
          `order:${order.orderNumber}:${i}`,
          order.orderDate,
        )
      } catch (err) {
        if (err instanceof LoyaltyRefusal) throw new LoyaltyRefusal(err.message, err.status, `items.${i}.redeem`)
        throw err
      }
      pointsRedeemed += (item.redeemPoints ?? 0) * item.quantity
    }
  } else if (ctx.items.some((i) => i.redeem))
    throw refusal(422, 'items', 'there is no active loyalty program: nothing can be paid with points')

  const userId = user?.id ?? null
  if (new D(evaluation.creditUsed).gt(0))
    await postWallet(client, {
      consultantId: ctx.consultant.id,
      customer: order.customer,
      currency: order.currency,
      amount: minorText(new D(evaluation.creditUsed).negated(), order.currency),
      kind: 'order_payment',
      bookedOn: order.orderDate,
      label: `Order ${order.orderNumber}`,
      orderNumber: order.orderNumber,
      createdBy: userId,
      naturalKey: `order_payment:${order.orderNumber}`,
    })

  const couponsIssued: CheckoutResult['couponsIssued'] = []
  for (const [i, coupon] of evaluation.couponsToIssue.entries()) {
    const issued = await issueCoupon(client, {
      consultantId: ctx.consultant.id,
      customer: order.customer,
      kind: coupon.kind,
      value: coupon.value,
      currency: order.currency,
      expiresOn: coupon.expiresOn,
      label: coupon.label,
      issuedOnOrder: order.orderNumber,
      ruleVersion: coupon.why.ruleVersion,
      naturalKey: `order:${order.orderNumber}:coupon:${i + 1}`,
    })
    couponsIssued.push({ ...issued, kind: coupon.kind, value: coupon.value, expiresOn: coupon.expiresOn })
  }
  const creditNotes: CheckoutResult['creditNotes'] = []
  for (const [i, note] of evaluation.creditNotesToIssue.entries()) {
    await postWallet(client, {
      consultantId: ctx.consultant.id,
      customer: order.customer,
      currency: order.currency,
      amount: note.amount,
      kind: 'credit_note',
      bookedOn: order.orderDate,
      expiresOn: note.expiresOn,
      label: note.label,
      orderNumber: order.orderNumber,
      ruleVersionId: note.why.ruleVersion,
      createdBy: userId,
      naturalKey: `order:${order.orderNumber}:credit_note:${i + 1}`,
    })
    creditNotes.push({ amount: note.amount, expiresOn: note.expiresOn })
  }
  if (holder && evaluation.pointsToPost.length) {
    const { expiresOn, campaignId } = await expiryOf(client, await programOf(client, holder.programId), order.orderDate)
    for (const [i, grant] of evaluation.pointsToPost.entries())
      await postEarn(client, {
        holder,
        points: grant.points,
        bookedOn: order.orderDate,
        expiresOn,
        campaignId,
        source: 'incentive',
        label: grant.label,
        orderNumber: order.orderNumber,
        ruleVersionId: grant.why.ruleVersion,
        createdBy: userId,
        naturalKey: `incentive:${order.orderNumber}:${i + 1}`,
      })
  }

  await writeLines(client, networkLines(order, ctx, evaluation), today, (index) =>
    evaluation.lines[index]?.kind === 'gift' ? 'incentiveRules' : `items.${index}`,
  )
  await earnFromOrders(client, { from: order.orderDate, to: order.orderDate, today })

  const recorded = await client.query<{ id: number }>(
    `insert into order_incentives (order_number, consultant_id, customer, order_date, currency, subtotal, discount, freight,
       freight_charged, coupon_discount, credit_used, total, coupon_id, points_redeemed, applied, rule_version_id, status, created_by_id)
     values ($1, $2, $3, $4::date, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'processed', $17) returning id`,
    [
      order.orderNumber,
      ctx.consultant.id,
      order.customer,
      order.orderDate,
      order.currency,
      evaluation.subtotal,
      evaluation.discount,
      evaluation.freight,
      evaluation.freightCharged,
      evaluation.couponDiscount,
      evaluation.creditUsed,
      evaluation.total,
      couponRow?.id ?? null,
      pointsRedeemed,
      JSON.stringify({ lines: evaluation.lines, applied: evaluation.applied, issued: { coupons: couponsIssued, creditNotes } }),
      evaluation.ruleVersion?.id ?? null,
      userId,
    ],
  )
  return { ...evaluation, orderIncentive: recorded.rows[0]!.id, couponsIssued, creditNotes }
}

/** What a return did. */
export type ReturnResult = {
  orderNumber: string
  returnedLines: number
  couponsVoided: string[]
  couponsKept: string[]
  creditNotesReversed: string[]
  creditNotesKept: string[]
  creditRefunded: string
  /** Incentive points taken back (what was left of their lots), and those already spent (kept). */
  incentivePointsTakenBack: number
  incentivePointsKept: number
}

/**
 * Returns a checked-out order inside the caller's transaction: every line returned (network orders kind 'return',
 * booked on `returnDate`), the order incentive marked returned, the unused coupons it issued voided (used ones stay
 * used), its credit notes reversed while the holder's balance still covers them (otherwise kept and listed), the
 * credit it spent given back, then the ledger's earn run for the return day takes the points back. A coupon the order
 * used is not given back.
 */
export async function returnOrder(client: PoolClient, orderNumber: string, user: OrderActor, returnDate: string): Promise<ReturnResult> {
  await client.query('select pg_advisory_xact_lock(hashtext($1))', [`accrue.loyalty.order.${orderNumber}`])
  const found = await client.query<{
    id: number
    status: string
    consultantId: number
    code: string
    customer: string | null
    currency: string
    creditUsed: string
    orderDate: string
  }>(
    `select oi.id, oi.status::text as status, oi.consultant_id as "consultantId", p.code, oi.customer, oi.currency,
            coalesce(oi.credit_used, 0)::text as "creditUsed", to_char(oi.order_date at time zone 'UTC', 'YYYY-MM-DD') as "orderDate"
       from order_incentives oi join participants p on p.id = oi.consultant_id where oi.order_number = $1 for update of oi`,
    [orderNumber],
  )
  const order = found.rows[0]
  if (!order) throw refusal(404, 'orderNumber', `order ${orderNumber} was not checked out here`)
  if (order.status === 'returned') throw refusal(409, 'orderNumber', `order ${orderNumber} was already returned`)
  if (returnDate < order.orderDate)
    throw refusal(422, 'returnDate', `the return (${returnDate}) cannot be before the order (${order.orderDate})`)

  const lines = await client.query<{ line: number; sku: string; quantity: number; unitPrice: string }>(
    `select o.line::int as line, pr.code as sku, o.quantity::int as quantity, o.unit_price::text as "unitPrice"
       from network_orders o join products pr on pr.id = o.product_id
      where o.order_number = $1 and o.kind = 'order' order by o.line`,
    [orderNumber],
  )
  const records = lines.rows.map((l) => ({
    orderNumber,
    line: l.line,
    kind: 'return',
    bookedOn: returnDate,
    consultantCode: order.code,
    customer: order.customer,
    productCode: l.sku,
    quantity: l.quantity,
    currency: order.currency,
    unitPrice: l.unitPrice,
    returnOfOrder: orderNumber,
    returnOfLine: l.line,
  }))
  if (records.length) await writeLines(client, records, returnDate, (index) => `lines.${index}`)

  await client.query(`update order_incentives set status = 'returned', updated_at = now() where id = $1`, [order.id])
  const voided = await client.query<{ code: string }>(
    `update coupons set status = 'void', updated_at = now() where issued_on_order = $1 and status = 'issued' returning code`,
    [orderNumber],
  )
  const kept = await client.query<{ code: string }>(
    `select code from coupons where issued_on_order = $1 and status = 'used' order by code`,
    [orderNumber],
  )

  const userId = user?.id ?? null
  const notes = await client.query<{ id: number; amount: string; currency: string }>(
    `select id, amount::text as amount, upper(currency) as currency from wallet_entries
      where order_number = $1 and kind = 'credit_note' and amount > 0 order by id`,
    [orderNumber],
  )
  await client.query(`select pg_advisory_xact_lock(hashtext($1))`, [`accrue.loyalty.wallet.${order.consultantId}.${order.customer ?? ''}`])
  const reversed: string[] = []
  const notesKept: string[] = []
  for (const note of notes.rows) {
    const available = new D(await creditAvailable(client, order.consultantId, order.customer, note.currency))
    if (available.gte(note.amount)) {
      await postWallet(client, {
        consultantId: order.consultantId,
        customer: order.customer,
        currency: note.currency,
        amount: minorText(new D(note.amount).negated(), note.currency),
        kind: 'reversal',
        bookedOn: returnDate,
        label: `Return of ${orderNumber}: credit note withdrawn`,
        orderNumber,
        counterpartId: note.id,
        createdBy: userId,
        naturalKey: `return:${orderNumber}:credit_note:${note.id}`,
      })
      reversed.push(minorText(new D(note.amount), note.currency))
    } else notesKept.push(minorText(new D(note.amount), note.currency))
  }
  const creditUsed = new D(order.creditUsed)
  if (creditUsed.gt(0))
    await postWallet(client, {
      consultantId: order.consultantId,
      customer: order.customer,
      currency: order.currency,
      amount: minorText(creditUsed, order.currency),
      kind: 'reversal',
      bookedOn: returnDate,
      label: `Return of ${orderNumber}: credit given back`,
      orderNumber,
      createdBy: userId,
      naturalKey: `return:${orderNumber}:credit`,
    })
  // Incentive points the order granted: what is left of each lot goes back (spent points stay spent).
  const lots = await client.query<{ id: number; programId: number; left: string; points: string }>(
    `select l.id, l.program_id as "programId", (l.points + coalesce(sum(m.points), 0))::bigint::text as left, l.points::bigint::text as points
       from points_movements l left join points_movements m on m.lot_id = l.id
      where l.order_number = $1 and l.source = 'incentive' and l.kind = 'earn' and l.lot_id is null
      group by l.id order by l.id`,
    [orderNumber],
  )
  let incentivePointsTakenBack = 0
  let incentivePointsKept = 0
  for (const lot of lots.rows) {
    const holder: Holder = { programId: lot.programId, consultantId: order.consultantId, customer: order.customer }
    await lockHolder(client, holder.programId, holder.consultantId, holder.customer)
    const left = Number(lot.left)
    incentivePointsKept += Number(lot.points) - Math.max(left, 0)
    if (left <= 0) continue
    await insertMovements(client, [
      {
        holder,
        kind: 'reverse',
        source: 'return',
        points: -left,
        bookedOn: returnDate,
        lotId: lot.id,
        reversalOfId: lot.id,
        label: `Return of ${orderNumber}: incentive points`,
        orderNumber,
        createdBy: userId,
        naturalKey: `return:${orderNumber}:incentive:${lot.id}`,
      },
    ])
    incentivePointsTakenBack += left
  }
  await earnFromOrders(client, { from: returnDate, to: returnDate, today: returnDate })
  return {
    incentivePointsTakenBack,
    incentivePointsKept,
    orderNumber,
    returnedLines: records.length,
    couponsVoided: voided.rows.map((r) => r.code),
    couponsKept: kept.rows.map((r) => r.code),
    creditNotesReversed: reversed,
    creditNotesKept: notesKept,
    creditRefunded: minorText(creditUsed, order.currency),
  }
}
