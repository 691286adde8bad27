/**
 * The sanity checks an invoice passes before anyone may pay it automatically. Each failure is a reason a person sees;
 * none is silent. Amounts are compared exactly (decimal.js), at the currency's minor unit.
 */
import { D, type Dec } from '../core/decimal'
import type { InvoiceHeader, ParsedLine } from './types'

export type CheckFailure = { check: CheckName; message: string }
export type CheckName = 'required' | 'lines_sum' | 'balance' | 'duplicate' | 'history' | 'parse'

export type CheckInput = {
  header: InvoiceHeader
  lines: readonly Pick<ParsedLine, 'lineNo' | 'amount'>[]
  /** Another invoice of the same account with the same number, or the same file, already exists. */
  duplicateOf: { id: number; invoiceNumber: string | null } | null
  /** The average total due of the account's invoices of the six months before this one; null without history. */
  historyAverage: string | null
  /** How far from the average a total may be before a person looks (e.g. "3": above 3× or below a third). */
  historyFactor: string
  /** What the reader could not read. */
  parseProblems: number
}

const REQUIRED: (keyof InvoiceHeader)[] = ['accountNumber', 'invoiceNumber', 'statementDate', 'dueDate', 'newCharges', 'totalDue']
const LABELS: Record<keyof InvoiceHeader, string> = {
  accountNumber: 'account number',
  invoiceNumber: 'invoice number',
  statementDate: 'statement date',
  dueDate: 'due date',
  currency: 'currency',
  previousBalance: 'previous balance',
  payments: 'payments',
  newCharges: 'new charges',
  taxes: 'taxes',
  totalDue: 'total due',
}

function amount(value: string | null): Dec {
  return new D(value ?? '0')
}

/** Every check the invoice fails, in the order a reviewer reads them; empty when it may go on to payment. */
export function sanityChecks(input: CheckInput): CheckFailure[] {
  const failures: CheckFailure[] = []
  const { header } = input
  if (input.parseProblems > 0)
    failures.push({ check: 'parse', message: `${input.parseProblems} part(s) of the file could not be read (see the problems)` })
  const missing = REQUIRED.filter((field) => header[field] === null || header[field] === '')
  if (missing.length) failures.push({ check: 'required', message: `missing: ${missing.map((f) => LABELS[f]).join(', ')}` })
  if (header.newCharges !== null) {
    const lines = input.lines.reduce((total, line) => total.plus(line.amount), new D(0))
    if (!lines.eq(header.newCharges))
      failures.push({
        check: 'lines_sum',
        message: `the ${input.lines.length} line item(s) sum to ${lines.toFixed(2)}, the invoice's new charges are ${new D(header.newCharges).toFixed(2)} (difference ${lines.minus(header.newCharges).toFixed(2)})`,
      })
  }
  if (header.totalDue !== null && header.newCharges !== null) {
    const expected = amount(header.previousBalance).minus(amount(header.payments)).plus(header.newCharges).plus(amount(header.taxes))
    if (!expected.eq(header.totalDue))
      failures.push({
        check: 'balance',
        message: `previous balance ${amount(header.previousBalance).toFixed(2)} − payments ${amount(header.payments).toFixed(2)} + new charges ${new D(header.newCharges).toFixed(2)} + taxes ${amount(header.taxes).toFixed(2)} = ${expected.toFixed(2)}, but the total due says ${new D(header.totalDue).toFixed(2)}`,
      })
  }
  if (input.duplicateOf)
    failures.push({
      check: 'duplicate',
      message: `the same invoice${input.duplicateOf.invoiceNumber ? ` (${input.duplicateOf.invoiceNumber})` : ''} is already invoice #${input.duplicateOf.id}`,
    })
  if (input.historyAverage !== null && header.totalDue !== null) {
    const average = new D(input.historyAverage)
    const factor = new D(input.historyFactor)
    const total = new D(header.totalDue)
    if (average.gt(0) && (total.gt(average.times(factor)) || total.lt(average.div(factor))))
      failures.push({
        check: 'history',
        message: `the total due ${total.toFixed(2)} is ${total.div(average).toDecimalPlaces(2).toFixed(2)}× the account's six-month average ${average.toFixed(2)} (allowed between 1/${factor.toFixed()} and ${factor.toFixed()}×)`,
      })
  }
  return failures
}
