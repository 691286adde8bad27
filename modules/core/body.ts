/**
 * A custom endpoint's body, read one way everywhere: JSON, or multipart form fields and its `file`. Multipart fields
 * may come as plain fields or as Payload's `_payload` JSON (what the admin's upload helpers send); both are read.
 */
import { addDataAndFileToRequest, type PayloadRequest } from 'payload'

export type Body = { fields: Record<string, unknown>; file: { name: string; data: Buffer; mimetype: string; size: number } | null }

/** The request's body: JSON, or multipart form fields and its `file`. Multipart fields may come as plain fields
 * (`comment`, `partner`) or as Payload's `_payload` JSON (what the admin's upload helpers send); both are read.
 */
export async function bodyOf(req: PayloadRequest): Promise<Body> {
  const type = String(req.headers.get('content-type') ?? '').toLowerCase()
  if (type.startsWith('multipart/form-data')) {
    if (typeof req.formData !== 'function') {
      await addDataAndFileToRequest(req)
      const file = req.file as Body['file'] | undefined
      return { fields: (req.data ?? {}) as Record<string, unknown>, file: file?.data?.length ? file : null }
    }
    const form = await req.formData()
    const fields: Record<string, unknown> = {}
    let file: Body['file'] = null
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string') {
        if (name === '_payload') {
          try {
            Object.assign(fields, JSON.parse(value) as Record<string, unknown>)
          } catch {
            // Not JSON: left out, like any unreadable field.
          }
        } else fields[name] = value
      } else if (name === 'file' && value.size > 0) {
        file = {
          name: value.name,
          data: Buffer.from(await value.arrayBuffer()),
          mimetype: value.type || 'application/octet-stream',
          size: value.size,
        }
      }
    }
    return { fields, file }
  }
  const json: unknown = await req.json?.().catch(() => null)
  return { fields: typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {}, file: null }
}
