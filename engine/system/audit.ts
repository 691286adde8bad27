/** What changed between two versions of a document, for the append-only audit trail. */

export type FieldChange = { field: string; before: unknown; after: unknown }

/**
 * Secrets never compared or copied into the trail (documents read back may or may not carry them, so comparing
 * them would invent changes). A change of password or API key is recorded from the request by `secretChanges`.
 */
export const SECRET_FIELDS = new Set([
  'password',
  'hash',
  'salt',
  'apiKey',
  'apiKeyIndex',
  'resetPasswordToken',
  'otpSecret',
  'totpSecret',
  'passwordSealed',
  'totpSealed',
  'sealContext',
])

/** Bookkeeping fields that change on every save and say nothing about the business. */
export const IGNORED_FIELDS = new Set([
  'updatedAt',
  'createdAt',
  'loginAttempts',
  'lockUntil',
  'sessions',
  'resetPasswordExpiration',
  '_verified',
  '_verificationToken',
  'collection',
  '_strategy',
])

/** Reduces populated relationships to their ids so a re-populated document does not read as a change. */
export function normalize(value: unknown): unknown {
  if (value === undefined) return null
  if (Array.isArray(value)) return value.map(normalize)
  if (value && typeof value === 'object') {
    if ('id' in value && Object.keys(value).length > 2) return (value as { id: unknown }).id
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) out[key] = normalize((value as Record<string, unknown>)[key])
    return out
  }
  return value
}

/**
 * Each field whose value differs between the two versions (either may be null: a create or a delete). Both sides
 * must be complete documents: a field missing on one side reads as null there. `skip` names fields that are not
 * part of the document (join fields listing other documents).
 */
export function diffDocuments(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  skip: ReadonlySet<string> = new Set(),
): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const changes: FieldChange[] = []
  for (const field of [...fields].sort()) {
    if (field === 'id' || IGNORED_FIELDS.has(field) || SECRET_FIELDS.has(field) || skip.has(field)) continue
    const b = normalize(before?.[field])
    const a = normalize(after?.[field])
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a })
  }
  return changes
}

/** The secrets a request sets (a new password, a new API key), recorded without their values. */
export function secretChanges(
  data: Record<string, unknown> | null | undefined,
  before: Record<string, unknown> | null | undefined,
): FieldChange[] {
  const changes: FieldChange[] = []
  if (typeof data?.password === 'string' && data.password !== '')
    changes.push({ field: 'password', before: '[redacted]', after: '[redacted]' })
  if (typeof data?.apiKey === 'string' && data.apiKey !== '' && data.apiKey !== before?.apiKey) {
    changes.push({ field: 'apiKey', before: '[redacted]', after: '[redacted]' })
  }
  return changes
}
