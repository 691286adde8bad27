import type { Payload } from 'payload'

import { mayDecideFor } from '../proposals'
import type { StatementBreakdown } from '../../engine/commission'
import type { CommissionStatement, Participant, Payment, Proposal, Prospect, User } from '../../payload-types'

/** One row of each portal list, plain data for the page. */
export type PortalProposal = { id: number; title: string; company: string; status: string; waitingFor: string | null; updatedAt: string }
export type PortalProspect = { id: number; company: string; status: string; clientCode: string | null; territory: string | null }
export type PortalStatement = {
  id: number
  title: string
  period: string
  currency: string
  total: string
  payable: string
  generatedAt: string | null
  breakdown: StatementBreakdown
}
export type PortalPayment = { id: number; batch: string; amount: string; currency: string; status: string; paidAt: string | null }

export type PortalOverview = {
  participant: { id: number; name: string; code: string | null }
  waiting: PortalProposal[]
  proposals: PortalProposal[]
  prospects: PortalProspect[]
  clients: PortalProspect[]
  statements: PortalStatement[]
  payments: PortalPayment[]
}

const LIST_LIMIT = 50

function nameOf(value: unknown): string | null {
  return typeof value === 'object' && value !== null && 'name' in value ? String((value as { name: unknown }).name) : null
}

function proposalRow(doc: Proposal): PortalProposal {
  const prospect = doc.prospect as Prospect | number
  return {
    id: doc.id,
    title: doc.title ?? `Proposal #${doc.id}`,
    company: typeof prospect === 'object' ? prospect.company : '',
    status: doc.status,
    waitingFor: doc.status === 'submitted' ? (doc.waitingForName ?? null) : null,
    updatedAt: doc.updatedAt,
  }
}

function prospectRow(doc: Prospect): PortalProspect {
  return { id: doc.id, company: doc.company, status: doc.status, clientCode: doc.clientCode ?? null, territory: nameOf(doc.territory) }
}

/** The submitted proposals waiting for the participant, when the login's roles decide them (none for user roles, agents and referrers). */
async function waitingForLogin(payload: Payload, user: User, participantId: number): Promise<Proposal[]> {
  if (!(await mayDecideFor(payload, user, participantId))) return []
  const found = await payload.find({
    collection: 'proposals',
    where: { and: [{ waitingFor: { equals: participantId } }, { status: { equals: 'submitted' } }] },
    sort: '-updatedAt',
    depth: 1,
    limit: LIST_LIMIT,
    user,
    overrideAccess: false,
  })
  return found.docs as Proposal[]
}

/**
 * Everything the portal's home shows a participant, read through the Local API as the logged-in user with
 * `overrideAccess: false`: the foundation's row-level rules decide what is visible, exactly as over REST.
 * Statements and payments are the participant's own (the rules would also let managers read their subtree's).
 */
export async function portalOverview(payload: Payload, user: User, participantId: number): Promise<PortalOverview> {
  const asUser = { user, overrideAccess: false } as const
  const [participant, waiting, proposals, prospects, clients, statements, payments] = await Promise.all([
    payload.findByID({ collection: 'participants', id: participantId, depth: 0, ...asUser }) as Promise<Participant>,
    waitingForLogin(payload, user, participantId),
    payload.find({ collection: 'proposals', sort: '-updatedAt', depth: 1, limit: LIST_LIMIT, ...asUser }),
    payload.find({
      collection: 'prospects',
      where: { status: { not_equals: 'client' } },
      sort: 'company',
      depth: 1,
      limit: LIST_LIMIT,
      ...asUser,
    }),
    payload.find({
      collection: 'prospects',
      where: { status: { equals: 'client' } },
      sort: 'company',
      depth: 1,
      limit: LIST_LIMIT,
      ...asUser,
    }),
    payload.find({
      collection: 'commission-statements',
      where: { participant: { equals: participantId } },
      sort: '-generatedAt',
      depth: 1,
      limit: 24,
      ...asUser,
    }),
    payload.find({
      collection: 'payments',
      where: { payee: { equals: participantId } },
      sort: '-createdAt',
      depth: 1,
      limit: LIST_LIMIT,
      ...asUser,
    }),
  ])
  return {
    participant: { id: participant.id, name: participant.name, code: participant.code ?? null },
    waiting: waiting.map(proposalRow),
    proposals: (proposals.docs as Proposal[]).map(proposalRow),
    prospects: (prospects.docs as Prospect[]).map(prospectRow),
    clients: (clients.docs as Prospect[]).map(prospectRow),
    statements: (statements.docs as CommissionStatement[]).map((doc) => ({
      id: doc.id,
      title: doc.title ?? `Statement #${doc.id}`,
      period: typeof doc.period === 'object' && doc.period !== null ? doc.period.label : '',
      currency: doc.currency ?? '',
      total: String(doc.total ?? '0'),
      payable: String(doc.payable ?? '0'),
      generatedAt: doc.generatedAt ?? null,
      breakdown: (Array.isArray(doc.summary) ? doc.summary : []) as StatementBreakdown,
    })),
    payments: (payments.docs as Payment[]).map((doc) => ({
      id: doc.id,
      batch:
        typeof doc.batch === 'object' && doc.batch !== null
          ? String((doc.batch as { title?: string | null }).title ?? `Batch #${doc.batch.id}`)
          : `Batch #${doc.batch}`,
      amount: String(doc.amount),
      currency: doc.currency,
      status: doc.status,
      paidAt: doc.paidAt ?? null,
    })),
  }
}
