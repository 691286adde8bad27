import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { splitProblems } from '../../../../engine/billpay/allocation'
import { D } from '../../../../engine/core/decimal'
import { isCurrencyCode } from '../../../../engine/core/money'
import { abaRoutingProblem } from '../../../../engine/payments'

/** Refuses an account whose currency, shared splits, history factor or remittance bank details cannot be used. */
export const checkAccount: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const merged = { ...originalDoc, ...data } as Record<string, unknown>
  const errors: { path: string; message: string }[] = []
  if (typeof merged.currency === 'string') {
    merged.currency = merged.currency.trim().toUpperCase()
    data.currency = merged.currency
    if (!isCurrencyCode(merged.currency))
      errors.push({ path: 'currency', message: `"${String(merged.currency)}" is not an ISO 4217 currency code` })
  }
  for (const message of splitProblems(merged.sharedSplits)) errors.push({ path: 'sharedSplits', message })
  const factor = merged.historyFactor
  if (
    factor !== undefined &&
    factor !== null &&
    (typeof factor !== 'string' || !/^\s*\d+(\.\d+)?\s*$/.test(factor) || !new D(factor.trim()).gt(1))
  )
    errors.push({ path: 'historyFactor', message: `"${String(factor)}" is not a factor above 1, such as "3"` })
  if (merged.paymentMethod === 'bank_file') {
    const routing = typeof merged.remitRouting === 'string' ? merged.remitRouting : ''
    if (merged.remitAccount !== undefined && merged.remitAccount !== null && typeof merged.remitAccount !== 'string')
      errors.push({ path: 'remitAccount', message: 'the remittance account is text' })
    const problem = abaRoutingProblem(routing)
    if (problem) errors.push({ path: 'remitRouting', message: problem })
    if (!merged.remitAccount) errors.push({ path: 'remitAccount', message: 'a bank file needs the carrier’s remittance account' })
  }
  if (errors.length) throw new ValidationError({ collection: 'carrier-accounts', errors })
  return data
}
