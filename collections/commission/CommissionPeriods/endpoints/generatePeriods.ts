import type { Endpoint } from 'payload'

import {
  generatePeriods,
  PERIOD_CYCLES,
  PERIOD_FREQUENCIES,
  type PeriodCycle,
  type PeriodFrequency,
} from '../../../../engine/commission/calendar'
import { errorResponse } from '../../../../modules/core/http'

/**
 * POST /api/commission-periods/generate {frequency, cycle?, from, count}: creates consecutive periods of the calendar,
 * skipping any that exist already. Access is the collection's create access (through the Local API as the user).
 */
export const generatePeriodsEndpoint: Endpoint = {
  path: '/generate',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'log in first')
    const parsed: unknown = await req.json?.().catch(() => null)
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      return errorResponse(400, 'send a JSON object: {frequency, cycle?, from, count}')
    const body = parsed as { frequency?: string; cycle?: string; from?: string; count?: number }
    const frequency = body.frequency as PeriodFrequency
    const cycle = (body.cycle ?? 'regular') as PeriodCycle
    if (!PERIOD_FREQUENCIES.includes(frequency)) return errorResponse(400, `frequency must be one of ${PERIOD_FREQUENCIES.join(', ')}`)
    if (!PERIOD_CYCLES.includes(cycle)) return errorResponse(400, `cycle must be one of ${PERIOD_CYCLES.join(', ')}`)
    let dates
    try {
      dates = generatePeriods(frequency, String(body.from ?? ''), Number(body.count ?? 0))
    } catch (err) {
      return errorResponse(400, (err as Error).message)
    }
    const created: number[] = []
    for (const period of dates) {
      const existing = await req.payload.find({
        collection: 'commission-periods',
        where: { frequency: { equals: frequency }, cycle: { equals: cycle }, startsOn: { equals: period.startsOn } },
        limit: 1,
        depth: 0,
        req,
      })
      if (existing.docs.length > 0) continue
      const doc = await req.payload.create({
        collection: 'commission-periods',
        data: { ...period, frequency, cycle, label: cycle === 'advance' ? `${period.label} (advance)` : period.label, status: 'open' },
        req,
        overrideAccess: false,
        user: req.user,
      })
      created.push(doc.id as number)
    }
    return Response.json({ created: created.length, skipped: dates.length - created.length, ids: created })
  },
}
