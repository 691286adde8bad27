import type { DateField } from 'payload'

type DateOnlyOptions = { name: string; label?: string; description?: string; required?: boolean; index?: boolean }

/**
 * A calendar day (a sale date, an activation date): stored as a PostgreSQL `date` (see db/columnTypes.ts), read
 * back as "YYYY-MM-DD", picked in the admin without a time.
 */
export function dateOnlyField({ name, label, description, required, index }: DateOnlyOptions): DateField {
  return {
    name,
    label,
    type: 'date',
    required,
    index,
    custom: { dateOnly: true },
    admin: { description, date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
  }
}
