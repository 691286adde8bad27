import ExcelJS from 'exceljs'
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'

import { statementAmount, summarizeStatement, type StatementInput, type StatementLine } from '../../../engine/commission/statement'
import { MoneyError } from '../../../engine/core/money'
import { renderStatementPdf } from '../../../modules/commission/statements/renderPdf'
import { renderStatementXlsx } from '../../../modules/commission/statements/renderXlsx'

/** A 1×1 PNG, enough for react-pdf to embed a logo. */
const PNG_LOGO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

const LABELS: Record<string, string> = {
  upfront: 'Upfront',
  volume_bonus: 'Volume bonus',
  plan_change: 'Plan change',
  residual: 'Residual',
  chargeback: 'Chargeback',
  override: 'Override',
  note: 'Debit/credit note',
  spiff: 'Spiff',
  adjustment: 'Adjustment',
}

function line(id: number, component: string, amount: string, held = false): StatementLine {
  return {
    id,
    component,
    componentLabel: LABELS[component] ?? component,
    amount,
    held,
    description: `Sale #${100 + id} · VTX UNL-PLUS · new`,
    sourceRef: `dealer-sales #${100 + id}`,
    ruleRef: `Dealer plan v3 · ${component}`,
  }
}

function statement(lines: StatementLine[], brand: Partial<StatementInput['brand']> = {}): StatementInput {
  return {
    participant: { id: 42, name: 'Avery Stone Wireless', code: 'D-104' },
    period: { label: 'June 2025', startsOn: '2025-06-01', endsOn: '2025-06-30' },
    currency: 'USD',
    runLabel: 'Run #7 (final)',
    generatedAt: '2025-07-02T09:15:00.000Z',
    brand: { name: 'Northwind Mobile', primaryColor: '#0b5394', secondaryColor: '#e69138', textColor: '#222222', logo: null, ...brand },
    lines,
  }
}

/**
 * Worked example, lines deliberately out of component order:
 *   upfront 150.00 + 75.25 (held) = 225.25 · volume bonus 40.00 · plan change 9.99 · residual 12.10
 *   chargeback −150.00 · override 3.33 · note −5.35 · then the unlisted components alphabetically:
 *   adjustment −1.01 · spiff 20.00.
 *   total 154.31, held 75.25, payable 79.06.
 */
const WORKED = statement([
  line(1, 'spiff', '20.00'),
  line(2, 'chargeback', '-150.00'),
  line(3, 'upfront', '150.00'),
  line(4, 'note', '-5.35'),
  line(5, 'residual', '12.10'),
  line(6, 'adjustment', '-1.01'),
  line(7, 'upfront', '75.25', true),
  line(8, 'override', '3.33'),
  line(9, 'plan_change', '9.99'),
  line(10, 'volume_bonus', '40.00'),
])

describe('summarizeStatement', () => {
  it('orders groups upfront, volume bonus, plan change, residual, chargeback, override, note, then others alphabetically', () => {
    const { groups } = summarizeStatement(WORKED)
    expect(groups.map((g) => g.component)).toEqual([
      'upfront',
      'volume_bonus',
      'plan_change',
      'residual',
      'chargeback',
      'override',
      'note',
      'adjustment',
      'spiff',
    ])
    expect(groups.map((g) => g.label)).toEqual([
      'Upfront',
      'Volume bonus',
      'Plan change',
      'Residual',
      'Chargeback',
      'Override',
      'Debit/credit note',
      'Adjustment',
      'Spiff',
    ])
  })

  it('totals each group, the statement, the held lines and the payable amount to the cent', () => {
    const summary = summarizeStatement(WORKED)
    expect(summary.groups.map((g) => [g.component, g.count, g.total])).toEqual([
      ['upfront', 2, '225.25'],
      ['volume_bonus', 1, '40.00'],
      ['plan_change', 1, '9.99'],
      ['residual', 1, '12.10'],
      ['chargeback', 1, '-150.00'],
      ['override', 1, '3.33'],
      ['note', 1, '-5.35'],
      ['adjustment', 1, '-1.01'],
      ['spiff', 1, '20.00'],
    ])
    expect(summary).toMatchObject({ total: '154.31', held: '75.25', payable: '79.06', lineCount: 10 })
  })

  it('keeps the input order of lines inside a group', () => {
    const upfront = summarizeStatement(WORKED).groups[0]!
    expect(upfront.lines.map((l) => l.id)).toEqual([3, 7])
  })

  it('adds a held chargeback back to the payable amount (payable = total − held)', () => {
    const summary = summarizeStatement(statement([line(1, 'upfront', '100.00'), line(2, 'chargeback', '-40.00', true)]))
    expect(summary).toMatchObject({ total: '60.00', held: '-40.00', payable: '100.00' })
  })

  it('sums exactly where floats drift: ten lines of 0.10 make 1.00', () => {
    const lines = Array.from({ length: 10 }, (_, i) => line(i + 1, 'residual', '0.10'))
    expect(0.1 * 3).not.toBe(0.3) // the trap decimal.js avoids
    expect(summarizeStatement(statement(lines)).total).toBe('1.00')
  })

  it('gives zero totals for a statement without lines', () => {
    expect(summarizeStatement(statement([]))).toEqual({ groups: [], total: '0.00', held: '0.00', payable: '0.00', lineCount: 0 })
  })

  it('refuses an amount finer than a cent instead of rounding it away', () => {
    expect(() => summarizeStatement(statement([line(9, 'upfront', '10.005')]))).toThrow(MoneyError)
    expect(() => summarizeStatement(statement([line(9, 'upfront', '10.005')]))).toThrow(/line 9/)
  })

  it('refuses an invalid currency', () => {
    expect(() => summarizeStatement({ ...WORKED, currency: 'usd' })).toThrow(MoneyError)
  })

  it("totals in the currency's minor units: whole yen (no decimals), dinars to the fils (three)", () => {
    // 1250 + 51 − 300 = 1001 yen; 10.102 − 2.004 (held) + 0.005 = 8.103 BHD, payable 10.107.
    const yen = summarizeStatement({
      ...statement([line(1, 'upfront', '1250'), line(2, 'override', '51.0000'), line(3, 'chargeback', '-300')]),
      currency: 'JPY',
    })
    expect(yen).toMatchObject({ total: '1001', held: '0', payable: '1001' })
    expect(yen.groups.map((g) => g.total)).toEqual(['1250', '-300', '51'])
    const dinar = summarizeStatement({
      ...statement([line(1, 'note', '10.102'), line(2, 'note', '-2.0040', true), line(3, 'override', '0.005')]),
      currency: 'BHD',
    })
    expect(dinar).toMatchObject({ total: '8.103', held: '-2.004', payable: '10.107' })
    expect(dinar.groups.map((g) => g.total)).toEqual(['0.005', '8.098'])
  })

  it('refuses a yen fraction and a tenth of a fils instead of rounding them away', () => {
    expect(() => summarizeStatement({ ...statement([line(4, 'upfront', '1250.5')]), currency: 'JPY' })).toThrow(
      /line 4: amount 1250.5 has more than the 0 decimals of JPY/,
    )
    expect(() => summarizeStatement({ ...statement([line(5, 'upfront', '1.0005')]), currency: 'BHD' })).toThrow(
      /line 5: amount 1.0005 has more than the 3 decimals of BHD/,
    )
  })

  it('statementAmount shows a stored amount with exactly the minor units of its currency', () => {
    expect(statementAmount('1250.0000', 'JPY', 1)).toBe('1250')
    expect(statementAmount('-12.5000', 'USD', 2)).toBe('-12.50')
    expect(statementAmount('8.0980', 'BHD', 3)).toBe('8.098')
    expect(() => statementAmount('12.3450', 'USD', 4)).toThrow(MoneyError)
  })
})

async function pdfPages(pdf: Buffer): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(pdf))
  const { text } = await extractText(document, { mergePages: false })
  return text
}

describe('renderStatementPdf', () => {
  it('renders a PDF naming the participant, the brand, every group and the formatted totals', async () => {
    const pdf = await renderStatementPdf(WORKED)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const pages = await pdfPages(pdf)
    const text = pages.join('\n')
    expect(text).toContain('Avery Stone Wireless')
    expect(text).toContain('D-104')
    expect(text).toContain('Northwind Mobile')
    expect(text).toContain('June 2025')
    expect(text).toContain('2025-06-01 – 2025-06-30')
    expect(text).toContain('Run #7 (final)')
    expect(text).toContain('2025-07-02 09:15 UTC')
    for (const label of Object.values(LABELS)) expect(text).toContain(`Subtotal · ${label}`)
    expect(text).toContain('Subtotal · Upfront USD 225.25')
    expect(text).toContain('Subtotal · Chargeback USD -150.00')
    expect(text).toMatch(/Total USD 154\.31/)
    expect(text).toMatch(/Held \(withheld until released\) USD 75\.25/)
    expect(text).toMatch(/Payable USD 79\.06/)
    expect(text.match(/HELD/g)).toHaveLength(1)
    expect(text).toContain(`Page ${pages.length} of ${pages.length}`)
  })

  it('embeds the brand logo when one is given', async () => {
    const withLogo = await renderStatementPdf(statement([line(1, 'upfront', '1.00')], { logo: PNG_LOGO }))
    const without = await renderStatementPdf(statement([line(1, 'upfront', '1.00')]))
    expect(withLogo.toString('latin1')).toContain('/Subtype /Image')
    expect(without.toString('latin1')).not.toContain('/Subtype /Image')
  })

  it('leaves out a logo that is neither PNG nor JPEG rather than failing the statement', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')
    const pdf = await renderStatementPdf(statement([line(1, 'upfront', '1.00')], { logo: svg }))
    expect(pdf.toString('latin1')).not.toContain('/Subtype /Image')
    expect((await pdfPages(pdf)).join('\n')).toContain('Northwind Mobile')
  })

  it('renders a statement without lines with zero totals', async () => {
    const text = (await pdfPages(await renderStatementPdf(statement([])))).join('\n')
    expect(text).toContain('No commission lines in this period.')
    expect(text).toMatch(/Total USD 0\.00/)
    expect(text).toMatch(/Payable USD 0\.00/)
  })

  it('paginates a 600-line statement, numbering the pages and ending with the grand total', async () => {
    const lines = Array.from({ length: 600 }, (_, i) => line(i + 1, i % 4 === 0 ? 'residual' : 'upfront', '1234.56', i === 599))
    const pdf = await renderStatementPdf(statement(lines))
    const pages = await pdfPages(pdf)
    expect(pages.length).toBeGreaterThan(1)
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`)
      expect(page).toContain('Northwind Mobile')
    })
    // 600 × 1,234.56 = 740,736.00, of which the last line (1,234.56) is held.
    const last = pages[pages.length - 1]!
    expect(last).toMatch(/Total USD 740,736\.00/)
    expect(last).toMatch(/Payable USD 739,501\.44/)
    // A group that runs over a page repeats its column header there.
    expect(pages[1]).toContain('DESCRIPTION')
    expect(pages.join('\n').match(/VTX UNL-PLUS/g)).toHaveLength(600)
  }, 60_000)
})

describe('renderStatementXlsx', () => {
  async function workbookOf(input: StatementInput): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook()
    // exceljs types load() with its own Buffer interface; a Node Buffer is what it reads at runtime.
    await workbook.xlsx.load((await renderStatementXlsx(input)) as unknown as ExcelJS.Buffer)
    return workbook
  }

  function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
    const rows: unknown[][] = []
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)))
    return rows
  }

  it('writes the title block, every line grouped with subtotals, and the exact grand total', async () => {
    const workbook = await workbookOf(WORKED)
    expect(workbook.creator).toBe('Northwind Mobile')
    const sheet = workbook.getWorksheet('Statement')!
    const rows = rowsOf(sheet)
    expect(rows[0]![0]).toBe('Northwind Mobile')
    expect(rows).toContainEqual(['Participant', 'Avery Stone Wireless (D-104)'])
    expect(rows).toContainEqual(['Period', 'June 2025 (2025-06-01 – 2025-06-30)'])

    const header = rows.findIndex((r) => r[0] === 'Component')
    expect(rows[header]).toEqual(['Component', 'Description', 'Source', 'Rule', 'Held', 'Amount', 'Exact amount'])
    const table = rows.slice(header + 1)
    expect(table.slice(0, 3)).toEqual([
      ['Upfront', 'Sale #103 · VTX UNL-PLUS · new', 'dealer-sales #103', 'Dealer plan v3 · upfront', '', 150, '150.00'],
      ['Upfront', 'Sale #107 · VTX UNL-PLUS · new', 'dealer-sales #107', 'Dealer plan v3 · upfront', 'HELD', 75.25, '75.25'],
      ['Subtotal Upfront', '2 lines', '', '', '', 225.25, '225.25'],
    ])
    expect(table.filter((r) => String(r[0]).startsWith('Subtotal')).map((r) => [r[0], r[6]])).toEqual([
      ['Subtotal Upfront', '225.25'],
      ['Subtotal Volume bonus', '40.00'],
      ['Subtotal Plan change', '9.99'],
      ['Subtotal Residual', '12.10'],
      ['Subtotal Chargeback', '-150.00'],
      ['Subtotal Override', '3.33'],
      ['Subtotal Debit/credit note', '-5.35'],
      ['Subtotal Adjustment', '-1.01'],
      ['Subtotal Spiff', '20.00'],
    ])
    expect(table.filter((r) => r[2] !== undefined && String(r[2]).startsWith('dealer-sales'))).toHaveLength(10)

    const summary = summarizeStatement(WORKED)
    const total = sheet.getRow(header + 1 + table.findIndex((r) => r[0] === 'Total') + 1)
    expect(total.getCell(7).value).toBe(summary.total)
    expect(total.getCell(7).value).toBe('154.31')
    expect((total.getCell(6).value as number).toFixed(2)).toBe('154.31')
    expect(total.getCell(6).numFmt).toBe('#,##0.00')
    expect(table.find((r) => r[0] === 'Held')?.[6]).toBe('75.25')
    expect(table.find((r) => r[0] === 'Payable')?.[6]).toBe('79.06')
  })

  it('writes a Summary sheet with one row per component, then total, held and payable', async () => {
    const rows = rowsOf((await workbookOf(WORKED)).getWorksheet('Summary')!)
    expect(rows[0]).toEqual(['Component', 'Lines', 'Total', 'Exact total'])
    expect(rows.slice(1, 10).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Upfront', 2, '225.25'],
      ['Volume bonus', 1, '40.00'],
      ['Plan change', 1, '9.99'],
      ['Residual', 1, '12.10'],
      ['Chargeback', 1, '-150.00'],
      ['Override', 1, '3.33'],
      ['Debit/credit note', 1, '-5.35'],
      ['Adjustment', 1, '-1.01'],
      ['Spiff', 1, '20.00'],
    ])
    expect(rows.slice(-3).map((r) => [r[0], r[3]])).toEqual([
      ['Total', '154.31'],
      ['Held', '75.25'],
      ['Payable', '79.06'],
    ])
  })
})
