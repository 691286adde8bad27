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
  const splits = (merged.sharedSplits as { costCentre: string; percent: string }[] | undefined) ?? []
  for (const message of splitProblems(splits)) errors.push({ path: 'sharedSplits', message })
  try {
    if (merged.historyFactor !== undefined && merged.historyFactor !== null && !new D(String(merged.historyFactor)).gt(1))
      errors.push({ path: 'historyFactor', message: 'the factor must be above 1' })
  } catch {
    errors.push({ path: 'historyFactor', message: `"${String(merged.historyFactor)}" is not a number` })
  }
  if (merged.paymentMethod === 'bank_file') {
    const routing = typeof merged.remitRouting === 'string' ? merged.remitRouting : ''
    const problem = abaRoutingProblem(routing)
    if (problem) errors.push({ path: 'remitRouting', message: problem })
    if (!merged.remitAccount) errors.push({ path: 'remitAccount', message: 'a bank file needs the carrier’s remittance account' })
  }
  if (errors.length) throw new ValidationError({ collection: 'carrier-accounts', errors })
  return data
}
