/**
 * Order incentives (7.2), pure: what an order is charged once the incentive rules have spoken. Given the order's
 * product lines, its freight, the results of the `order_incentive` rule version (one per fired row), the coupon the
 * order uses and the credit it spends, it returns every line (gifts and lines paid with points included), the
 * discount, the freight charged, the coupon and credit applied, what to issue (coupons, credit notes, points) and
 * the total, each figure with an `applied[]` entry saying which rule version and row granted it.
 *
 * Rounding (half up, to the currency's minor unit), at these points only: each product line (unit price ×
 * quantity); each percent discount (percent × product subtotal); each amount (discounts, freight, coupon values,
 * credit notes, credit used) as the rule or the caller gives it; a percent coupon (percent × what is left of the
 * products after discounts). Sums of rounded figures need no further rounding. Caps: the discount never exceeds the
 * product subtotal, the freight charged never exceeds the freight, the coupon never exceeds what is left of the
 * products, the credit used never exceeds the credit available nor what is left to pay: the total is never below zero.
 */
import { D, type Dec } from '../core/decimal'
import { minorUnits } from '../core/money'
import type { FiredRow } from '../rules'
import { addDays } from '../core/calendarDate'

/** The incentive kinds the `order_incentive` purpose returns. */
export const INCENTIVE_KINDS = [
  'gift',
  'discount_percent',
  'discount_amount',
  'freight_waived',
  'freight_amount',
  'coupon_amount',
  'coupon_percent',
  'credit_note',
  'points',
] as const
export type IncentiveKind = (typeof INCENTIVE_KINDS)[number]

/** Coupons and credit notes a rule issues without `validDays` are valid this many days. */
export const DEFAULT_VALID_DAYS = 90

/** One product line of the order, priced (`unitPrice` decimal text). `redeemPoints`: points a unit costs when `redeem`. */
export type IncentiveItem = { sku: string; quantity: number; unitPrice: string; redeem?: boolean; redeemPoints?: number | null }

export type IncentiveOrder = { currency: string; orderDate: string; freight: string; items: IncentiveItem[] }

/** Why an incentive applies: the rule version (id and "Set v3" label) and the row that fired. */
export type IncentiveWhy = {
  ruleVersion: number | null
  version: string
  table?: string
  row?: number
  conditions?: string
  outputs?: string
  description?: string
}

/** One result of the incentive rule: its outputs and why it fired. */
export type IncentiveRuleLine = { result: Record<string, unknown>; why: IncentiveWhy }

/** A coupon the order uses (already found usable): `value` is an amount, or a percent of the products. */
export type CouponUse = { code: string; kind: 'amount' | 'percent'; value: string; label?: string | null }

export type IncentiveOptions = {
  coupon?: CouponUse | null
  /** Credit the holder may spend in the order's currency. */
  creditAvailable?: string
  /** Credit the order asks to spend (at most `creditAvailable` and what is left to pay is used). */
  useCredit?: string | null
}

/** A line of the order as charged: product lines (paid or with points) and gifts (charged 0). */
export type PricedLine = {
  sku: string
  quantity: number
  unitPrice: string
  amount: string
  kind: 'product' | 'gift' | 'redeemed'
  points?: number
  label?: string
}

export type CouponToIssue = {
  kind: 'amount' | 'percent'
  value: string
  validDays: number
  expiresOn: string
  label: string
  why: IncentiveWhy
}
export type CreditNoteToIssue = { amount: string; validDays: number; expiresOn: string; label: string; why: IncentiveWhy }
export type PointsToPost = { points: number; label: string; why: IncentiveWhy }

/** Each incentive granted (or not usable), with its figures and why. */
export type AppliedIncentive = {
  kind: IncentiveKind | 'coupon_used' | 'credit_used' | 'points_redeemed'
  label: string
  figures: Record<string, string | number>
  why: IncentiveWhy | { coupon: string } | { request: string }
  note?: string
}

export type IncentiveOutcome = {
  currency: string
  lines: PricedLine[]
  /** Products charged in money, before incentives (redeemed and gift lines excluded). */
  subtotal: string
  discount: string
  freight: string
  freightCharged: string
  couponDiscount: string
  creditUsed: string
  pointsRedeemed: number
  total: string
  couponsToIssue: CouponToIssue[]
  creditNotesToIssue: CreditNoteToIssue[]
  pointsToPost: PointsToPost[]
  applied: AppliedIncentive[]
  /** Rule results that could not be used (a kind without its figure): the label and why. */
  ignored: { label: string; reason: string }[]
}

/** `value` rounded half up to the currency's minor unit. */
export function toMinor(value: Dec | string, currency: string): Dec {
  return new D(value).toDecimalPlaces(minorUnits(currency), D.ROUND_HALF_UP)
}

/** Fixed text with the currency's minor units ("160.00"). */
export function minorText(value: Dec, currency: string): string {
  return value.toFixed(minorUnits(currency))
}

function decimalOf(value: unknown): Dec | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null
  try {
    const d = new D(value)
    return d.isFinite() ? d : null
  } catch {
    return null
  }
}

const min = (a: Dec, b: Dec): Dec => (a.lt(b) ? a : b)
const positive = (a: Dec): Dec => (a.isNegative() ? new D(0) : a)

/**
 * The rule version's results paired with the rows that fired: a collect table returns one result per fired row in
 * row order, so result i is row i when the counts agree; otherwise each result names the version only.
 */
export function ruleLines(
  results: readonly Record<string, unknown>[],
  fired: readonly FiredRow[],
  version: { id: number | null; label: string },
): IncentiveRuleLine[] {
  return results.map((result, i) => {
    const row = results.length === fired.length ? fired[i] : undefined
    const why: IncentiveWhy = { ruleVersion: version.id, version: version.label }
    if (row) {
      why.table = row.node
      why.row = row.row
      why.conditions = row.conditions
      why.outputs = row.outputs
      if (row.description) why.description = row.description
    }
    return { result, why }
  })
}

/**
 * What the order is charged once the incentive rules' results, the coupon and the credit are applied (the order of
 * application: lines, discounts, freight, coupon, credit). Pure: issues nothing, only says what to issue.
 */
export function applyIncentives(
  order: IncentiveOrder,
  rules: readonly IncentiveRuleLine[],
  options: IncentiveOptions = {},
): IncentiveOutcome {
  const currency = order.currency
  const zero = new D(0)
  const lines: PricedLine[] = []
  const applied: AppliedIncentive[] = []
  const ignored: IncentiveOutcome['ignored'] = []
  let subtotal = zero
  let pointsRedeemed = 0

  for (const item of order.items) {
    if (item.redeem) {
      const points = (item.redeemPoints ?? 0) * item.quantity
      pointsRedeemed += points
      lines.push({
        sku: item.sku,
        quantity: item.quantity,
        unitPrice: minorText(zero, currency),
        amount: minorText(zero, currency),
        kind: 'redeemed',
        points,
      })
      continue
    }
    const amount = toMinor(new D(item.unitPrice).times(item.quantity), currency)
    subtotal = subtotal.plus(amount)
    lines.push({ sku: item.sku, quantity: item.quantity, unitPrice: item.unitPrice, amount: minorText(amount, currency), kind: 'product' })
  }
  if (pointsRedeemed > 0)
    applied.push({
      kind: 'points_redeemed',
      label: 'Products paid with points',
      figures: { points: pointsRedeemed },
      why: { request: 'items flagged redeem' },
    })

  // Discounts: each percent of the product subtotal, each amount as given; together never above the subtotal.
  let discount = zero
  const freight = toMinor(order.freight, currency)
  let freightCharged = freight
  const couponsToIssue: CouponToIssue[] = []
  const creditNotesToIssue: CreditNoteToIssue[] = []
  const pointsToPost: PointsToPost[] = []
  for (const { result, why } of rules) {
    const kind = String(result.kind ?? '') as IncentiveKind
    const label = String(result.label ?? kind)
    const amount = decimalOf(result.amount)
    const percent = decimalOf(result.percent)
    const validDays = decimalOf(result.validDays)?.toNumber() ?? DEFAULT_VALID_DAYS
    const missing = (field: string) => ignored.push({ label, reason: `${kind} without ${field}` })
    switch (kind) {
      case 'gift': {
        const sku = typeof result.product === 'string' ? result.product : ''
        if (!sku) {
          missing('product')
          break
        }
        const quantity = decimalOf(result.quantity)?.toNumber() ?? 1
        lines.push({ sku, quantity, unitPrice: minorText(zero, currency), amount: minorText(zero, currency), kind: 'gift', label })
        applied.push({ kind, label, figures: { product: sku, quantity }, why })
        break
      }
      case 'discount_percent': {
        if (!percent) {
          missing('percent')
          break
        }
        const value = toMinor(subtotal.times(percent).div(100), currency)
        const granted = min(positive(value), subtotal.minus(discount))
        discount = discount.plus(granted)
        applied.push({ kind, label, figures: { percent: percent.toString(), amount: minorText(granted, currency) }, why })
        break
      }
      case 'discount_amount': {
        if (!amount) {
          missing('amount')
          break
        }
        const granted = min(positive(toMinor(amount, currency)), subtotal.minus(discount))
        discount = discount.plus(granted)
        applied.push({ kind, label, figures: { amount: minorText(granted, currency) }, why })
        break
      }
      case 'freight_waived':
        freightCharged = zero
        applied.push({ kind, label, figures: { freight: minorText(freight, currency), charged: minorText(zero, currency) }, why })
        break
      case 'freight_amount': {
        if (!amount) {
          missing('amount')
          break
        }
        // The lowest freight granted wins, and never more than the order's freight.
        freightCharged = min(freightCharged, min(positive(toMinor(amount, currency)), freight))
        applied.push({ kind, label, figures: { freight: minorText(freight, currency), charged: minorText(freightCharged, currency) }, why })
        break
      }
      case 'coupon_amount':
      case 'coupon_percent': {
        const value = kind === 'coupon_amount' ? (amount ? toMinor(amount, currency) : null) : percent
        if (!value || !value.gt(0)) {
          missing(kind === 'coupon_amount' ? 'amount' : 'percent')
          break
        }
        const expiresOn = addDays(order.orderDate, validDays)
        const couponKind = kind === 'coupon_amount' ? 'amount' : 'percent'
        const text = couponKind === 'amount' ? minorText(value, currency) : value.toString()
        couponsToIssue.push({ kind: couponKind, value: text, validDays, expiresOn, label, why })
        applied.push({ kind, label, figures: { [couponKind === 'amount' ? 'amount' : 'percent']: text, validDays, expiresOn }, why })
        break
      }
      case 'credit_note': {
        if (!amount || !amount.gt(0)) {
          missing('amount')
          break
        }
        const expiresOn = addDays(order.orderDate, validDays)
        const text = minorText(toMinor(amount, currency), currency)
        creditNotesToIssue.push({ amount: text, validDays, expiresOn, label, why })
        applied.push({ kind, label, figures: { amount: text, validDays, expiresOn }, why })
        break
      }
      case 'points': {
        const points = decimalOf(result.points)
        if (!points || !points.isInteger() || !points.gt(0)) {
          missing('whole points')
          break
        }
        pointsToPost.push({ points: points.toNumber(), label, why })
        applied.push({ kind, label, figures: { points: points.toNumber() }, why })
        break
      }
      default:
        ignored.push({ label, reason: `"${kind}" is not an incentive kind (${INCENTIVE_KINDS.join(', ')})` })
    }
  }

  // The coupon: an amount, or a percent of the products left after discounts; never above what is left of them.
  let couponDiscount = zero
  const productsLeft = subtotal.minus(discount)
  if (options.coupon) {
    const coupon = options.coupon
    const raw = coupon.kind === 'amount' ? toMinor(coupon.value, currency) : toMinor(productsLeft.times(coupon.value).div(100), currency)
    couponDiscount = min(positive(raw), productsLeft)
    applied.push({
      kind: 'coupon_used',
      label: coupon.label || `Coupon ${coupon.code}`,
      figures: { [coupon.kind === 'amount' ? 'value' : 'percent']: coupon.value, amount: minorText(couponDiscount, currency) },
      why: { coupon: coupon.code },
    })
  }

  // Credit: what was asked, at most what is available and what is left to pay.
  const beforeCredit = productsLeft.minus(couponDiscount).plus(freightCharged)
  let creditUsed = zero
  const asked = decimalOf(options.useCredit)
  if (asked && asked.gt(0)) {
    const available = positive(decimalOf(options.creditAvailable) ?? zero)
    creditUsed = min(min(toMinor(asked, currency), available), beforeCredit)
    applied.push({
      kind: 'credit_used',
      label: 'Account credit',
      figures: {
        asked: minorText(toMinor(asked, currency), currency),
        available: minorText(available, currency),
        amount: minorText(creditUsed, currency),
      },
      why: { request: 'useCredit' },
    })
  }

  return {
    currency,
    lines,
    subtotal: minorText(subtotal, currency),
    discount: minorText(discount, currency),
    freight: minorText(freight, currency),
    freightCharged: minorText(freightCharged, currency),
    couponDiscount: minorText(couponDiscount, currency),
    creditUsed: minorText(creditUsed, currency),
    pointsRedeemed,
    total: minorText(beforeCredit.minus(creditUsed), currency),
    couponsToIssue,
    creditNotesToIssue,
    pointsToPost,
    applied,
    ignored,
  }
}
