import type { Payload, Where } from 'payload'

import { participantIdOf, type AccessUser } from '../../access/core/user'
import { stepRoleProblem } from '../../engine/proposals/approval'
import { serviceAmounts } from '../../engine/proposals/serviceAmounts'
import type { Proposal, Prospect, Service, User } from '../../payload-types'

/** The statuses a proposal waits on someone in: approval while submitted, sending (by the top) once approved. */
export type QueueStatus = 'submitted' | 'approved'

/** One proposal of an approver's queue, ready to show. */
export type QueueRow = {
  id: number
  title: string
  prospect: string
  author: string
  /** When the author last submitted it (ISO), or null. */
  submittedAt: string | null
  /** When it reached the current step (the last history entry, else the last update; ISO). */
  arrivedAt: string
  /** Price × quantity summed per currency and billing frequency, e.g. ["USD 900.00 monthly"]. */
  amounts: string[]
}

/**
 * The proposals waiting for the login's participant that its roles let it decide (approve, return or reject while
 * submitted; send once approved), newest first; row-level access applies (the login's own reading rights).
 */
export async function waitingQueue(payload: Payload, user: AccessUser | null, status: QueueStatus = 'submitted'): Promise<QueueRow[]> {
  const where = await queueWhere(payload, user, status)
  if (!where) return []
  const found = await payload.find({
    collection: 'proposals',
    where,
    sort: '-updatedAt',
    depth: 1,
    limit: 100,
    user,
    overrideAccess: false,
  })
  return found.docs.map(toRow)
}

/** How many proposals wait for the login's participant (what the navigation shows). */
export async function waitingCount(payload: Payload, user: AccessUser | null, status: QueueStatus = 'submitted'): Promise<number> {
  const where = await queueWhere(payload, user, status)
  if (!where) return 0
  return (await payload.count({ collection: 'proposals', where, user, overrideAccess: false })).totalDocs
}

/** The filter of a login's queue, or null when nothing can wait for it (no participant, or roles that never decide there). */
async function queueWhere(payload: Payload, user: AccessUser | null, status: QueueStatus): Promise<Where | null> {
  const participantId = participantIdOf(user)
  if (participantId === null || !(await mayDecideFor(payload, user, participantId, status))) return null
  return { and: [{ waitingFor: { equals: participantId } }, { status: { equals: status } }] }
}

/**
 * Do the login's roles let it take the step a proposal waiting for its participant needs (`stepRoleProblem`): a
 * decision while submitted, sending once approved, at the top of the chain when its participant is the root.
 */
export async function mayDecideFor(
  payload: Payload,
  user: AccessUser | null,
  participantId: number,
  status: QueueStatus = 'submitted',
): Promise<boolean> {
  const step = status === 'approved' ? 'send' : 'approve'
  if (stepRoleProblem(user?.roles, step, 'anywhere') !== null) return false
  const participant = await payload.findByID({
    collection: 'participants',
    id: participantId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { parent: true },
  })
  if (!participant) return false
  return stepRoleProblem(user?.roles, step, participant.parent ? 'below' : 'top') === null
}

function toRow(doc: Proposal): QueueRow {
  const history = doc.history ?? []
  const submits = history.filter((entry) => entry.action === 'submit' && entry.at)
  return {
    id: doc.id,
    title: doc.title ?? `Proposal ${doc.id}`,
    prospect: typeof doc.prospect === 'object' ? (doc.prospect as Prospect).company : `prospect #${doc.prospect}`,
    author: authorName(doc.author),
    submittedAt: submits[submits.length - 1]?.at ?? null,
    arrivedAt: history[history.length - 1]?.at ?? doc.updatedAt,
    amounts: serviceAmounts(
      (doc.services ?? []).map((line) => {
        const service = typeof line.service === 'object' ? (line.service as Service) : null
        return {
          price: line.price || service?.price || null,
          quantity: line.quantity ?? 1,
          currency: service?.currency ?? 'USD',
          frequency: service?.billingFrequency ?? 'monthly',
        }
      }),
    ),
  }
}

function authorName(author: Proposal['author']): string {
  if (author === null || author === undefined) return '—'
  if (typeof author === 'number') return `user #${author}`
  return (author as User).name || author.email
}
