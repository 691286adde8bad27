import type { CollectionBeforeDeleteHook } from 'payload'

import { fieldError } from '../../../../hooks/core/fieldError'
import { findOrNull } from '../../../../modules/core/findOrNull'

/**
 * Only a draft is deleted: a submitted version is withdrawn first, and an approved or retired one is the record of
 * what runs used. Deleting a whole rule set (nothing of it ever approved) also takes its submitted versions.
 */
export const refuseDeletingUsedVersion: CollectionBeforeDeleteHook = async ({ context, id, req }) => {
  const version = await findOrNull(
    req.payload.findByID({ collection: 'rule-versions', id, depth: 0, req, select: { title: true, status: true } }),
  )
  if (!version || version.status === 'draft') return
  if (context.deletingRuleSet && version.status === 'submitted') return
  const advice =
    version.status === 'submitted' ? 'withdraw it to draft first' : 'retire it instead; it stays as the record of what runs used'
  throw fieldError(
    'rule-versions',
    'status',
    `${version.title ?? `rule version #${id}`} is ${version.status} and cannot be deleted: ${advice}`,
  )
}
