import type { CollectionBeforeChangeHook } from 'payload'

import type { RuleVersion } from '../../../../payload-types'

import { ruleSetOf } from './ruleSetOf'

/**
 * Numbers a new version after the set's latest one, and keeps the title of a draft or submitted version in step:
 * "<set> v<n> from <date>" (an approved version's title stays as it was approved).
 */
export const numberRuleVersion: CollectionBeforeChangeHook<RuleVersion> = async ({ data, operation, originalDoc, req }) => {
  // On create `originalDoc` is the version being duplicated, if any: nothing of it is this version's past.
  const previous = operation === 'update' ? originalDoc : undefined
  const ruleSet = await ruleSetOf(req, data, previous)
  if (operation === 'create') {
    const latest = await req.payload.find({
      collection: 'rule-versions',
      where: { ruleSet: { equals: ruleSet.id } },
      sort: '-version',
      limit: 1,
      depth: 0,
      req,
      select: { version: true },
    })
    data.version = (latest.docs[0]?.version ?? 0) + 1
  }
  if (previous?.status === 'approved' || previous?.status === 'retired') return data
  const effectiveFrom = String(data.effectiveFrom ?? previous?.effectiveFrom ?? '').slice(0, 10)
  data.title = `${ruleSet.name} v${data.version ?? previous?.version} from ${effectiveFrom}`
  return data
}
