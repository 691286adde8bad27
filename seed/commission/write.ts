import type { Payload, PayloadRequest } from 'payload'

import { generatePeriods } from '../../engine/commission/calendar'
import { DEMO_CALENDAR, DEMO_COMPONENTS, DEMO_PAYEES, DEMO_PLAN, DEMO_UPFRONT } from './data'

/**
 * The commission demo: the dealers' tiers and bank accounts, bank details for everyone above them, the plan with an
 * approved first version, and the 2026 calendar. No run is made: the demo walk-through runs October 2026.
 */
export async function writeCommissionDemo(payload: Payload, req: PayloadRequest): Promise<void> {
  const all = await payload.find({ collection: 'participants', pagination: false, depth: 0, req })
  for (const participant of all.docs) {
    const payee = DEMO_PAYEES[participant.code ?? '']
    const fallbackAccount = `44100${String(participant.id).padStart(5, '0')}`
    await payload.update({
      collection: 'participants',
      id: participant.id,
      data: {
        dealerTier: payee?.dealerTier ?? (participant.kind === 'dealer' ? 'standard' : null),
        bankRoutingNumber: payee?.routing ?? '021000021',
        bankAccountNumber: payee?.account ?? fallbackAccount,
        bankAccountType: payee?.type ?? 'checking',
      } as never,
      req,
    })
  }
  const carriers = new Map(
    (await payload.find({ collection: 'carriers', pagination: false, depth: 0, req })).docs.map((c) => [c.code, c.id as number]),
  )
  const plans = new Map(
    (await payload.find({ collection: 'rate-plans', pagination: false, depth: 0, req })).docs.map((p) => [p.code, p.id as number]),
  )
  const plan = await payload.create({ collection: 'compensation-plans', data: DEMO_PLAN, req })
  await payload.create({
    collection: 'plan-versions',
    data: {
      plan: plan.id,
      effectiveFrom: '2026-01-01',
      status: 'approved',
      rounding: 'half-even',
      components: [
        {
          blockType: 'upfront',
          rows: DEMO_UPFRONT.map((row) => ({
            payout: row.payout,
            carrier: row.carrier ? carriers.get(row.carrier) : null,
            ratePlan: row.ratePlan ? plans.get(row.ratePlan) : null,
            activationType: row.activationType ?? null,
            dealerTier: row.dealerTier ?? null,
            featureCode: row.featureCode ?? null,
            amount: row.amount,
          })),
        },
        ...DEMO_COMPONENTS,
      ],
      notes: 'The plan as agreed for 2026.',
    } as never,
    req,
  })
  for (const period of generatePeriods(DEMO_CALENDAR.frequency, DEMO_CALENDAR.from, DEMO_CALENDAR.count)) {
    await payload.create({
      collection: 'commission-periods',
      data: { ...period, frequency: DEMO_CALENDAR.frequency, cycle: 'regular', status: 'open' },
      req,
    })
  }
}
