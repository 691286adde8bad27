/**
 * Bill payment: the reader of EDI X12 811 "Consolidated Service Invoice/Statement" files, as telecom carriers send them.
 *
 * node-x12 tokenises the interchange (delimiters from the ISA segment, which must be 106 characters) in its lenient
 * mode; this module checks the envelope itself and reads a documented subset of the 811 into a ParsedInvoice. It never
 * throws: anything it cannot read or does not trust is a problem, and the invoice goes to a person.
 *
 * Envelope checks (each mismatch is one problem): SE01 equals the segments of the transaction set, ST to SE
 * inclusive; SE02 equals ST02; GE01 equals the transaction sets of the group and GE02 equals GS06; IEA01 equals the
 * groups of the interchange and IEA02 equals ISA13; ST01 is 811 and GS01 is CI. Only the first 811 of the first
 * group is read (more are a problem). `where` names a segment by its position in the transaction set counted as SE01
 * counts it (ST = 1): "segment 14 (IT1)". node-x12 hands ISA13 and IEA02 back as integers (leading zeros dropped), so
 * messages show them so.
 *
 * The subset read:
 * - BIG01 statement date (CCYYMMDD), BIG02 invoice number; CUR02 currency (null when there is no CUR).
 * - Account number: the first REF before the first HL, or in the first HL, with qualifier 12 (billing account), else 11
 *   (account number), else 14 (master account), else AN.
 * - DTM*814 (payment due date) is the due date; DTM*186/187 (the period) are not read.
 * - Each IT1 is a line, numbered in file order. Amount: IT102 (quantity) × IT104 (unit price), exact. Service id: an
 *   IT1 product/service id (IT106/IT107, IT108/IT109, …) qualified TN (telephone number) or CI (circuit id), else one
 *   so qualified in an SI segment (SI02/SI03, SI04/SI05, …) of the line's own HL loop, else null (an account-level
 *   charge; HL loops do not inherit their parent's SI). Charge type: the first other IT1 product/service id (e.g.
 *   SV*MRC). Description: PID05 of the first PID in the IT1 loop ('' when there is none).
 * - TDS01 (implied 2 decimals, "72210" = 722.10) is this invoice's amount: new charges + taxes.
 * - Taxes: the sum of the TXI02 amounts after TDS (the summary area); when there are none there, the sum of every other
 *   TXI02; "0.00" when the set has no TXI at all. New charges = TDS − taxes.
 * - BAL with BAL01 P (previous month) is the previous balance; BAL01 M (current month) is the new balance, the total
 *   due (BAL02 is not read). AMT*TP (total payment amount) anywhere outside an IT1 loop is the payments received,
 *   written positive. With no BAL*M, the total due is the TDS amount when there is neither BAL*P nor AMT*TP, else
 *   unknown (a problem).
 * Amounts come out with at least two decimals ("45.00", "-10.00", "1.85"). A line whose amount cannot be read is kept
 * at 0.00 with a problem naming it, never dropped.
 */
// node-x12's parse() is a string in, an object model out (the package also holds a stream Transform, unused here);
// the brief asks for it here. The lead decides whether the engine's allowed-package list takes it or the reader moves
// to modules/billpay.
import { X12Parser, type X12Interchange, type X12Segment } from 'node-x12'

import { isCalendarDay } from '../../engine/core/calendarDate'
import { D, type Dec } from '../../engine/core/decimal'
import type { ParsedInvoice, ParsedLine, ParseProblem } from '../../engine/billpay/types'

/** X12 "R" (decimal) element: an optional minus, digits with an optional decimal point, no separators. */
const DECIMAL_R = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/
/** X12 "N2" element: an optional minus and digits, two of them implied decimals. */
const IMPLIED_2 = /^-?\d+$/

const SERVICE_QUALIFIERS = new Set(['TN', 'CI'])
const ACCOUNT_QUALIFIERS = ['12', '11', '14', 'AN']

/** The invoice of an X12 811 file's text: its first transaction set, with every envelope mismatch as a problem. */
export function readX12Invoice(text: string): ParsedInvoice {
  const invoice: ParsedInvoice = {
    format: 'x12_811',
    accountNumber: null,
    invoiceNumber: null,
    statementDate: null,
    dueDate: null,
    currency: null,
    previousBalance: null,
    payments: null,
    newCharges: null,
    taxes: null,
    totalDue: null,
    lines: [],
    problems: [],
    pages: 1,
    template: null,
  }
  const problems = invoice.problems
  const edi = String(text ?? '')
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (!edi.startsWith('ISA')) {
    problems.push({ where: 'file', message: 'this is not an X12 interchange: it does not begin with an ISA segment' })
    return invoice
  }

  const interchange = tokenise(edi, problems)
  if (!interchange) return invoice
  const segments = checkEnvelope(interchange, problems)
  if (!segments) return invoice
  readTransaction(segments, invoice)
  return invoice
}

/** The interchange node-x12 reads from `edi` (the first one of a file holding several), or null with a problem. */
function tokenise(edi: string, problems: ParseProblem[]): X12Interchange | null {
  let parsed: ReturnType<X12Parser['parse']>
  const parser = new X12Parser(false)
  try {
    parsed = parser.parse(edi)
  } catch (error) {
    problems.push({
      where: 'file',
      message: `the X12 interchange cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    })
    return null
  }
  for (const diagnostic of parser.diagnostics) {
    // The counts and control numbers are checked below, in this module's words.
    if (/The value in (SE|GE|IEA)0[12]/.test(diagnostic.message)) continue
    problems.push({ where: 'file', message: diagnostic.message.replace(/^X12 Standard: /, '') })
  }
  const interchanges: X12Interchange[] = Array.isArray(parsed) ? [...(parsed as X12Interchange[])] : [parsed as X12Interchange]
  if (interchanges.length > 1) {
    problems.push({ where: 'file', message: `the file holds ${interchanges.length} interchanges (ISA segments); only the first was read` })
  }
  const first = interchanges[0]
  if (!first || !first.header || !Array.isArray(first.functionalGroups) || first.functionalGroups.length === 0) {
    if (!problems.some((p) => p.where === 'file')) {
      problems.push({ where: 'file', message: 'the X12 interchange holds no functional group (GS … GE)' })
    }
    return null
  }
  return first
}

/** Whether the count element `text` (digits, leading zeros allowed) says `count`. */
const sameCount = (text: string, count: number): boolean => /^\d{1,9}$/.test(text) && Number(text) === count

const value = (segment: X12Segment | undefined, position: number): string => (segment?.elements?.[position - 1]?.value ?? '').trim()

/** Checks the envelope's counts and control numbers; the segments of the first 811 (ST … SE), or null. */
function checkEnvelope(interchange: X12Interchange, problems: ParseProblem[]): X12Segment[] | null {
  const groups = interchange.functionalGroups
  const isa13 = value(interchange.header, 13)
  if (!interchange.trailer || interchange.trailer.tag !== 'IEA') {
    problems.push({ where: 'IEA', message: 'the interchange has no IEA trailer' })
  } else {
    const iea01 = value(interchange.trailer, 1)
    if (!sameCount(iea01, groups.length)) {
      problems.push({ where: 'IEA', message: `IEA01 says ${iea01 || 'nothing'} functional groups, the interchange has ${groups.length}` })
    }
    const iea02 = value(interchange.trailer, 2)
    if (iea02 !== isa13) {
      problems.push({ where: 'IEA', message: `IEA02 control number ${iea02 || '(empty)'} does not match ISA13 ${isa13 || '(empty)'}` })
    }
  }
  if (groups.length > 1) {
    problems.push({ where: 'GS', message: `the interchange holds ${groups.length} functional groups; only the first was read` })
  }
  const group = groups[0]!
  const gs06 = value(group.header, 6)
  const gs01 = value(group.header, 1)
  if (gs01 !== 'CI') problems.push({ where: 'GS', message: `GS01 is ${gs01 || '(empty)'}, not CI (the functional group of an 811)` })
  const transactions = group.transactions ?? []
  if (!group.trailer || group.trailer.tag !== 'GE') {
    problems.push({ where: 'GE', message: 'the functional group has no GE trailer' })
  } else {
    const ge01 = value(group.trailer, 1)
    if (!sameCount(ge01, transactions.length)) {
      problems.push({ where: 'GE', message: `GE01 says ${ge01 || 'nothing'} transaction sets, the group has ${transactions.length}` })
    }
    const ge02 = value(group.trailer, 2)
    if (ge02 !== gs06) {
      problems.push({ where: 'GE', message: `GE02 control number ${ge02 || '(empty)'} does not match GS06 ${gs06 || '(empty)'}` })
    }
  }
  const transaction = transactions[0]
  if (!transaction || !transaction.header) {
    problems.push({ where: 'ST', message: 'the functional group holds no transaction set (ST … SE)' })
    return null
  }
  if (transactions.length > 1) {
    problems.push({ where: 'ST', message: `the functional group holds ${transactions.length} transaction sets; only the first was read` })
  }
  const st01 = value(transaction.header, 1)
  if (st01 !== '811') {
    problems.push({ where: 'segment 1 (ST)', message: `ST01 is ${st01 || '(empty)'}, not 811: this is not a consolidated service invoice` })
    return null
  }
  const body = transaction.segments ?? []
  if (!transaction.trailer || transaction.trailer.tag !== 'SE') {
    problems.push({ where: 'SE', message: 'the transaction set has no SE trailer' })
  } else {
    const counted = body.length + 2
    const se01 = value(transaction.trailer, 1)
    if (!sameCount(se01, counted)) {
      problems.push({ where: `segment ${counted} (SE)`, message: `SE01 says ${se01 || 'nothing'} segments, the set has ${counted}` })
    }
    const se02 = value(transaction.trailer, 2)
    const st02 = value(transaction.header, 2)
    if (se02 !== st02) {
      problems.push({
        where: `segment ${counted} (SE)`,
        message: `SE02 control number ${se02 || '(empty)'} does not match ST02 ${st02 || '(empty)'}`,
      })
    }
  }
  return [transaction.header, ...body]
}

/** `d` with at least two decimals. */
function money(d: Dec): string {
  return d.toFixed(Math.max(2, d.decimalPlaces()))
}

/** Reads the 811 transaction set `segments` (ST first) into `invoice`. */
function readTransaction(segments: X12Segment[], invoice: ParsedInvoice): void {
  const problems = invoice.problems
  const where = (index: number) => `segment ${index + 1} (${segments[index]!.tag})`

  const decimal = (index: number, position: number, what: string): Dec | null => {
    const raw = value(segments[index], position)
    if (!DECIMAL_R.test(raw)) {
      problems.push({ where: where(index), message: `${what} ${JSON.stringify(raw)} is not a number` })
      return null
    }
    return new D(raw)
  }
  const date = (index: number, position: number, what: string): string | null => {
    const raw = value(segments[index], position)
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw)
    if (!m || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
      problems.push({ where: where(index), message: `${what} ${JSON.stringify(raw)} is not a date (CCYYMMDD)` })
      return null
    }
    return `${m[1]}-${m[2]}-${m[3]}`
  }

  let big = false
  let tdsIndex = -1
  let tds: Dec | null = null
  let hlSeen = 0
  let inItemLoop = false
  let hlServiceId: string | null = null
  const accountRefs = new Map<string, string>()
  const summaryTaxes: Dec[] = []
  const otherTaxes: Dec[] = []
  let previousBalance: Dec | null = null
  let newBalance: Dec | null = null
  let payments: Dec | null = null
  let current: ParsedLine | null = null

  segments.forEach((segment, index) => {
    const tag = segment.tag
    if (tag === 'IT1' || tag === 'HL' || tag === 'TDS' || tag === 'SLN' || tag === 'LX') {
      inItemLoop = false
      current = null
    }
    switch (tag) {
      case 'BIG':
        if (big) break
        big = true
        invoice.statementDate = date(index, 1, 'BIG01 (invoice date)')
        invoice.invoiceNumber = value(segment, 2) || null
        if (!invoice.invoiceNumber) problems.push({ where: where(index), message: 'BIG02 (invoice number) is empty' })
        break
      case 'CUR': {
        const currency = value(segment, 2).toUpperCase()
        if (/^[A-Z]{3}$/.test(currency)) invoice.currency = currency
        else problems.push({ where: where(index), message: `CUR02 ${JSON.stringify(currency)} is not a currency code` })
        break
      }
      case 'REF': {
        const qualifier = value(segment, 1)
        const reference = value(segment, 2)
        if (hlSeen <= 1 && ACCOUNT_QUALIFIERS.includes(qualifier) && reference && !accountRefs.has(qualifier)) {
          accountRefs.set(qualifier, reference)
        }
        break
      }
      case 'DTM':
        if (value(segment, 1) === '814' && invoice.dueDate === null) invoice.dueDate = date(index, 2, 'DTM02 (payment due date)')
        break
      case 'HL':
        hlSeen++
        hlServiceId = null
        break
      case 'SI':
        if (hlServiceId === null) hlServiceId = qualifiedId(segment, 2)
        break
      case 'IT1': {
        inItemLoop = true
        const quantity = decimal(index, 2, 'IT102 (quantity)')
        const price = decimal(index, 4, 'IT104 (unit price)')
        const line: ParsedLine = {
          lineNo: invoice.lines.length + 1,
          serviceId: qualifiedId(segment, 6) ?? hlServiceId,
          description: '',
          chargeType: otherId(segment),
          amount: quantity && price ? money(quantity.mul(price)) : '0.00',
          page: null,
          box: null,
        }
        if (!quantity || !price) {
          problems.push({
            where: `line ${line.lineNo}`,
            message: `the amount of the line at ${where(index)} cannot be read; the line is kept at 0.00 for a person to correct`,
          })
        }
        invoice.lines.push(line)
        current = line
        break
      }
      case 'PID':
        if (inItemLoop && current && !(current as ParsedLine).description) {
          ;(current as ParsedLine).description = value(segment, 5).replace(/\s+/g, ' ')
        }
        break
      case 'TDS': {
        if (tdsIndex >= 0) {
          problems.push({ where: where(index), message: 'a second TDS segment; only the first was read' })
          break
        }
        tdsIndex = index
        const raw = value(segment, 1)
        if (IMPLIED_2.test(raw)) tds = new D(raw).div(100)
        else problems.push({ where: where(index), message: `TDS01 (total amount, in cents) ${JSON.stringify(raw)} is not a whole number` })
        break
      }
      case 'TXI': {
        const amount = decimal(index, 2, 'TXI02 (tax amount)')
        if (amount) (tdsIndex >= 0 ? summaryTaxes : otherTaxes).push(amount)
        break
      }
      case 'BAL': {
        const type = value(segment, 1)
        if (type !== 'P' && type !== 'M') break
        const amount = decimal(index, 3, `BAL03 (${type === 'P' ? 'previous' : 'new'} balance)`)
        if (type === 'P' && previousBalance === null) previousBalance = amount
        if (type === 'M' && newBalance === null) newBalance = amount
        break
      }
      case 'AMT':
        if (!inItemLoop && value(segment, 1) === 'TP' && payments === null) payments = decimal(index, 2, 'AMT02 (payments)')
        break
    }
  })

  if (!big) problems.push({ where: 'BIG', message: 'the transaction set has no BIG segment (invoice number and date)' })
  invoice.accountNumber = ACCOUNT_QUALIFIERS.map((q) => accountRefs.get(q)).find((r) => r !== undefined) ?? null
  if (invoice.accountNumber === null) {
    problems.push({ where: 'header.accountNumber', message: 'no account number (REF*12, REF*11, REF*14 or REF*AN before the line items)' })
  }
  if (invoice.dueDate === null && !problems.some((p) => p.message.startsWith('DTM02'))) {
    problems.push({ where: 'header.dueDate', message: 'no payment due date (DTM*814)' })
  }
  if (invoice.lines.length === 0) problems.push({ where: 'lines', message: 'the invoice has no line items (IT1 segments)' })

  const taxList = summaryTaxes.length > 0 ? summaryTaxes : otherTaxes
  const taxes = taxList.reduce((sum, t) => sum.plus(t), new D(0))
  invoice.taxes = money(taxes)
  if (tdsIndex < 0) problems.push({ where: 'TDS', message: 'the transaction set has no TDS segment (the invoice amount)' })
  const tdsAmount = tds as Dec | null
  if (tdsAmount) invoice.newCharges = money(tdsAmount.minus(taxes))
  invoice.previousBalance = previousBalance ? money(previousBalance) : null
  invoice.payments = payments ? money(payments) : null
  if (newBalance) invoice.totalDue = money(newBalance)
  else if (tdsAmount && previousBalance === null && payments === null) invoice.totalDue = money(tdsAmount)
  else
    problems.push({
      where: 'header.totalDue',
      message: 'no total due: the invoice has a previous balance or payments but no new balance (BAL*M)',
    })
}

/** The first id of `segment` qualified TN or CI in the qualifier/id pairs starting at element `from`. */
function qualifiedId(segment: X12Segment, from: number): string | null {
  for (let q = from; q < (segment.elements?.length ?? 0); q += 2) {
    const id = value(segment, q + 1)
    if (SERVICE_QUALIFIERS.has(value(segment, q)) && id) return id
  }
  return null
}

/** The first IT1 product/service id (IT107, IT109, …) whose qualifier is not TN or CI: the charge type. */
function otherId(segment: X12Segment): string | null {
  for (let q = 6; q < (segment.elements?.length ?? 0); q += 2) {
    const id = value(segment, q + 1)
    if (!SERVICE_QUALIFIERS.has(value(segment, q)) && id) return id
  }
  return null
}
