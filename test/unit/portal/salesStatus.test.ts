import { describe, expect, it } from 'vitest'

import {
  DISPUTE_COMMENT_MAX,
  disputeCommentProblem,
  disputeText,
  isPayable,
  monthLabel,
  monthOf,
  monthRange,
  parseMonth,
  salePayment,
  saleStatusOf,
  SALE_STATUS_KEYS,
  SALE_STATUS_WORDS,
  statusAfterDispute,
} from '../../../engine/portal'
import { RECON_CLASSES } from '../../../engine/reconcile'

const usd = (amount: string) => ({ amount, currency: 'USD' })

describe('the status words a dealer reads', () => {
  it('cover every reconciliation class, plus "not yet reconciled", and nothing else', () => {
    expect([...SALE_STATUS_KEYS].sort()).toEqual([...RECON_CLASSES, 'unreconciled'].sort())
    expect(Object.keys(SALE_STATUS_WORDS).sort()).toEqual([...SALE_STATUS_KEYS].sort())
  })

  it('only a clean match is payable; a sale never reconciled is not payable yet', () => {
    expect(SALE_STATUS_KEYS.filter(isPayable)).toEqual(['matched'])
  })

  it.each([
    [null, 'Not yet reconciled'],
    ['matched', 'Verified and payable'],
    ['not_with_carrier', 'Not found at the carrier'],
    ['rate_plan_mismatch', "Plan differs from the carrier's record"],
    ['amount_mismatch', 'Amount differs from the schedule'],
    ['duplicate_claim', 'Duplicate of another claim'],
    ['deactivated_in_window', 'Deactivated within the chargeback window'],
  ])('class %s reads "%s"', (reconClass, label) => {
    expect(SALE_STATUS_WORDS[saleStatusOf(reconClass)].label).toBe(label)
  })

  it('refuses a class it has no words for rather than showing a blank status', () => {
    expect(() => saleStatusOf('lost_in_the_mail')).toThrow('unknown reconciliation class "lost_in_the_mail"')
    expect(() => saleStatusOf('unreconciled')).toThrow()
  })
})

describe('what a sale was paid, or why not', () => {
  it('sums the commission lines on the sale exactly and shows the total in the currency', () => {
    const payment = salePayment('matched', [usd('60.0000'), usd('5.0000'), usd('10.0000')])
    expect(payment).toMatchObject({ paid: true, display: 'USD 75.00', reason: null })
    expect(payment.totals.map((t) => [t.currency, t.amount.toFixed(2)])).toEqual([['USD', '75.00']])
  })

  it('adds decimals without float error and rounds half-even to the cent only at the end', () => {
    expect(salePayment('matched', [usd('0.1000'), usd('0.2000')]).display).toBe('USD 0.30')
    expect(salePayment('matched', [usd('0.0625'), usd('0.0625')]).display).toBe('USD 0.12')
    expect(salePayment('matched', [usd('0.0750'), usd('0.0625')]).display).toBe('USD 0.14')
  })

  it('keeps each currency apart', () => {
    const payment = salePayment('matched', [usd('10.0000'), { amount: '1500', currency: 'JPY' }, usd('2.5000')])
    expect(payment.display).toBe('JPY 1,500 + USD 12.50')
  })

  it('a verified sale with nothing posted yet is payable, not paid yet', () => {
    expect(salePayment('matched', [])).toEqual({
      paid: false,
      totals: [],
      display: 'Not paid',
      reason: 'Verified and payable; not in a posted commission run yet.',
    })
  })

  it('a verified sale whose posted lines come to nothing says so rather than "not in a run yet"', () => {
    expect(salePayment('matched', [usd('0.0000')])).toMatchObject({
      paid: false,
      display: 'Not paid',
      reason: 'Verified and payable; the commission posted on it comes to USD 0.00.',
    })
  })

  it('an unpaid sale says why in the status words, with the discrepancy detail when there is one', () => {
    const detail = 'Sale #12 (2026-10-03, 0 days from the carrier date) won the claim; this one is 2 days off.'
    const payment = salePayment('duplicate_claim', [], detail)
    expect(payment.paid).toBe(false)
    expect(payment.reason).toBe(`Duplicate of another claim: ${SALE_STATUS_WORDS.duplicate_claim.explanation} ${detail}`)
    expect(salePayment('not_with_carrier', [], '  ').reason).toBe(
      `Not found at the carrier: ${SALE_STATUS_WORDS.not_with_carrier.explanation}`,
    )
  })

  it('a sale paid and then charged back nets to nothing and says why', () => {
    const payment = salePayment('deactivated_in_window', [usd('70.0000'), usd('-70.0000')])
    expect(payment.paid).toBe(false)
    expect(payment.totals.map((t) => t.amount.toFixed(2))).toEqual(['0.00'])
    expect(payment.reason).toContain('Deactivated within the chargeback window')
  })

  it('refuses a line in a currency it does not know', () => {
    expect(() => salePayment('matched', [{ amount: '1', currency: 'usd' }])).toThrow('unknown currency')
  })
})

describe('sales periods are calendar months of the sale date', () => {
  it('reads the month of a date and its label', () => {
    expect(monthOf('2026-10-17')).toBe('2026-10')
    expect(monthLabel('2026-10')).toBe('Oct 2026')
    expect(monthLabel('2027-01')).toBe('Jan 2027')
  })

  it('knows where a month ends, leap years included', () => {
    expect(monthRange('2026-10')).toEqual({ from: '2026-10-01', to: '2026-10-31' })
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
  })

  it.each([['2026-13'], ['2026-1'], ['x'], [''], [undefined], [['2026-10']], ["2026-10'; drop table"]])(
    'a query parameter %j is not a month',
    (value) => {
      expect(parseMonth(value)).toBeNull()
    },
  )
})

describe('a dealer dispute', () => {
  it('needs a comment that says something, of at most 2,000 characters', () => {
    expect(disputeCommentProblem(undefined)).toBe('a dispute needs a comment saying what is wrong')
    expect(disputeCommentProblem('   \n ')).toBe('a dispute needs a comment saying what is wrong')
    expect(disputeCommentProblem(42)).toBe('a dispute needs a comment saying what is wrong')
    expect(disputeCommentProblem('x'.repeat(DISPUTE_COMMENT_MAX))).toBeNull()
    expect(disputeCommentProblem('x'.repeat(DISPUTE_COMMENT_MAX + 1))).toBe('the comment is 2001 characters; at most 2000')
  })

  it('enters the history marked as the dealer’s', () => {
    expect(disputeText('  The customer activated on the 3rd.  ')).toBe('Dealer dispute: The customer activated on the 3rd.')
  })

  it('opens a closed discrepancy again and leaves an open one as it is', () => {
    expect(statusAfterDispute('resolved')).toBe('open')
    expect(statusAfterDispute('written_off')).toBe('open')
    expect(statusAfterDispute('open')).toBe('open')
    expect(statusAfterDispute('disputed')).toBe('disputed')
  })
})
