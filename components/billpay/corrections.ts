import { decimalOrNull, decimalText } from '../../engine/core/decimal'
import { HEADER_FIELDS, type HeaderField, type ReviewInvoice, type ReviewLine } from './api'

/** The header figures whose inputs hold amounts (compared as decimals, so "12.5" is no change to "12.50"). */
const AMOUNT_FIELDS: ReadonlySet<HeaderField> = new Set(['previousBalance', 'payments', 'newCharges', 'taxes', 'totalDue'])

/** The header dates: shown and compared as YYYY-MM-DD, whether the API writes a date or a midnight timestamp. */
const DATE_FIELDS: ReadonlySet<HeaderField> = new Set(['statementDate', 'dueDate'])

/** "2026-10-05" from "2026-10-05" or "2026-10-05T00:00:00.000Z"; anything else as it is. */
export function dayOf(value: string | null | undefined): string {
  const text = value ?? ''
  return /^\d{4}-\d{2}-\d{2}T/.test(text) ? text.slice(0, 10) : text
}

/**
 * An amount as an input shows it: the stored "3.5400" as "3.54" (never fewer than two decimals, never a digit that
 * matters dropped); text that is not a decimal as it is.
 */
export function amountInput(value: string | null | undefined): string {
  const d = decimalText(value)
  if (!d) return value ?? ''
  return d.decimalPlaces() <= 2 ? d.toFixed(2) : d.toString()
}

/** What a header input starts with for the value the API has. */
export function headerText(field: HeaderField, value: string | null | undefined): string {
  if (DATE_FIELDS.has(field)) return dayOf(value)
  return AMOUNT_FIELDS.has(field) ? amountInput(value) : (value ?? '')
}

/** The fields of a line a reviewer edits in the lines table. */
export const LINE_FIELDS = ['amount', 'glCode', 'costCentre'] as const
export type LineField = (typeof LINE_FIELDS)[number]

/** What the inputs of the review page hold: the header and, by line number, each line's editable fields (as typed). */
export type Draft = { header: Record<HeaderField, string>; lines: Record<number, Record<LineField, string>> }

/** The body of POST /api/carrier-invoices/:id/correct. */
export type Correction = {
  header?: Partial<Record<HeaderField, string | null>>
  lines?: ({ lineNo: number } & Partial<Record<LineField, string | null>>)[]
  note?: string
}

/** The inputs filled with the invoice as the API has it (a missing value is an empty input). */
export function draftOf(invoice: ReviewInvoice, lines: readonly ReviewLine[]): Draft {
  const header = Object.fromEntries(HEADER_FIELDS.map((f) => [f, headerText(f, invoice[f])])) as Record<HeaderField, string>
  const byLine: Draft['lines'] = {}
  for (const line of lines)
    byLine[line.lineNo] = { amount: amountInput(line.amount), glCode: line.glCode ?? '', costCentre: line.costCentre ?? '' }
  return { header, lines: byLine }
}

/** Whether `typed` says something else than `stored`: amounts by value when both are numbers, everything else as trimmed text. */
function differs(stored: string | null | undefined, typed: string, amount: boolean): boolean {
  const before = (stored ?? '').trim()
  const after = typed.trim()
  if (before === after) return false
  if (amount) {
    const a = decimalOrNull(before)
    const b = decimalOrNull(after)
    if (a && b) return !a.eq(b)
  }
  return true
}

/** What a cleared input sends: null for nothing, else the trimmed text. */
const sent = (typed: string): string | null => (typed.trim() === '' ? null : typed.trim())

/**
 * The correction to send: only the header fields and line fields the reviewer changed (an emptied input is sent as
 * null), and the note when there is one. Null when nothing changed. Amounts are sent as typed (trimmed): the API
 * reads and refuses them, so its message is the one the reviewer sees.
 */
export function correctionOf(invoice: ReviewInvoice, lines: readonly ReviewLine[], draft: Draft, note = ''): Correction | null {
  const header: Correction['header'] = {}
  for (const field of HEADER_FIELDS)
    if (differs(headerText(field, invoice[field]), draft.header[field] ?? '', AMOUNT_FIELDS.has(field)))
      header[field] = sent(draft.header[field] ?? '')
  const changedLines: NonNullable<Correction['lines']> = []
  for (const line of lines) {
    const typed = draft.lines[line.lineNo]
    if (!typed) continue
    // The line number as a number, whatever JSON type the review used for it.
    const change: NonNullable<Correction['lines']>[number] = { lineNo: Number(line.lineNo) }
    for (const field of LINE_FIELDS) if (differs(line[field], typed[field], field === 'amount')) change[field] = sent(typed[field])
    if (Object.keys(change).length > 1) changedLines.push(change)
  }
  const correction: Correction = {}
  if (Object.keys(header).length > 0) correction.header = header
  if (changedLines.length > 0) correction.lines = changedLines
  if (!correction.header && !correction.lines) return null
  if (note.trim()) correction.note = note.trim()
  return correction
}

/** The inputs after a refresh: the new draft, the fields kept as the reviewer typed them, and those of them changed under them. */
export type Refreshed = { draft: Draft; kept: string[]; conflicts: string[] }

/**
 * The inputs once the invoice was read again while the reviewer edits it (a live refresh, or the answer to an action
 * sent before the last keystrokes): each field the reviewer changed since `was` (what the inputs were filled with, or
 * what was sent) keeps what was typed; every other field takes its value in `fresh` (the invoice as read now). `kept`
 * names the typed fields (`header.dueDate`, `line 3.amount`); `conflicts` those of them whose stored value changed
 * too (someone else corrected the same field).
 */
export function refreshDraft(was: Draft, fresh: Draft, typed: Draft): Refreshed {
  const kept: string[] = []
  const conflicts: string[] = []
  const keep = (name: string, old: string | undefined, now: string | undefined, input: string | undefined, amount: boolean): boolean => {
    if (old === undefined || input === undefined || !differs(old, input, amount)) return false
    kept.push(name)
    if (now !== undefined && differs(old, now, amount)) conflicts.push(name)
    return true
  }
  const header = { ...fresh.header }
  for (const field of HEADER_FIELDS)
    if (keep(`header.${field}`, was.header[field], fresh.header[field], typed.header[field], AMOUNT_FIELDS.has(field)))
      header[field] = typed.header[field]
  const lines: Draft['lines'] = {}
  for (const [key, values] of Object.entries(fresh.lines)) {
    const lineNo = Number(key)
    const merged = { ...values }
    const input = typed.lines[lineNo]
    const old = was.lines[lineNo]
    if (input && old)
      for (const field of LINE_FIELDS)
        if (keep(`line ${lineNo}.${field}`, old[field], values[field], input[field], field === 'amount')) merged[field] = input[field]
    lines[lineNo] = merged
  }
  return { draft: { header, lines }, kept, conflicts }
}
