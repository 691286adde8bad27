/**
 * Layout templates on hand-written pages: header fields by regex on the first, last or any page, dates and amounts
 * in each carrier's style normalised by hand-checked values, a table over two pages with repeated headers, footers
 * and carried-forward lines skipped, a line that matches nothing reported (never dropped silently), and the
 * validation an admin sees for a broken template.
 */
import { describe, expect, it } from 'vitest'

import { DEMO_TEMPLATES } from '../../../engine/billpay/layouts'
import type { PdfPage, TextLine } from '../../../engine/billpay/text'
import {
  createTemplateReader,
  matchTemplate,
  normalizeAmount,
  normalizeDate,
  templateProblems,
  type LayoutTemplate,
} from '../../../engine/billpay/templates'

/** A page from its lines of text, 12 points apart from y = 40. */
function page(n: number, texts: string[]): PdfPage {
  const lines: TextLine[] = texts.map((text, i) => ({
    text,
    x: 36,
    y: 40 + 12 * i,
    width: 400,
    height: 8,
    cells: [{ text, x: 36, width: 400 }],
  }))
  return { page: n, width: 612, height: 792, lines }
}

const TEMPLATE: LayoutTemplate = {
  name: 'Test carrier',
  keywords: ['Test Carrier Inc', 'Invoice'],
  fields: {
    accountNumber: { regex: 'Account:\\s+(\\S+)' },
    invoiceNumber: { regex: 'Invoice:\\s+(\\S+)' },
    statementDate: { regex: 'Date:\\s+(.+)$' },
    dueDate: { regex: 'Due:\\s+(.+)$', page: 'any' },
    previousBalance: { regex: '^Previous\\s{2,}(\\S+)$', page: 'last' },
    payments: { regex: '^Payments\\s{2,}(\\S+)$', page: 'last', absolute: true },
    newCharges: { regex: '^Charges\\s{2,}(\\S+)$', page: 'last' },
    taxes: { regex: '^Taxes\\s{2,}(\\S+)$', page: 'last' },
    totalDue: { regex: '^Total due\\s{2,}(\\S+)$', page: 'last' },
  },
  currency: 'USD',
  dateFormat: 'MMM D, YYYY',
  decimal: '.',
  credit: 'parentheses',
  lines: {
    start: '^Service\\s{2,}Description\\s{2,}Amount$',
    end: '^End of charges$',
    row: '^(?:(?<serviceId>\\d{3}-\\d{4})\\s{2,})?(?<description>\\S.*?)\\s{2,}(?<amount>\\(?[\\d,]+\\.\\d{2}\\)?)$',
    skip: ['^Test Carrier Inc\\s{2,}Page \\d+ of \\d+$', '^(?:Carried|Brought) forward\\s{2,}\\S+$'],
  },
}

const PAGE_1 = page(1, [
  'Test Carrier Inc  Page 1 of 2',
  'Invoice:  T-100      Account:  A-77',
  'Date:  Nov 20, 2026',
  'Service  Description  Amount',
  '555-0001  Line rental  1,234.50',
  '555-0001  Outage credit  (12.00)',
  'Carried forward  1,222.50',
])
const PAGE_2 = page(2, [
  'Test Carrier Inc  Page 2 of 2',
  'Service  Description  Amount',
  'Brought forward  1,222.50',
  'Account fee  5.00',
  'End of charges',
  'Due:  Dec 5, 2026',
  'Previous  100.00',
  'Payments  (100.00)',
  'Charges  1,227.50',
  'Taxes  0.75',
  'Total due  1,228.25',
])

describe('createTemplateReader', () => {
  it('reads header fields from the first, any and last page and a table across two pages', () => {
    const reader = createTemplateReader(TEMPLATE)
    reader.page(PAGE_1)
    reader.page(PAGE_2)
    const inv = reader.finish(2)
    expect(inv.problems).toEqual([])
    expect(inv).toMatchObject({
      accountNumber: 'A-77',
      invoiceNumber: 'T-100',
      statementDate: '2026-11-20',
      dueDate: '2026-12-05',
      currency: 'USD',
      previousBalance: '100.00',
      payments: '100.00',
      newCharges: '1227.50',
      taxes: '0.75',
      totalDue: '1228.25',
      format: 'pdf',
      pages: 2,
      template: 'Test carrier',
    })
    expect(
      inv.lines.map(({ lineNo, serviceId, description, chargeType, amount, page: p }) => ({
        lineNo,
        serviceId,
        description,
        chargeType,
        amount,
        p,
      })),
    ).toEqual([
      { lineNo: 1, serviceId: '555-0001', description: 'Line rental', chargeType: null, amount: '1234.50', p: 1 },
      { lineNo: 2, serviceId: '555-0001', description: 'Outage credit', chargeType: null, amount: '-12.00', p: 1 },
      { lineNo: 3, serviceId: null, description: 'Account fee', chargeType: null, amount: '5.00', p: 2 },
    ])
    // 'Account fee' is the 4th text line of page 2: y = 40 + 12 × 3.
    expect(inv.lines[2]!.box).toEqual({ page: 2, x: 36, y: 76, width: 400, height: 8, pageWidth: 612, pageHeight: 792 })
  })

  it('a table line that matches neither row nor skip is a problem naming page and text, and the rest is still read', () => {
    const reader = createTemplateReader(TEMPLATE)
    reader.page(PAGE_1)
    reader.page(page(2, ['Service  Description  Amount', 'Roaming pack  EUR twelve', 'Account fee  5.00', 'End of charges']))
    const inv = reader.finish(2)
    expect(inv.lines.map((l) => l.amount)).toEqual(['1234.50', '-12.00', '5.00'])
    expect(inv.problems).toContainEqual({
      where: 'page 2',
      message: 'a line in the table matches neither the row nor a skip pattern: "Roaming pack  EUR twelve"',
    })
  })

  it('unreadable figures, missing fields, a missing table end and missing pages are problems, not exceptions', () => {
    const reader = createTemplateReader(TEMPLATE)
    reader.page(page(1, ['Invoice:  T-1', 'Date:  Feb 30, 2026', 'Service  Description  Amount', 'Line  (1.2.3)']))
    const inv = reader.finish(3)
    expect(inv.statementDate).toBeNull()
    expect(inv.accountNumber).toBeNull()
    expect(inv.lines).toEqual([])
    const wheres = inv.problems.map((p) => p.where)
    expect(wheres).toEqual(
      expect.arrayContaining([
        'header.accountNumber',
        'header.statementDate',
        'header.dueDate',
        'header.totalDue',
        'page 1',
        'lines',
        'pages',
      ]),
    )
    expect(inv.problems.find((p) => p.where === 'header.statementDate')!.message).toBe(
      '"Feb 30, 2026" on page 1 is not a date in the format MMM D, YYYY',
    )
    expect(inv.problems.find((p) => p.where === 'pages')!.message).toBe('1 of 3 pages were read')
  })

  it('reads lines only on the pages of its range', () => {
    const reader = createTemplateReader({ ...TEMPLATE, lines: { ...TEMPLATE.lines, pages: { from: 2 } } })
    reader.page(PAGE_1)
    reader.page(page(2, ['Service  Description  Amount', 'Account fee  5.00', 'End of charges']))
    expect(reader.finish(2).lines.map((l) => l.description)).toEqual(['Account fee'])
  })
})

describe('normalizeDate and normalizeAmount', () => {
  it('reads each carrier style', () => {
    expect(normalizeDate('Nov 20, 2026', 'MMM D, YYYY')).toBe('2026-11-20')
    expect(normalizeDate('November 2, 2026', 'MMMM D, YYYY')).toBe('2026-11-02')
    expect(normalizeDate('11/20/2026', 'MM/DD/YYYY')).toBe('2026-11-20')
    expect(normalizeDate('20.11.2026', 'DD.MM.YYYY')).toBe('2026-11-20')
    expect(normalizeDate('29.02.2028', 'DD.MM.YYYY')).toBe('2028-02-29')
    expect(normalizeDate('29.02.2027', 'DD.MM.YYYY')).toBeNull()
    expect(normalizeDate('20/11/2026', 'DD.MM.YYYY')).toBeNull()
    expect(normalizeDate('Nox 20, 2026', 'MMM D, YYYY')).toBeNull()
  })

  it('reads amounts with thousands and the carrier’s credit style', () => {
    expect(normalizeAmount('1,234.50', '.', 'minus')).toBe('1234.50')
    expect(normalizeAmount('-12.00', '.', 'minus')).toBe('-12.00')
    expect(normalizeAmount('$115,492.75', '.', 'minus')).toBe('115492.75')
    expect(normalizeAmount('(12.00)', '.', 'parentheses')).toBe('-12.00')
    expect(normalizeAmount('USD (1,000.00)', '.', 'parentheses')).toBe('-1000.00')
    expect(normalizeAmount('1.234,50', ',', 'cr-suffix')).toBe('1234.50')
    expect(normalizeAmount('12,00 CR', ',', 'cr-suffix')).toBe('-12.00')
    expect(normalizeAmount('0,07', ',', 'cr-suffix')).toBe('0.07')
    // Not in the carrier's style, or not a number at all.
    expect(normalizeAmount('(12.00)', '.', 'minus')).toBeNull()
    expect(normalizeAmount('12.00 CR', '.', 'minus')).toBeNull()
    expect(normalizeAmount('1,23,4.50', '.', 'minus')).toBeNull()
    expect(normalizeAmount('twelve', '.', 'minus')).toBeNull()
  })
})

describe('matchTemplate', () => {
  it('needs every keyword on page 1 and none of the exclusions', () => {
    const text = 'Test Carrier Inc  Page 1 of 2\nInvoice:  T-100'
    expect(matchTemplate([TEMPLATE], text)?.name).toBe('Test carrier')
    expect(matchTemplate([TEMPLATE], 'Test Carrier Inc statement')).toBeNull()
    expect(matchTemplate([{ ...TEMPLATE, exclude: ['Page 1 of 2'] }], text)).toBeNull()
    const specific = { ...TEMPLATE, name: 'Specific', keywords: [...TEMPLATE.keywords, 'T-100'] }
    expect(matchTemplate([TEMPLATE, specific], text)?.name).toBe('Specific')
  })
})

describe('templateProblems', () => {
  it('accepts the demo templates', () => {
    for (const t of DEMO_TEMPLATES) expect(templateProblems(t)).toEqual([])
    expect(templateProblems(JSON.parse(JSON.stringify(TEMPLATE)))).toEqual([])
  })

  it('names bad regexes, missing groups, unknown fields and bad settings', () => {
    const broken = {
      name: '',
      keywords: [],
      fields: {
        accountNumber: { regex: 'Account (\\S+' },
        invoiceNumber: { regex: 'Invoice \\S+' },
        dueDate: { regex: '(Due) (\\S+)' },
        totalDue: { regex: 'Total (\\S+)', page: 'middle' },
        colour: { regex: '(red)' },
      },
      dateFormat: 'DD.MM',
      decimal: ';',
      credit: 'red ink',
      lines: { start: '^Service', end: '[', row: '^(?<desc>.+)\\s{2,}(?<amount>\\S+)$', skip: ['(?<x'] },
    }
    const fields = templateProblems(broken).map((p) => p.field)
    expect(fields).toEqual([
      'name',
      'keywords',
      'dateFormat',
      'decimal',
      'credit',
      'fields.accountNumber.regex',
      'fields.invoiceNumber.regex',
      'fields.dueDate.regex',
      'fields.totalDue.page',
      'fields.colour',
      'currency',
      'lines.end',
      'lines.row',
      'lines.row',
      'lines.skip[0]',
    ])
    const messages = templateProblems(broken)
    expect(messages.find((p) => p.field === 'fields.dueDate.regex')!.message).toBe('must have exactly one capture group (has 2)')
    expect(messages.filter((p) => p.field === 'lines.row').map((p) => p.message)).toEqual([
      'must have a named group (?<description>…)',
      'has an unknown group "desc" (known: serviceId, description, chargeType, amount)',
    ])
    expect(templateProblems(null)).toEqual([{ field: 'template', message: 'must be an object' }])
  })
})
