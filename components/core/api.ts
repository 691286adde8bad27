/**
 * How the admin's custom views talk to the REST API: one call that never throws (an answer is the body or the API's
 * own error text), and the few display helpers every view uses. Amounts are shown from their exact decimal strings.
 */
import { formatStored } from '../../engine/core/money'

/** What a call to an endpoint answered: the parsed body, or the API's own error text. */
export type Answer<T> = { ok: true; status: number; body: T } | { ok: false; status: number; error: string }

/** The API's error messages as it wrote them (`{ errors: [{ message }] }`, or `{ error }`), else the HTTP status. */
export function errorOf(body: unknown, status: number): string {
  const errors = (body as { errors?: { message?: string }[] } | null)?.errors
  const messages = Array.isArray(errors) ? errors.map((e) => e.message).filter((m): m is string => Boolean(m)) : []
  if (messages.length > 0) return messages.join('; ')
  const error = (body as { error?: unknown } | null)?.error
  return typeof error === 'string' && error ? error : `HTTP ${status}`
}

/** GET or POST with the admin's session cookie; a JSON body is sent as JSON, a form as multipart. Never throws: a network error is an answer too. */
export async function call<T>(url: string, init: { method?: 'GET' | 'POST'; json?: unknown; form?: FormData } = {}): Promise<Answer<T>> {
  try {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      credentials: 'include',
      headers: init.json === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.form ?? (init.json === undefined ? undefined : JSON.stringify(init.json)),
    })
    const body: unknown = await res.json().catch(() => null)
    return res.ok ? { ok: true, status: res.status, body: body as T } : { ok: false, status: res.status, error: errorOf(body, res.status) }
  } catch (err) {
    return { ok: false, status: 0, error: err instanceof Error ? err.message : String(err) }
  }
}

/** An exact decimal string in its currency ("USD 1,234.50"), for display only; text that is not a decimal is shown as it is. */
export function amountText(value: string | null | undefined, currency: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  try {
    return formatStored(value, currency ?? '')
  } catch {
    return `${value} ${currency ?? ''}`.trim()
  }
}

/** A timestamp as "2026-10-05 14:03" (UTC), the way the rest of the admin's tables read. */
export function when(value: string | null | undefined): string {
  if (!value) return '—'
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? value : d.toISOString().slice(0, 16).replace('T', ' ')
}

/** The label of a related document at depth 1 (its first non-empty `fields`), or its id at depth 0. */
export function labelOf(value: unknown, ...fields: string[]): string {
  if (value === null || value === undefined) return '—'
  if (typeof value !== 'object') return String(value)
  const doc = value as Record<string, unknown>
  for (const field of fields) if (typeof doc[field] === 'string' && doc[field]) return doc[field] as string
  return String(doc.id ?? '—')
}
