/**
 * The X12 811 invoice reader on hand-written carrier files.
 *
 * test/fixtures/billpay/northtel-2026-11.811, worked by hand: 8 IT1 lines, quantity × unit price:
 *   1 × 25.00 + 1 × 45.00 + 37 × 0.05 (1.85) + 1 × 45.00 + 1 × −10.00 + 1 × 389.00 + 1 × 150.00 + 2 × 12.50 (25.00)
 *   = 670.85 new charges; TXI 12.34 + 33.54 + 5.37 = 51.25 taxes; TDS 72210 = 722.10 = 670.85 + 51.25;
 *   BAL*P 698.45 previous balance, AMT*TP 650.00 payments, BAL*M 770.55 = 698.45 − 650.00 + 670.85 + 51.25 total due.
 *   The set is ST … SE, 43 segments (SE*43); northtel-bad-count.811 is the same file with SE*42.
 */
import fs from 'node:fs'
import path from 'node:path'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { readX12Invoice } from '../../../modules/billpay/x12Invoice'

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/billpay', name), 'utf8')

describe('readX12Invoice', () => {
  it('reads every header figure and line of the NorthTel 811', () => {
    const invoice = readX12Invoice(fixture('northtel-2026-11.811'))
    expect(invoice.problems).toEqual([])
    expect(invoice).toMatchObject({
      format: 'x12_811',
      accountNumber: '8005550199',
      invoiceNumber: 'NT-2026-11-0042',
      statementDate: '2026-12-01',
      dueDate: '2026-12-21',
      currency: 'USD',
      previousBalance: '698.45',
      payments: '650.00',
      newCharges: '670.85',
      taxes: '51.25',
      totalDue: '770.55',
      pages: 1,
      template: null,
    })
    const rows = invoice.lines.map((l) => [l.lineNo, l.serviceId, l.description, l.chargeType, l.amount, l.page, l.box])
    expect(rows).toEqual([
      [1, null, 'ACCOUNT MAINTENANCE FEE', 'OCC', '25.00', null, null],
      [2, '6125550101', 'BUSINESS LINE MONTHLY', 'MRC', '45.00', null, null],
      [3, '6125550101', 'LONG DISTANCE 37 MIN', 'USAGE', '1.85', null, null],
      [4, '6125550102', 'BUSINESS LINE MONTHLY', 'MRC', '45.00', null, null],
      [5, '6125550102', 'PROMOTIONAL CREDIT', 'CREDIT', '-10.00', null, null],
      [6, '12.HCGS.123456..NT', 'DEDICATED FIBER ACCESS 100M', 'MRC', '389.00', null, null],
      [7, '12.HCGS.123456..NT', 'INSTALLATION', 'OCC', '150.00', null, null],
      [8, '6125550103', 'VOICEMAIL BOX', 'MRC', '25.00', null, null],
    ])
  })

  it('reports a wrong SE01 and still reads the invoice', () => {
    const invoice = readX12Invoice(fixture('northtel-bad-count.811'))
    expect(invoice.problems).toEqual([{ where: 'segment 43 (SE)', message: 'SE01 says 42 segments, the set has 43' }])
    expect(invoice.totalDue).toBe('770.55')
    expect(invoice.lines).toHaveLength(8)
  })

  it('reports wrong GE and IEA counts and control numbers', () => {
    // node-x12 hands ISA13/IEA02 back without leading zeros.
    const text = fixture('northtel-2026-11.811').replace('GE*1*517~', 'GE*2*518~').replace('IEA*1*000000517~', 'IEA*3*000000999~')
    expect(readX12Invoice(text).problems).toEqual([
      { where: 'IEA', message: 'IEA01 says 3 functional groups, the interchange has 1' },
      { where: 'IEA', message: 'IEA02 control number 999 does not match ISA13 517' },
      { where: 'GE', message: 'GE01 says 2 transaction sets, the group has 1' },
      { where: 'GE', message: 'GE02 control number 518 does not match GS06 517' },
    ])
  })

  it('names a line whose amount cannot be read, keeping it', () => {
    const text = fixture('northtel-2026-11.811').replace('IT1*3*37*MJ*0.05', 'IT1*3*37*MJ*0,05')
    const invoice = readX12Invoice(text)
    expect(invoice.lines[2]!.amount).toBe('0.00')
    expect(invoice.problems).toEqual([
      { where: 'segment 18 (IT1)', message: 'IT104 (unit price) "0,05" is not a number' },
      {
        where: 'line 3',
        message: 'the amount of the line at segment 18 (IT1) cannot be read; the line is kept at 0.00 for a person to correct',
      },
    ])
  })

  it('gives problems, never an exception, for an empty file, a PDF, a CSV and random text', () => {
    expect(readX12Invoice('').problems).toEqual([
      { where: 'file', message: 'this is not an X12 interchange: it does not begin with an ISA segment' },
    ])
    expect(readX12Invoice('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF').problems.length).toBe(1)
    expect(readX12Invoice(fixture('metrofiber-2026-11.csv')).problems.length).toBe(1)
    const isa = fixture('northtel-2026-11.811').slice(0, 107)
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string().map((s) => isa + s),
          fc.string().map((s) => 'ISA*' + s),
        ),
        (text) => {
          const invoice = readX12Invoice(text)
          expect(invoice.format).toBe('x12_811')
          expect(invoice.problems.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 300 },
    )
  })
})
