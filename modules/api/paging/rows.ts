import { asc } from '@payloadcms/db-postgres/drizzle'
import { buildQuery, type DrizzleAdapter } from '@payloadcms/drizzle'
import type { FlattenedField, PayloadRequest, SanitizedCollectionConfig, SelectType, Where } from 'payload'

import { dbPool } from '../../../db/pool'
import type { ExportColumn } from './columns'

/**
 * A page of an export, `limit` rows in id order. The filter and the caller's row-level access (already combined
 * into `where`) are turned into SQL by Payload's own Postgres query builder (`buildQuery` of @payloadcms/drizzle,
 * the one `payload.find` uses: same joins, same operators, DISTINCT ids), and that id query is the subquery of one
 * plain SELECT of the exported columns, run by node-postgres with rows as arrays. Values come out as Payload's
 * adapter gives them: dates as ISO 8601 (formatted by PostgreSQL), numbers from numeric, relationship ids, JSON
 * parsed, money as the stored numeric(19,4) string. This skips the per-row, per-field transform and afterRead walk
 * that made a million-row export take minutes. A collection whose exported fields are not all plain columns of its
 * table (hasMany, arrays, blocks, localized, versions) is read by `payload.db.find` instead.
 */
export type PageReader = (where: Where, limit: number) => Promise<Record<string, unknown>[]>

type Column = { name: string; columnType: string }

const COLUMNAR = new Set([
  'text',
  'textarea',
  'email',
  'code',
  'number',
  'select',
  'radio',
  'checkbox',
  'date',
  'json',
  'relationship',
  'upload',
])

function columnar(field: FlattenedField): boolean {
  if (!COLUMNAR.has(field.type) || ('localized' in field && field.localized)) return false
  if ('hasMany' in field && field.hasMany) return false
  if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo !== 'string') return false
  return true
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The SELECT expression of one exported column of `table`, formatted the way Payload's adapter reads it. */
function selectExpression(table: string, field: FlattenedField | null, column: Column): string {
  const ref = `${table}.${quote(column.name)}`
  if (field?.type !== 'date') return ref
  // A timestamp as new Date(value).toISOString() gives it; a date-only column as midnight UTC of that day.
  return /Timestamp/.test(column.columnType)
    ? `to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : `to_char(${ref}, 'YYYY-MM-DD"T00:00:00.000Z"')`
}

export function pageReader(req: PayloadRequest, collection: SanitizedCollectionConfig, columns: ExportColumn[]): PageReader {
  const payload = req.payload
  const select = Object.fromEntries(columns.filter((c) => c.field).map((c) => [c.name, true]))
  const viaAdapter: PageReader = async (where, limit) =>
    (
      await payload.db.find<Record<string, unknown>>({
        collection: collection.slug,
        where,
        sort: 'id',
        limit,
        pagination: false,
        select: select as SelectType,
        req,
      })
    ).docs

  const adapter = payload.db as unknown as Partial<DrizzleAdapter>
  const tableName = adapter.tableNameMap?.get(collection.slug.replace(/-/g, '_'))
  const table = tableName ? (adapter.tables?.[tableName] as Record<string, Column> | undefined) : undefined
  const fast =
    table &&
    adapter.drizzle &&
    !collection.versions &&
    columns.every((c) => (c.field === null ? c.name === 'id' : columnar(c.field) && table[c.name]?.name))
  if (!fast) return viaAdapter

  const expressions = (alias: string) => columns.map((c) => selectExpression(alias, c.field, table[c.name]!)).join(', ')
  const direct = expressions(quote(tableName!))
  const outer = expressions('x')
  const idSelect = `select ${quote(tableName!)}.${quote('id')} from `
  const numbers = columns.map((c) => c.field?.type === 'number')
  const pool = dbPool(payload)
  return async (where, limit) => {
    const built = buildQuery({ adapter: adapter as DrizzleAdapter, fields: collection.flattenedFields, tableName: tableName!, where })
    const idColumn = table.id as unknown as Parameters<typeof asc>[0]
    const drizzle = adapter.drizzle as any
    // Without joins the page is one range scan of the primary key; with joins (a filter or access through a
    // relationship) Payload's DISTINCT id query is the subquery, as in its own find.
    let ids = (built.joins.length > 0 ? drizzle.selectDistinct({ id: idColumn }) : drizzle.select({ id: idColumn })).from(table).$dynamic()
    for (const join of built.joins) ids = ids[join.type ?? 'leftJoin'](join.table, join.condition)
    if (built.where) ids = ids.where(built.where)
    const inner = ids.orderBy(asc(idColumn)).limit(limit).toSQL() as { sql: string; params: unknown[] }
    const text =
      built.joins.length === 0 && inner.sql.startsWith(idSelect)
        ? `select ${direct} from ${inner.sql.slice(idSelect.length)}`
        : `select ${outer} from ${quote(tableName!)} as x where x."id" in (${inner.sql}) order by x."id"`
    const result = await pool.query<unknown[]>({ text, values: inner.params, rowMode: 'array' })
    return result.rows.map((values) => {
      const row: Record<string, unknown> = {}
      for (let i = 0; i < columns.length; i++) {
        const value = values[i]
        row[columns[i]!.name] = numbers[i] && typeof value === 'string' ? Number.parseFloat(value) : value
      }
      return row
    })
  }
}
