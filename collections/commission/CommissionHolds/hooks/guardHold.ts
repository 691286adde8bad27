import type { CollectionBeforeChangeHook } from 'payload'

import type { CommissionHold } from '../../../../payload-types'

import { currentUser } from '../../../../access/core/user'
import { lockedLineProblem } from '../../../../modules/commission/lockedLine'
import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'

/** A hold names exactly its one target (a line only of a locked run); its target never changes; once released it stays released. */
const TARGETS = ['participant', 'sale', 'line'] as const
type Target = (typeof TARGETS)[number]
const isTarget = (value: string): value is Target => (TARGETS as readonly string[]).includes(value)

export const guardHold: CollectionBeforeChangeHook<CommissionHold> = async ({ data, operation, originalDoc, req }) => {
  if (operation === 'update') {
    if (originalDoc?.status === 'released')
      throw fieldError('commission-holds', 'status', 'this hold is released; place a new hold instead')
    for (const field of ['target', ...TARGETS] as const) {
      if (
        field in data &&
        String(relationId(data[field]) ?? data[field] ?? '') !== String(relationId(originalDoc?.[field]) ?? originalDoc?.[field] ?? '')
      ) {
        throw fieldError('commission-holds', field, 'the target of a hold cannot change; release it and place a new one')
      }
    }
    if (data.status === 'released') {
      data.releasedAt = new Date().toISOString()
      data.releasedBy = currentUser(req)?.id ?? null
    }
    return data
  }
  const target = String(data.target ?? '')
  const id = isTarget(target) ? relationId(data[target]) : null
  if (!isTarget(target) || id === null) throw fieldError('commission-holds', target || 'target', `choose the ${target || 'target'} to hold`)
  if (target === 'line') {
    const problem = await lockedLineProblem(req, id)
    if (problem) throw fieldError('commission-holds', 'line', problem)
  }
  for (const other of TARGETS.filter((field) => field !== target)) data[other] = null
  data.status = 'active'
  data.title = `Hold on ${target} #${id}`
  return data
}
