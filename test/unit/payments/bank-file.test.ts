import { describe, expect, it } from 'vitest'

import {
  BankFileError,
  bankCsv,
  bankFileProblems,
  nachaFile,
  type BatchFileInput,
  type PaymentInstruction,
} from '../../../engine/payments/bankFile'
import { abaCheckDigit, abaRoutingProblem, accountNumberProblem } from '../../../engine/payments/routing'

const originator: BatchFileInput['originator'] = {
  companyName: 'Northwind Wireless',
  companyId: '1234567890',
  immediateDestination: '021000021',
  immediateDestinationName: 'JPMorgan Chase',
  immediateOrigin: '1234567890',
  immediateOriginName: 'Northwind Wireless',
  odfiRouting: '02100002',
}

const payments: PaymentInstruction[] = [
  {
    paymentId: 101,
    payeeId: 11,
    payeeCode: 'REP-0001',
    payeeName: 'José Müller',
    amount: '1234.56',
    currency: 'USD',
    routingNumber: '011000015',
    accountNumber: '12345678',
    accountType: 'checking',
  },
  {
    paymentId: 102,
    payeeId: 12,
    payeeCode: 'REP-0002',
    payeeName: 'Zoë Łukasiewicz-Ørsted Anderson',
    amount: '0.01',
    currency: 'USD',
    routingNumber: '021000021',
    accountNumber: 'AB12CD34',
    accountType: 'savings',
  },
  {
    paymentId: 103,
    payeeId: 13,
    payeeCode: 'REP-0003',
    payeeName: "Ann O'Neil",
    amount: '99999.9900',
    currency: 'USD',
    routingNumber: '121000248',
    accountNumber: '00001234567890123',
    accountType: 'checking',
  },
]

const input: BatchFileInput = {
  batchId: 42,
  description: 'COMMISSION',
  effectiveDate: '2026-04-03',
  createdAt: '2026-04-01T09:05:00Z',
  fileIdModifier: 'A',
  originator,
  payments,
}

/** Characters `from`–`to` of a record, 1-based and inclusive, as the NACHA field tables number them. */
const at = (record: string, from: number, to: number): string => record.slice(from - 1, to)

/** Cents of a decimal string, by hand: whole part times 100 plus the first two decimals (the rest must be zeros). */
function centsOf(amount: string): bigint {
  const [whole = '0', fraction = ''] = amount.split('.')
  expect(fraction.slice(2).replace(/0/g, '')).toBe('')
  return BigInt(whole) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, '0'))
}

/** Entry hash as the NACHA rules define it: sum of the 8-digit RDFI ids, keeping the rightmost 10 digits. */
function entryHashOf(list: readonly PaymentInstruction[]): string {
  const total = list.reduce((s, p) => s + BigInt(p.routingNumber.slice(0, 8)), 0n)
  return total.toString().padStart(10, '0').slice(-10)
}

function withPayments(list: PaymentInstruction[]): BatchFileInput {
  return { ...input, payments: list }
}

/** `n` valid payments with distinct ids. */
function manyPayments(n: number): PaymentInstruction[] {
  return Array.from({ length: n }, (_, i) => ({ ...payments[0]!, paymentId: 1000 + i, payeeCode: `REP-${1000 + i}` }))
}

describe('ABA routing numbers', () => {
  it('accepts routing numbers whose 3-7-1 weighted digit sum is a multiple of 10', () => {
    expect(abaRoutingProblem('011000015')).toBeNull()
    expect(abaRoutingProblem('021000021')).toBeNull()
    expect(abaRoutingProblem('121000248')).toBeNull()
    expect(abaCheckDigit('01100001')).toBe(5)
  })

  it('refuses a wrong check digit and says which digit the checksum needs', () => {
    expect(abaRoutingProblem('011000016')).toBe(
      'the routing number fails the ABA checksum (weights 3-7-1): its last digit is 6, the first eight digits require 5',
    )
  })

  it('refuses wrong lengths, non-digits, spaces, all zeros and unassigned prefixes', () => {
    expect(abaRoutingProblem('01100001')).toBe('the routing number must be exactly 9 digits (it has 8)')
    expect(abaRoutingProblem('0110000150')).toBe('the routing number must be exactly 9 digits (it has 10)')
    expect(abaRoutingProblem('01100001X')).toBe('the routing number must contain digits only')
    expect(abaRoutingProblem('011 000015')).toBe('the routing number must not contain spaces')
    expect(abaRoutingProblem('')).toBe('the routing number is empty')
    expect(abaRoutingProblem('000000000')).toBe('the routing number 000000000 is not assigned to any bank')
    expect(abaRoutingProblem('500000005')).toMatch(/cannot start with 50/)
  })
})

describe('account numbers', () => {
  it('accepts 1 to 17 letters and digits', () => {
    expect(accountNumberProblem('1')).toBeNull()
    expect(accountNumberProblem('AB12cd34')).toBeNull()
    expect(accountNumberProblem('12345678901234567')).toBeNull()
  })

  it('refuses empty, too long, spaces and punctuation', () => {
    expect(accountNumberProblem('')).toBe('the account number is empty')
    expect(accountNumberProblem('123456789012345678')).toBe('the account number has 18 characters; at most 17 fit a bank file')
    expect(accountNumberProblem('1234 5678')).toBe('the account number must not contain spaces')
    expect(accountNumberProblem('1234-5678')).toBe('the account number may contain only digits and letters (it contains "-")')
  })
})

describe('NACHA PPD credit file of a 3-payment batch', () => {
  const file = nachaFile(input)
  const records = file.split('\n')
  const [fileHeader = '', batchHeader = '', e1 = '', e2 = '', e3 = '', batchControl = '', fileControl = ''] = records

  it('has records 1, 5, 6, 6, 6, 8, 9 and three filler lines of nines, every one exactly 94 characters', () => {
    expect(records.map((r) => r[0])).toEqual(['1', '5', '6', '6', '6', '8', '9', '9', '9', '9'])
    for (const r of records) expect(r).toHaveLength(94)
    expect(records.length % 10).toBe(0)
    expect(records.slice(7)).toEqual(Array(3).fill('9'.repeat(94)))
    expect(file.endsWith('\n')).toBe(false)
  })

  it('file header names the destination, origin, creation date and time, modifier, record size and blocking factor', () => {
    expect(fileHeader).toBe(
      '1' +
        '01' +
        ' 021000021' +
        '1234567890' +
        '260401' +
        '0905' +
        'A' +
        '094' +
        '10' +
        '1' +
        'JPMORGAN CHASE'.padEnd(23) +
        'NORTHWIND WIRELESS'.padEnd(23) +
        '00000042',
    )
  })

  it('batch header is a PPD batch of credits only (service class 220) effective on the given date', () => {
    expect(batchHeader).toBe(
      '5' +
        '220' +
        'NORTHWIND WIRELESS'.slice(0, 16) +
        ' '.repeat(20) +
        '1234567890' +
        'PPD' +
        'COMMISSION' +
        ' '.repeat(6) +
        '260403' +
        '   ' +
        '1' +
        '02100002' +
        '0000001',
    )
  })

  it('an entry carries code 22 for checking, the RDFI id and check digit, the account, cents, payee code and ASCII name, and a trace number', () => {
    expect(e1).toBe(
      '6' +
        '22' +
        '01100001' +
        '5' +
        '12345678'.padEnd(17) +
        '0000123456' +
        'REP-0001'.padEnd(15) +
        'JOSE MULLER'.padEnd(22) +
        '  ' +
        '0' +
        '02100002' +
        '0000001',
    )
  })

  it('savings accounts get transaction code 32 and checking accounts 22', () => {
    expect([e1, e2, e3].map((e) => at(e, 2, 3))).toEqual(['22', '32', '22'])
  })

  it('names are uppercased, accents and non-ASCII letters brought to ASCII, and cut to 22 characters', () => {
    expect(at(e2, 55, 76)).toBe('ZOE LUKASIEWICZ-ORSTED')
    expect(at(e3, 55, 76)).toBe("ANN O'NEIL".padEnd(22))
    expect(file).toMatch(/^[\x20-\x7e\n]*$/)
  })

  it('amounts are cents right-justified in 10 digits; accounts left-justified in 17; trace numbers run in entry order', () => {
    expect([e1, e2, e3].map((e) => at(e, 30, 39))).toEqual(['0000123456', '0000000001', '0009999999'])
    expect(at(e3, 13, 29)).toBe('00001234567890123')
    expect([e1, e2, e3].map((e) => at(e, 80, 94))).toEqual(['021000020000001', '021000020000002', '021000020000003'])
  })

  it('batch control: entry count, entry hash computed from the RDFI ids, no debits, credits equal to the inputs to the cent', () => {
    const hash = entryHashOf(payments)
    expect(hash).toBe('0015300027') // 01100001 + 02100002 + 12100024
    const credit = payments.reduce((s, p) => s + centsOf(p.amount), 0n)
    expect(credit).toBe(10_123_456n) // 1234.56 + 0.01 + 99999.99 = 101234.56
    expect(at(batchControl, 2, 4)).toBe('220')
    expect(at(batchControl, 5, 10)).toBe('000003')
    expect(at(batchControl, 11, 20)).toBe(hash)
    expect(at(batchControl, 21, 32)).toBe('000000000000')
    expect(at(batchControl, 33, 44)).toBe(credit.toString().padStart(12, '0'))
    expect(at(batchControl, 45, 54)).toBe('1234567890')
    expect(at(batchControl, 55, 79)).toBe(' '.repeat(25))
    expect(at(batchControl, 80, 94)).toBe('021000020000001')
  })

  it('file control repeats the batch totals with batch count 1 and block count 1', () => {
    expect(fileControl).toBe('9' + '000001' + '000001' + '00000003' + '0015300027' + '000000000000' + '000010123456' + ' '.repeat(39))
  })
})

describe('NACHA blocking', () => {
  it('pads to a multiple of 10 records and counts the blocks, filler included', () => {
    for (const [n, lines, blocks] of [
      [1, 10, 1],
      [6, 10, 1],
      [7, 20, 2],
      [16, 20, 2],
      [17, 30, 3],
    ] as const) {
      const records = nachaFile(withPayments(manyPayments(n))).split('\n')
      expect(records).toHaveLength(lines)
      expect(records.every((r) => r.length === 94)).toBe(true)
      const fileControl = records.find((r) => r.startsWith('9') && r !== '9'.repeat(94))!
      expect(at(fileControl, 8, 13)).toBe(String(blocks).padStart(6, '0'))
      expect(at(fileControl, 14, 21)).toBe(String(n).padStart(8, '0'))
    }
  })

  it('keeps only the rightmost 10 digits of an entry hash that overflows', () => {
    const big = Array.from({ length: 120 }, (_, i) => ({ ...payments[2]!, paymentId: 5000 + i, routingNumber: '721000017' }))
    expect(abaRoutingProblem(big[0]!.routingNumber)).toBeNull()
    const hash = entryHashOf(big) // 120 × 72100001 = 8652000120: 10 digits exactly
    expect(hash).toBe('8652000120')
    const more = [...big, ...big.map((p, i) => ({ ...p, paymentId: 9000 + i }))] // 17304000240 → 7304000240
    const records = nachaFile(withPayments(more)).split('\n')
    const batchControl = records.find((r) => r.startsWith('8'))!
    expect(at(batchControl, 11, 20)).toBe(entryHashOf(more))
    expect(entryHashOf(more)).toBe('7304000240')
  })
})

describe('bank CSV', () => {
  it('writes a header and one row per payment with 2-decimal amounts and CRLF line ends', () => {
    expect(bankCsv(input)).toBe(
      'payment_id,payee_code,payee_name,routing_number,account_number,account_type,amount,currency,effective_date,batch_id\r\n' +
        '101,REP-0001,José Müller,011000015,12345678,checking,1234.56,USD,2026-04-03,42\r\n' +
        '102,REP-0002,Zoë Łukasiewicz-Ørsted Anderson,021000021,AB12CD34,savings,0.01,USD,2026-04-03,42\r\n' +
        "103,REP-0003,Ann O'Neil,121000248,00001234567890123,checking,99999.99,USD,2026-04-03,42\r\n",
    )
  })

  it('quotes a name holding a comma and a quote, doubling the quote (RFC 4180)', () => {
    const csv = bankCsv(withPayments([{ ...payments[0]!, payeeName: 'Smith, John "JJ"' }]))
    expect(csv.split('\r\n')[1]).toBe('101,REP-0001,"Smith, John ""JJ""",011000015,12345678,checking,1234.56,USD,2026-04-03,42')
  })

  it('defuses text cells a spreadsheet would run as a formula, but never touches the amount', () => {
    const csv = bankCsv(
      withPayments([
        { ...payments[0]!, payeeName: '=HYPERLINK("http://evil.example","Pay")' },
        { ...payments[1]!, payeeName: '@SUM(A1)', payeeCode: '-REP', amount: '5' },
        { ...payments[2]!, payeeName: '+1 Rep' },
      ]),
    )
    const rows = csv.split('\r\n')
    expect(rows[1]).toBe(
      `101,REP-0001,"'=HYPERLINK(""http://evil.example"",""Pay"")",011000015,12345678,checking,1234.56,USD,2026-04-03,42`,
    )
    expect(rows[2]).toBe("102,'-REP,'@SUM(A1),021000021,AB12CD34,savings,5.00,USD,2026-04-03,42")
    expect(rows[3]).toBe("103,REP-0003,'+1 Rep,121000248,00001234567890123,checking,99999.99,USD,2026-04-03,42")
  })

  it('may carry other currencies, which a NACHA file refuses', () => {
    const euro = withPayments([{ ...payments[0]!, currency: 'EUR' }])
    expect(bankFileProblems(euro, 'csv')).toEqual([])
    expect(bankCsv(euro)).toContain(',1234.56,EUR,')
    expect(bankFileProblems(euro)).toEqual([
      { paymentId: 101, field: 'currency', message: 'NACHA files carry US dollars only; this payment is in "EUR"' },
    ])
  })

  it("writes each amount with its currency's minor units: whole yen, dinars to the fils", () => {
    const mixed = withPayments([
      { ...payments[0]!, amount: '125000.0000', currency: 'JPY' },
      { ...payments[1]!, amount: '8.0980', currency: 'BHD' },
      { ...payments[2]!, amount: '0.0010', currency: 'BHD' },
    ])
    expect(bankFileProblems(mixed, 'csv')).toEqual([])
    expect(
      bankCsv(mixed)
        .split('\r\n')
        .slice(1, 4)
        .map((row) => row.split(',').slice(6, 8).join(' ')),
    ).toEqual(['125000 JPY', '8.098 BHD', '0.001 BHD'])
  })

  it('refuses an amount finer than the minor unit of its currency (a yen fraction, a tenth of a fils)', () => {
    const finer = withPayments([
      { ...payments[0]!, amount: '1250.5', currency: 'JPY' },
      { ...payments[1]!, amount: '1.2345', currency: 'BHD' },
    ])
    expect(bankFileProblems(finer, 'csv')).toEqual([
      { paymentId: 101, field: 'amount', message: 'the amount 1250.5 has more than 0 decimals; round it to whole units first' },
      { paymentId: 102, field: 'amount', message: 'the amount 1.2345 has more than 3 decimals; round it to 3 decimals first' },
    ])
    expect(() => bankCsv(finer)).toThrow(BankFileError)
  })

  it('refuses a NACHA file of yen or dinars, naming the currency, rather than writing them as cents', () => {
    const yen = withPayments([
      { ...payments[0]!, amount: '125000', currency: 'JPY' },
      { ...payments[1]!, amount: '8.098', currency: 'BHD' },
    ])
    expect(() => nachaFile(yen)).toThrow(
      /payment 101, currency: NACHA files carry US dollars only; this payment is in "JPY"[\s\S]*payment 102, currency: NACHA files carry US dollars only; this payment is in "BHD"/,
    )
  })
})

describe('refusals', () => {
  it('a clean batch has no problems in either format', () => {
    expect(bankFileProblems(input)).toEqual([])
    expect(bankFileProblems(input, 'csv')).toEqual([])
  })

  it('reports bad routing, account, amount and duplicate payment ids against the payment', () => {
    const problems = bankFileProblems(
      withPayments([
        { ...payments[0]!, routingNumber: '011000016' },
        { ...payments[1]!, amount: '0.00' },
        { ...payments[2]!, amount: '-5.00', accountNumber: '12-34' },
        { ...payments[0]!, paymentId: 102, amount: '1.005' },
        { ...payments[0]!, paymentId: 104, amount: '100000000.00' },
        { ...payments[0]!, paymentId: 105, amount: '1e3' },
      ]),
    )
    expect(problems).toEqual([
      {
        paymentId: 101,
        field: 'routingNumber',
        message: 'the routing number fails the ABA checksum (weights 3-7-1): its last digit is 6, the first eight digits require 5',
      },
      { paymentId: 102, field: 'amount', message: 'the amount must be greater than zero (got 0.00)' },
      { paymentId: 103, field: 'accountNumber', message: 'the account number may contain only digits and letters (it contains "-")' },
      { paymentId: 103, field: 'amount', message: 'the amount must be greater than zero (got -5.00)' },
      { paymentId: 102, field: 'paymentId', message: 'payment 102 appears more than once in the batch' },
      { paymentId: 102, field: 'amount', message: 'the amount 1.005 has more than 2 decimals; round it to cents first' },
      {
        paymentId: 104,
        field: 'amount',
        message: 'the amount USD 100,000,000.00 is above USD 99,999,999.99, the most one bank-file entry can carry',
      },
      { paymentId: 105, field: 'amount', message: 'the amount must be a plain decimal such as 1234.56 (got "1e3")' },
    ])
  })

  it('accepts the largest amount one entry can carry', () => {
    const records = nachaFile(withPayments([{ ...payments[0]!, amount: '99999999.99' }])).split('\n')
    expect(at(records[2]!, 30, 39)).toBe('9999999999')
  })

  it('reports batch-level problems: originator, dates, description, modifier and an empty batch', () => {
    const problems = bankFileProblems({
      ...input,
      payments: [],
      description: 'COMMISSIONS',
      effectiveDate: '2026-02-30',
      createdAt: 'yesterday',
      fileIdModifier: 'a',
      originator: { ...originator, immediateDestination: '021000022', odfiRouting: '021000021', companyId: '12345' },
    })
    expect(problems.map((p) => [p.paymentId, p.field])).toEqual([
      [null, 'effectiveDate'],
      [null, 'payments'],
      [null, 'createdAt'],
      [null, 'fileIdModifier'],
      [null, 'description'],
      [null, 'originator.companyId'],
      [null, 'originator.immediateDestination'],
      [null, 'originator.odfiRouting'],
    ])
    expect(problems[4]!.message).toBe('the company entry description has 11 characters; at most 10 fit')
  })

  it('nachaFile and bankCsv throw an error that lists every problem and write nothing', () => {
    const bad = withPayments([
      { ...payments[0]!, routingNumber: '011000016', currency: 'EUR' },
      { ...payments[1]!, amount: '0' },
    ])
    let thrown: unknown
    try {
      nachaFile(bad)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(BankFileError)
    expect((thrown as BankFileError).problems).toHaveLength(3)
    expect((thrown as Error).message).toBe(
      [
        'cannot write the NACHA bank file of batch 42:',
        '- payment 101, routingNumber: the routing number fails the ABA checksum (weights 3-7-1): its last digit is 6, the first eight digits require 5',
        '- payment 101, currency: NACHA files carry US dollars only; this payment is in "EUR"',
        '- payment 102, amount: the amount must be greater than zero (got 0)',
      ].join('\n'),
    )
    expect(() => bankCsv(bad)).toThrow(
      /cannot write the CSV bank file of batch 42:\n- payment 101, routingNumber: .*\n- payment 102, amount: the amount must be greater than zero/,
    )
  })
})
