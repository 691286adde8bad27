/**
 * Commission payout statement: the lines of one participant for one period, grouped by component
 * and totalled exactly. Pure: the renderers (`statements/`) and the jobs that feed them call this.
 */
import { minorUnits, money, MoneyError, subtract, sum, toStorageString, type Money } from '../core/money'
import { LINE_COMPONENTS } from './components/registry'

export type StatementLine = {
  id: number
  component: string
  componentLabel: string
  /** Decimal string with at most the currency's minor units of decimals, e.g. "-12.50" (USD), "1250" (JPY), "-1.250" (BHD). */
  amount: string
  held: boolean
  /** e.g. "Sale #123 · VTX UNL-PLUS · new" */
  description: string
  /** e.g. "dealer-sales #123" */
  sourceRef: string | null
  /** e.g. "Dealer plan v3 · upfront" */
  ruleRef: string
}

export type StatementBrand = {
  name: string
  primaryColor: string
  secondaryColor: string
  textColor: string
  /** PNG or JPEG bytes. */
  logo: Buffer | null
}

export type StatementInput = {
  participant: { id: number; name: string; code: string | null }
  period: { label: string; startsOn: string; endsOn: string }
  currency: string
  runLabel: string
  /** ISO timestamp, passed in (the statement never reads the clock). */
  generatedAt: string
  brand: StatementBrand
  lines: StatementLine[]
}

export type StatementGroup = { component: string; label: string; lines: StatementLine[]; total: string; count: number }

export type StatementSummary = { groups: StatementGroup[]; total: string; held: string; payable: string; lineCount: number }

/** Components in the order a statement shows them (the registry's order, notes last); any other follows, alphabetically. */
export const COMPONENT_ORDER: readonly string[] = LINE_COMPONENTS

/**
 * A stored line amount ("1250.0000") as a statement shows it: exactly the currency's minor units of decimals
 * ("1250" in JPY, "1250.00" in USD, "1250.000" in BHD). Never rounds: throws MoneyError PRECISION_LOSS when the
 * amount is finer than the currency's minor unit (every posted line is rounded to it).
 */
export function statementAmount(stored: string, currency: string, lineId: number): string {
  return show(lineAmount(stored, currency, lineId))
}

/** A line amount as Money, refused when it has more decimals than the currency's minor units. */
function lineAmount(stored: string, currency: string, lineId: number): Money {
  const amount = money(stored, currency)
  const scale = minorUnits(currency)
  if (amount.amount.dp() > scale) {
    throw new MoneyError(
      'PRECISION_LOSS',
      `line ${lineId}: amount ${stored} has more than the ${scale} decimals of ${currency}; round it before it reaches a statement`,
      'amount',
    )
  }
  return amount
}

/**
 * Groups the lines by component (fixed order, lines keep their input order) and totals them exactly:
 * total = all lines, held = held lines, payable = total − held. Amounts are strings with exactly the currency's
 * minor units of decimals ("0.00" in USD, "0" in JPY, "0.000" in BHD).
 * Throws MoneyError when the currency is invalid or a line amount has more decimals than the currency's minor units.
 */
export function summarizeStatement(input: StatementInput): StatementSummary {
  const { currency } = input
  const amounts = new Map<StatementLine, Money>()
  const byComponent = new Map<string, StatementLine[]>()
  for (const line of input.lines) {
    const amount = lineAmount(line.amount, currency, line.id)
    amounts.set(line, amount)
    const bucket = byComponent.get(line.component)
    if (bucket) bucket.push(line)
    else byComponent.set(line.component, [line])
  }
  const totalOf = (lines: readonly StatementLine[]): Money =>
    sum(
      lines.map((l) => amounts.get(l)!),
      currency,
    )

  const groups = [...byComponent.keys()].sort(compareComponents).map((component): StatementGroup => {
    const lines = byComponent.get(component)!
    return { component, label: lines[0]!.componentLabel || component, lines, total: show(totalOf(lines)), count: lines.length }
  })
  const total = totalOf(input.lines)
  const held = totalOf(input.lines.filter((l) => l.held))
  return {
    groups,
    total: show(total),
    held: show(held),
    payable: show(subtract(total, held)),
    lineCount: input.lines.length,
  }
}

/** A statement's totals by component as the portal lists them; groups of at most `detailUpTo` lines keep their lines. */
export type StatementBreakdown = {
  component: string
  label: string
  total: string
  count: number
  lines: { description: string; amount: string }[]
}[]

export function statementBreakdown(summary: StatementSummary, detailUpTo = 12): StatementBreakdown {
  return summary.groups.map((group) => ({
    component: group.component,
    label: group.label,
    total: group.total,
    count: group.count,
    lines: group.count <= detailUpTo ? group.lines.map((line) => ({ description: line.description, amount: line.amount })) : [],
  }))
}

/** Fixed components first in COMPONENT_ORDER, then the rest alphabetically. */
function compareComponents(a: string, b: string): number {
  const rank = (c: string): number => {
    const i = COMPONENT_ORDER.indexOf(c)
    return i === -1 ? COMPONENT_ORDER.length : i
  }
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)
}

/** Fixed string with the currency's minor units of decimals; exact (no rounding), since no line has more. */
function show(m: Money): string {
  return toStorageString(m, minorUnits(m.currency))
}

// ---------------------------------------------------------------------------------------------
// Presentation helpers shared by the PDF and spreadsheet renderers

/** Colours a statement is drawn with; `onPrimary` is the text colour readable on `primary`. */
export type StatementColours = { primary: string; secondary: string; text: string; onPrimary: string }

const DEFAULT_COLOURS = { primary: '#1f2937', secondary: '#4b5563', text: '#111827' }
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/

/** The brand's colours, with neutral greys in place of values that are not #rrggbb. */
export function statementColours(brand: StatementBrand): StatementColours {
  const pick = (value: string, fallback: string): string => (HEX_COLOUR.test(value) ? value : fallback)
  const primary = pick(brand.primaryColor, DEFAULT_COLOURS.primary)
  return {
    primary,
    secondary: pick(brand.secondaryColor, DEFAULT_COLOURS.secondary),
    text: pick(brand.textColor, DEFAULT_COLOURS.text),
    onPrimary: luminance(primary) > 0.4 ? '#111827' : '#ffffff',
  }
}

/** WCAG relative luminance of a #rrggbb colour: 0 for black, 1 for white. */
function luminance(hex: string): number {
  const channel = (offset: number): number => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

/** "2025-07-01 14:03 UTC" from an ISO timestamp; the text as given when it does not parse. */
export function statementTimestamp(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** "Avery Stone (D-104)", or just the name when the participant has no code. */
export function participantTitle(participant: StatementInput['participant']): string {
  return participant.code ? `${participant.name} (${participant.code})` : participant.name
}
