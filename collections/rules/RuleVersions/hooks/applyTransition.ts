import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import type { RuleVersion } from '../../../../payload-types'

import { currentUser } from '../../../../access/core/user'
import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import {
  RULE_EDIT_FIELDS,
  RULE_USER_FIELDS,
  sameValue,
  transitionRefusal,
  type RuleVersionStatus,
} from '../../../../modules/rules/governance'
import { ruleSetOf, versionLabel } from './ruleSetOf'

/** A field's value as governance compares it: relationship ids, calendar days, test cases without their row ids. */
function comparable(field: string, value: unknown): unknown {
  if (field === 'ruleSet') return relationId(value)
  if (field === 'effectiveFrom') return value ? String(value).slice(0, 10) : null
  if (field === 'notes') return value || null
  if (field === 'testCases')
    return ((value as { name?: unknown; inputs?: unknown; expected?: unknown }[] | null | undefined) ?? []).map((row) => ({
      name: row.name ?? null,
      inputs: row.inputs ?? null,
      expected: row.expected ?? null,
    }))
  return value ?? null
}

/**
 * Enforces the lifecycle (`modules/rules/governance.ts` decides) and records who did what: an edit of the rule, its
 * tests or its date makes the user the last editor; submitting, approving and retiring stamp who and when.
 */
export const applyTransition: CollectionBeforeChangeHook<RuleVersion> = async ({ data, operation, originalDoc, req }) => {
  // On create `originalDoc` is the version being duplicated, if any: nothing of it is this version's past.
  const previous = operation === 'update' ? originalDoc : undefined
  const ruleSet = await ruleSetOf(req, data, previous)
  const from = operation === 'create' ? null : ((previous?.status ?? 'draft') as RuleVersionStatus)
  const to = (data.status ?? from ?? 'draft') as RuleVersionStatus
  const before = (previous ?? {}) as Record<string, unknown>
  const after = data as Record<string, unknown>
  const changed =
    operation === 'create'
      ? []
      : RULE_USER_FIELDS.filter((f) => f !== 'status' && f in after && !sameValue(comparable(f, after[f]), comparable(f, before[f])))
  const user = currentUser(req)
  const refusal = transitionRefusal({
    versionLabel: versionLabel(ruleSet, previous?.version),
    from,
    to,
    changed,
    lastEditedBy: relationId(previous?.lastEditedBy),
    actor: user ? { id: user.id, roles: user.roles ?? [] } : null,
  })
  if (refusal) throw fieldError('rule-versions', refusal.path, refusal.message)
  if (to === 'approved' && from !== 'approved') await refuseSecondApprovalOnDay(req, ruleSet.id, previous)

  const now = new Date().toISOString()
  if (operation === 'create' || changed.some((f) => (RULE_EDIT_FIELDS as readonly string[]).includes(f)))
    data.lastEditedBy = user?.id ?? null
  if (to !== from) {
    if (to === 'submitted') Object.assign(data, { submittedBy: user?.id ?? null, submittedAt: now })
    if (to === 'draft') Object.assign(data, { submittedBy: null, submittedAt: null })
    if (to === 'approved') Object.assign(data, { approvedBy: user?.id ?? null, approvedAt: now })
    if (to === 'retired') data.retiredAt = now
  }
  return data
}

/** Two approved versions of a set never start on the same day: which one is in force would be ambiguous. */
async function refuseSecondApprovalOnDay(req: PayloadRequest, ruleSetId: number, version: RuleVersion | undefined): Promise<void> {
  if (!version) return
  const day = String(version.effectiveFrom).slice(0, 10)
  const same = await req.payload.find({
    collection: 'rule-versions',
    where: {
      and: [
        { ruleSet: { equals: ruleSetId } },
        { status: { equals: 'approved' } },
        { effectiveFrom: { equals: day } },
        { id: { not_equals: version.id } },
      ],
    },
    limit: 1,
    depth: 0,
    req,
    select: { title: true },
  })
  const other = same.docs[0]
  if (other)
    throw fieldError(
      'rule-versions',
      'status',
      `${other.title ?? `version #${other.id}`} is already approved from ${day}; retire it first, or give this version another effective date`,
    )
}
