/**
 * The one refusal of the loyalty server code: a reason, the HTTP status it answers with (400 bad input, 403/404,
 * 409 a state that forbids it — not enough points, already reversed —, 422 input that cannot be honoured — a product
 * that cannot be redeemed, no rate in force) and the field it is about. Thrown inside a transaction, it rolls
 * everything back: a refused action writes nothing.
 */
import { MoneyError } from '../../engine/core/money'
import { ExpiryCalendarError, NotEnoughPoints, WalletMathError } from '../../engine/loyalty'

export class LoyaltyRefusal extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 422 = 422,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'LoyaltyRefusal'
  }
}

/** The engine's refusals as LoyaltyRefusals (others are returned unchanged). */
export function asRefusal(err: unknown, field = 'points'): unknown {
  if (err instanceof LoyaltyRefusal) return err
  if (err instanceof NotEnoughPoints) return new LoyaltyRefusal(`${field}: ${err.message}`, 409, field)
  if (err instanceof WalletMathError) return new LoyaltyRefusal(err.message, 422, err.field)
  if (err instanceof ExpiryCalendarError) return new LoyaltyRefusal(err.message, 422, 'program')
  if (err instanceof MoneyError) return new LoyaltyRefusal(err.message, 400, err.field ?? 'amount')
  return err
}

/** The `{ errors: [{ message, field }] }` answer of a refusal, or null when `err` is not one. */
export function refusalResponse(err: unknown): Response | null {
  const refusal = asRefusal(err)
  if (!(refusal instanceof LoyaltyRefusal)) return null
  return Response.json(
    { errors: [{ message: refusal.message, ...(refusal.field ? { field: refusal.field } : {}) }] },
    { status: refusal.status },
  )
}
