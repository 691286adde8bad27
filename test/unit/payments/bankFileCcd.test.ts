import { describe, expect, it } from 'vitest'

import {
  BankFileError,
  bankCsv,
  bankFileProblems,
  nachaFile,
  type BatchFileInput,
  type PaymentInstruction,
} from '../../../engine/payments/bankFile'

/**
 * NACHA CCD batches with addenda records, as a telecom bill run pays carriers: every record of a small file is
 * compared field by field with values worked out by hand from the NACHA record layouts (not from the writer).
 */
const originator: BatchFileInput['originator'] = {
  companyName: 'Northwind Wireless',
  companyId: '1234567890',
  immediateDestination: '021000021',
  immediateDestinationName: 'JPMorgan Chase',
  immediateOrigin: '1234567890',
  immediateOriginName: 'Northwind Wireless',
  odfiRouting: '02100002',
}

const verizon: PaymentInstruction = {
  paymentId: 201,
  payeeId: 21,
  payeeCode: 'VZW-8312345678',
  payeeName: 'Verizon Wireless',
  amount: '4812.37',
  currency: 'USD',
  routingNumber: '011000015',
  accountNumber: '8300012345',
  accountType: 'checking',
  addenda: 'INV*INV-2026-0042*8312345678\\',
}
const att: PaymentInstruction = {
  paymentId: 202,
  payeeId: 22,
  payeeCode: 'ATT-2871',
  payeeName: 'AT&T Mobility',
  amount: '950.00',
  currency: 'USD',
  routingNumber: '121000248',
  accountNumber: '1234567890123',
  accountType: 'checking',
}
const lumen: PaymentInstruction = {
  paymentId: 203,
  payeeId: 23,
  payeeCode: 'LUMEN-77',
  payeeName: 'Lumen Technologies',
  amount: '12000.0500',
  currency: 'USD',
  routingNumber: '021000021',
  accountNumber: '77665544',
  accountType: 'savings',
  addenda: 'Circuit charges March 2026',
}

const input: BatchFileInput = {
  batchId: 7,
  description: 'Telecom',
  effectiveDate: '2026-04-03',
  createdAt: '2026-04-01T16:45:00Z',
  fileIdModifier: 'B',
  originator,
  entryClass: 'CCD',
  payments: [verizon, att, lumen],
}

/** Characters `from`–`to` of a record, 1-based and inclusive, as the NACHA field tables number them. */
const at = (record: string, from: number, to: number): string => record.slice(from - 1, to)

describe('NACHA CCD file with addenda', () => {
  const records = nachaFile(input).split('\n')

  it('has records 1, 5, 6, 7, 6, 6, 7, 8, 9 and one filler line, every one exactly 94 characters', () => {
    expect(records.map((r) => r[0])).toEqual(['1', '5', '6', '7', '6', '6', '7', '8', '9', '9'])
    for (const r of records) expect(r).toHaveLength(94)
    expect(records[9]).toBe('9'.repeat(94))
  })

  it('file header is the same as for PPD: destination, origin, date and time, modifier, reference code', () => {
    expect(records[0]).toBe(
      '101 0210000211234567890' + '2604011645' + 'B094101' + 'JPMORGAN CHASE         ' + 'NORTHWIND WIRELESS     ' + '00000007',
    )
  })

  it('batch header names the CCD class, credits only, and the effective date', () => {
    const h = records[1]!
    expect(at(h, 1, 1)).toBe('5')
    expect(at(h, 2, 4)).toBe('220')
    expect(at(h, 5, 20)).toBe('NORTHWIND WIRELE')
    expect(at(h, 21, 40)).toBe(' '.repeat(20))
    expect(at(h, 41, 50)).toBe('1234567890')
    expect(at(h, 51, 53)).toBe('CCD')
    expect(at(h, 54, 63)).toBe('TELECOM   ')
    expect(at(h, 64, 69)).toBe(' '.repeat(6))
    expect(at(h, 70, 75)).toBe('260403')
    expect(at(h, 76, 78)).toBe('   ')
    expect(at(h, 79, 79)).toBe('1')
    expect(at(h, 80, 87)).toBe('02100002')
    expect(at(h, 88, 94)).toBe('0000001')
  })

  it('an entry with addenda has indicator 1; the company name, id and amount sit in the PPD positions', () => {
    const e = records[2]!
    expect(at(e, 1, 1)).toBe('6')
    expect(at(e, 2, 3)).toBe('22')
    expect(at(e, 4, 11)).toBe('01100001')
    expect(at(e, 12, 12)).toBe('5')
    expect(at(e, 13, 29)).toBe('8300012345       ')
    expect(at(e, 30, 39)).toBe('0000481237')
    expect(at(e, 40, 54)).toBe('VZW-8312345678 ')
    expect(at(e, 55, 76)).toBe('VERIZON WIRELESS      ')
    expect(at(e, 77, 78)).toBe('  ')
    expect(at(e, 79, 79)).toBe('1')
    expect(at(e, 80, 94)).toBe('021000020000001')
  })

  it('the addenda record follows its entry: type 05, the text as given padded to 80, sequence 1, the entry sequence', () => {
    const a = records[3]!
    expect(at(a, 1, 1)).toBe('7')
    expect(at(a, 2, 3)).toBe('05')
    expect(at(a, 4, 83)).toBe('INV*INV-2026-0042*8312345678\\' + ' '.repeat(51))
    expect(at(a, 84, 87)).toBe('0001')
    expect(at(a, 88, 94)).toBe('0000001')
    expect(a).toBe('705INV*INV-2026-0042*8312345678\\' + ' '.repeat(51) + '00010000001')
  })

  it('an entry without addenda has indicator 0 and is not followed by a 7 record', () => {
    const e = records[4]!
    expect(e).toBe(
      '6' +
        '22' +
        '12100024' +
        '8' +
        '1234567890123    ' +
        '0000095000' +
        'ATT-2871       ' +
        'AT&T MOBILITY         ' +
        '  ' +
        '0' +
        '021000020000002',
    )
    expect(records[5]![0]).toBe('6')
  })

  it('the third entry (savings, code 32) and its addenda carry entry sequence 3; mixed case is kept in the addenda', () => {
    expect(records[5]).toBe(
      '6' +
        '32' +
        '02100002' +
        '1' +
        '77665544         ' +
        '0001200005' +
        'LUMEN-77       ' +
        'LUMEN TECHNOLOGIES    ' +
        '  ' +
        '1' +
        '021000020000003',
    )
    expect(records[6]).toBe('7' + '05' + 'Circuit charges March 2026'.padEnd(80) + '0001' + '0000003')
  })

  it('batch control counts 3 entries and 2 addenda; hash of the RDFI ids; credits summed to the cent', () => {
    const c = records[7]!
    expect(at(c, 1, 1)).toBe('8')
    expect(at(c, 2, 4)).toBe('220')
    // 3 entries + 2 addenda
    expect(at(c, 5, 10)).toBe('000005')
    // 01100001 + 12100024 + 02100002 = 15300027
    expect(at(c, 11, 20)).toBe('0015300027')
    expect(at(c, 21, 32)).toBe('000000000000')
    // 4812.37 + 950.00 + 12000.05 = 17762.42
    expect(at(c, 33, 44)).toBe('000001776242')
    expect(at(c, 45, 54)).toBe('1234567890')
    expect(at(c, 55, 79)).toBe(' '.repeat(25))
    expect(at(c, 80, 87)).toBe('02100002')
    expect(at(c, 88, 94)).toBe('0000001')
  })

  it('file control: 1 batch, 1 block of 10 records, 5 entry/addenda records, same hash and totals', () => {
    expect(records[8]).toBe('9' + '000001' + '000001' + '00000005' + '0015300027' + '000000000000' + '000001776242' + ' '.repeat(39))
  })
})

describe('block padding with addenda', () => {
  /** Five payments to the same carrier account, each with its invoice in an addenda. */
  const five: PaymentInstruction[] = [1, 2, 3, 4, 5].map((n) => ({
    ...verizon,
    paymentId: 300 + n,
    amount: '10.00',
    addenda: `INV*A-${n}*8312345678\\`,
  }))

  it('without addenda, 5 entries make 9 records padded to 10: one block', () => {
    const records = nachaFile({ ...input, payments: five.map(({ addenda: _, ...p }) => p) }).split('\n')
    expect(records).toHaveLength(10)
    expect(at(records[8]!, 8, 13)).toBe('000001')
    expect(at(records[8]!, 14, 21)).toBe('00000005')
  })

  it('with addenda the same 5 entries make 14 records padded to 20: two blocks, 10 entry/addenda records', () => {
    const records = nachaFile({ ...input, payments: five }).split('\n')
    expect(records).toHaveLength(20)
    expect(records.map((r) => r[0]).join('')).toBe('156767676767' + '89' + '999999')
    for (const r of records.slice(14)) expect(r).toBe('9'.repeat(94))
    const control = records[12]!
    const file = records[13]!
    expect(at(control, 5, 10)).toBe('000010')
    expect(at(file, 8, 13)).toBe('000002')
    expect(at(file, 14, 21)).toBe('00000010')
    // 5 × 01100001 = 5500005
    expect(at(file, 22, 31)).toBe('0005500005')
    expect(at(file, 44, 55)).toBe('000000005000')
    // each addenda names the trace sequence of the entry before it
    expect([3, 5, 7, 9, 11].map((i) => at(records[i]!, 88, 94))).toEqual(['0000001', '0000002', '0000003', '0000004', '0000005'])
  })
})

describe('entry class and addenda rules', () => {
  it('a batch without an entry class is PPD, and an addenda is allowed on a PPD entry', () => {
    const { entryClass: _, ...ppd } = input
    const records = nachaFile(ppd).split('\n')
    expect(at(records[1]!, 51, 53)).toBe('PPD')
    expect(at(records[2]!, 79, 79)).toBe('1')
    expect(records[3]!.slice(0, 3)).toBe('705')
  })

  it('exactly 80 characters fill positions 4–83', () => {
    const text = 'INV*' + 'X'.repeat(75) + '\\'
    expect(text).toHaveLength(80)
    const records = nachaFile({ ...input, payments: [{ ...att, addenda: text }] }).split('\n')
    expect(records[3]).toBe('705' + text + '0001' + '0000001')
  })

  it('refuses an addenda of 81 characters, non-ASCII or blank, and an unknown entry class, naming each', () => {
    const bad: BatchFileInput = {
      ...input,
      entryClass: 'WEB' as BatchFileInput['entryClass'],
      payments: [
        { ...verizon, addenda: 'A'.repeat(81) },
        { ...att, addenda: 'Facture n° 12' },
        { ...lumen, addenda: '   ' },
      ],
    }
    expect(bankFileProblems(bad)).toEqual([
      { paymentId: null, field: 'entryClass', message: 'the standard entry class must be PPD or CCD (got "WEB")' },
      { paymentId: 201, field: 'addenda', message: 'the addenda has 81 characters; at most 80 fit one addenda record' },
      {
        paymentId: 202,
        field: 'addenda',
        message: 'the addenda must be printable ASCII; "°" at position 10 is not (got "Facture n° 12")',
      },
      { paymentId: 203, field: 'addenda', message: 'the addenda is blank; leave it out instead' },
    ])
    expect(() => nachaFile(bad)).toThrow(BankFileError)
  })

  it('a line break in the addenda is refused rather than splitting the record', () => {
    const problems = bankFileProblems({ ...input, payments: [{ ...att, addenda: 'INV*1\nINV*2' }] })
    expect(problems.map((p) => p.field)).toEqual(['addenda'])
  })

  it('the CSV does not carry the addenda and is unchanged by it', () => {
    const withAddenda = bankCsv({ ...input, payments: [verizon] })
    const { addenda: _, ...plain } = verizon
    expect(withAddenda).toBe(bankCsv({ ...input, payments: [plain] }))
    expect(withAddenda.split('\r\n')[1]).toBe('201,VZW-8312345678,Verizon Wireless,011000015,8300012345,checking,4812.37,USD,2026-04-03,7')
  })
})
