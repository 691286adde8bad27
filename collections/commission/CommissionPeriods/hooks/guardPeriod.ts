import type { CollectionBeforeChangeHook } from 'payload'

import type { CommissionPeriod } from '../../../../payload-types'

import { periodProblems, type PeriodFrequency } from '../../../../engine/commission/calendar'
import { fieldError } from '../../../../hooks/core/fieldError'

/** A locked period is immutable; dates must make a whole period of its frequency; status changes only by locking a run. */
export const guardPeriod: CollectionBeforeChangeHook<CommissionPeriod> = ({ data, operation, originalDoc, context }) => {
  if (operation === 'update' && originalDoc?.status === 'locked') {
    throw fieldError(
      'commission-periods',
      'status',
      `period ${originalDoc.label} is locked and can no longer be changed; post a debit or credit note in an open period instead`,
    )
  }
  if (!context?.lockingPeriod) {
    data.status = originalDoc?.status ?? 'open'
    delete data.lockedAt
    delete data.lockedBy
  }
  const frequency = (data.frequency ?? originalDoc?.frequency) as PeriodFrequency
  const startsOn = String(data.startsOn ?? originalDoc?.startsOn ?? '').slice(0, 10)
  const endsOn = String(data.endsOn ?? originalDoc?.endsOn ?? '').slice(0, 10)
  const problem = periodProblems(frequency, startsOn, endsOn)[0]
  if (problem) throw fieldError('commission-periods', 'endsOn', problem)
  return data
}
