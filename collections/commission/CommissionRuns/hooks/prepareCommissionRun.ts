import type { CollectionBeforeChangeHook } from 'payload'

import type { CommissionRun } from '../../../../payload-types'

import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import { findOrNull } from '../../../../modules/core/findOrNull'

/** A new run is titled from its plan and period; refused for a locked period, and when the plan already has a posted run for the period. */
export const prepareCommissionRun: CollectionBeforeChangeHook<CommissionRun> = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const periodId = relationId(data.period)
  const planId = relationId(data.plan)
  const period =
    periodId === null ? null : await findOrNull(req.payload.findByID({ collection: 'commission-periods', id: periodId, depth: 0, req }))
  if (!period) throw fieldError('commission-runs', 'period', 'choose the period to run')
  const plan =
    planId === null ? null : await findOrNull(req.payload.findByID({ collection: 'compensation-plans', id: planId, depth: 0, req }))
  if (!plan) throw fieldError('commission-runs', 'plan', 'choose the compensation plan to run')
  if (period.status === 'locked' && data.mode !== 'preview') {
    throw fieldError(
      'commission-runs',
      'period',
      `period ${period.label} is locked; corrections are debit or credit notes in an open period`,
    )
  }
  if (data.mode !== 'preview') {
    const existing = await req.payload.find({
      collection: 'commission-runs',
      where: { period: { equals: periodId }, plan: { equals: planId }, mode: { equals: 'post' } },
      limit: 1,
      depth: 0,
      req,
    })
    const earlier = existing.docs[0]
    if (earlier) {
      throw fieldError(
        'commission-runs',
        'period',
        `${plan.name} was already run for ${period.label} (run #${earlier.id}, ${String(earlier.status).replace(/_/g, ' ')}): a second payout run for the same period is refused; open that run to run it again while the period is open`,
      )
    }
  }
  data.title = `${plan.name} · ${period.label}${data.mode === 'preview' ? ' (preview)' : ''}`
  data.status = 'queued'
  return data
}
