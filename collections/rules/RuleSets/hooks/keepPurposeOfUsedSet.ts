import type { CollectionBeforeChangeHook } from 'payload'

import type { RuleSet } from '../../../../payload-types'

import { fieldError } from '../../../../hooks/core/fieldError'

/** A rule set's purpose decides what its versions read and return, so it is fixed once the set has any version. */
export const keepPurposeOfUsedSet: CollectionBeforeChangeHook<RuleSet> = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc || data.purpose === undefined || data.purpose === originalDoc.purpose) return data
  const versions = await req.payload.count({ collection: 'rule-versions', where: { ruleSet: { equals: originalDoc.id } }, req })
  if (versions.totalDocs > 0)
    throw fieldError(
      'rule-sets',
      'purpose',
      `the purpose of "${originalDoc.name}" cannot change: it has ${versions.totalDocs} version(s) written for it; create a new rule set instead`,
    )
  return data
}
