import type { CollectionBeforeDeleteHook } from 'payload'

import { fieldError } from '../../../../hooks/core/fieldError'

/**
 * A rule set whose version was ever approved (approved or retired) is part of the record of what runs used: it is
 * never deleted. Otherwise its draft and submitted versions go with it, in the same transaction.
 */
export const refuseDeletingApprovedSet: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const used = await req.payload.find({
    collection: 'rule-versions',
    where: { and: [{ ruleSet: { equals: id } }, { status: { in: ['approved', 'retired'] } }] },
    limit: 1,
    depth: 0,
    req,
    select: { title: true },
  })
  const version = used.docs[0]
  if (version)
    throw fieldError(
      'rule-sets',
      'versions',
      `this rule set cannot be deleted: ${version.title ?? `version #${version.id}`} was approved; retire its versions instead`,
    )
  await req.payload.delete({
    collection: 'rule-versions',
    where: { ruleSet: { equals: id } },
    context: { deletingRuleSet: true },
    overrideAccess: true,
    req,
  })
}
