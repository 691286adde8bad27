/**
 * Payload endpoint paths (`/:id/rejects`, `/ledger/:participant`) as OpenAPI paths and operation ids. Pure.
 */

/** `/:id/rejects` under `/imports` → `/imports/{id}/rejects`; an optional parameter (`:id?`) is documented as present. */
export function openApiPath(base: string, path: string): string {
  const joined = `${base}${path === '/' ? '' : path}`
  return joined.replace(/:([A-Za-z_][A-Za-z0-9_]*)\??/g, '{$1}') || '/'
}

/** The path parameters of a Payload path, in order. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!)
}

const camel = (text: string) => text.replace(/[-_ ]+(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toLowerCase())
const pascal = (text: string) => camel(text).replace(/^\w/, (c) => c.toUpperCase())

/**
 * A stable, readable operation id: `<collection>.<method><Words>`, e.g. `commissionRuns.postApprove` for
 * `POST /commission-runs/:id/approve` and `payments.getLedgerByParticipant` for `GET /payments/ledger/:participant`
 * (a document id parameter is left out of the name).
 */
export function customOperationId(slug: string, method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^:([A-Za-z_][A-Za-z0-9_]*)\??$/.exec(segment)
      if (!param) return pascal(segment.replace(/[^A-Za-z0-9-_]/g, ''))
      return param[1] === 'id' ? '' : `By${pascal(param[1]!)}`
    })
    .join('')
  return `${camel(slug)}.${method.toLowerCase()}${words}`
}

/** Makes ids unique in order of appearance (`x`, `x2`, `x3`), for the rare path pair that names the same. */
export function uniqueIds(ids: string[]): string[] {
  const seen = new Map<string, number>()
  return ids.map((id) => {
    const count = (seen.get(id) ?? 0) + 1
    seen.set(id, count)
    return count === 1 ? id : `${id}${count}`
  })
}

export { camel as camelCase, pascal as pascalCase }
