/**
 * Bill payment: the reader of a carrier's CSV invoice export, one row per charge. It never throws: anything it cannot
 * read is a problem naming the row and column, and the invoice goes to a person.
 *
 * The file: UTF-8 (a BOM is ignored), LF or CRLF, delimited by ',', ';' or tab (the one under which the header row
 * names the most known columns), fields quoted as in RFC 4180. The first row is the header row; its names are matched
 * ignoring case, spaces and punctuation ("Acct #" = "acct number"), with synonyms:
 * - Account (Account Number, Acct #), Invoice (Invoice Number, Bill Number) and Amount (Charge) are required; a file
 *   without one of them gives one problem naming the missing columns and the columns found, and no lines;
 * - Bill Date (Statement Date, Invoice Date), Due Date (Payment Due), Service (Service ID, Phone Number, Circuit ID,
 *   WTN), Description, Charge Type (USOC, Type), Currency;
 * - header figures, either as columns repeated on every row (Previous Balance, Payments, New Charges, Taxes, Total Due)
 *   or as summary rows (below).
 *
 * Convention for summary rows: a row with no service id whose Charge Type or Description reads PREVIOUS BALANCE,
 * PAYMENT(S) (RECEIVED), (TOTAL) NEW CHARGES / CURRENT CHARGES, (TOTAL) TAX(ES) (AND SURCHARGES), or TOTAL DUE /
 * AMOUNT DUE / TOTAL AMOUNT DUE gives that header figure from its Amount and is not a line. Every other row with any
 * value is a line (lineNo counts lines from 1; a row without service id is an account-level charge). Payments are
 * given as a positive figure (money received), whichever sign the file writes them with. A figure given both ways, or
 * differently on two rows, is a problem; so are rows with another account or invoice number than the first row's.
 *
 * Amounts: "1,234.50", "$12.00", "(12.00)" and "-12.00" (credits); with a ';' delimiter and amounts written "12,50"
 * (and none "12.50"), ',' is the decimal separator. Dates: YYYY-MM-DD, MM/DD/YYYY or DD.MM.YYYY. A row whose amount
 * cannot be read is kept as a line at 0.00 with the problem "row 7, column Amount: …", never dropped. Row numbers
 * count the file's records from 1 (the header row), blank rows included.
 */
// csv-parse/sync is pure (a string in, records out, no I/O); the brief asks for it here. The lead decides whether the
// engine's allowed-package list takes it or the reader moves to modules/billpay.
import { parse } from 'csv-parse/sync'

import { D, type Dec } from '../../engine/core/decimal'
import { parseDate, parseDecimal } from '../../engine/ingest'
import type { InvoiceHeader, ParsedInvoice, ParseProblem } from '../../engine/billpay/types'

type Column =
  | 'account'
  | 'invoice'
  | 'statementDate'
  | 'dueDate'
  | 'service'
  | 'description'
  | 'chargeType'
  | 'amount'
  | 'currency'
  | 'previousBalance'
  | 'payments'
  | 'newCharges'
  | 'taxes'
  | 'totalDue'

type Figure = 'previousBalance' | 'payments' | 'newCharges' | 'taxes' | 'totalDue'

/** Header names (as `key` makes them) of each column. */
const SYNONYMS: Record<Column, string[]> = {
  account: ['account', 'accountnumber', 'acctnumber', 'acct', 'accountno', 'acctno', 'accountid', 'ban'],
  invoice: ['invoice', 'invoicenumber', 'invoiceno', 'billnumber', 'billno', 'invoiceid'],
  statementDate: ['billdate', 'statementdate', 'invoicedate'],
  dueDate: ['duedate', 'paymentdue', 'paymentduedate'],
  service: ['service', 'serviceid', 'phonenumber', 'circuitid', 'wtn', 'tn', 'servicenumber'],
  description: ['description', 'chargedescription'],
  chargeType: ['chargetype', 'usoc', 'type', 'chargecode'],
  amount: ['amount', 'charge', 'chargeamount'],
  currency: ['currency', 'currencycode'],
  previousBalance: ['previousbalance', 'priorbalance'],
  payments: ['payments', 'paymentsreceived', 'payment'],
  newCharges: ['newcharges', 'currentcharges', 'totalnewcharges'],
  taxes: ['taxes', 'tax', 'totaltaxes', 'taxesandsurcharges'],
  totalDue: ['totaldue', 'amountdue', 'totalamountdue'],
}

const REQUIRED: Column[] = ['account', 'invoice', 'amount']
const LABELS: Record<Column, string> = {
  account: 'Account',
  invoice: 'Invoice',
  statementDate: 'Bill Date',
  dueDate: 'Due Date',
  service: 'Service',
  description: 'Description',
  chargeType: 'Charge Type',
  amount: 'Amount',
  currency: 'Currency',
  previousBalance: 'Previous Balance',
  payments: 'Payments',
  newCharges: 'New Charges',
  taxes: 'Taxes',
  totalDue: 'Total Due',
}
const FIGURES: Figure[] = ['previousBalance', 'payments', 'newCharges', 'taxes', 'totalDue']

/** Summary-row labels (as `key` makes them) of each header figure. */
const SUMMARY: Record<string, Figure> = {
  previousbalance: 'previousBalance',
  payment: 'payments',
  payments: 'payments',
  paymentreceived: 'payments',
  paymentsreceived: 'payments',
  newcharges: 'newCharges',
  totalnewcharges: 'newCharges',
  currentcharges: 'newCharges',
  totalcurrentcharges: 'newCharges',
  tax: 'taxes',
  taxes: 'taxes',
  totaltax: 'taxes',
  totaltaxes: 'taxes',
  taxesandsurcharges: 'taxes',
  totaldue: 'totalDue',
  amountdue: 'totalDue',
  totalamountdue: 'totalDue',
}

const DATE_FORMATS = { dateFormats: ['M/D/YYYY', 'D.M.YYYY'] }

/** A header name or label for matching: lowercase letters and digits only, '#' read as "number". */
function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/#/g, 'number')
    .replace(/[^a-z0-9]/g, '')
}

const COLUMN_OF = new Map<string, Column>(Object.entries(SYNONYMS).flatMap(([column, names]) => names.map((n) => [n, column as Column])))

/** `d` with at least two decimals. */
function money(d: Dec): string {
  return d.toFixed(Math.max(2, d.decimalPlaces()))
}

function emptyInvoice(): ParsedInvoice {
  return {
    format: 'csv',
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
}

/** The records of `text` under `delimiter`, or the reason csv-parse gives up. */
function records(text: string, delimiter: string): string[][] | string {
  try {
    return parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][]
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/** The invoice of a carrier's CSV export (see the module comment for the columns and the summary-row convention). */
export function readCsvInvoice(text: string): ParsedInvoice {
  const invoice = emptyInvoice()
  const problems = invoice.problems
  const source = String(text ?? '').replace(/^\uFEFF/, '')
  if (source.trim() === '') {
    problems.push({ where: 'file', message: 'the CSV file is empty' })
    return invoice
  }

  // The delimiter under which the header row names the most known columns.
  let best: { delimiter: string; rows: string[][]; known: number } | null = null
  let failure = ''
  for (const delimiter of [',', ';', '\t']) {
    const rows = records(source, delimiter)
    if (typeof rows === 'string') {
      failure ||= rows
      continue
    }
    const known = new Set((rows[0] ?? []).map((h) => COLUMN_OF.get(key(h))).filter(Boolean)).size
    if (!best || known > best.known) best = { delimiter, rows, known }
  }
  if (!best) {
    problems.push({ where: 'file', message: `the CSV file cannot be read: ${failure}` })
    return invoice
  }
  const { rows, delimiter } = best
  const header = rows[0] ?? []
  const index = new Map<Column, number>()
  header.forEach((name, i) => {
    const column = COLUMN_OF.get(key(name))
    if (column && !index.has(column)) index.set(column, i)
  })
  const missing = REQUIRED.filter((c) => !index.has(c))
  if (missing.length > 0) {
    const found = header.map((h) => h.trim()).filter(Boolean)
    problems.push({
      where: 'header',
      message: `missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => LABELS[c]).join(', ')}; the columns found are ${found.length ? found.map((h) => JSON.stringify(h)).join(', ') : 'none'}`,
    })
    return invoice
  }

  const cell = (row: string[], column: Column): string => {
    const i = index.get(column)
    return i === undefined ? '' : (row[i] ?? '').replace(/\s+/g, ' ').trim()
  }
  const amountCells = rows.slice(1).map((r) => cell(r, 'amount'))
  const decimalSeparator =
    delimiter === ';' && amountCells.some((a) => /,\d{1,2}\)?$/.test(a)) && !amountCells.some((a) => /\.\d{1,2}\)?$/.test(a)) ? ',' : '.'

  /** The amount in `row`'s `column`, or null with a problem. */
  const amount = (row: string[], rowNo: number, column: Column): Dec | null => {
    const parsed = parseDecimal(cell(row, column), { decimalSeparator })
    if (parsed.ok) return new D(parsed.value)
    problems.push({ where: `row ${rowNo}`, message: `row ${rowNo}, column ${header[index.get(column)!]!.trim()}: ${parsed.reason}` })
    return null
  }

  // Header texts (account, invoice, dates, currency): the first row's value; another value on a later row is a problem.
  const texts: Partial<Record<Column, { value: string; row: number }>> = {}
  const sameText = (column: Column, row: string[], rowNo: number) => {
    const value = cell(row, column)
    if (!value) return
    const first = texts[column]
    if (!first) texts[column] = { value, row: rowNo }
    else if (first.value !== value) {
      problems.push({
        where: `row ${rowNo}`,
        message: `row ${rowNo}, column ${header[index.get(column)!]!.trim()}: ${JSON.stringify(value)} differs from ${JSON.stringify(first.value)} in row ${first.row}; one invoice per file`,
      })
    }
  }
  const figures: Partial<Record<Figure, { value: Dec; row: number; how: string }>> = {}
  const setFigure = (figure: Figure, value: Dec, rowNo: number, how: string) => {
    const v = figure === 'payments' ? value.abs() : value
    const first = figures[figure]
    if (!first) figures[figure] = { value: v, row: rowNo, how }
    else if (!first.value.eq(v)) {
      problems.push({
        where: `header.${figure}`,
        message: `${LABELS[figure]} is ${money(v)} in row ${rowNo} (${how}) but ${money(first.value)} in row ${first.row} (${first.how})`,
      })
    }
  }

  rows.forEach((row, i) => {
    const rowNo = i + 1
    if (i === 0 || row.every((c) => c.trim() === '')) return
    for (const column of ['account', 'invoice', 'statementDate', 'dueDate', 'currency'] as const) sameText(column, row, rowNo)
    for (const figure of FIGURES) {
      if (index.has(figure) && cell(row, figure)) {
        const value = amount(row, rowNo, figure)
        if (value) setFigure(figure, value, rowNo, `column ${LABELS[figure]}`)
      }
    }
    const service = cell(row, 'service')
    const description = cell(row, 'description')
    const chargeType = cell(row, 'chargeType')
    const summary = service ? undefined : (SUMMARY[key(chargeType)] ?? SUMMARY[key(description)])
    if (summary) {
      const value = amount(row, rowNo, 'amount')
      if (value) setFigure(summary, value, rowNo, `summary row ${JSON.stringify(chargeType || description)}`)
      return
    }
    const value = amount(row, rowNo, 'amount')
    if (!value) problems[problems.length - 1]!.message += '; the line is kept at 0.00 for a person to correct'
    invoice.lines.push({
      lineNo: invoice.lines.length + 1,
      serviceId: service || null,
      description,
      chargeType: chargeType || null,
      amount: value ? money(value) : '0.00',
      page: null,
      box: null,
    })
  })

  invoice.accountNumber = texts.account?.value ?? null
  invoice.invoiceNumber = texts.invoice?.value ?? null
  invoice.statementDate = dateOf(texts.statementDate, 'statementDate', header[index.get('statementDate') ?? -1], problems)
  invoice.dueDate = dateOf(texts.dueDate, 'dueDate', header[index.get('dueDate') ?? -1], problems)
  const currency = texts.currency?.value.toUpperCase() ?? null
  if (currency !== null && !/^[A-Z]{3}$/.test(currency)) {
    problems.push({ where: 'header.currency', message: `row ${texts.currency!.row}: ${JSON.stringify(currency)} is not a currency code` })
  } else invoice.currency = currency
  for (const figure of FIGURES) {
    const f = figures[figure]
    ;(invoice as InvoiceHeader)[figure] = f ? money(f.value) : null
  }

  const required: [keyof InvoiceHeader, string][] = [
    ['accountNumber', 'no account number'],
    ['invoiceNumber', 'no invoice number'],
    ['statementDate', 'no bill date (a Bill Date column)'],
    ['dueDate', 'no due date (a Due Date column)'],
    ['totalDue', 'no total due (a Total Due column or a TOTAL DUE summary row)'],
  ]
  for (const [field, message] of required) {
    if (invoice[field] === null && !problems.some((p) => p.where === `header.${field}`))
      problems.push({ where: `header.${field}`, message })
  }
  if (invoice.lines.length === 0) problems.push({ where: 'lines', message: 'the invoice has no charge rows' })
  return invoice
}

/** The YYYY-MM-DD date of a header text, or null with a problem. */
function dateOf(
  text: { value: string; row: number } | undefined,
  field: 'statementDate' | 'dueDate',
  columnName: string | undefined,
  problems: ParseProblem[],
): string | null {
  if (!text) return null
  const parsed = parseDate(text.value, DATE_FORMATS)
  if (parsed.ok) return parsed.value
  problems.push({ where: `header.${field}`, message: `row ${text.row}, column ${(columnName ?? field).trim()}: ${parsed.reason}` })
  return null
}
