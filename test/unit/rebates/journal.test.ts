/**
 * The period-end accrual journal, lines and accounts written out by hand: accruals (expense against liability),
 * credit memos (liability released against the receivable, the difference to the expense, either way) and expiries
 * (liability back to the expense). Debits equal credits.
 */
import type Decimal from 'decimal.js'
import { describe, expect, it } from 'vitest'

import { D } from '../../../engine/core/decimal'
import { accrualJournal, type JournalLine, type ProgramMovement } from '../../../engine/rebates/journal'

const movement = (program: string, accrued: string, released: string, credited: string, expired: string): ProgramMovement => ({
  program,
  accrued: new D(accrued),
  released: new D(released),
  credited: new D(credited),
  expired: new D(expired),
})

const rows = (lines: JournalLine[]) => lines.map((l) => [l.account, l.debit.toFixed(2), l.credit.toFixed(2), l.memo])
const total = (lines: JournalLine[], side: 'debit' | 'credit') => lines.reduce((sum: Decimal, l) => sum.plus(l[side]), new D(0)).toFixed(2)

describe('accrualJournal', () => {
  // PRM-A: accrued 12,500.00; memos credited 4,150.00 against 4,000.00 of accruals (150.00 above); 300.00 expired.
  // PRM-B: nothing accrued; memos credited 1,940.00 against 2,000.00 of accruals (60.00 below).
  const movements = [movement('PRM-A', '12500.00', '4000.00', '4150.00', '300.00'), movement('PRM-B', '0.00', '2000.00', '1940.00', '0.00')]
  const lines = accrualJournal(movements)

  it('writes the lines with the default accounts (2150 liability, 5150 expense, 1200 receivable)', () => {
    expect(rows(lines)).toEqual([
      ['5150', '12500.00', '0.00', 'PRM-A: rebates accrued'],
      ['2150', '0.00', '12500.00', 'PRM-A: rebates accrued'],
      ['2150', '4000.00', '0.00', 'PRM-A: accruals released by credit memos'],
      // 4,150.00 − 4,000.00 = 150.00 more expense
      ['5150', '150.00', '0.00', 'PRM-A: credit memos above/below their accruals'],
      ['1200', '0.00', '4150.00', 'PRM-A: credit memos issued'],
      ['2150', '300.00', '0.00', 'PRM-A: accruals expired unclaimed'],
      ['5150', '0.00', '300.00', 'PRM-A: accruals expired unclaimed'],
      // PRM-B: no accrual lines (zero), no expiry lines
      ['2150', '2000.00', '0.00', 'PRM-B: accruals released by credit memos'],
      // 1,940.00 − 2,000.00 = −60.00: the expense is credited 60.00
      ['5150', '0.00', '60.00', 'PRM-B: credit memos above/below their accruals'],
      ['1200', '0.00', '1940.00', 'PRM-B: credit memos issued'],
    ])
    expect(lines.map((l) => l.program)).toEqual(['PRM-A', 'PRM-A', 'PRM-A', 'PRM-A', 'PRM-A', 'PRM-A', 'PRM-A', 'PRM-B', 'PRM-B', 'PRM-B'])
  })

  it('debits equal credits', () => {
    // debits: 12,500.00 + 4,000.00 + 150.00 + 300.00 + 2,000.00 = 18,950.00
    // credits: 12,500.00 + 4,150.00 + 300.00 + 60.00 + 1,940.00 = 18,950.00
    expect(total(lines, 'debit')).toBe('18950.00')
    expect(total(lines, 'credit')).toBe('18950.00')
  })

  it('nets by account to the period’s movement', () => {
    const net = (account: string) =>
      lines
        .filter((l) => l.account === account)
        .reduce((sum: Decimal, l) => sum.plus(l.debit).minus(l.credit), new D(0))
        .toFixed(2)
    // 2150: −12,500.00 + 4,000.00 + 300.00 + 2,000.00 = −6,200.00 (liability up 6,200.00)
    expect(net('2150')).toBe('-6200.00')
    // 5150: 12,500.00 + 150.00 − 300.00 − 60.00 = 12,290.00
    expect(net('5150')).toBe('12290.00')
    // 1200: −4,150.00 − 1,940.00 = −6,090.00
    expect(net('1200')).toBe('-6090.00')
    // 12,290.00 = 6,200.00 + 6,090.00
  })

  it('a memo equal to its accruals writes no true-up line', () => {
    expect(rows(accrualJournal([movement('PRM-C', '0', '750.00', '750.00', '0')]))).toEqual([
      ['2150', '750.00', '0.00', 'PRM-C: accruals released by credit memos'],
      ['1200', '0.00', '750.00', 'PRM-C: credit memos issued'],
    ])
  })

  it('a quiet period writes nothing', () => {
    expect(accrualJournal([movement('PRM-D', '0.00', '0.00', '0.00', '0.00')])).toEqual([])
    expect(accrualJournal([])).toEqual([])
  })

  it('uses the accounts given', () => {
    const custom = accrualJournal([movement('PRM-E', '99.99', '0', '0', '10.01')], {
      liability: '2400',
      expense: '6100',
      receivable: '1300',
    })
    expect(rows(custom)).toEqual([
      ['6100', '99.99', '0.00', 'PRM-E: rebates accrued'],
      ['2400', '0.00', '99.99', 'PRM-E: rebates accrued'],
      ['2400', '10.01', '0.00', 'PRM-E: accruals expired unclaimed'],
      ['6100', '0.00', '10.01', 'PRM-E: accruals expired unclaimed'],
    ])
    // debits 99.99 + 10.01 = 110.00 = credits 99.99 + 10.01
    expect(total(custom, 'debit')).toBe('110.00')
    expect(total(custom, 'credit')).toBe('110.00')
  })
})
