import type { Payload, PayloadRequest } from 'payload'

import { PROPOSAL_DEMO, SERVICES } from './data'

/**
 * The proposal demo: the service catalog, the default commission rule, a national advertising program and the
 * "Proposal commissions" plan with an approved version. No proposal is made: the walk-through makes one.
 */
export async function writeProposalDemo(payload: Payload, req: PayloadRequest): Promise<void> {
  for (const service of SERVICES) await payload.create({ collection: 'services', data: { ...service, currency: 'USD', active: true }, req })
  await payload.create({ collection: 'commission-rules', data: PROPOSAL_DEMO.defaultRule as never, req })
  for (const program of PROPOSAL_DEMO.programs) await payload.create({ collection: 'advertising-programs', data: program as never, req })
  const plan = await payload.create({ collection: 'compensation-plans', data: PROPOSAL_DEMO.plan, req })
  await payload.create({
    collection: 'plan-versions',
    data: {
      plan: plan.id,
      effectiveFrom: '2026-01-01',
      status: 'approved',
      rounding: 'half-even',
      components: [{ blockType: 'proposal_commission' }, { blockType: 'advertising' }],
      notes: 'Proposal commissions as agreed for 2026.',
    } as never,
    req,
  })
}
