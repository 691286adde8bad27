import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import { numeric } from 'drizzle-orm/pg-core'
import type { Field } from 'payload'

import { MONEY_SCALE } from '../fields/money'

type PostgresSchemaHook = NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number]

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()

/**
 * Gives every top-level money field (see fields/money.ts) an exact numeric(19,4) column instead of varchar, so
 * amounts are stored exactly, sum exactly in SQL, and come back as decimal strings.
 */
export const moneyColumns: PostgresSchemaHook = ({ adapter, extendTable, schema }) => {
  for (const collection of adapter.payload.config.collections) {
    const tableName = snake(collection.slug.replace(/-/g, '_'))
    const table = schema.tables[tableName]
    if (!table) continue
    const columns: Record<string, ReturnType<typeof numeric>> = {}
    for (const field of collection.fields as Field[]) {
      if ('name' in field && field.custom?.money === true) {
        columns[field.name] = numeric(snake(field.name), { precision: 19, scale: MONEY_SCALE })
      }
    }
    if (Object.keys(columns).length > 0) extendTable({ table, columns })
  }
  return schema
}
