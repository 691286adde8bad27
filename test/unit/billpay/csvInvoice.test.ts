/**
 * The CSV invoice reader on hand-written carrier exports.
 *
 * test/fixtures/billpay/metrofiber-2026-11.csv (UTF-8 BOM, CRLF), worked by hand:
 *   15 charges: 42.00 + 3.17 + 42.00 + 4.50 + 42.00 + 2.49 + 1,234.50 + 25.00 + 2,150.00 − 120.00 + 15.00 + 42.00
 *   + 6.95 + 11.38 + 2.99 = 3,503.98 = NEW CHARGES; TAXES 287.41; PREVIOUS BALANCE 3,612.07; PAYMENT RECEIVED 3,500.00;
 *   TOTAL DUE = 3,612.07 − 3,500.00 + 3,503.98 + 287.41 = 3,903.46. Lines 11 and 15 are account-level (no service id).
 */
import fs from 'node:fs'
import path from 'node:path'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { readCsvInvoice } from '../../../modules/billpay/csvInvoice'

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/billpay', name), 'utf8')

describe('readCsvInvoice', () => {
  it('reads every header figure and line of the MetroFiber export', () => {
    const invoice = readCsvInvoice(fixture('metrofiber-2026-11.csv'))
    expect(invoice.problems).toEqual([])
    expect(invoice).toMatchObject({
      format: 'csv',
      accountNumber: 'MF-204417',
      invoiceNumber: 'MF2611-88120',
      statementDate: '2026-11-30',
      dueDate: '2026-12-28',
      currency: 'USD',
      previousBalance: '3612.07',
      payments: '3500.00',
      newCharges: '3503.98',
      taxes: '287.41',
      totalDue: '3903.46',
      pages: 1,
      template: null,
    })
    const rows = invoice.lines.map((l) => [l.lineNo, l.serviceId, l.description, l.chargeType, l.amount, l.page, l.box])
    expect(rows).toEqual([
      [1, '3125550140', 'Business Line - Monthly', 'MRC', '42.00', null, null],
      [2, '3125550140', 'Long Distance Usage', 'USAGE', '3.17', null, null],
      [3, '3125550141', 'Business Line - Monthly', 'MRC', '42.00', null, null],
      [4, '3125550141', 'Call Forwarding, Remote', 'FEATURE', '4.50', null, null],
      [5, '3125550142', 'Business Line - Monthly', 'MRC', '42.00', null, null],
      [6, '3125550142', 'Directory Assistance', 'USAGE', '2.49', null, null],
      [7, 'MF/DIA/000871', 'Dedicated Internet 1G', 'MRC', '1234.50', null, null],
      [8, 'MF/DIA/000871', 'Static IP Block /29', 'MRC', '25.00', null, null],
      [9, 'MF/WAVE/004410', 'Wavelength 10G Chicago - Oak Brook', 'MRC', '2150.00', null, null],
      [10, 'MF/WAVE/004410', 'Outage Credit 11/14', 'CREDIT', '-120.00', null, null],
      [11, null, 'Account Maintenance Fee', 'OCC', '15.00', null, null],
      [12, '3125550143', 'Business Line - Monthly', 'MRC', '42.00', null, null],
      [13, '3125550143', 'Voicemail', 'FEATURE', '6.95', null, null],
      [14, '3125550143', 'Long Distance Usage', 'USAGE', '11.38', null, null],
      [15, null, 'Paper Bill Fee', 'OCC', '2.99', null, null],
    ])
  })

  it('names the missing columns and the columns found', () => {
    const invoice = readCsvInvoice(fixture('missing-columns.csv'))
    expect(invoice.lines).toEqual([])
    expect(invoice.problems).toEqual([
      {
        where: 'header',
        message:
          'missing column Amount; the columns found are "Account Number", "Invoice Number", "Bill Date", "Due Date", "Phone Number", "Description", "USOC"',
      },
    ])
  })

  it('reads header figures repeated in columns, a semicolon delimiter, decimal commas and DD.MM.YYYY dates', () => {
    // 120,00 + 35,50 − 5,25 = 150,25 new charges; 150,25 + 9,75 taxes = 160,00 total due.
    const text = [
      'Acct #;Bill Number;Statement Date;Payment Due;WTN;Description;Type;Charge;Taxes;Total Due',
      '4411;B-77;31.10.2026;20.11.2026;0301234567;Leitung;MRC;120,00;9,75;160,00',
      '4411;B-77;31.10.2026;20.11.2026;0301234568;Minuten;USAGE;35,50;9,75;160,00',
      '4411;B-77;31.10.2026;20.11.2026;;Gutschrift;CREDIT;-5,25;9,75;160,00',
    ].join('\n')
    const invoice = readCsvInvoice(text)
    expect(invoice.problems).toEqual([])
    expect(invoice).toMatchObject({ accountNumber: '4411', invoiceNumber: 'B-77', statementDate: '2026-10-31', dueDate: '2026-11-20' })
    expect([invoice.taxes, invoice.totalDue, invoice.newCharges, invoice.previousBalance]).toEqual(['9.75', '160.00', null, null])
    expect(invoice.lines.map((l) => [l.serviceId, l.amount])).toEqual([
      ['0301234567', '120.00'],
      ['0301234568', '35.50'],
      [null, '-5.25'],
    ])
  })

  it('keeps a row whose amount cannot be read and reports it by row and column', () => {
    const text = [
      'Account,Invoice,Bill Date,Due Date,Service,Description,Charge Type,Amount',
      'A1,I1,2026-11-01,2026-11-21,555,Line,MRC,10.00',
      'A1,I1,2026-11-01,2026-11-21,556,Line,MRC,ten',
      ',,,,,Total Due,TOTAL DUE,10.00',
    ].join('\r\n')
    const invoice = readCsvInvoice(text)
    expect(invoice.lines.map((l) => [l.lineNo, l.amount])).toEqual([
      [1, '10.00'],
      [2, '0.00'],
    ])
    expect(invoice.problems).toEqual([
      { where: 'row 3', message: 'row 3, column Amount: "ten" is not a number; the line is kept at 0.00 for a person to correct' },
    ])
    expect(invoice.totalDue).toBe('10.00')
  })

  it('reports rows of another account or invoice', () => {
    const text = [
      'Account,Invoice,Bill Date,Due Date,Service,Description,Amount,Total Due',
      'A1,I1,2026-11-01,2026-11-21,555,Line,10.00,20.00',
      'A2,I1,2026-11-01,2026-11-21,556,Line,10.00,20.00',
    ].join('\n')
    const invoice = readCsvInvoice(text)
    expect(invoice.accountNumber).toBe('A1')
    expect(invoice.problems).toEqual([
      { where: 'row 3', message: 'row 3, column Account: "A2" differs from "A1" in row 2; one invoice per file' },
    ])
  })

  it('gives problems, never an exception, for an empty file, a PDF and random bytes', () => {
    expect(readCsvInvoice('').problems).toEqual([{ where: 'file', message: 'the CSV file is empty' }])
    const pdf =
      '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nstream\n\u0000\u00ff"x,y\nendstream\n%%EOF'
    expect(readCsvInvoice(pdf).problems.length).toBeGreaterThan(0)
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.uint8Array().map((b) => Buffer.from(b).toString('latin1')),
        ),
        (text) => {
          const invoice = readCsvInvoice(text)
          expect(invoice.format).toBe('csv')
          expect(invoice.problems.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 300 },
    )
  })
})
