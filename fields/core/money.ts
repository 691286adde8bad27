import type { TextField } from 'payload'

import { MoneyError, parseAmount } from '../../engine/core/money'

/** Money columns are stored as numeric(19,4): exact, and read back by node-postgres as decimal strings. */
export const MONEY_SCALE = 4

type MoneyFieldOptions = { name: string; label?: string; description?: string; defaultValue?: string; required?: boolean }

/**
 * An amount of money. In the API it is a decimal string ("1234.5000"), never a JavaScript float; input strings
 * like "1,234.50" or "(12.00)" are accepted and normalized; anything else is a 400 naming the field.
 */
export function moneyField({ name, label, description, defaultValue, required }: MoneyFieldOptions): TextField {
  return {
    name,
    label,
    type: 'text',
    required,
    defaultValue,
    admin: { description },
    custom: { money: true },
    validate: (value: unknown) => {
      if (value === null || value === undefined || value === '') return required ? `${name} is required` : true
      try {
        toStoredAmount(value, name)
        return true
      } catch (err) {
        return err instanceof MoneyError ? err.message : String(err)
      }
    },
    hooks: {
      // Runs before `validate`: normalize what parses and leave the rest for `validate` to report by field.
      beforeChange: [({ value }) => (value === null || value === undefined || value === '' ? value : normalizeOrKeep(value, name))],
      // Array rows come back from PostgreSQL through JSON aggregation, which drops the column's scale ("450" for
      // 450.0000): every read is put back to the stored form.
      afterRead: [({ value }) => (typeof value === 'number' || typeof value === 'string' ? normalizeOrKeep(String(value), name) : value)],
    },
  }
}

function normalizeOrKeep(value: unknown, field: string): unknown {
  try {
    return toStoredAmount(value, field)
  } catch {
    return value
  }
}

/** Normalizes an amount to the stored string with MONEY_SCALE decimals, refusing floats and extra precision. */
export function toStoredAmount(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new MoneyError('INVALID_AMOUNT', `${field}: amounts are sent as strings such as "1234.50", not as ${typeof value}`, field)
  }
  const amount = parseAmount(value, { field })
  if (amount.decimalPlaces() > MONEY_SCALE) {
    throw new MoneyError('INVALID_AMOUNT', `${field}: "${value}" has more than ${MONEY_SCALE} decimal places`, field)
  }
  if (amount.abs().greaterThanOrEqualTo('1e15')) {
    throw new MoneyError('INVALID_AMOUNT', `${field}: "${value}" is too large (at most 15 digits before the decimal point)`, field)
  }
  return amount.toFixed(MONEY_SCALE)
}
