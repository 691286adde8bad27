import type { FlattenedField, SanitizedCollectionConfig, SanitizedConfig } from 'payload'

/**
 * Checks a REST request's query and ids before Payload builds SQL from them, so malformed input is a 400 that says
 * what is wrong (not a database error, nor broken SQL): `where` operators against the field's type, values with NUL
 * bytes, sort, paging and depth, ids of collections with numeric ids, and the versions
 * routes of collections that keep no versions (404). What passes is still checked by Payload and by the database
 * safety net (`hooks/databaseInputErrors.ts`).
 */
export type Refusal = { status: 400 | 404; message: string }

const OPERATORS = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const TEXT_OPERATORS = new Set(['like', 'not_like', 'contains'])
/** Field types whose columns are not text: pattern operators on them are refused. */
const NOT_TEXT = new Set(['number', 'date', 'checkbox', 'point', 'relationship', 'upload'])
const CONTAINERS = new Set(['blocks', 'array', 'group', 'tab'])
const WHOLE = /^\d{1,9}$/
const ID = /^[1-9]\d{0,14}$/

type Leaf = { type: string; hasMany: boolean }

export function checkRequest(config: SanitizedConfig, url: URL): Refusal | null {
  const apiRoute = config.routes.api
  if (!url.pathname.startsWith(`${apiRoute}/`)) return null
  const segments = url.pathname.slice(apiRoute.length + 1).split('/')
  const collection = config.collections.find((c) => c.slug === segments[0])
  if (!collection) return null
  if (collection.endpoints === false) return { status: 404, message: `${collection.slug} is not served over the API` }
  return checkPath(collection, segments.slice(1)) ?? checkQuery(collection, url.searchParams)
}

function numericIds(collection: SanitizedCollectionConfig): boolean {
  const id = collection.flattenedFields.find((f) => f.name === 'id')
  return !id || id.type === 'number'
}

/** The path after the collection's slug: versions routes and ids (a literal first segment is an endpoint's name). */
function checkPath(collection: SanitizedCollectionConfig, rest: string[]): Refusal | null {
  const first = rest[0]
  if (first === undefined || first === '') return null
  if (first === 'versions' && !collection.versions) return { status: 404, message: `${collection.slug} keeps no versions` }
  if (first === 'verify' && !(collection.auth && collection.auth.verify))
    return { status: 404, message: `${collection.slug} does not verify emails` }
  const literals = new Set(
    ((collection.endpoints || []) as { path: string }[]).map((e) => e.path.split('/')[1] ?? '').filter((s) => s && !s.startsWith(':')),
  )
  if (collection.slug === 'payload-preferences' || !numericIds(collection)) return null
  const raw = first === 'versions' ? rest[1] : literals.has(first) ? undefined : first
  if (raw !== undefined && raw !== '' && !ID.test(raw))
    return { status: 400, message: `${collection.slug} ids are positive whole numbers; "${safeText(raw)}" is not one` }
  return null
}

function checkQuery(collection: SanitizedCollectionConfig, params: URLSearchParams): Refusal | null {
  for (const [key, value] of params) {
    if (key.includes('\u0000') || value.includes('\u0000')) return bad(`the query parameter ${safeText(key)} holds a NUL byte`)
    const name = key.split('[')[0]
    if (name === 'where') {
      const refusal = checkWhere(collection, key)
      if (refusal) return refusal
    } else if (name === 'sort') {
      for (const item of value.split(','))
        if (!/^-?[A-Za-z_][\w.]{0,200}$/.test(item))
          return bad(`sort takes field names, optionally prefixed with "-"; "${safeText(item)}" is not one`)
    } else if (name === 'page' && key === 'page') {
      if (!WHOLE.test(value) || Number(value) < 1) return bad(`page is a whole number from 1; got "${safeText(value)}"`)
    } else if ((name === 'limit' || name === 'depth') && key === name) {
      if (!WHOLE.test(value)) return bad(`${name} is a whole number from 0; got "${safeText(value)}"`)
    }
  }
  return null
}

/** One `where[...]` parameter: `where[and|or][i]…[field.path][operator]([i])=value`. */
function checkWhere(collection: SanitizedCollectionConfig, key: string): Refusal | null {
  const brackets = key.slice('where'.length)
  const parts = [...brackets.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!)
  if (parts.length === 0 || parts.join('').length + parts.length * 2 !== brackets.length)
    return bad(`"${safeText(key)}" is not a filter: use where[field][operator]=value`)
  let i = 0
  while (parts[i] === 'and' || parts[i] === 'or') {
    if (!/^\d+$/.test(parts[i + 1] ?? ''))
      return bad(`"${safeText(key)}": ${parts[i]} takes a list of conditions (where[${parts[i]}][0][field][operator]=value)`)
    i += 2
  }
  const path = parts[i]
  const operator = parts[i + 1]
  const rest = parts.slice(i + 2)
  if (!path || operator === undefined) return bad(`"${safeText(key)}" names no operator: use where[field][operator]=value`)
  if (!OPERATORS.has(operator)) return bad(`"${safeText(operator)}" is not a filter operator (use one of ${[...OPERATORS].join(', ')})`)
  if (rest.length > 1 || (rest.length === 1 && !(LIST_OPERATORS.has(operator) || GEO_OPERATORS.has(operator))))
    return bad(`"${safeText(key)}": ${operator} takes a single value`)
  if (rest.length === 1 && !/^\d*$/.test(rest[0]!)) return bad(`"${safeText(key)}": ${operator} takes a list of values`)
  const leaf = resolve(collection.flattenedFields, path.split('.'), true)
  if (!leaf) return null // unknown paths and paths into related collections: Payload checks them (a 400 of its own)
  if (CONTAINERS.has(leaf.type)) return bad(`${path} holds nested fields: filter on one of them (${path}.<field>)`)
  if (operator === 'all' && !(leaf.hasMany && (leaf.type === 'relationship' || leaf.type === 'upload')))
    return bad(`all matches relationships that hold several documents; use in for ${path}`)
  if (GEO_OPERATORS.has(operator) && leaf.type !== 'point') return bad(`${operator} filters only location fields; ${path} is ${leaf.type}`)
  if (
    TEXT_OPERATORS.has(operator) &&
    NOT_TEXT.has(leaf.type) &&
    !(operator === 'contains' && (leaf.type === 'relationship' || leaf.type === 'upload'))
  ) {
    return bad(`${operator} matches text; ${path} is ${leaf.type === 'upload' ? 'an upload' : `a ${leaf.type}`} field`)
  }
  return null
}

/** The type of the field a dotted path ends on, inside this collection (groups, arrays, tabs); null otherwise. */
function resolve(fields: FlattenedField[], path: string[], top: boolean): Leaf | null {
  const [head, ...tail] = path
  if (top && head === 'id' && tail.length === 0 && !fields.some((f) => f.name === 'id')) return { type: 'number', hasMany: false }
  const field = fields.find((f) => f.name === head)
  if (!field) return null
  if (tail.length === 0) return { type: field.type, hasMany: 'hasMany' in field && field.hasMany === true }
  if ((field.type === 'group' || field.type === 'array' || field.type === 'tab') && 'flattenedFields' in field)
    return resolve(field.flattenedFields, tail, false)
  return null
}

function bad(message: string): Refusal {
  return { status: 400, message }
}

/** Echoes client text safely: control characters shown as escapes, at most 80 characters. */
function safeText(text: string): string {
  const escaped = JSON.stringify(text).slice(1, -1)
  return escaped.length > 80 ? `${escaped.slice(0, 80)}…` : escaped
}
