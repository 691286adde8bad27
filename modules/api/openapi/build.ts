import { configToJSONSchema, type Endpoint, type SanitizedCollectionConfig, type SanitizedConfig } from 'payload'

import { WEBHOOK_EVENTS, type EndpointDoc, type Schema } from '../../../engine/api'
import { customOperationId, openApiPath, pathParameters, uniqueIds } from '../../../engine/api/openapi/paths'
import { API_DESCRIPTION } from './description'
import { isBuiltInRoute } from '../../../engine/api/keys'
import { collectionPaths, authPaths } from './crud'
import { errorResponses, queryParameter, SECURITY_SCHEMES, sharedComponents } from './components'

export type OpenApiDocument = {
  openapi: '3.1.0'
  info: Record<string, unknown>
  servers: { url: string; description: string }[]
  security: Record<string, string[]>[]
  tags: { name: string; description?: string }[]
  'x-tagGroups': { name: string; tags: string[] }[]
  paths: Record<string, Record<string, Operation>>
  webhooks: Record<string, Record<string, Operation>>
  components: Record<string, Record<string, unknown>>
}

export type Operation = Record<string, unknown> & { operationId?: string; 'x-undocumented'?: boolean }

/** Definitions of Payload's type generation no operation refers to (auth operations, admin widgets, time zones). */
const UNUSED_DEFINITIONS = new Set(['auth', 'collections_widget', 'supportedTimezones'])

/** Collections Payload keeps for itself (jobs, preferences, migrations, key-value store): not part of the contract. */
const isInternal = (slug: string) => slug.startsWith('payload-')

/** The collections the document describes, in the admin's order. */
export function documentedCollections(config: SanitizedConfig): SanitizedCollectionConfig[] {
  return config.collections.filter((c) => !isInternal(c.slug))
}

/** A collection's custom endpoints: everything in its endpoint list that is not one of Payload's own routes. */
export function customEndpoints(collection: SanitizedCollectionConfig): Endpoint[] {
  if (!Array.isArray(collection.endpoints)) return []
  return collection.endpoints.filter((e) => !isBuiltInRoute(e))
}

/** Root endpoints the document describes: this project's own (Payload's `GET /access` is described separately). */
const PAYLOAD_ROOT_ROUTES = new Set(['get /access'])

/**
 * The OpenAPI 3.1 document of the REST API, generated from the Payload config: each collection's CRUD from its
 * fields (Payload's own JSON Schema of the config, the one payload-types.ts is generated from), each custom endpoint
 * from the `custom.openapi` doc written beside it, the webhooks from the event registry. Built once per config.
 */
export function buildOpenApi(config: SanitizedConfig, version: string): OpenApiDocument {
  const definitions = (configToJSONSchema(config, 'number') as { definitions: Record<string, Schema> }).definitions
  const collections = documentedCollections(config)
  const schemas: Record<string, unknown> = {}
  for (const [name, schema] of Object.entries(definitions)) {
    if (name.endsWith('_select') || isInternal(name) || UNUSED_DEFINITIONS.has(name) || name.startsWith('Task')) continue
    schemas[name] = relaxed(rewriteRefs(schema) as Schema)
  }
  for (const collection of collections) {
    schemas[collection.slug] = readSchema(collection, schemas[collection.slug] as Schema)
    schemas[`${collection.slug}-input`] = inputSchema(collection, schemas[collection.slug] as Schema)
  }

  const paths: OpenApiDocument['paths'] = {}
  const add = (path: string, method: string, operation: Operation) => {
    paths[path] ??= {}
    paths[path]![method] = operation
  }
  for (const collection of collections) {
    for (const [path, ops] of Object.entries(collectionPaths(collection)))
      for (const [method, op] of Object.entries(ops)) add(path, method, op)
    if (collection.auth)
      for (const [path, ops] of Object.entries(authPaths(collection))) for (const [method, op] of Object.entries(ops)) add(path, method, op)
    for (const endpoint of customEndpoints(collection)) {
      add(openApiPath(`/${collection.slug}`, endpoint.path), endpoint.method, customOperation(collection.slug, endpoint))
    }
  }
  for (const endpoint of config.endpoints ?? []) {
    if (PAYLOAD_ROOT_ROUTES.has(`${endpoint.method} ${endpoint.path}`)) continue
    add(openApiPath('', endpoint.path), endpoint.method, customOperation('root', endpoint))
  }
  add('/access', 'get', {
    tags: ['users'],
    operationId: 'root.getAccess',
    summary: 'What the current login may do',
    description: 'Payload’s access map of the logged-in login: per collection, whether it may create, read, update and delete.',
    responses: { 200: { description: 'The access map.', content: json({ type: 'object' }) }, ...errorResponses([401]) },
  })
  add('/graphql', 'post', {
    tags: ['graphql'],
    operationId: 'root.graphql',
    summary: 'GraphQL',
    description:
      'Payload’s GraphQL API over the same collections and access rules (depth, complexity and size are limited). Scoped API keys are REST only.',
    requestBody: {
      required: true,
      content: json({ type: 'object', properties: { query: { type: 'string' }, variables: { type: 'object' } }, required: ['query'] }),
    },
    responses: {
      200: { description: 'The GraphQL answer (`data` and/or `errors`).', content: json({ type: 'object' }) },
      ...errorResponses([400, 403, 413]),
    },
  })
  // Operation ids are unique across the document.
  const ops = Object.values(paths).flatMap((byMethod) => Object.values(byMethod))
  uniqueIds(ops.map((op) => op.operationId ?? 'operation')).forEach((id, i) => (ops[i]!.operationId = id))

  return {
    openapi: '3.1.0',
    info: {
      title: 'Accrue REST API',
      version,
      description: API_DESCRIPTION,
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: config.routes.api, description: 'This server (paths below are relative to /api).' }],
    security: Object.keys(SECURITY_SCHEMES).map((name) => ({ [name]: [] })),
    tags: tags(collections),
    'x-tagGroups': tagGroups(collections),
    paths,
    webhooks: webhooks(),
    components: { ...sharedComponents(), schemas: { ...schemas, ...(sharedComponents().schemas as Record<string, unknown>) } },
  }
}

const json = (schema: Schema) => ({ 'application/json': { schema } })

/** Payload's definitions point at `#/definitions/x`; OpenAPI keeps them under `#/components/schemas/x`. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) {
      out[key] = key === '$ref' && typeof inner === 'string' ? inner.replace('#/definitions/', '#/components/schemas/') : rewriteRefs(inner)
    }
    return out
  }
  return value
}

/**
 * Answers may grow: extra properties are allowed everywhere, so a client reads what it knows and ignores the rest.
 * A choice that may be empty lists null among its values (Payload's schema says the type may be null, not the enum).
 */
function relaxed(value: Schema): Schema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk)
    if (!node || typeof node !== 'object') return node
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(node)) if (!(key === 'additionalProperties' && inner === false)) out[key] = walk(inner)
    if (Array.isArray(out.enum) && Array.isArray(out.type) && out.type.includes('null') && !out.enum.includes(null))
      out.enum = [...out.enum, null]
    return out
  }
  return walk(value) as Schema
}

/**
 * A document as read. `required` keeps only fields every reader gets back: a field with its own read access (hidden
 * from some logins) or hidden from the API may be absent. Money fields are decimal strings.
 */
function readSchema(collection: SanitizedCollectionConfig, schema: Schema): Schema {
  const properties = { ...((schema.properties as Record<string, Schema>) ?? {}) }
  const sometimesAbsent = new Set<string>()
  for (const field of collection.flattenedFields) {
    if (field.hidden || field.access?.read) sometimesAbsent.add(field.name)
    if (field.custom?.money && properties[field.name]) properties[field.name] = moneySchema(properties[field.name]!)
  }
  const required = ((schema.required as string[]) ?? []).filter((name) => !sometimesAbsent.has(name))
  const description = collectionDescription(collection)
  return { ...schema, ...(description ? { description } : {}), properties, required }
}

function moneySchema(schema: Schema): Schema {
  const nullable = Array.isArray(schema.type) && schema.type.includes('null')
  return {
    ...schema,
    type: nullable ? ['string', 'null'] : 'string',
    pattern: '^-?\\d+(\\.\\d+)?$',
    description: [schema.description, 'Money: a decimal string in the currency’s units (e.g. "1234.50"), never a JSON number.']
      .filter(Boolean)
      .join(' '),
    'x-money': true,
  }
}

/** What a create accepts: the document's own fields without the ones the server sets; required = required without a default. */
function inputSchema(collection: SanitizedCollectionConfig, read: Schema): Schema {
  const serverSet = new Set([
    'id',
    'createdAt',
    'updatedAt',
    'url',
    'thumbnailURL',
    'filename',
    'mimeType',
    'filesize',
    'width',
    'height',
    'focalX',
    'focalY',
    'sizes',
  ])
  const properties: Record<string, Schema> = {}
  for (const [name, schema] of Object.entries((read.properties as Record<string, Schema>) ?? {}))
    if (!serverSet.has(name)) properties[name] = schema
  const withDefault = new Set(
    collection.flattenedFields.filter((f) => 'defaultValue' in f && f.defaultValue !== undefined).map((f) => f.name),
  )
  const required = ((read.required as string[]) ?? []).filter((name) => !serverSet.has(name) && !withDefault.has(name))
  if (collection.auth) {
    properties.password = { type: 'string', description: 'The login’s password (write only).' }
    if (!required.includes('password')) required.push('password')
  }
  return { type: 'object', title: `${String(read.title ?? collection.slug)} (input)`, properties, required }
}

function collectionDescription(collection: SanitizedCollectionConfig): string | undefined {
  const description = collection.admin?.description
  return typeof description === 'string' ? description : undefined
}

/** A custom endpoint as an operation: its doc, its path parameters, the shared errors; an undocumented one is flagged. */
function customOperation(slug: string, endpoint: Endpoint): Operation {
  const doc = (endpoint.custom as { openapi?: EndpointDoc } | undefined)?.openapi
  const method = endpoint.method.toLowerCase()
  const params = pathParameters(endpoint.path).map((name) => {
    const given = doc?.params?.[name]
    return {
      name,
      in: 'path',
      required: true,
      description: given?.description ?? (name === 'id' ? 'The document’s id.' : name),
      schema: given?.schema ?? (name === 'id' ? { type: 'integer' } : { type: 'string' }),
    }
  })
  const query = Object.entries(doc?.query ?? {}).map(([name, p]) => queryParameter(name, p))
  const idempotency = method === 'post' ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []
  const operation: Operation = {
    tags: [slug],
    operationId: customOperationId(slug, method, endpoint.path),
    summary: doc?.summary ?? `${endpoint.method.toUpperCase()} ${endpoint.path} (undocumented)`,
    ...(doc?.description || doc?.access
      ? { description: [doc?.description, doc?.access ? `**Who:** ${doc.access}` : ''].filter(Boolean).join('\n\n') }
      : {}),
    parameters: [...params, ...query, ...idempotency],
    responses: doc
      ? customResponses(doc, params.length > 0)
      : { 200: { description: 'Not described yet.' }, ...errorResponses([400, 401, 403]) },
    ...(doc ? {} : { 'x-undocumented': true }),
    ...(doc?.idempotent ? { 'x-idempotent': true } : {}),
    ...(doc?.public ? { security: [{}] } : {}),
  }
  if (doc?.body) {
    const contentType = doc.body.contentType ?? 'application/json'
    operation.requestBody = {
      required: doc.body.required ?? true,
      ...(doc.body.description ? { description: doc.body.description } : {}),
      content: { [contentType]: { schema: doc.body.schema } },
    }
  }
  return operation
}

function customResponses(doc: EndpointDoc, hasPathParams: boolean): Record<string, unknown> {
  const responses: Record<string, unknown> = {}
  for (const [status, response] of Object.entries(doc.responses)) {
    const code = Number(status)
    if (code >= 400) {
      responses[status] = { description: response.description, content: json({ $ref: '#/components/schemas/Error' }) }
      continue
    }
    const contentType = response.contentType ?? 'application/json'
    const schema = contentType === 'application/json' ? (response.schema ?? {}) : (response.schema ?? { type: 'string', format: 'binary' })
    responses[status] = { description: response.description, ...(code === 204 ? {} : { content: { [contentType]: { schema } } }) }
  }
  const shared = errorResponses(hasPathParams ? [400, 401, 403, 404, 429] : [400, 401, 403, 429])
  for (const [status, response] of Object.entries(shared)) responses[status] ??= response
  return responses
}

function tags(collections: SanitizedCollectionConfig[]): OpenApiDocument['tags'] {
  return [
    ...collections.map((c) => ({ name: c.slug, ...(collectionDescription(c) ? { description: collectionDescription(c) } : {}) })),
    { name: 'root', description: 'The API document, its reference page and what the current login may do.' },
    { name: 'graphql', description: 'The GraphQL API.' },
    { name: 'webhooks', description: 'What Accrue POSTs to a webhook subscription’s URL, per event type.' },
  ]
}

function tagGroups(collections: SanitizedCollectionConfig[]): OpenApiDocument['x-tagGroups'] {
  const groups = new Map<string, string[]>()
  for (const c of collections) {
    const group = typeof c.admin?.group === 'string' ? c.admin.group : 'Other'
    groups.set(group, [...(groups.get(group) ?? []), c.slug])
  }
  return [...[...groups].map(([name, list]) => ({ name, tags: list })), { name: 'API', tags: ['root', 'graphql', 'webhooks'] }]
}

/** OpenAPI 3.1 `webhooks`: what Accrue POSTs to a subscription's URL, one entry per event type in the registry. */
function webhooks(): OpenApiDocument['webhooks'] {
  const out: OpenApiDocument['webhooks'] = {}
  for (const event of WEBHOOK_EVENTS) {
    out[event.type] = {
      post: {
        tags: ['webhooks'],
        operationId: `webhook.${event.type}`,
        summary: event.type,
        description: `${event.description} Sent by the ${event.capability} capability.`,
        parameters: [
          {
            name: 'Accrue-Signature',
            in: 'header',
            required: true,
            schema: { type: 'string' },
            description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the subscription’s secret>',
          },
          {
            name: 'Accrue-Event-Id',
            in: 'header',
            required: true,
            schema: { type: 'string' },
            description: 'The event’s unique id (also in the body): de-duplicate on it.',
          },
          { name: 'Accrue-Event-Type', in: 'header', required: true, schema: { type: 'string' } },
        ],
        requestBody: {
          required: true,
          content: json({
            allOf: [{ $ref: '#/components/schemas/WebhookEvent' }, { type: 'object', properties: { type: { const: event.type } } }],
          }),
        },
        responses: {
          200: {
            description:
              'Any 2xx acknowledges the event; anything else (or no answer in 10 s) is retried with exponential backoff for 24 hours.',
          },
        },
      },
    }
  }
  return out
}
