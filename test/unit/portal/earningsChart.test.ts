import { describe, expect, it } from 'vitest'

import { COMPONENT_ORDER } from '../../../engine/commission'
import {
  breakdownBars,
  CHART_COLOURS,
  CHART_PATTERNS,
  earningsTrend,
  seriesStyle,
  trendMonths,
  trendWindow,
  type EarningsRow,
} from '../../../engine/portal'

const row = (month: string, component: string, amount: string, currency = 'USD'): EarningsRow => ({
  month,
  component,
  label: { upfront: 'Upfront', residual: 'Residual', chargeback: 'Chargeback' }[component] ?? component,
  currency,
  amount,
})

/**
 * As of 6 Dec 2026 the window is Jan–Dec 2026. October: upfront 60.00 + 40.00 (two runs), residual 25.50,
 * chargeback −30.00 = 95.50. November: upfront 50.00. January: upfront 10.00. December 2025 is outside the window.
 * Twelve months: upfront 160.00, residual 25.50, chargeback −30.00 = 155.50. In EUR: October upfront 5.00.
 */
const ROWS: EarningsRow[] = [
  row('2026-10', 'chargeback', '-30.00'),
  row('2026-10', 'upfront', '60.00'),
  row('2026-10', 'residual', '25.50'),
  row('2026-10', 'upfront', '40.00'),
  row('2026-11', 'upfront', '50.00'),
  row('2025-12', 'upfront', '999.00'),
  row('2026-01', 'upfront', '10.00'),
  row('2026-10', 'upfront', '5.00', 'EUR'),
]

describe('the trend window', () => {
  it('is the twelve months ending with the month of asOf, oldest first, across a year end', () => {
    expect(trendMonths('2026-12-06')).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ])
    expect(trendMonths('2027-02-15', 3)).toEqual(['2026-12', '2027-01', '2027-02'])
  })

  it('is read from the first of its first month up to (not including) the first of the month after asOf', () => {
    expect(trendWindow('2026-12-06')).toEqual({ from: '2026-01-01', until: '2027-01-01' })
    expect(trendWindow('2027-02-28', 3)).toEqual({ from: '2026-12-01', until: '2027-03-01' })
  })
})

describe('earningsTrend: posted commission by month and component', () => {
  const [eur, usd] = earningsTrend(ROWS, '2026-12-06')

  it('makes one trend per currency and never adds amounts across currencies', () => {
    expect([eur!.currency, usd!.currency]).toEqual(['EUR', 'USD'])
    expect(eur!.total).toBe('5.00')
    expect(usd!.total).toBe('155.50')
  })

  it('adds the rows of a month and component to the cent and leaves out months outside the window', () => {
    const october = usd!.months.find((m) => m.month === '2026-10')!
    expect(october.label).toBe('Oct 2026')
    expect(october.total).toBe('95.50')
    expect(october.segments.map((s) => [s.component, s.label, s.amount])).toEqual([
      ['upfront', 'Upfront', '100.00'],
      ['residual', 'Residual', '25.50'],
      ['chargeback', 'Chargeback', '-30.00'],
    ])
    expect(usd!.months).toHaveLength(12)
    expect(usd!.months[0]!.month).toBe('2026-01')
    expect(usd!.months[0]!.total).toBe('10.00')
    expect(usd!.months.find((m) => m.month === '2026-12')).toEqual({ month: '2026-12', label: 'Dec 2026', total: '0.00', segments: [] })
  })

  it('lists each component once, in the statements order, with its twelve-month total', () => {
    expect(usd!.series.map((s) => [s.component, s.total])).toEqual([
      ['upfront', '160.00'],
      ['residual', '25.50'],
      ['chargeback', '-30.00'],
    ])
  })

  it('draws positives right of the zero line and negatives left of it, on one scale for every month', () => {
    // Largest positive stack 125.50 (October) + largest negative 30.00 = 155.50; zero at 30.00 / 155.50 = 19.293 %.
    expect(usd!.zeroAt).toBe(19.293)
    const october = usd!.months.find((m) => m.month === '2026-10')!
    expect(october.segments.map((s) => [s.start, s.width])).toEqual([
      [19.293, 64.309], // 100.00 / 155.50
      [83.601, 16.399], // starts at 130.00 / 155.50, 25.50 wide
      [0, 19.293], // −30.00 ends at the zero line
    ])
    const november = usd!.months.find((m) => m.month === '2026-11')!
    expect(november.segments.map((s) => [s.start, s.width])).toEqual([[19.293, 32.154]]) // 50.00 / 155.50
  })

  it('shows amounts in the minor units of the currency (none in JPY)', () => {
    const [jpy] = earningsTrend([row('2026-12', 'upfront', '1250', 'JPY'), row('2026-12', 'upfront', '3', 'JPY')], '2026-12-31')
    expect(jpy!.total).toBe('1253')
    expect(jpy!.zeroAt).toBe(0)
    expect(jpy!.months[11]!.segments[0]).toMatchObject({ amount: '1253', start: 0, width: 100 })
  })

  it('has no trend when nothing was posted in the window', () => {
    expect(earningsTrend([row('2024-01', 'upfront', '1.00')], '2026-12-06')).toEqual([])
  })
})

describe('breakdownBars: a statement by component', () => {
  it('draws one bar per component against the largest amount, chargebacks left of zero, and totals exactly', () => {
    const chart = breakdownBars(
      [
        { component: 'upfront', label: 'Upfront', total: '225.25' },
        { component: 'volume_bonus', label: 'Volume bonus', total: '40.00' },
        { component: 'chargeback', label: 'Chargeback', total: '-150.00' },
      ],
      'USD',
    )
    // The scale is 225.25 + 150.00 = 375.25; zero at 150.00 / 375.25 = 39.973 %.
    expect(chart.total).toBe('115.25')
    expect(chart.zeroAt).toBe(39.973)
    expect(chart.bars.map((b) => [b.label, b.amount, b.start, b.width])).toEqual([
      ['Upfront', '225.25', 39.973, 60.027],
      ['Volume bonus', '40.00', 39.973, 10.66],
      ['Chargeback', '-150.00', 0, 39.973],
    ])
  })

  it('has a zero line at the left when nothing is negative, and zero-width bars when everything is zero', () => {
    expect(breakdownBars([{ component: 'upfront', label: 'Upfront', total: '10.00' }], 'USD').bars[0]).toMatchObject({
      start: 0,
      width: 100,
    })
    const nothing = breakdownBars([{ component: 'note', label: 'Note', total: '0.00' }], 'USD')
    expect([nothing.zeroAt, nothing.bars[0]!.width, nothing.total]).toEqual([0, 0, '0.00'])
  })
})

describe('seriesStyle: telling components apart without colour', () => {
  it('gives every registered component a pattern of its own, the same wherever it is drawn', () => {
    expect(COMPONENT_ORDER.length).toBeLessThanOrEqual(Math.min(CHART_PATTERNS.length, CHART_COLOURS.length))
    expect(new Set(COMPONENT_ORDER.map((c) => seriesStyle(c).pattern)).size).toBe(COMPONENT_ORDER.length)
    expect(new Set(COMPONENT_ORDER.map((c) => seriesStyle(c).colour)).size).toBe(COMPONENT_ORDER.length)
    expect(seriesStyle('upfront')).toEqual(seriesStyle('upfront'))
    expect(CHART_PATTERNS).toContain(seriesStyle('spiff').pattern)
  })
})
