/**
 * The period-end accrual journal: how the rebate liability moved in a period, program by program, as balanced
 * journal lines. Accruing books the expense against the liability; a credit memo releases the accruals it pays
 * (the liability) against the partner's receivable, any difference between the memo and the accruals it released
 * trues up the expense; an expiry releases the liability back to the expense.
 */
import type Decimal from 'decimal.js'

import { D } from '../core/decimal'

export type JournalAccounts = { liability: string; expense: string; receivable: string }

export const DEFAULT_JOURNAL_ACCOUNTS: JournalAccounts = { liability: '2150', expense: '5150', receivable: '1200' }

export type ProgramMovement = {
  program: string
  /** Accrued in the period. */
  accrued: Decimal
  /** The accruals credit memos of the period released, and what the memos credited. */
  released: Decimal
  credited: Decimal
  /** Accruals that expired in the period. */
  expired: Decimal
}

export type JournalLine = { account: string; debit: Decimal; credit: Decimal; memo: string; program: string }

/** The journal lines of the movements (zero lines left out); debits equal credits by construction. */
export function accrualJournal(movements: readonly ProgramMovement[], accounts: JournalAccounts = DEFAULT_JOURNAL_ACCOUNTS): JournalLine[] {
  const lines: JournalLine[] = []
  const zero = new D(0)
  const post = (account: string, amount: Decimal, side: 'debit' | 'credit', memo: string, program: string) => {
    if (amount.isZero()) return
    const positive = amount.isPositive()
    const onDebit = (side === 'debit') === positive
    lines.push({ account, debit: onDebit ? amount.abs() : zero, credit: onDebit ? zero : amount.abs(), memo, program })
  }
  for (const m of movements) {
    post(accounts.expense, m.accrued, 'debit', `${m.program}: rebates accrued`, m.program)
    post(accounts.liability, m.accrued, 'credit', `${m.program}: rebates accrued`, m.program)
    post(accounts.liability, m.released, 'debit', `${m.program}: accruals released by credit memos`, m.program)
    post(accounts.expense, m.credited.minus(m.released), 'debit', `${m.program}: credit memos above/below their accruals`, m.program)
    post(accounts.receivable, m.credited, 'credit', `${m.program}: credit memos issued`, m.program)
    post(accounts.liability, m.expired, 'debit', `${m.program}: accruals expired unclaimed`, m.program)
    post(accounts.expense, m.expired, 'credit', `${m.program}: accruals expired unclaimed`, m.program)
  }
  return lines
}
