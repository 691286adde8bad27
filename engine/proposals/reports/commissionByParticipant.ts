/**
 * Proposal commission by participant, rule scope and service: the posted `proposal_commission` lines summed per payee,
 * the scope of the rule that paid them and the billed service, with a total per currency that ties to the cent
 * (`amounts.ts`). Rows come out by payee name, then scope from the most specific (proposal) to the default, then
 * service code; a line whose rule or service is gone is kept, under an empty scope or service, last.
 */
import { RULE_SCOPES } from '../rules'
import { currencyTotals, sumGroups, type AmountInput, type CurrencyTotal } from './amounts'

export type CommissionGroup = {
  payeeId: number
  payeeCode: string | null
  payeeName: string
  scope: string | null
  serviceId: number | null
  serviceCode: string | null
  serviceName: string | null
}
export type CommissionAmount = CommissionGroup & AmountInput
export type CommissionRow = CommissionGroup & CurrencyTotal
export type CommissionReport = { rows: CommissionRow[]; totals: CurrencyTotal[] }

/** Sums of proposal commission per payee, rule scope, service and currency, and the totals per currency. */
export function commissionByParticipant(lines: readonly CommissionAmount[]): CommissionReport {
  const rows = sumGroups(
    lines,
    (l) => `${l.payeeId}|${l.scope ?? ''}|${l.serviceId ?? ''}`,
    (l): CommissionGroup => ({
      payeeId: l.payeeId,
      payeeCode: l.payeeCode,
      payeeName: l.payeeName,
      scope: l.scope,
      serviceId: l.serviceId,
      serviceCode: l.serviceCode,
      serviceName: l.serviceName,
    }),
  ).sort(
    (a, b) =>
      a.payeeName.localeCompare(b.payeeName) ||
      a.payeeId - b.payeeId ||
      scopeRank(a.scope) - scopeRank(b.scope) ||
      (a.serviceCode ?? '\uffff').localeCompare(b.serviceCode ?? '\uffff') ||
      a.currency.localeCompare(b.currency),
  )
  return { rows, totals: currencyTotals(rows) }
}

function scopeRank(scope: string | null): number {
  const index = (RULE_SCOPES as readonly string[]).indexOf(scope ?? '')
  return index === -1 ? RULE_SCOPES.length : index
}
