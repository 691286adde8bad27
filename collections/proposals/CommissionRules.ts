import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { companyAdmins } from '../../access/core/companyAdmins'
import { staff } from '../../access/core/staff'
import { RULE_KINDS, RULE_SCOPES, ruleProblems, type CommissionRule, type RuleKind, type RuleScope } from '../../engine/proposals/rules'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { fieldError } from '../../hooks/core/fieldError'
import { relationId } from '../../hooks/core/relationId'
import { ruleChainProblem } from '../../modules/commission'

/**
 * Every rule is checked by the engine on save (keys its scope needs, no negative rate, percentages up to 100; the
 * engine's `parentId` is the field `parent`), and refused when a live proposal would then pay more than it earns
 * down its chain.
 */
const checkRule: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data }
  const rule: CommissionRule = {
    id: Number(merged.id ?? 0),
    scope: merged.scope as RuleScope,
    parentId: relationId(merged.parent),
    childId: relationId(merged.child),
    proposalId: relationId(merged.proposal),
    territoryId: relationId(merged.territory),
    serviceId: relationId(merged.service),
    kind: merged.kind as RuleKind,
    rate: String(merged.rate ?? ''),
    currency: String(merged.currency ?? 'USD'),
  }
  const problem = ruleProblems(rule)[0]
  if (problem) throw fieldError('commission-rules', problem.field.replace(/Id$/, ''), problem.message)
  const chain = await ruleChainProblem(req, rule)
  if (chain) throw fieldError('commission-rules', 'rate', chain)
  return data
}

/**
 * What a parent pays its child, as a percentage of commissionable billing or a fixed amount per month, for one
 * service or all. Four scopes; the most specific applies: proposal > territory > relationship > default
 * (`engine/proposals/rules.ts`, every pair tested).
 */
export const CommissionRules: CollectionConfig = {
  slug: 'commission-rules',
  lockDocuments: false,
  admin: { group: 'Proposals', defaultColumns: ['scope', 'parent', 'child', 'proposal', 'territory', 'service', 'kind', 'rate'] },
  access: { read: staff, create: companyAdmins, update: companyAdmins, delete: companyAdmins },
  hooks: { beforeChange: [checkRule], afterChange: [auditChange] },
  fields: [
    { name: 'scope', type: 'select', required: true, options: RULE_SCOPES.map((value) => ({ value, label: value })) },
    {
      type: 'row',
      fields: [
        { name: 'parent', type: 'relationship', relationTo: 'participants' },
        { name: 'child', type: 'relationship', relationTo: 'participants' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'proposal', type: 'relationship', relationTo: 'proposals' },
        { name: 'territory', type: 'relationship', relationTo: 'territories' },
        { name: 'service', type: 'relationship', relationTo: 'services', admin: { description: 'Empty: all services.' } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'percent',
          options: RULE_KINDS.map((value) => ({ value, label: value === 'percent' ? '% of commissionable billing' : 'Fixed per month' })),
        },
        { name: 'rate', type: 'text', required: true },
        { name: 'currency', type: 'text', required: true, defaultValue: 'USD' },
      ],
    },
  ],
}
