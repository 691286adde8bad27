import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { currentUser, participantIdOf } from '../../../../access/core/user'
import { approvalChain } from '../../../../engine/proposals/approval'
import { serviceLineProblems } from '../../../../engine/proposals/serviceLines'
import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import { checkTerms } from '../../../../modules/proposals/termsCheck'
import { findOrNull } from '../../../../modules/core/findOrNull'
import type { Proposal } from '../../../../payload-types'

const FLOW_FIELDS = [
  'status',
  'level',
  'chain',
  'history',
  'waitingFor',
  'waitingForName',
  'author',
  'authorParticipant',
  'respondBy',
] as const

/**
 * A new proposal belongs to its author and the author's participant, whose ancestors (nearest first) are its approval
 * chain; its prospect becomes "proposal". Afterwards only the author edits it, and only while it is a draft or
 * returned; the approval fields change only through the proposal's actions.
 */
export const guardProposal: CollectionBeforeChangeHook<Proposal> = async ({ data, operation, originalDoc, req, context }) => {
  if (context?.proposalFlow) return data
  const user = currentUser(req)
  if (operation === 'create') {
    const participantId = participantIdOf(user)
    if (!user || participantId === null)
      throw fieldError('proposals', 'prospect', 'only a login attached to a participant writes proposals')
    const participant = await req.payload.findByID({ collection: 'participants', id: participantId, depth: 0, req })
    const prospect = await findOrNull(
      req.payload.findByID({ collection: 'prospects', id: relationId(data.prospect) ?? -1, depth: 0, req, overrideAccess: false, user }),
    )
    if (!prospect) throw fieldError('proposals', 'prospect', 'choose a prospect you can see')
    const chain = approvalChain(participantId, String(participant.path))
    Object.assign(data, {
      author: user.id,
      authorParticipant: participantId,
      chain,
      level: -1,
      status: 'draft',
      waitingFor: null,
      waitingForName: null,
      respondBy: null,
      title: `${prospect.company} · ${new Date().toISOString().slice(0, 10)}`,
      history: [{ action: 'created', user: user.id, participant: participantId, at: new Date().toISOString(), comment: null }],
    })
    await fillPrices(req, data)
    await checkTerms(req, data.terms, String(participant.path))
    if (prospect.status === 'prospect') {
      await req.payload.update({
        collection: 'prospects',
        id: prospect.id,
        data: { status: 'proposal' },
        req,
        context: { proposalFlow: true },
      })
    }
    return data
  }
  if (!user || String(relationId(originalDoc?.author)) !== String(user.id))
    throw fieldError('proposals', 'status', 'only the author edits a proposal; approvers approve, return or reject it')
  if (originalDoc?.status !== 'draft' && originalDoc?.status !== 'returned')
    throw fieldError('proposals', 'status', `a ${String(originalDoc?.status)} proposal can no longer be edited`)
  for (const field of FLOW_FIELDS) keep(data, originalDoc, field)
  data.prospect = originalDoc?.prospect
  await fillPrices(req, data)
  if (data.terms !== undefined) {
    const author = await req.payload.findByID({
      collection: 'participants',
      id: relationId(originalDoc?.authorParticipant) ?? -1,
      depth: 0,
      req,
      overrideAccess: true,
      select: { path: true },
    })
    await checkTerms(req, data.terms, String(author.path))
  }
  return data
}

/**
 * Each service line names an active catalog service in a whole, bounded quantity at a price from zero to the bound
 * (`engine/proposals/serviceLines.ts`); an empty price takes the catalog's.
 */
async function fillPrices(req: PayloadRequest, data: Partial<Proposal>): Promise<void> {
  const lines = data.services ?? []
  for (const [index, line] of lines.entries()) {
    const problem = serviceLineProblems(line, index)[0]
    if (problem) throw fieldError('proposals', `services.${index}.${problem.field}`, problem.message)
    const service = await findOrNull(req.payload.findByID({ collection: 'services', id: relationId(line.service) ?? -1, depth: 0, req }))
    if (!service || !service.active)
      throw fieldError('proposals', `services.${index}.service`, `service line ${index + 1}: choose an active service of the catalog`)
    if (!line.price) line.price = service.price
  }
}

/** `data[field]` as it was before the change (one field, typed by its name). */
function keep<K extends keyof Proposal>(data: Partial<Proposal>, originalDoc: Proposal | undefined, field: K): void {
  data[field] = originalDoc?.[field]
}
