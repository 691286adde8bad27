import fs from 'node:fs'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

/**
 * Checks real answers of the server against its own OpenAPI document (GET /api/openapi.json): the operation is
 * found by method and path, the status must be one the operation lists (or an error status, which must have the
 * shared error shape), and a JSON body must match the documented schema. Every int test's REST client
 * (test/support/http.ts) runs its answers through this, so an answer that disagrees with the document fails the
 * test that got it. ACCRUE_OPENAPI_CHECK=record writes disagreements to a file instead (for surveying them), and
 * =off skips the check.
 */
type OpenApi = { paths: Record<string, Record<string, any>>; components: Record<string, any> }
type Route = { method: string; pattern: RegExp; params: number; template: string; operation: any }
type Checker = { routes: Route[]; ajv: InstanceType<typeof Ajv2020> }

const checkers = new Map<string, Promise<Checker>>()
const ROOT = 'urn:accrue:openapi'

async function checkerFor(baseUrl: string): Promise<Checker> {
  let checker = checkers.get(baseUrl)
  if (!checker) {
    checker = (async () => {
      const res = await fetch(`${baseUrl}/api/openapi.json`)
      if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`)
      return compile((await res.json()) as OpenApi)
    })()
    checkers.set(baseUrl, checker)
  }
  return checker
}

export function compile(document: OpenApi): Checker {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true })
  addFormats(ajv)
  ajv.addFormat('binary', true)
  ajv.addSchema({ $id: ROOT, components: document.components } as never)
  const routes: Route[] = []
  for (const [template, byMethod] of Object.entries(document.paths)) {
    const params = (template.match(/\{[^}]+\}/g) ?? []).length
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')
    for (const [method, operation] of Object.entries(byMethod)) {
      routes.push({ method: method.toUpperCase(), pattern: new RegExp(`^${source}$`), params, template, operation })
    }
  }
  // A literal segment wins over a parameter (`/imports/count` before `/imports/{id}`).
  routes.sort((a, b) => a.params - b.params)
  return { routes, ajv }
}

/** Refs point at `#/components/...` of the document; under the registered root they resolve as `<root>#/components/...`. */
function rooted(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rooted)
  if (!schema || typeof schema !== 'object') return schema
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema))
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${ROOT}${value}` : rooted(value)
  return out
}

const validators = new WeakMap<object, (body: unknown) => boolean>()

/** What is wrong with this answer, or null when it agrees with the document. */
export function disagreement(
  checker: Checker,
  method: string,
  url: string,
  status: number,
  contentType: string,
  body: unknown,
): string | null {
  const { pathname, search } = new URL(url, 'http://x')
  // Payload's own internal collections (preferences, jobs, migrations) are not part of the contract.
  if (!pathname.startsWith('/api/') || pathname.startsWith('/api/payload-')) return null
  const apiPath = pathname.slice(4)
  const route = checker.routes.find((r) => r.method === method && r.pattern.test(apiPath))
  if (!route) return status >= 400 ? null : `${method} ${apiPath} answered ${status} but the document has no such operation`
  const responses = route.operation.responses ?? {}
  const documented = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default
  if (!documented) {
    if (status >= 400) return errorShape(checker, body) ? null : `${method} ${route.template} answered ${status} without the error shape`
    return `${method} ${route.template} answered ${status}, a status the document does not list`
  }
  const response = documented.$ref ? resolve(checker, documented.$ref) : documented
  const media = response?.content?.['application/json']
  // `select[...]` asks for some fields only: the answer is partial by design.
  if (!media?.schema || !/json/.test(contentType) || typeof body === 'string' || /[?&]select(\[|%5B)/i.test(search)) return null
  const validate = validatorFor(checker, media.schema)
  if (validate(body)) return null
  const errors = (validate as unknown as { errors?: { instancePath: string; message?: string }[] }).errors ?? []
  return `${method} ${route.template} ${status}: ${errors
    .slice(0, 3)
    .map((e) => `${e.instancePath || '(body)'} ${e.message}`)
    .join('; ')}`
}

function resolve(checker: Checker, ref: string): any {
  const schema = checker.ajv.getSchema(ROOT)?.schema as { components: Record<string, any> }
  return ref
    .replace('#/', '')
    .split('/')
    .reduce((node: any, key) => node?.[key], schema)
}

const ERROR_REF = { $ref: '#/components/schemas/Error' }

function errorShape(checker: Checker, body: unknown): boolean {
  return validatorFor(checker, ERROR_REF)(body)
}

/** A schema of the document compiled once (its refs resolved under the registered root). */
function validatorFor(checker: Checker, schema: object): (body: unknown) => boolean {
  let validate = validators.get(schema)
  if (!validate) {
    validate = checker.ajv.compile(rooted(schema) as object)
    validators.set(schema, validate)
  }
  return validate
}

/**
 * Checks one answer; throws (or, with ACCRUE_OPENAPI_CHECK=record, appends to ACCRUE_OPENAPI_RECORD) when it
 * disagrees with the document. ACCRUE_OPENAPI_CHECK=off skips the check.
 */
export async function checkAgainstDocument(
  baseUrl: string,
  method: string,
  url: string,
  res: Response,
  body: unknown,
  mode = process.env.ACCRUE_OPENAPI_CHECK ?? 'throw',
): Promise<void> {
  if (mode === 'off') return
  const problem = disagreement(await checkerFor(baseUrl), method, url, res.status, res.headers.get('content-type') ?? '', body)
  if (!problem) return
  if (mode === 'record') {
    const file = process.env.ACCRUE_OPENAPI_RECORD ?? path.join(process.cwd(), 'openapi-disagreements.log')
    fs.appendFileSync(file, `${problem}\n`)
    return
  }
  throw new Error(`the answer disagrees with the OpenAPI document: ${problem}`)
}
