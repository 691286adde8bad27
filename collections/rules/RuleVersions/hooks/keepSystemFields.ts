import type { CollectionBeforeChangeHook } from 'payload'

import type { RuleVersion } from '../../../../payload-types'

/** The fields only the hooks write: read-only in the admin, and ignored when a REST or Local API client sends them. */
const SYSTEM_FIELDS = [
  'title',
  'version',
  'testResults',
  'lastEditedBy',
  'submittedBy',
  'submittedAt',
  'approvedBy',
  'approvedAt',
  'retiredAt',
] as const satisfies readonly (keyof RuleVersion)[]

/**
 * Puts back the stored value of every field the hooks own (who edited, submitted and approved, the number, the last
 * test results), so no client can claim an approval or forge a test result by sending them.
 */
export const keepSystemFields: CollectionBeforeChangeHook<RuleVersion> = ({ data, operation, originalDoc }) => {
  const target = data as Record<string, unknown>
  // A new version starts with none of them, a duplicate included (Payload passes the copied version as `originalDoc`).
  for (const field of SYSTEM_FIELDS) target[field] = operation === 'update' ? (originalDoc?.[field] ?? null) : null
  return data
}
