import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import { date, numeric } from 'drizzle-orm/pg-core'
import type { Field } from 'payload'

import { MONEY_SCALE } from '../fields/core/money'

type PostgresSchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]
type Schema = Parameters<PostgresSchemaHook>[0]['schema']
type ExtendTable = Parameters<PostgresSchemaHook>[0]['extendTable']

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()

/** Column overrides for one table's own fields; array fields are handled as their own tables. */
function extend(schema: Schema, extendTable: ExtendTable, tableName: string, fields: Field[]): void {
  const table = schema.tables[tableName]
  if (!table) return
  const columns: Record<string, ReturnType<typeof numeric> | ReturnType<typeof date>> = {}
  for (const field of fields) {
    if (field.type === 'collapsible' || field.type === 'row') {
      extend(schema, extendTable, tableName, field.fields)
      continue
    }
    if (!('name' in field)) continue
    if (field.type === 'array') extend(schema, extendTable, `${tableName}_${snake(field.name)}`, field.fields)
    else if (field.custom?.money === true) columns[field.name] = numeric(snake(field.name), { precision: 19, scale: MONEY_SCALE })
    else if (field.custom?.dateOnly === true) columns[field.name] = date(snake(field.name), { mode: 'string' })
  }
  if (Object.keys(columns).length > 0) extendTable({ table, columns })
}

/**
 * Exact column types Payload does not choose by itself:
 * - money fields (fields/money.ts) get numeric(19,4), so amounts are stored exactly, sum exactly in SQL and come
 *   back as decimal strings;
 * - calendar dates (fields/dateOnly.ts) get a PostgreSQL `date`, so a sale date is a day, not an instant that a
 *   time zone can move, and the reconciliation compares days with plain date arithmetic.
 * Top-level fields, fields in collapsibles and rows, and fields of array rows are covered.
 */
export const columnTypes: PostgresSchemaHook = ({ adapter, extendTable, schema }) => {
  for (const collection of adapter.payload.config.collections) {
    extend(schema, extendTable, snake(collection.slug.replace(/-/g, '_')), collection.fields as Field[])
  }
  return schema
}
