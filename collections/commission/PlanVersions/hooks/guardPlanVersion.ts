import type { CollectionBeforeChangeHook } from 'payload'

import type { PlanVersion } from '../../../../payload-types'

import { currentUser, hasRole } from '../../../../access/core/user'
import { versionProblems } from '../../../../engine/commission/components/registry'
import { componentsFromBlocks } from '../../../../modules/commission/versionData'
import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import { findOrNull } from '../../../../modules/core/findOrNull'

/**
 * Keeps plan versions trustworthy: an approved version is frozen; only a company admin approves; every component is
 * validated by its engine module (overlapping or gapped tiers, negative rates, plans of another carrier…) and the
 * first problem is reported on its field; versions are numbered per plan.
 */
export const guardPlanVersion: CollectionBeforeChangeHook<PlanVersion> = async ({ data, operation, originalDoc, req }) => {
  if (operation === 'update' && originalDoc?.status === 'approved') {
    throw fieldError(
      'plan-versions',
      'status',
      `version ${originalDoc.version} is approved and can no longer be changed; create a new version with a later effective date`,
    )
  }
  const planId = relationId(data.plan ?? originalDoc?.plan)
  if (planId === null) throw fieldError('plan-versions', 'plan', 'plan is required')
  const plan = await findOrNull(req.payload.findByID({ collection: 'compensation-plans', id: planId, req, depth: 0 }))
  if (!plan) throw fieldError('plan-versions', 'plan', `plan #${planId} does not exist`)

  const [plans, carriers] = await Promise.all([
    req.payload.find({ collection: 'rate-plans', pagination: false, depth: 0, req, select: { carrier: true } }),
    req.payload.find({ collection: 'carriers', pagination: false, depth: 0, req, select: {} }),
  ])
  const catalog = {
    ratePlanCarrier: new Map(plans.docs.map((p) => [p.id, relationId(p.carrier) ?? 0])),
    carrierIds: new Set(carriers.docs.map((c) => c.id)),
  }
  let components
  try {
    components = componentsFromBlocks(data.components ?? originalDoc?.components ?? [])
  } catch (err) {
    throw fieldError('plan-versions', 'components', (err as Error).message)
  }
  const problem = versionProblems(components, catalog)[0]
  if (problem)
    throw fieldError('plan-versions', problem.path ? `components.${problem.component}.${problem.path}` : 'components', problem.message)

  if (operation === 'create') {
    const latest = await req.payload.find({
      collection: 'plan-versions',
      where: { plan: { equals: planId } },
      sort: '-version',
      limit: 1,
      depth: 0,
      req,
    })
    data.version = (latest.docs[0]?.version ?? 0) + 1
  }
  const effectiveFrom = String(data.effectiveFrom ?? originalDoc?.effectiveFrom ?? '').slice(0, 10)
  data.title = `${plan.name} v${data.version ?? originalDoc?.version} from ${effectiveFrom}`
  if (data.status === 'approved') {
    const user = currentUser(req)
    if (user && !hasRole(user, 'company_admin')) throw fieldError('plan-versions', 'status', 'only a company admin approves a plan version')
    data.approvedBy = user?.id ?? null
    data.approvedAt = new Date().toISOString()
  }
  return data
}
