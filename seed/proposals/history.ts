import { createLocalReq, type PayloadRequest } from 'payload'
import type { PoolClient } from 'pg'

import { D } from '../../engine/core/decimal'
import type { ApprovalActionKind } from '../../engine/proposals/approval'
import { billingLineKey, type BillingLineRow } from '../../engine/ingest'
import { writeBillingLines } from '../../modules/ingest'
import { actOnProposal } from '../../modules/proposals/proposalFlow'
import type { User } from '../../payload-types'
import { dayOf, noonOf, type HistoryContext, type HistoryMonth } from '../history/context'
import { finishImport, startImport } from '../ingest/history'

/**
 * The proposal side of the demo's history: Leo Park's proposals (Summit Wireless, Pacific territory) in every state
 * of the approval chain, each taken there step by step on the real path (`actOnProposal`, as the endpoints do, each
 * step by the login whose turn it is); the accepted ones became clients billed every month since, through the
 * billing import; and a territory advertising program next to the national one.
 */
type Target = 'draft' | 'submitted' | 'returned' | 'rejected' | 'approved' | 'sent' | 'accepted' | 'declined' | 'expired'

type HistoryProposal = {
  company: string
  target: Target
  /** The history month the proposal was made in (0 = oldest). */
  month: number
  services: { code: string; quantity: number }[]
  /** Agent's own proposed rate, percent. */
  rate: string
  /** submitted: how many approvals it already has (0: waits for the agent manager). */
  approvals?: number
  comment?: string
}

const SERVICE_CODES = ['MGD-MOB', 'FLEET-TRK', 'HELPDESK', 'ONBOARD'] as const

export const HISTORY_PROPOSALS: readonly HistoryProposal[] = [
  {
    company: 'Redwood Logistics',
    target: 'accepted',
    month: 0,
    services: [
      { code: 'MGD-MOB', quantity: 2 },
      { code: 'FLEET-TRK', quantity: 10 },
    ],
    rate: '10',
  },
  {
    company: 'Cascade Builders',
    target: 'accepted',
    month: 2,
    services: [
      { code: 'HELPDESK', quantity: 1 },
      { code: 'MGD-MOB', quantity: 1 },
      { code: 'ONBOARD', quantity: 1 },
    ],
    rate: '10',
  },
  { company: 'Sierra Foods', target: 'accepted', month: 5, services: [{ code: 'MGD-MOB', quantity: 4 }], rate: '10' },
  {
    company: 'Harborview Clinics',
    target: 'accepted',
    month: 8,
    services: [
      { code: 'FLEET-TRK', quantity: 6 },
      { code: 'HELPDESK', quantity: 2 },
    ],
    rate: '10',
  },
  { company: 'Pinecrest Schools', target: 'declined', month: 3, services: [{ code: 'MGD-MOB', quantity: 3 }], rate: '10' },
  { company: 'Summit Ridge Resorts', target: 'expired', month: 6, services: [{ code: 'HELPDESK', quantity: 3 }], rate: '10' },
  { company: 'Golden Gate Couriers', target: 'sent', month: 11, services: [{ code: 'FLEET-TRK', quantity: 25 }], rate: '10' },
  { company: 'Bayside Dental', target: 'approved', month: 11, services: [{ code: 'HELPDESK', quantity: 1 }], rate: '10' },
  { company: 'Mesa Verde Farms', target: 'submitted', month: 10, services: [{ code: 'MGD-MOB', quantity: 2 }], rate: '10', approvals: 2 },
  {
    company: 'Coastline Storage',
    target: 'submitted',
    month: 11,
    services: [{ code: 'FLEET-TRK', quantity: 4 }],
    rate: '10',
    approvals: 0,
  },
  {
    company: 'Alder Street Bakery',
    target: 'returned',
    month: 9,
    services: [{ code: 'MGD-MOB', quantity: 1 }],
    rate: '10',
    comment: 'Add the help desk service: they asked for it on the call.',
  },
  {
    company: 'Lakeside Motors',
    target: 'rejected',
    month: 7,
    services: [{ code: 'FLEET-TRK', quantity: 2 }],
    rate: '10',
    comment: 'Lakeside already buys fleet tracking from us through Coastal.',
  },
  { company: 'Orchard Veterinary', target: 'draft', month: 11, services: [{ code: 'HELPDESK', quantity: 1 }], rate: '10' },
]

/** The author and, nearest first, the logins that approve for each level of the author's chain. */
const AUTHOR = 'leo.park@summit.example'
const APPROVERS = ['dana.ruiz@summit.example', 'admin@pacific.example', 'admin@summit.example', 'admin@northwind.example']

/** The steps that take a new proposal to its target status, each with the login that takes it. */
function stepsTo(p: HistoryProposal): { kind: ApprovalActionKind; by: string | null; comment?: string }[] {
  const approvals = (n: number) => APPROVERS.slice(0, n).map((by) => ({ kind: 'approve' as const, by, comment: 'Approved.' }))
  const sent = [{ kind: 'submit' as const, by: AUTHOR }, ...approvals(4), { kind: 'send' as const, by: APPROVERS[3]! }]
  switch (p.target) {
    case 'draft':
      return []
    case 'submitted':
      return [{ kind: 'submit', by: AUTHOR }, ...approvals(p.approvals ?? 0)]
    case 'returned':
      return [
        { kind: 'submit', by: AUTHOR },
        { kind: 'return', by: APPROVERS[0]!, comment: p.comment },
      ]
    case 'rejected':
      return [{ kind: 'submit', by: AUTHOR }, ...approvals(1), { kind: 'reject', by: APPROVERS[1]!, comment: p.comment }]
    case 'approved':
      return [{ kind: 'submit', by: AUTHOR }, ...approvals(4)]
    case 'sent':
      return sent
    case 'accepted':
    case 'declined':
    case 'expired':
      return [...sent, { kind: p.target === 'accepted' ? 'accept' : p.target === 'declined' ? 'decline' : 'expire', by: null }]
  }
}

export type ProposalHistory = { count: number; clients: { prospect: number; month: number; services: HistoryProposal['services'] }[] }

/** Creates the proposals and takes each through its steps; dates them in their month. */
export async function writeProposalHistory(ctx: HistoryContext): Promise<ProposalHistory> {
  const { payload } = ctx
  const logins = new Map<string, User>()
  // A fresh request per step, as each HTTP request is one: a step leaves its own context on the request it was given.
  const reqOf = async (email: string): Promise<PayloadRequest> => {
    if (!logins.has(email))
      logins.set(email, (await payload.findByID({ collection: 'users', id: ctx.users.get(email)!, depth: 0 })) as User)
    return createLocalReq({ user: { ...logins.get(email)!, collection: 'users' } as never }, payload)
  }
  const services = new Map(
    (await ctx.pool.query<{ id: number; code: string }>(`select id, code from services where code = any($1)`, [SERVICE_CODES])).rows.map(
      (s) => [s.code, s.id],
    ),
  )
  const territory = (await ctx.pool.query<{ id: number }>(`select id from territories where code = 'US-W'`)).rows[0]!.id
  const agent = ctx.participants.get('SUM-PAC-AG1')!
  const one = async (p: HistoryProposal): Promise<ProposalHistory['clients'][number] | null> => {
    const author = await reqOf(AUTHOR)
    const prospect = await payload.create({
      collection: 'prospects',
      data: {
        company: p.company,
        territory,
        contacts: [{ name: `Buyer at ${p.company}`, email: `buyer@${p.company.toLowerCase().replace(/\W+/g, '')}.example` }],
      } as never,
      req: author,
      overrideAccess: false,
      user: author.user,
      depth: 0,
    })
    const proposal = await payload.create({
      collection: 'proposals',
      data: {
        prospect: prospect.id,
        services: p.services.map((s) => ({ service: services.get(s.code)!, quantity: s.quantity })),
        terms: [{ participant: agent, kind: 'percent', rate: p.rate }],
      } as never,
      req: author,
      overrideAccess: false,
      user: author.user,
      depth: 0,
    })
    for (const step of stepsTo(p)) {
      const req = step.by ? await reqOf(step.by) : await createLocalReq({}, payload)
      const actor = req.user as User | undefined
      const doc = await payload.findByID({ collection: 'proposals', id: proposal.id, depth: 0, overrideAccess: true })
      const participant = actor?.participant
      const outcome = await actOnProposal(req, doc as never, {
        kind: step.kind,
        actorUserId: actor ? Number(actor.id) : null,
        actorParticipantId: typeof participant === 'object' && participant ? participant.id : (participant ?? null),
        actorRoles: actor?.roles ?? [],
        comment: step.comment,
      })
      if (!outcome.ok) throw new Error(`the history's proposal for ${p.company} could not ${step.kind}: ${outcome.reason}`)
    }
    await dateProposal(ctx, proposal.id as number, prospect.id as number, ctx.months[p.month]!)
    return p.target === 'accepted' ? { prospect: prospect.id as number, month: p.month, services: p.services } : null
  }
  const clients: ProposalHistory['clients'] = []
  for (const p of HISTORY_PROPOSALS) {
    const client = await one(p)
    if (client) clients.push(client)
  }
  return { count: HISTORY_PROPOSALS.length, clients }
}

/** The proposal made on the 6th of its month, each later step a day after the one before. */
async function dateProposal(ctx: HistoryContext, proposal: number, prospect: number, month: HistoryMonth): Promise<void> {
  const made = noonOf(dayOf(month, 6))
  await ctx.pool.query(`update prospects set created_at = $2, updated_at = $2 where id = $1`, [prospect, made])
  await ctx.pool.query(`update proposals_history set at = $2::timestamptz + (_order - 1) * interval '1 day' where _parent_id = $1`, [
    proposal,
    made,
  ])
  await ctx.pool.query(
    `update proposals set created_at = $2, updated_at = coalesce((select max(at) from proposals_history where _parent_id = $1), $2) where id = $1`,
    [proposal, made],
  )
}

/** A territory advertising program next to the national one: West region radio, 2 %, for five months of the history. */
export async function writeAdvertisingHistory(ctx: HistoryContext): Promise<void> {
  const territory = (await ctx.pool.query<{ id: number }>(`select id from territories where code = 'US-W'`)).rows[0]!.id
  await ctx.payload.create({
    collection: 'advertising-programs',
    data: {
      name: 'West region radio',
      kind: 'territory',
      territory,
      percent: '2',
      startsOn: ctx.months[4]!.start,
      endsOn: ctx.months[8]!.end,
    } as never,
    depth: 0,
  })
}

const CHARGE_DAYS = { monthly: [1], biweekly: [1, 15], weekly: [1, 8, 15, 22, 29] } as const

/**
 * The billing engine's export of one month, imported: every client's charges for its services (monthly once, biweekly
 * twice, weekly on each week's first day), the onboarding fee (not commissionable) in the client's first month.
 */
export async function writeBillingMonth(
  client: PoolClient,
  ctx: HistoryContext,
  clients: ProposalHistory['clients'],
  month: HistoryMonth,
): Promise<number> {
  const billed = clients.filter((c) => c.month <= month.index)
  if (billed.length === 0) return 0
  const catalog = new Map(
    (
      await client.query<{ id: number; code: string; price: string; frequency: keyof typeof CHARGE_DAYS; commissionable: boolean }>(
        `select id, code, price::text as price, billing_frequency::text as frequency, commissionable from services`,
      )
    ).rows.map((s) => [s.code, s]),
  )
  const rows: BillingLineRow[] = []
  for (const c of billed)
    for (const line of c.services) {
      const service = catalog.get(line.code)!
      if (!service.commissionable && c.month !== month.index) continue
      const charged = new D(service.price).times(line.quantity).toFixed(2)
      for (const day of CHARGE_DAYS[service.frequency]) {
        if (day > Number(month.end.slice(8, 10))) continue
        const chargedOn = dayOf(month, day)
        rows.push({
          clientId: c.prospect,
          serviceId: service.id,
          chargedOn,
          frequency: service.frequency,
          charged,
          commissionable: service.commissionable ? charged : '0.00',
          nonCommissionable: service.commissionable ? '0.00' : charged,
        })
      }
    }
  const unique = [...new Map(rows.map((row) => [billingLineKey(row), row])).values()]
  const importId = await startImport(client, {
    mapping: 'Billing engine export (standard template)',
    source: 'billing_lines',
    filename: `history-${month.key}-billing.csv`,
    at: noonOf(dayOf(month, 28)),
  })
  const written = await writeBillingLines(
    client,
    unique.map((row, i) => ({ row, provenance: { importId, sourceRow: i + 2, naturalKey: billingLineKey(row) } })),
  )
  await finishImport(client, importId, { accepted: unique.length, inserted: written.inserted, updated: written.updated, rejections: [] })
  return unique.length
}
