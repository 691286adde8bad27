/**
 * Bill payment: PDF layout templates as data, the way invoice2data does it. A template names the keywords that
 * identify a carrier's layout on page 1, a regex per header field (one capture group, searched in a page's text with
 * the `m` flag, lines joined by "\n"), how the carrier writes dates, decimals and credits, and where its line-item
 * table starts and ends, with a row regex of named groups and skip regexes for page headers, footers and subtotals.
 * A changed layout is a template edit. The reader is incremental (one page at a time, only the last page's text
 * kept) and never throws on content: whatever it cannot find or read is a `ParseProblem`.
 */
import { D, localizedDecimalText } from '../core/decimal'
import type { InvoiceHeader, ParsedInvoice, ParsedLine, ParseProblem } from './types'
import type { PdfPage } from './text'

/** Which page a header field is read from: page 1, the last page, or the first page where it matches. */
export type FieldPage = 'first' | 'last' | 'any'

/** One header field: a regex with exactly one capture group; `absolute` drops the sign (payments printed as credits). */
export type FieldRule = { regex: string; page?: FieldPage; absolute?: boolean }

/** How the carrier writes a credit: "-12.00", "(12.00)" or "12.00 CR" (a leading minus is always understood). */
export type CreditStyle = 'minus' | 'parentheses' | 'cr-suffix'

export type TableRule = {
  /** A line matching this starts the table (also ignored when it repeats on later pages, as a column header does). */
  start: string
  /** A line matching this ends the table. */
  end: string
  /** A table line: named groups `description` and `amount` (required), `serviceId` and `chargeType` (optional). */
  row: string
  /** Lines inside the table that are not charges: page headers and footers, carried-forward subtotals. */
  skip?: string[]
  /** Pages the table is read on (1-based, inclusive). */
  pages?: { from?: number; to?: number }
}

/** A carrier's PDF layout; JSON-serialisable so an admin can keep it in a collection and edit it. */
export type LayoutTemplate = {
  name: string
  /** Plain texts that must all appear on page 1. */
  keywords: string[]
  /** Plain texts none of which may appear on page 1. */
  exclude?: string[]
  fields: Partial<Record<HeaderField, FieldRule>>
  /** The invoice currency when no `currency` field is read. */
  currency?: string
  /** Tokens YYYY, MM, M, DD, D, MMM (Jan), MMMM (January); anything else is literal. */
  dateFormat: string
  /** The decimal separator; the other of "." and "," (and spaces) groups thousands. */
  decimal: '.' | ','
  credit: CreditStyle
  lines: TableRule
}

export type HeaderField = keyof InvoiceHeader

export const HEADER_FIELDS: readonly HeaderField[] = [
  'accountNumber',
  'invoiceNumber',
  'statementDate',
  'dueDate',
  'currency',
  'previousBalance',
  'payments',
  'newCharges',
  'taxes',
  'totalDue',
]
const DATE_FIELDS: ReadonlySet<HeaderField> = new Set(['statementDate', 'dueDate'])
const AMOUNT_FIELDS: ReadonlySet<HeaderField> = new Set(['previousBalance', 'payments', 'newCharges', 'taxes', 'totalDue'])
const ROW_GROUPS = ['serviceId', 'description', 'chargeType', 'amount']
const REQUIRED_ROW_GROUPS = ['description', 'amount']
const CREDIT_STYLES: readonly CreditStyle[] = ['minus', 'parentheses', 'cr-suffix']
const FIELD_PAGES: readonly FieldPage[] = ['first', 'last', 'any']
/** Longest text quoted in a problem. */
const QUOTE_LENGTH = 120

// ---------------------------------------------------------------------------------------------
// Validation

type Problem = { field: string; message: string }

/** Compiles `source`, or returns why it does not compile. */
function compile(source: unknown, flags = ''): RegExp | string {
  if (typeof source !== 'string' || source === '') return 'must be a non-empty regular expression'
  try {
    return new RegExp(source, flags)
  } catch (error) {
    return `is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`
  }
}

/** Number of capture groups of a compiled regex (matching the empty alternative reports them all). */
const groupCount = (re: RegExp): number => new RegExp(`${re.source}|`).exec('')!.length - 1

/** Named groups of a compiled regex. */
const groupNames = (re: RegExp): string[] => Object.keys(new RegExp(`${re.source}|`).exec('')!.groups ?? {})

/** Why a date format is unusable, or null. */
function dateFormatProblem(format: unknown): string | null {
  if (typeof format !== 'string' || format === '') return 'must be a date format such as "MMM D, YYYY" or "DD.MM.YYYY"'
  const tokens = format.match(/YYYY|MMMM|MMM|MM|M|DD|D/g) ?? []
  const has = (kinds: string[]) => tokens.filter((t) => kinds.includes(t)).length === 1
  if (!has(['YYYY']) || !has(['MMMM', 'MMM', 'MM', 'M']) || !has(['DD', 'D'])) {
    return 'must contain the year (YYYY), the month (M, MM, MMM or MMMM) and the day (D or DD) once each'
  }
  return null
}

/** Everything wrong with a template an admin wrote, field by field (empty when it can be used). */
export function templateProblems(t: unknown): Problem[] {
  const problems: Problem[] = []
  const add = (field: string, message: string) => problems.push({ field, message })
  if (typeof t !== 'object' || t === null || Array.isArray(t)) return [{ field: 'template', message: 'must be an object' }]
  const o = t as Record<string, unknown>
  if (typeof o.name !== 'string' || o.name.trim() === '') add('name', 'must be a non-empty text')
  const texts = (v: unknown) => Array.isArray(v) && v.every((k) => typeof k === 'string' && k.trim() !== '')
  if (!texts(o.keywords) || (o.keywords as unknown[]).length === 0) add('keywords', 'must be a non-empty list of texts')
  if (o.exclude !== undefined && !texts(o.exclude)) add('exclude', 'must be a list of texts')
  if (o.currency !== undefined && (typeof o.currency !== 'string' || !/^[A-Z]{3}$/.test(o.currency))) {
    add('currency', 'must be a three-letter ISO currency code')
  }
  const dateProblem = dateFormatProblem(o.dateFormat)
  if (dateProblem) add('dateFormat', dateProblem)
  if (o.decimal !== '.' && o.decimal !== ',') add('decimal', 'must be "." or ","')
  if (!CREDIT_STYLES.includes(o.credit as CreditStyle)) add('credit', `must be one of ${CREDIT_STYLES.join(', ')}`)

  const fields = o.fields
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    add('fields', 'must be an object of header fields')
  } else {
    for (const [name, rule] of Object.entries(fields as Record<string, unknown>)) {
      const where = `fields.${name}`
      if (!HEADER_FIELDS.includes(name as HeaderField)) {
        add(where, `is not a header field (known: ${HEADER_FIELDS.join(', ')})`)
        continue
      }
      if (typeof rule !== 'object' || rule === null) {
        add(where, 'must be an object with a regex')
        continue
      }
      const r = rule as Record<string, unknown>
      const re = compile(r.regex, 'm')
      if (typeof re === 'string') add(`${where}.regex`, re)
      else if (groupCount(re) !== 1) add(`${where}.regex`, `must have exactly one capture group (has ${groupCount(re)})`)
      if (r.page !== undefined && !FIELD_PAGES.includes(r.page as FieldPage))
        add(`${where}.page`, `must be one of ${FIELD_PAGES.join(', ')}`)
      if (r.absolute !== undefined && typeof r.absolute !== 'boolean') add(`${where}.absolute`, 'must be true or false')
    }
    if (!('currency' in fields) && o.currency === undefined) add('currency', 'give a currency or a fields.currency regex')
  }

  const lines = o.lines
  if (typeof lines !== 'object' || lines === null || Array.isArray(lines)) {
    add('lines', 'must be an object with start, end and row')
    return problems
  }
  const l = lines as Record<string, unknown>
  for (const key of ['start', 'end'] as const) {
    const re = compile(l[key])
    if (typeof re === 'string') add(`lines.${key}`, re)
  }
  const row = compile(l.row)
  if (typeof row === 'string') add('lines.row', row)
  else {
    const names = groupNames(row)
    for (const name of REQUIRED_ROW_GROUPS) if (!names.includes(name)) add('lines.row', `must have a named group (?<${name}>…)`)
    for (const name of names)
      if (!ROW_GROUPS.includes(name)) add('lines.row', `has an unknown group "${name}" (known: ${ROW_GROUPS.join(', ')})`)
  }
  if (l.skip !== undefined) {
    if (!Array.isArray(l.skip)) add('lines.skip', 'must be a list of regular expressions')
    else
      l.skip.forEach((s, i) => {
        const re = compile(s)
        if (typeof re === 'string') add(`lines.skip[${i}]`, re)
      })
  }
  if (l.pages !== undefined) {
    const p = l.pages as Record<string, unknown>
    const bad = (v: unknown) => v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    if (typeof p !== 'object' || p === null || bad(p.from) || bad(p.to)) add('lines.pages', 'from and to must be page numbers from 1')
    else if (typeof p.from === 'number' && typeof p.to === 'number' && p.from > p.to) add('lines.pages', 'from must not be after to')
  }
  return problems
}

// ---------------------------------------------------------------------------------------------
// Matching

/** The template whose keywords are all on page 1 and whose exclusions are not (the most specific if several), or null. */
export function matchTemplate(templates: LayoutTemplate[], firstPageText: string): LayoutTemplate | null {
  let best: LayoutTemplate | null = null
  for (const t of templates) {
    if (t.keywords.length === 0 || !t.keywords.every((k) => firstPageText.includes(k))) continue
    if ((t.exclude ?? []).some((k) => firstPageText.includes(k))) continue
    if (!best || t.keywords.length > best.keywords.length) best = t
  }
  return best
}

// ---------------------------------------------------------------------------------------------
// Normalisation

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

/** A date written in `format` as YYYY-MM-DD, or null when it is not such a date (or the day does not exist). */
export function normalizeDate(text: string, format: string): string | null {
  const order: string[] = []
  const source = format.replace(/YYYY|MMMM|MMM|MM|M|DD|D|[.*+?^${}()|[\]\\]/g, (token) => {
    if (token.length === 1 && !/[MD]/.test(token)) return `\\${token}`
    order.push(token)
    if (token === 'YYYY') return '(\\d{4})'
    if (token === 'MMMM' || token === 'MMM') return '([A-Za-z]{3,9}\\.?)'
    if (token === 'MM' || token === 'DD') return '(\\d{2})'
    return '(\\d{1,2})'
  })
  const m = new RegExp(`^${source.replace(/\s+/g, '\\s+')}$`).exec(text.trim())
  if (!m) return null
  let year = 0
  let month = 0
  let day = 0
  order.forEach((token, i) => {
    const value = m[i + 1]!
    if (token === 'YYYY') year = Number(value)
    else if (token === 'DD' || token === 'D') day = Number(value)
    else if (token === 'MMMM' || token === 'MMM') {
      const name = value.replace('.', '').toLowerCase()
      month = name.length >= 3 ? MONTH_NAMES.findIndex((n) => n.startsWith(name) && (token === 'MMM' || n === name)) + 1 : 0
    } else month = Number(value)
  })
  if (month < 1 || month > 12 || day < 1) return null
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * An amount as the carrier writes it ("1,234.50", "-12.00", "(12.00)", "1.234,50", "12,00 CR", "$1,234.50",
 * "USD 1,234.50") as decimal text with at least two decimals ("1234.50", "-12.00"), or null when it is not one.
 */
export function normalizeAmount(text: string, decimal: '.' | ',', credit: CreditStyle): string | null {
  let s = text.trim().replace(/^[A-Z]{3}\s+/, '')
  let negative = false
  if (credit === 'cr-suffix') {
    const cr = /^(.*?)\s*CR$/i.exec(s)
    if (cr) {
      negative = true
      s = cr[1]!
    }
  }
  if (credit !== 'parentheses' && /^\(.*\)$/.test(s)) return null
  const canonical = localizedDecimalText(s, decimal)
  if (canonical === null) return null
  let d = new D(canonical)
  if (negative) {
    if (d.isNegative()) return null
    d = d.negated()
  }
  return d.toFixed(Math.max(2, d.decimalPlaces()))
}

// ---------------------------------------------------------------------------------------------
// Reading

export type TemplateReader = {
  /** Reads one page (pages in order, from 1); keeps only what the invoice needs, not the page. */
  page(p: PdfPage): void
  /** The invoice read so far; `pages` is how many pages the file has (a gap is a problem). */
  finish(pages: number): ParsedInvoice
}

type Compiled = {
  fields: { name: HeaderField; re: RegExp; page: FieldPage; absolute: boolean }[]
  start: RegExp
  end: RegExp
  row: RegExp
  skip: RegExp[]
}

const quote = (text: string): string => JSON.stringify(text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH)}…` : text)

/** A reader for one invoice with template `t` (validated with `templateProblems` first; bad regexes never match). */
export function createTemplateReader(t: LayoutTemplate): TemplateReader {
  const never = /(?!)/
  const re = (source: string, flags = ''): RegExp => {
    const r = compile(source, flags)
    return typeof r === 'string' ? never : r
  }
  const c: Compiled = {
    fields: HEADER_FIELDS.flatMap((name) => {
      const rule = t.fields[name]
      return rule ? [{ name, re: re(rule.regex, 'm'), page: rule.page ?? 'first', absolute: rule.absolute === true }] : []
    }),
    start: re(t.lines.start),
    end: re(t.lines.end),
    row: re(t.lines.row),
    skip: (t.lines.skip ?? []).map((s) => re(s)),
  }
  const raw = new Map<HeaderField, { text: string; page: number }>()
  const problems: ParseProblem[] = []
  const lines: ParsedLine[] = []
  let lastPage: { page: number; text: string } | null = null
  let pagesRead = 0
  let inTable = false
  let tableSeen = false

  const capture = (field: Compiled['fields'][number], text: string, page: number) => {
    const m = field.re.exec(text)
    if (m && m[1] !== undefined && m[1].trim() !== '') raw.set(field.name, { text: m[1].trim(), page })
  }

  const readLine = (p: PdfPage, line: PdfPage['lines'][number]) => {
    const text = line.text
    if (!inTable) {
      if (c.start.test(text)) inTable = tableSeen = true
      return
    }
    if (c.end.test(text)) {
      inTable = false
      return
    }
    if (c.start.test(text) || c.skip.some((s) => s.test(text))) return
    const m = c.row.exec(text)
    const groups = m?.groups ?? {}
    const where = `page ${p.page}`
    if (!m || groups.amount === undefined || groups.description === undefined) {
      problems.push({ where, message: `a line in the table matches neither the row nor a skip pattern: ${quote(text)}` })
      return
    }
    const amount = normalizeAmount(groups.amount, t.decimal, t.credit)
    if (amount === null) {
      problems.push({ where, message: `the amount ${quote(groups.amount)} could not be read in the line ${quote(text)}` })
      return
    }
    const optional = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim())
    lines.push({
      lineNo: lines.length + 1,
      serviceId: optional(groups.serviceId),
      description: groups.description.trim(),
      chargeType: optional(groups.chargeType),
      amount,
      page: p.page,
      box: { page: p.page, x: line.x, y: line.y, width: line.width, height: line.height, pageWidth: p.width, pageHeight: p.height },
    })
  }

  return {
    page(p) {
      pagesRead++
      try {
        const text = p.lines.map((l) => l.text).join('\n')
        for (const field of c.fields) {
          if (raw.has(field.name)) continue
          if ((field.page === 'first' && p.page === 1) || field.page === 'any') capture(field, text, p.page)
        }
        if (c.fields.some((f) => f.page === 'last')) lastPage = { page: p.page, text }
        const { from = 1, to = Number.POSITIVE_INFINITY } = t.lines.pages ?? {}
        if (p.page < from || p.page > to) return
        for (const line of p.lines) readLine(p, line)
      } catch (error) {
        problems.push({
          where: `page ${p.page}`,
          message: `the page could not be read: ${error instanceof Error ? error.message : String(error)}`,
        })
      }
    },

    finish(pages) {
      const last = lastPage
      if (last) for (const field of c.fields) if (field.page === 'last' && !raw.has(field.name)) capture(field, last.text, last.page)
      const header = Object.fromEntries(HEADER_FIELDS.map((f) => [f, null])) as Record<HeaderField, string | null>
      for (const name of HEADER_FIELDS) {
        const rule = c.fields.find((f) => f.name === name)
        const found = raw.get(name)
        const where = `header.${name}`
        if (!found) {
          if (name === 'currency' && t.currency) header.currency = t.currency
          else
            problems.push({
              where,
              message: rule ? `not found on the ${rule.page === 'any' ? 'invoice' : `${rule.page} page`}` : 'the template does not read it',
            })
          continue
        }
        if (DATE_FIELDS.has(name)) {
          header[name] = normalizeDate(found.text, t.dateFormat)
          if (header[name] === null)
            problems.push({ where, message: `${quote(found.text)} on page ${found.page} is not a date in the format ${t.dateFormat}` })
        } else if (AMOUNT_FIELDS.has(name)) {
          const amount = normalizeAmount(found.text, t.decimal, t.credit)
          if (amount === null) problems.push({ where, message: `${quote(found.text)} on page ${found.page} is not an amount` })
          header[name] =
            amount !== null && rule?.absolute ? new D(amount).abs().toFixed(Math.max(2, new D(amount).decimalPlaces())) : amount
        } else if (name === 'currency' && !/^[A-Z]{3}$/.test(found.text)) {
          problems.push({ where, message: `${quote(found.text)} is not a currency code` })
        } else header[name] = found.text
      }
      if (!tableSeen)
        problems.push({ where: 'lines', message: `the line-item table was not found (no line matches ${quote(t.lines.start)})` })
      else if (inTable)
        problems.push({ where: 'lines', message: `the end of the line-item table was not found (no line matches ${quote(t.lines.end)})` })
      if (pagesRead !== pages) problems.push({ where: 'pages', message: `${pagesRead} of ${pages} pages were read` })
      return { ...header, format: 'pdf', lines, problems, pages, template: t.name } as ParsedInvoice
    },
  }
}
