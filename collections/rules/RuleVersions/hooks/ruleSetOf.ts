import type { PayloadRequest } from 'payload'

import type { RuleSet, RuleVersion } from '../../../../payload-types'

import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import { findOrNull } from '../../../../modules/core/findOrNull'

/** The rule set a version being saved belongs to (read in the save's transaction), or a field error on `ruleSet`. */
export async function ruleSetOf(req: PayloadRequest, data: Partial<RuleVersion>, originalDoc?: RuleVersion): Promise<RuleSet> {
  const id = relationId(data.ruleSet ?? originalDoc?.ruleSet)
  if (id === null) throw fieldError('rule-versions', 'ruleSet', 'choose the rule set this version belongs to')
  const ruleSet = await findOrNull(req.payload.findByID({ collection: 'rule-sets', id, depth: 0, req }))
  if (!ruleSet) throw fieldError('rule-versions', 'ruleSet', `rule set #${id} does not exist`)
  return ruleSet
}

/** How messages name a version: "Commission amounts v3" (or "the new version of …" before it has a number). */
export function versionLabel(ruleSet: RuleSet, version: number | null | undefined): string {
  return version ? `${ruleSet.name} v${version}` : `the new version of ${ruleSet.name}`
}
