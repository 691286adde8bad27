import type { Payload } from 'payload'

import { previousMonthEnd } from '../../engine/commission/calendar'

/**
 * The run a schedule starts for a plan: the regular monthly period of the month before `now`'s month, which must be
 * in the calendar (an older month is never paid again by mistake). Created once (a retry of the job finds it again);
 * when the plan already has a posted run for that period — a company admin ran it by hand this month — nothing
 * more is run.
 */
export async function scheduledRun(payload: Payload, planId: number, jobId: number, now: Date): Promise<number | 'already-run'> {
  const monthEnd = previousMonthEnd(now.toISOString().slice(0, 10))
  const periods = await payload.find({
    collection: 'commission-periods',
    where: { frequency: { equals: 'monthly' }, cycle: { equals: 'regular' }, endsOn: { equals: monthEnd } },
    limit: 1,
    depth: 0,
  })
  const period = periods.docs[0]
  if (!period) throw new Error(`no regular monthly period ends on ${monthEnd}: generate the calendar for that month first`)
  const existing = await payload.find({
    collection: 'commission-runs',
    where: { period: { equals: period.id }, plan: { equals: planId }, mode: { equals: 'post' } },
    limit: 1,
    depth: 0,
  })
  const run = existing.docs[0]
  if (run && run.job !== jobId) return 'already-run'
  if (run) return run.id as number
  const created = await payload.create({
    collection: 'commission-runs',
    data: { period: period.id, plan: planId, mode: 'post', job: jobId } as never,
    context: { skipQueue: true },
  })
  return created.id as number
}
