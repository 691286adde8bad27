import type { Endpoint } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
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
  custom: apiDoc({
    summary: 'Generate commission periods',
    description:
      'Creates `count` consecutive periods of the pay calendar from a date (monthly periods run from the 1st to the last day of each month; biweekly and weekly ones start on `from`), skipping any that exist already. New periods are open.',
    access: 'Company admins and finance (the collection’s create access).',
    body: {
      required: true,
      schema: s.obj({
        frequency: s.oneOf(['monthly', 'biweekly', 'weekly']),
        'cycle?': s.oneOf(['regular', 'advance'], 'Regular pay cycle (default) or the extra cycle advances are paid in.'),
        from: s.day('The first period’s start (for monthly periods, any day of the first month).'),
        count: { type: 'integer', minimum: 1, maximum: 120, description: 'How many periods, 1 to 120.' },
      }),
    },
    responses: {
      200: {
        description: 'How many periods were created and skipped, and the ids of the new ones.',
        schema: s.obj({ created: s.int(), skipped: s.int('Periods that existed already.'), ids: s.arr(s.int()) }),
      },
    },
  }),
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
