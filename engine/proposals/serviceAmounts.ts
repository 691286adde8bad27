import { add, format, money, multiply, type Money } from '../core/money'

/** One service line of a proposal as the amount needs it: its price (the line's, else the catalog's), quantity, currency, frequency. */
export type ServiceAmountLine = { price: string | null; quantity: number; currency: string; frequency: string }

/**
 * What a proposal's services come to: price × quantity summed per currency and billing frequency (weekly and monthly
 * charges are never added together), e.g. ["USD 900.00 monthly", "USD 95.00 weekly"]. Rounded for display only.
 */
export function serviceAmounts(lines: readonly ServiceAmountLine[]): string[] {
  const totals = new Map<string, { total: Money; frequency: string }>()
  for (const line of lines) {
    if (!line.price) continue
    const amount = multiply(money(line.price, line.currency), line.quantity)
    const key = `${line.currency} ${line.frequency}`
    const previous = totals.get(key)
    totals.set(key, { total: previous ? add(previous.total, amount) : amount, frequency: line.frequency })
  }
  return [...totals.values()].map(({ total, frequency }) => `${format(total)} ${frequency}`)
}
