/**
 * Bank files for a payment batch: a CSV for banks that take uploads, and a NACHA credit file (one batch of service
 * class 220, credits only) for the ACH network: PPD for people (commission payees), CCD for companies (a carrier's
 * bill), either with an optional addenda record (type 7, addenda type 05) carrying the payment-related information,
 * such as `INV*<invoice number>*<account number>\`, that the payee's bank passes on to reconcile the payment.
 *
 * Pure: the caller passes every date in (no clock) and gets text back. Amounts go through the money module; no
 * float ever touches them. The CSV carries any currency, each amount with its currency's minor units (JPY 1250,
 * USD 12.50, BHD 1.250); NACHA is a US-dollar format, written in cents from `toMinorUnits`, and refuses every other
 * currency with a problem naming it rather than mis-stating the amount. Both writers refuse, with an error listing
 * every problem, input for which `bankFileProblems` is not empty, so a file that is written is a file a bank takes.
 */
import { compare, format, isCurrencyCode, isPositive, minorUnits, money, sum, toMinorUnits, toStorageString } from '../core/money'
import { abaRoutingProblem, accountNumberProblem } from './routing'

export type PaymentInstruction = {
  paymentId: number
  payeeId: number
  payeeCode: string
  payeeName: string
  /** Decimal string such as "1234.56": above zero, no non-zero decimals beyond the currency's minor units ("12.5000" is fine in USD). */
  amount: string
  currency: string
  routingNumber: string
  accountNumber: string
  accountType: 'checking' | 'savings'
  /**
   * NACHA only: payment-related information for one addenda record (type 05) after the entry, e.g.
   * `INV*INV-2026-0042*8312345678\`: at most 80 printable ASCII characters, written as given. The CSV does not carry it.
   */
  addenda?: string
}

/** NACHA standard entry class: PPD pays people, CCD pays companies. */
export type EntryClass = 'PPD' | 'CCD'

export type Originator = {
  companyName: string
  /** 10 characters, e.g. '1234567890' (often '1' + the employer id number). */
  companyId: string
  /** 9-digit routing number of the bank the file is sent to. */
  immediateDestination: string
  immediateDestinationName: string
  /** 9 digits (written after a space) or 10 characters, as agreed with the bank. */
  immediateOrigin: string
  immediateOriginName: string
  /** 8-digit DFI id of the originating bank: the first 8 digits of its routing number. */
  odfiRouting: string
}

export type BatchFileInput = {
  batchId: number
  /** Company entry description shown on the payee's statement, at most 10 characters (e.g. 'COMMISSION'). */
  description: string
  /** YYYY-MM-DD. */
  effectiveDate: string
  /** ISO datetime; the file header carries its date and time as written (no time-zone conversion). */
  createdAt: string
  /** One of A–Z or 0–9; tells apart files sent to the same bank on the same day. */
  fileIdModifier: string
  originator: Originator
  /** NACHA standard entry class of the batch (default PPD). */
  entryClass?: EntryClass
  payments: PaymentInstruction[]
}

export type BankFileFormat = 'csv' | 'nacha'

/** A reason the file cannot be written; `paymentId` is null for problems of the batch as a whole. */
export type BankFileProblem = { paymentId: number | null; field: string; message: string }

/** Thrown by the writers when the input has problems; the message lists them all. */
export class BankFileError extends Error {
  readonly problems: readonly BankFileProblem[]

  constructor(fileFormat: BankFileFormat, batchId: number, problems: readonly BankFileProblem[]) {
    const lines = problems.map((p) => `- ${p.paymentId === null ? '' : `payment ${p.paymentId}, `}${p.field}: ${p.message}`)
    super([`cannot write the ${fileFormat === 'nacha' ? 'NACHA' : 'CSV'} bank file of batch ${batchId}:`, ...lines].join('\n'))
    this.name = 'BankFileError'
    this.problems = problems
  }
}

/** Most one entry may carry: the NACHA amount field has 10 digits of cents. */
export const MAX_PAYMENT_AMOUNT = '99999999.99'

/** Most one NACHA batch or file may carry: the control records' total fields have 12 digits of cents. */
export const MAX_NACHA_TOTAL = '9999999999.99'

/** Most entry and addenda records in one NACHA batch: the batch control's entry/addenda count has 6 digits. */
export const MAX_NACHA_ENTRIES = 999_999

/** Most characters of payment-related information one addenda record carries. */
export const MAX_ADDENDA_LENGTH = 80

const RECORD_LENGTH = 94
const BLOCKING_FACTOR = 10
const SERVICE_CLASS_CREDITS = '220'
const TRANSACTION_CODES = { checking: '22', savings: '32' } as const
const ENTRY_CLASSES: readonly EntryClass[] = ['PPD', 'CCD']
const ADDENDA_TYPE_PAYMENT_INFO = '05'
const ENTRY_HASH_MODULUS = 10_000_000_000n

// ---------------------------------------------------------------------------------------------
// Problems

/** Every reason the batch cannot be written in `fileFormat` (NACHA by default); empty when it can. */
export function bankFileProblems(input: BatchFileInput, fileFormat: BankFileFormat = 'nacha'): BankFileProblem[] {
  const problems: BankFileProblem[] = []
  const batch = (field: string, message: string): void => {
    problems.push({ paymentId: null, field, message })
  }

  if (!Number.isSafeInteger(input.batchId) || input.batchId <= 0) batch('batchId', 'the batch id must be a positive whole number')
  const effective = calendarDate(input.effectiveDate)
  if (!effective) batch('effectiveDate', `the effective date must be a calendar date written YYYY-MM-DD (got ${show(input.effectiveDate)})`)
  if (input.payments.length === 0) batch('payments', 'the batch has no payments to send')
  if (fileFormat === 'nacha') nachaBatchProblems(input, effective, batch)

  const seen = new Set<number>()
  for (const p of input.payments) {
    const add = (field: string, message: string): void => {
      problems.push({ paymentId: p.paymentId, field, message })
    }
    if (!Number.isSafeInteger(p.paymentId) || p.paymentId <= 0) add('paymentId', 'the payment id must be a positive whole number')
    else if (seen.has(p.paymentId)) add('paymentId', `payment ${p.paymentId} appears more than once in the batch`)
    else seen.add(p.paymentId)
    paymentProblems(p, fileFormat, add)
  }

  if (fileFormat === 'nacha') {
    const payable = input.payments.filter((p) => p.currency === 'USD' && amountProblem(p.amount, p.currency) === null)
    const total = sum(
      payable.map((p) => money(p.amount, 'USD')),
      'USD',
    )
    const most = money(MAX_NACHA_TOTAL, 'USD')
    if (compare(total, most) > 0)
      batch('payments', `the batch totals ${format(total)}, above the ${format(most)} one NACHA batch can carry: split it`)
  }
  return problems
}

/** Problems of the NACHA-only batch fields: originator, dates, description, file id modifier, entry count. */
function nachaBatchProblems(input: BatchFileInput, effective: CalendarDate | null, batch: (field: string, message: string) => void): void {
  const o = input.originator
  if (Number.isSafeInteger(input.batchId) && input.batchId > 99_999_999) {
    batch('batchId', 'the batch id must fit the 8-digit reference code of the NACHA file header (at most 99999999)')
  }
  if (effective && !twoDigitYear(effective))
    batch('effectiveDate', 'NACHA writes two-digit years: the effective date must fall in 2000–2099')
  const created = creationStamp(input.createdAt)
  if (!created) batch('createdAt', `the creation time must be an ISO datetime such as 2026-03-31T14:05:00Z (got ${show(input.createdAt)})`)
  if (typeof input.fileIdModifier !== 'string' || !/^[A-Z0-9]$/.test(input.fileIdModifier)) {
    batch('fileIdModifier', `the file id modifier must be one character, A–Z or 0–9 (got ${show(input.fileIdModifier)})`)
  }
  const description = toAsciiUpper(input.description)
  if (description === '') batch('description', 'the company entry description is required (e.g. COMMISSION)')
  else if (description.length > 10)
    batch('description', `the company entry description has ${description.length} characters; at most 10 fit`)
  if (input.entryClass !== undefined && !ENTRY_CLASSES.includes(input.entryClass))
    batch('entryClass', `the standard entry class must be PPD or CCD (got ${show(input.entryClass)})`)
  const records = nachaEntryRecords(input.payments)
  if (records > MAX_NACHA_ENTRIES)
    batch('payments', `a NACHA batch holds at most ${MAX_NACHA_ENTRIES} entry and addenda records; this one has ${records}`)

  if (toAsciiUpper(o.companyName) === '') batch('originator.companyName', 'the company name is required')
  if (typeof o.companyId !== 'string' || !/^[0-9A-Z ]{10}$/.test(o.companyId) || o.companyId.trim() === '') {
    batch('originator.companyId', `the company id must be exactly 10 characters, digits or capital letters (got ${show(o.companyId)})`)
  }
  const destination = abaRoutingProblem(o.immediateDestination)
  if (destination) batch('originator.immediateDestination', destination)
  if (typeof o.immediateOrigin !== 'string' || !/^(\d{9}|[0-9A-Z ]{10})$/.test(o.immediateOrigin) || o.immediateOrigin.trim() === '') {
    batch(
      'originator.immediateOrigin',
      `the immediate origin must be 9 digits or 10 digits and capital letters (got ${show(o.immediateOrigin)})`,
    )
  }
  if (typeof o.odfiRouting !== 'string' || !/^\d{8}$/.test(o.odfiRouting)) {
    batch('originator.odfiRouting', `the originating bank id must be the first 8 digits of its routing number (got ${show(o.odfiRouting)})`)
  }
}

/** Problems of one payment; `add` records them against its id. */
function paymentProblems(p: PaymentInstruction, fileFormat: BankFileFormat, add: (field: string, message: string) => void): void {
  const routing = abaRoutingProblem(p.routingNumber)
  if (routing) add('routingNumber', routing)
  const account = accountNumberProblem(p.accountNumber)
  if (account) add('accountNumber', account)
  if (p.accountType !== 'checking' && p.accountType !== 'savings')
    add('accountType', `the account type must be checking or savings (got ${show(p.accountType)})`)

  if (fileFormat === 'nacha' && p.currency !== 'USD')
    add('currency', `NACHA files carry US dollars only; this payment is in ${show(p.currency)}`)
  else if (!isCurrencyCode(p.currency)) add('currency', `${show(p.currency)} is not an ISO 4217 currency code (three capital letters)`)
  const amount = amountProblem(p.amount, p.currency)
  if (amount) add('amount', amount)
  if (fileFormat === 'nacha' && p.addenda !== undefined) {
    const addenda = addendaProblem(p.addenda)
    if (addenda) add('addenda', addenda)
  }

  if (typeof p.payeeCode !== 'string' || p.payeeCode.trim() === '') add('payeeCode', 'the payee code is required')
  else if (fileFormat === 'nacha' && !/^[ -~]{1,15}$/.test(p.payeeCode)) {
    add(
      'payeeCode',
      `the payee code must be at most 15 plain ASCII characters to fit the individual id of a NACHA entry (got ${show(p.payeeCode)})`,
    )
  }
  const name = fileFormat === 'nacha' ? toAsciiUpper(p.payeeName) : typeof p.payeeName === 'string' ? p.payeeName.trim() : ''
  if (name === '')
    add(
      'payeeName',
      fileFormat === 'nacha'
        ? 'the payee name is required and must contain letters or digits that ASCII can write'
        : 'the payee name is required',
    )
}

/**
 * Why `amount` cannot be paid: not a plain decimal, not above zero, finer than the currency's minor unit (the cent,
 * the yen, the fils), or above the per-entry cap.
 */
function amountProblem(amount: unknown, currency: string): string | null {
  if (typeof amount !== 'string' || !/^-?\d{1,20}(\.\d{1,20})?$/.test(amount)) {
    return `the amount must be a plain decimal such as 1234.56 (got ${show(amount)})`
  }
  // A bad currency is reported on its own; the amount is still checked, at cent scale.
  const valid = isCurrencyCode(currency)
  const m = money(amount, valid ? currency : 'USD')
  const scale = minorUnits(m.currency)
  if (!isPositive(m)) return `the amount must be greater than zero (got ${amount})`
  if (m.amount.dp() > scale)
    return `the amount ${amount} has more than ${scale} decimals; round it to ${scale === 0 ? 'whole units' : scale === 2 ? 'cents' : `${scale} decimals`} first`
  const most = money(MAX_PAYMENT_AMOUNT, m.currency)
  if (compare(m, most) > 0) return `the amount ${format(m)} is above ${format(most)}, the most one bank-file entry can carry`
  return null
}

/** Why `text` cannot go in an addenda record: not text, blank, not printable ASCII, or longer than 80 characters. */
function addendaProblem(text: unknown): string | null {
  if (typeof text !== 'string') return `the addenda must be text (got ${show(text)})`
  if (text.trim() === '') return 'the addenda is blank; leave it out instead'
  const bad = /[^\x20-\x7e]/.exec(text)
  if (bad) return `the addenda must be printable ASCII; ${JSON.stringify(bad[0])} at position ${bad.index + 1} is not (got ${show(text)})`
  if (text.length > MAX_ADDENDA_LENGTH)
    return `the addenda has ${text.length} characters; at most ${MAX_ADDENDA_LENGTH} fit one addenda record`
  return null
}

/** Entry (6) and addenda (7) records the payments make: one each, plus one per addenda. */
function nachaEntryRecords(payments: readonly PaymentInstruction[]): number {
  return payments.reduce((n, p) => n + (p.addenda === undefined ? 1 : 2), 0)
}

/** Throws BankFileError unless the input can be written in `fileFormat`. */
function assertWritable(input: BatchFileInput, fileFormat: BankFileFormat): void {
  const problems = bankFileProblems(input, fileFormat)
  if (problems.length > 0) throw new BankFileError(fileFormat, input.batchId, problems)
}

// ---------------------------------------------------------------------------------------------
// CSV

const CSV_HEADER = [
  'payment_id',
  'payee_code',
  'payee_name',
  'routing_number',
  'account_number',
  'account_type',
  'amount',
  'currency',
  'effective_date',
  'batch_id',
] as const

/**
 * The batch as CSV (RFC 4180, CRLF after every line): one row per payment in input order, each amount with its
 * currency's minor units of decimals (JPY 1250, USD 12.50, BHD 1.250).
 * Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading apostrophe.
 */
export function bankCsv(input: BatchFileInput): string {
  assertWritable(input, 'csv')
  const rows = input.payments.map((p) => [
    String(p.paymentId),
    csvText(p.payeeCode),
    csvText(p.payeeName),
    csvText(p.routingNumber),
    csvText(p.accountNumber),
    csvText(p.accountType),
    toStorageString(money(p.amount, p.currency), minorUnits(p.currency)),
    csvText(p.currency),
    csvText(input.effectiveDate),
    String(input.batchId),
  ])
  return [[...CSV_HEADER], ...rows].map((cells) => `${cells.map(csvQuote).join(',')}\r\n`).join('')
}

/** A text cell defused against formula injection. */
function csvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** RFC 4180: a cell holding a comma, quote, CR or LF is quoted, and its quotes doubled. */
function csvQuote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

// ---------------------------------------------------------------------------------------------
// NACHA

/**
 * The batch as a NACHA file: file header (1), one PPD or CCD batch of credits (5; per payment in input order a 6,
 * followed by its 7 addenda record when it has one; 8), file control (9), then lines of 94 nines up to a multiple of
 * 10 records. The entry/addenda counts of the 8 and 9 records include the addenda. Lines are joined with '\n'.
 */
export function nachaFile(input: BatchFileInput): string {
  assertWritable(input, 'nacha')
  const o = input.originator
  const batchNumber = numeric(1, 7)
  const entries = input.payments.map((p, i) => ({
    payment: p,
    cents: toMinorUnits(money(p.amount, 'USD')),
    trace: o.odfiRouting + numeric(i + 1, 7),
  }))
  const entryAddendaCount = nachaEntryRecords(input.payments)
  const entryHash = entries.reduce((h, e) => h + BigInt(e.payment.routingNumber.slice(0, 8)), 0n) % ENTRY_HASH_MODULUS
  const totalCredit = toMinorUnits(
    sum(
      input.payments.map((p) => money(p.amount, 'USD')),
      'USD',
    ),
  )
  const created = creationStamp(input.createdAt)!
  const effective = calendarDate(input.effectiveDate)!

  const records = [
    record(
      '1',
      '01',
      ` ${o.immediateDestination}`,
      o.immediateOrigin.length === 9 ? ` ${o.immediateOrigin}` : o.immediateOrigin,
      yymmdd(created.date),
      created.hhmm,
      input.fileIdModifier,
      '094',
      String(BLOCKING_FACTOR),
      '1',
      name(o.immediateDestinationName, 23),
      name(o.immediateOriginName, 23),
      numeric(input.batchId, 8),
    ),
    record(
      '5',
      SERVICE_CLASS_CREDITS,
      name(o.companyName, 16),
      blank(20),
      o.companyId,
      input.entryClass ?? 'PPD',
      name(input.description, 10),
      blank(6),
      yymmdd(effective),
      blank(3),
      '1',
      o.odfiRouting,
      batchNumber,
    ),
    ...entries.flatMap(({ payment: p, cents, trace }) => [
      record(
        '6',
        TRANSACTION_CODES[p.accountType],
        p.routingNumber,
        p.accountNumber.padEnd(17),
        numeric(cents, 10),
        p.payeeCode.padEnd(15),
        name(p.payeeName, 22),
        blank(2),
        p.addenda === undefined ? '0' : '1',
        trace,
      ),
      ...(p.addenda === undefined
        ? []
        : [record('7', ADDENDA_TYPE_PAYMENT_INFO, p.addenda.padEnd(MAX_ADDENDA_LENGTH), numeric(1, 4), trace.slice(-7))]),
    ]),
    record(
      '8',
      SERVICE_CLASS_CREDITS,
      numeric(entryAddendaCount, 6),
      numeric(entryHash, 10),
      numeric(0, 12),
      numeric(totalCredit, 12),
      o.companyId,
      blank(19),
      blank(6),
      o.odfiRouting,
      batchNumber,
    ),
  ]
  const blocks = Math.ceil((records.length + 1) / BLOCKING_FACTOR)
  records.push(
    record(
      '9',
      numeric(1, 6),
      numeric(blocks, 6),
      numeric(entryAddendaCount, 8),
      numeric(entryHash, 10),
      numeric(0, 12),
      numeric(totalCredit, 12),
      blank(39),
    ),
  )
  while (records.length % BLOCKING_FACTOR !== 0) records.push('9'.repeat(RECORD_LENGTH))
  return records.join('\n')
}

/** One record from its fields; throws if they do not add up to exactly 94 characters (a bug, never bad input). */
function record(...fields: string[]): string {
  const line = fields.join('')
  if (line.length !== RECORD_LENGTH)
    throw new Error(`NACHA record type ${fields[0]} came out ${line.length} characters long, not ${RECORD_LENGTH}`)
  return line
}

/** A non-negative integer right-justified with zeros in `width` digits; throws if it does not fit. */
function numeric(value: number | bigint, width: number): string {
  const text = value.toString()
  if (!/^\d+$/.test(text) || text.length > width) throw new Error(`${text} does not fit a ${width}-digit NACHA field`)
  return text.padStart(width, '0')
}

/** Free text as NACHA writes it: ASCII capitals, cut to `width`, padded with spaces. */
function name(text: string, width: number): string {
  return toAsciiUpper(text).slice(0, width).padEnd(width)
}

function blank(width: number): string {
  return ' '.repeat(width)
}

/** Letters that Unicode decomposition does not bring down to ASCII. */
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Ø: 'O',
  ø: 'o',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Þ: 'TH',
  þ: 'th',
  ı: 'i',
}

/** Text in printable ASCII capitals: accents dropped (José → JOSE), other non-ASCII removed, whitespace collapsed. */
export function toAsciiUpper(text: string): string {
  if (typeof text !== 'string') return ''
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, (c) => (/\s/.test(c) ? ' ' : (TRANSLITERATIONS[c] ?? '')))
    .replace(/ {2,}/g, ' ')
    .trim()
    .toUpperCase()
}

// ---------------------------------------------------------------------------------------------
// Dates

type CalendarDate = { year: number; month: number; day: number }

/** The date of a YYYY-MM-DD string, or null when it is not one (2026-02-30 is not). */
function calendarDate(text: unknown): CalendarDate | null {
  const m = typeof text === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  return days !== undefined && day >= 1 && day <= days ? { year, month, day } : null
}

/** Date and HHMM of an ISO datetime as written, or null when it is not one. */
function creationStamp(text: unknown): { date: CalendarDate; hhmm: string } | null {
  const m = typeof text === 'string' ? /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(text) : null
  const date = m ? calendarDate(m[1]) : null
  if (!m || !date || !twoDigitYear(date) || Number(m[2]) > 23 || Number(m[3]) > 59) return null
  return { date, hhmm: `${m[2]}${m[3]}` }
}

function twoDigitYear(d: CalendarDate): boolean {
  return d.year >= 2000 && d.year <= 2099
}

function yymmdd(d: CalendarDate): string {
  return [d.year % 100, d.month, d.day].map((n) => String(n).padStart(2, '0')).join('')
}

/** A value quoted for a message. */
function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value)
}
