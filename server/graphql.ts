import { configToSchema } from '@payloadcms/graphql'
import { type GraphQLEnumType, type GraphQLError, type GraphQLFormattedError, type GraphQLSchema, type ValidationRule } from 'graphql'
import { createHandler } from 'graphql-http/lib/use/fetch'
import {
  addDataAndFileToRequest,
  addLocalesToRequestFromData,
  createPayloadRequest,
  headersWithCors,
  logError,
  mergeHeaders,
  type Field,
  type PayloadRequest,
  type SanitizedConfig,
} from 'payload'

/**
 * Payload's GraphQL API (`POST /api/graphql`) served from Express, like the REST API: the same handler as
 * `@payloadcms/next/routes` (GRAPHQL_POST), so it works in API-only processes and tests and applies the same
 * access functions (every resolver calls Payload's operations with the request's user). The schema is built once,
 * at start-up, so a config GraphQL cannot express fails the boot instead of every request.
 */
type Built = { schema: GraphQLSchema; validationRules: (args: unknown) => ValidationRule[] }

export function graphqlHandler(config: SanitizedConfig) {
  const built = buildSchema(config)
  return async (request: Request): Promise<Response> => {
    const originalRequest = request.clone()
    const req = await createPayloadRequest({ canSetHeaders: true, config, request })
    const { payload } = req
    if (payload.config.graphQL?.disable) return new Response(null, { status: 404 })
    await addDataAndFileToRequest(req)
    addLocalesToRequestFromData(req)
    const headers: Record<string, string> = {}
    const response = await createHandler({
      context: { headers, req } as never,
      schema: built.schema,
      validationRules: (_req, args, defaultRules) => defaultRules.concat(built.validationRules(args)),
      onOperation: async (_request, _args, result) => {
        if (!('errors' in result) || !result.errors) return result
        const errors = await Promise.all(result.errors.map((err) => formatError(err, req)))
        return { ...result, errors } as never
      },
    })(originalRequest)
    const resHeaders = headersWithCors({ headers: new Headers(response.headers), req })
    for (const [key, value] of Object.entries(headers)) resHeaders.append(key, value)
    return new Response(response.body, {
      headers: req.responseHeaders ? mergeHeaders(req.responseHeaders, resHeaders) : resHeaders,
      status: response.status,
    })
  }
}

/** As Payload's own GraphQL route: log, hide internal details of 500s, let `afterError` hooks reshape the error. */
async function formatError(err: GraphQLError, req: PayloadRequest): Promise<GraphQLFormattedError> {
  const { payload } = req
  const original = err.originalError as (Error & { status?: number; data?: unknown }) | undefined
  const status = original?.status ?? (original ? 500 : 400)
  if (original) logError({ err: original, payload })
  let result: GraphQLFormattedError = {
    message: status === 500 && !payload.config.debug ? 'Something went wrong.' : err.message,
    locations: err.locations,
    path: err.path,
    extensions: { name: original?.name, data: original?.data, statusCode: status },
  }
  for (const hook of payload.config.hooks.afterError ?? []) {
    const out = await hook({ context: req.context, error: (original ?? err) as Error, graphqlResult: result, req })
    if (out?.graphqlResult) result = out.graphqlResult
  }
  return result
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/
const CHARACTER_NAMES: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
  '.': 'point',
  ':': 'colon',
  ' ': 'space',
  '/': 'slash',
  '-': 'dash',
  '+': 'plus',
}

/** The enum value name Payload derives from an option's value (`formatName` in `@payloadcms/graphql`). */
function payloadEnumName(value: string): string {
  const prefixed = /^\d/.test(value) ? `_${value}` : value
  const formatted = prefixed
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[.\-/+,()'[\]]/g, '_')
    .replace(/ /g, '')
  return formatted || '_'
}

/** A readable GraphQL name for a value Payload cannot name (";" → semicolon, "\t" → tab). */
function readableEnumName(value: string): string {
  const named = [...value]
    .map((ch) => (/[_0-9A-Za-z]/.test(ch) ? ch : `_${CHARACTER_NAMES[ch] ?? `u${ch.codePointAt(0)!.toString(16)}`}_`))
    .join('')
  const trimmed = named.replace(/_+/g, '_').replace(/^_(?=[A-Za-z])|_$/g, '')
  return /^[A-Za-z_]/.test(trimmed) ? trimmed : `_${trimmed}`
}

type SelectLike = { type: 'select' | 'radio'; options: ({ value: string; label: unknown } | string)[] }

function* selectFields(fields: Field[]): Generator<SelectLike> {
  for (const field of fields) {
    if (field.type === 'select' || field.type === 'radio') yield field as SelectLike
    if ('fields' in field && Array.isArray(field.fields)) yield* selectFields(field.fields as Field[])
    if (field.type === 'tabs') for (const tab of field.tabs) yield* selectFields(tab.fields)
    if (field.type === 'blocks') for (const block of field.blocks ?? []) if (typeof block === 'object') yield* selectFields(block.fields)
  }
}

/**
 * Builds Payload's schema. Select options whose values Payload cannot turn into distinct GraphQL enum names (the
 * import mapping's `;` and tab delimiters, or `.` and `,` that both become `_`) get readable names instead
 * (`semicolon`, `tab`, `point`, `comma`) while the values read and written stay the stored ones.
 */
export function buildSchema(config: SanitizedConfig): Built {
  const restore: (() => void)[] = []
  const realValues = new Map<object, string>()
  for (const collection of config.collections) {
    for (const field of selectFields(collection.fields)) {
      const values = field.options.map((o) => (typeof o === 'string' ? o : o.value))
      const names = values.map(payloadEnumName)
      const clashes = names.some((n, i) => !GRAPHQL_NAME.test(n) || names.indexOf(n) !== i)
      if (!clashes) continue
      const original = field.options
      const taken = new Set<string>()
      field.options = values.map((value) => {
        let name = GRAPHQL_NAME.test(value) ? value : readableEnumName(value)
        while (taken.has(name)) name = `${name}_`
        taken.add(name)
        // A String object: Payload names the enum value by its text, and its identity finds it in the built schema.
        const placeholder = new String(name)
        realValues.set(placeholder, value)
        return { label: value, value: placeholder as unknown as string }
      })
      restore.push(() => (field.options = original))
    }
  }
  try {
    const built = configToSchema(config) as unknown as Built
    for (const type of Object.values(built.schema.getTypeMap())) {
      // By tag, not instanceof: the schema may come from the other build (CommonJS or ESM) of graphql.
      if (Object.prototype.toString.call(type) !== '[object GraphQLEnumType]') continue
      for (const value of (type as GraphQLEnumType).getValues()) {
        const real = typeof value.value === 'object' && value.value !== null ? realValues.get(value.value) : undefined
        if (real !== undefined) (value as { value: unknown }).value = real
      }
    }
    return built
  } finally {
    for (const undo of restore) undo()
  }
}
