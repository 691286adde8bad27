import type { CollectionBeforeChangeHook } from 'payload'

import { currentUser } from '../../../../access/core/user'
import type { ScheduleLine } from '../../../../engine/telecom/pricing'
import { scheduleLineProblems } from '../../../../engine/telecom/schedule'
import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import { findOrNull } from '../../../../modules/core/findOrNull'
import type { PayoutSchedule } from '../../../../payload-types'

/**
 * Keeps schedule versions trustworthy: an approved version is frozen; a new version is numbered per carrier; lines
 * must name a plan of the same carrier, a feature code only on feature lines, and no two lines may pay for the same
 * thing. Approving stamps who approved it and when.
 */
export const guardScheduleVersion: CollectionBeforeChangeHook<PayoutSchedule> = async ({ data, operation, originalDoc, req }) => {
  if (operation === 'update' && originalDoc?.status === 'approved') {
    throw fieldError(
      'payout-schedules',
      'status',
      `version ${originalDoc.version} is approved and can no longer be changed; create a new version with a later effective date`,
    )
  }
  const carrierId = relationId(data.carrier ?? originalDoc?.carrier)
  if (carrierId === null) throw fieldError('payout-schedules', 'carrier', 'carrier is required')
  const carrier = await findOrNull(req.payload.findByID({ collection: 'carriers', id: carrierId, req, depth: 0 }))
  if (!carrier) throw fieldError('payout-schedules', 'carrier', `carrier #${carrierId} does not exist`)

  const plans = await req.payload.find({
    collection: 'rate-plans',
    where: { carrier: { equals: carrierId } },
    pagination: false,
    depth: 0,
    req,
    select: {},
  })
  const lines: ScheduleLine[] = (data.lines ?? originalDoc?.lines ?? []).map((line) => ({
    kind: line.kind,
    activationType: line.activationType || null,
    ratePlanId: relationId(line.ratePlan),
    featureCode: line.featureCode ? line.featureCode.trim().toUpperCase() : null,
    amount: String(line.amount ?? '0'),
  }))
  const problem = scheduleLineProblems(lines, new Set(plans.docs.map((plan) => plan.id)))[0]
  if (problem)
    throw fieldError('payout-schedules', `lines.${problem.index}.${problem.field}`, `line ${problem.index + 1}: ${problem.message}`)
  if (Array.isArray(data.lines)) {
    data.lines = data.lines.map((line, index) => ({ ...line, featureCode: lines[index]!.featureCode }))
  }

  if (operation === 'create') {
    const latest = await req.payload.find({
      collection: 'payout-schedules',
      where: { carrier: { equals: carrierId } },
      sort: '-version',
      limit: 1,
      depth: 0,
      req,
    })
    data.version = (latest.docs[0]?.version ?? 0) + 1
  }
  const version = data.version ?? originalDoc?.version
  const effectiveFrom = String(data.effectiveFrom ?? originalDoc?.effectiveFrom ?? '').slice(0, 10)
  data.title = `${carrier.code} v${version} from ${effectiveFrom}`
  if (data.status === 'approved') {
    data.approvedBy = currentUser(req)?.id ?? null
    data.approvedAt = new Date().toISOString()
  }
  return data
}
