import type { Schema } from './types'

/**
 * Small builders for the JSON Schemas endpoint docs are written with, so a doc reads like the shape it describes.
 * Money is a decimal string ("1234.50"), never a JSON number; ids are integers; dates are ISO 8601 strings.
 */
export const str = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) })
export const int = (description?: string): Schema => ({ type: 'integer', ...(description ? { description } : {}) })
export const num = (description?: string): Schema => ({ type: 'number', ...(description ? { description } : {}) })
export const bool = (description?: string): Schema => ({ type: 'boolean', ...(description ? { description } : {}) })
export const date = (description?: string): Schema => ({ type: 'string', format: 'date-time', ...(description ? { description } : {}) })
export const day = (description?: string): Schema => ({ type: 'string', format: 'date', ...(description ? { description } : {}) })
export const money = (description = 'An amount as a decimal string in the currency’s units, e.g. "1234.50".'): Schema => ({
  type: 'string',
  pattern: '^-?\\d+(\\.\\d+)?$',
  description,
})
export const oneOf = (values: readonly string[], description?: string): Schema => ({
  type: 'string',
  enum: [...values],
  ...(description ? { description } : {}),
})
export const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: 'null' }] })
export const arr = (items: Schema, description?: string): Schema => ({ type: 'array', items, ...(description ? { description } : {}) })
/** A reference to a collection's document schema (`#/components/schemas/<slug>`). */
export const doc = (slug: string): Schema => ({ $ref: `#/components/schemas/${slug}` })
/** Any JSON value (a rule's free-form input, a report's cells). */
export const anyJson = (description?: string): Schema => (description ? { description } : {})

/**
 * An object with the given properties; every property is required unless its name ends with `?`. Extra
 * properties are allowed (answers may grow), so a client reads what it knows.
 */
export function obj(properties: Record<string, Schema>, description?: string): Schema {
  const props: Record<string, Schema> = {}
  const required: string[] = []
  for (const [key, schema] of Object.entries(properties)) {
    const optional = key.endsWith('?')
    const name = optional ? key.slice(0, -1) : key
    props[name] = schema
    if (!optional) required.push(name)
  }
  return { type: 'object', properties: props, ...(required.length ? { required } : {}), ...(description ? { description } : {}) }
}
