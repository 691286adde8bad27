/**
 * Strict reading of stored decimal text ("12.5", "-3", "0.0400") for the proposal modules.
 * Unlike `parseAmount` it accepts no symbols, separators, whitespace or exponents: these values come from
 * stored fields, where anything else is a data error worth reporting.
 */
import { D, type Dec } from './decimal'

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/

/** The Decimal written in `text`, or null when it is not plain decimal text. */
export function decimalText(text: unknown): Dec | null {
  if (typeof text !== 'string' || text.length > 60 || !DECIMAL_TEXT.test(text)) return null
  return new D(text)
}

/** `text` in double quotes, as messages show user input. */
export function quoted(text: unknown): string {
  return JSON.stringify(String(text))
}
