/**
 * Wallet arithmetic: points to money, money to money, money to points, at a rate ("how many `to` one `from` is
 * worth", a decimal string). Exact decimals (engine/core/money), no float ever.
 *
 * Rounding, chosen once for every conversion:
 * - points → money and money → money: the exact product rounded HALF-EVEN to the target currency's minor unit
 *   (151 points × 0.015 = 2.265 → 2.26; 153 × 0.015 = 2.295 → 2.30). A conversion worth less than one minor unit
 *   after rounding is refused (WalletMathError), never booked as zero.
 * - money → points: whole points, rounded DOWN (floor of amount × rate); the money actually used is points ÷ rate
 *   rounded UP (ceiling) to the minor unit (never more than the amount given), and the rest stays in the wallet.
 */
import { D, type Dec } from '../core/decimal'
import { currencyCode, minorUnits, money, round, type Money } from '../core/money'

/** A conversion the arithmetic refuses: `field` names the input. */
export class WalletMathError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message)
    this.name = 'WalletMathError'
  }
}

/** The rate as a positive Decimal, or WalletMathError naming `rate`. */
export function parseRate(rate: string): Dec {
  if (typeof rate !== 'string' || !/^\d{1,12}(\.\d{1,10})?$/.test(rate.trim()))
    throw new WalletMathError(`rate: "${String(rate)}" is not a positive decimal`, 'rate')
  const value = new D(rate.trim())
  if (value.lte(0)) throw new WalletMathError(`rate: ${rate} is not positive`, 'rate')
  return value
}

/** A positive amount given as decimal text in a currency, or WalletMathError naming `amount`. */
export function positiveAmount(amount: string, currency: string): Money {
  let value: Money
  try {
    value = money(amount, currency)
  } catch {
    throw new WalletMathError(`amount: "${amount}" is not an amount of ${currency}`, 'amount')
  }
  if (value.amount.lte(0)) throw new WalletMathError(`amount: ${amount} is not above zero`, 'amount')
  if (value.amount.dp() > minorUnits(currency))
    throw new WalletMathError(`amount: ${amount} has more decimals than ${currency} has (${minorUnits(currency)})`, 'amount')
  return value
}

/** Money as the fixed text of its currency's minor unit ("2.30"). */
export function moneyText(m: Money): string {
  return m.amount.toFixed(minorUnits(m.currency))
}

/**
 * Points × rate (money per point), rounded down to the currency's minor unit (like money → points, so a round trip
 * never gains); under one minor unit is refused.
 */
export function convertPoints(points: number, rate: string, currency: string): Money {
  if (!Number.isSafeInteger(points) || points <= 0)
    throw new WalletMathError(`points: ${String(points)} is not a whole number above zero`, 'points')
  const code = currencyCode(currency, 'currency')
  const value = round(money(new D(points).times(parseRate(rate)), code), 'down')
  if (value.amount.isZero())
    throw new WalletMathError(`points: ${points} points at ${rate} ${code} each buy less than one minor unit of ${code}`, 'points')
  return value
}

/** Amount × rate in `toCurrency`, rounded half-even to its minor unit; under one minor unit is refused. */
export function convertMoney(amount: Money, rate: string, toCurrency: string): Money {
  if (amount.amount.lte(0)) throw new WalletMathError(`amount: ${amount.amount.toString()} is not above zero`, 'amount')
  const code = currencyCode(toCurrency, 'to')
  const value = round(money(amount.amount.times(parseRate(rate)), code), 'half-even')
  if (value.amount.isZero())
    throw new WalletMathError(
      `amount: ${amount.currency} ${amount.amount.toString()} at ${rate} is less than one minor unit of ${code}`,
      'amount',
    )
  return value
}

/**
 * Money to whole points at `rate` (points per unit of money): floor(amount × rate) points, and the money used,
 * points ÷ rate rounded up to the minor unit (capped at the amount). Refused when it buys no whole point.
 */
export function moneyToPoints(amount: Money, rate: string): { points: number; used: Money } {
  if (amount.amount.lte(0)) throw new WalletMathError(`amount: ${amount.amount.toString()} is not above zero`, 'amount')
  const r = parseRate(rate)
  const whole = amount.amount.times(r).floor()
  if (whole.lte(0))
    throw new WalletMathError(
      `amount: ${amount.currency} ${amount.amount.toString()} at ${rate} points per unit buys no whole point`,
      'amount',
    )
  if (!whole.lte(Number.MAX_SAFE_INTEGER)) throw new WalletMathError(`amount: too many points`, 'amount')
  const usedExact = round(money(whole.div(r), amount.currency), 'ceiling')
  const used = usedExact.amount.gt(amount.amount) ? amount : usedExact
  return { points: whole.toNumber(), used }
}
