/**
 * The arithmetic of a network order line, pure: what the line charges, the volumes a product gives per unit, and the
 * share of an order line a return takes back. Amounts round to the currency's minor unit and volumes to the
 * hundredth, both half-even, only here and only once; nothing goes through a float.
 */
import { D, type Dec } from '../core/decimal'
import { minorUnits } from '../core/money'

export const ORDER_KINDS = ['order', 'return'] as const
export type OrderKind = (typeof ORDER_KINDS)[number]

/** One price list of a product: per unit, before VAT (decimal text as stored). */
export type PriceList = { consultantPrice: string; publicPrice: string; vatPercent: string }

/** What reading an order line needs to know of its product (loaded by the caller). */
export type ProductInfo = {
  id: number
  code: string
  active: boolean
  /** Price lists by ISO 4217 currency code. */
  prices: Record<string, PriceList>
}

/** Volumes are kept to the hundredth. */
export const VOLUME_DECIMALS = 2

export function roundVolume(value: Dec | string): string {
  return new D(value).toDecimalPlaces(VOLUME_DECIMALS, D.ROUND_HALF_EVEN).toFixed(VOLUME_DECIMALS)
}

/** (unitPrice − discount) × (1 + vatPercent / 100) × quantity, rounded to the currency's minor unit. */
export function lineAmount(line: { unitPrice: string; discount: string; vatPercent: string; quantity: number; currency: string }): string {
  const scale = minorUnits(line.currency)
  return new D(line.unitPrice)
    .minus(line.discount)
    .times(new D(line.vatPercent).dividedBy(100).plus(1))
    .times(line.quantity)
    .toDecimalPlaces(scale, D.ROUND_HALF_EVEN)
    .toFixed(scale)
}

/** Per-unit volumes times the quantity, to the hundredth. */
export function directVolumes(perUnit: { qualifyingVolume: string; commissionableVolume: string }, quantity: number) {
  return {
    qualifyingVolume: roundVolume(new D(perUnit.qualifyingVolume).times(quantity)),
    commissionableVolume: roundVolume(new D(perUnit.commissionableVolume).times(quantity)),
  }
}

/** The stored figures of an order line a return takes back a share of. */
export type ReturnedLine = { quantity: number; amount: string; qualifyingVolume: string; commissionableVolume: string; currency: string }

/**
 * A return of `quantity` units of `order`, after `returnedBefore` units were returned: its amount and volumes are the order line's, times quantity / the order's
 * quantity, rounded (amount to the minor unit, volumes to the hundredth) and negative.
 */
export function returnFigures(order: ReturnedLine, quantity: number, returnedBefore = 0) {
  const scale = minorUnits(order.currency)
  // The figures of the first k units returned; a return takes the difference, so returns that add up to the whole
  // line take back exactly its figures (3 returns of 1 unit of 10.00: 3.33, 3.33, 3.34), never a cent more or less.
  const upTo = (k: number) => {
    const share = new D(k).dividedBy(order.quantity)
    return {
      amount: new D(order.amount).times(share).toDecimalPlaces(scale, D.ROUND_HALF_EVEN),
      qualifyingVolume: new D(roundVolume(new D(order.qualifyingVolume).times(share))),
      commissionableVolume: new D(roundVolume(new D(order.commissionableVolume).times(share))),
    }
  }
  const before = upTo(returnedBefore)
  const after = upTo(returnedBefore + quantity)
  const negated = (a: InstanceType<typeof D>, b: InstanceType<typeof D>, places: number) => {
    const value = a.minus(b)
    return (value.isZero() ? new D(0) : value.negated()).toFixed(places)
  }
  return {
    amount: negated(after.amount, before.amount, scale),
    qualifyingVolume: negated(after.qualifyingVolume, before.qualifyingVolume, VOLUME_DECIMALS),
    commissionableVolume: negated(after.commissionableVolume, before.commissionableVolume, VOLUME_DECIMALS),
  }
}

/** "return of 3 units is larger than order SO-1 line 2 (2 units, 1 returned before)", or null when it fits. */
export function overReturn(
  quantity: number,
  order: { orderNumber: string; line: number; quantity: number },
  returnedBefore: number,
): string | null {
  if (returnedBefore + quantity <= order.quantity) return null
  const units = (n: number) => `${n} ${n === 1 ? 'unit' : 'units'}`
  return `return of ${units(quantity)} is larger than order ${order.orderNumber} line ${order.line} (${units(order.quantity)}, ${returnedBefore} returned before)`
}
