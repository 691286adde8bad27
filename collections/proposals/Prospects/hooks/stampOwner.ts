import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { currentUser, participantIdOf } from '../../../../access/core/user'
import { ownerProblem, type Writer } from '../../../../engine/proposals/ownership'
import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import type { Prospect } from '../../../../payload-types'

/**
 * A new prospect belongs to its creator's participant, or to a participant beneath it when the creator names one; an
 * edit may move it only within the writer's subtree (`engine/proposals/ownership.ts`), anything else is a 400 naming
 * the owner. Status and client code never change through edits, and the territory must exist.
 */
export const stampOwner: CollectionBeforeChangeHook<Prospect> = async ({ data, operation, originalDoc, req, context }) => {
  if (context?.proposalFlow) return data
  const writerId = participantIdOf(currentUser(req))
  const wanted = data.owner === undefined ? undefined : relationId(data.owner)
  if (data.owner !== undefined && data.owner !== null && wanted === null)
    throw fieldError('prospects', 'owner', `the owner is a participant id, not ${JSON.stringify(data.owner)}`)
  if (operation === 'create') {
    data.owner = wanted ?? writerId
    data.status = 'prospect'
    data.clientCode = null
  } else {
    data.owner = wanted ?? relationId(originalDoc?.owner)
    data.status = originalDoc?.status
    data.clientCode = originalDoc?.clientCode
  }
  if (operation === 'create' || String(data.owner) !== String(relationId(originalDoc?.owner))) {
    const problem = ownerProblem(Number(data.owner), await pathOf(req, relationId(data.owner)), await writerOf(req, writerId))
    if (problem) throw fieldError('prospects', 'owner', problem)
  }
  if (data.territory !== undefined) {
    const territory = relationId(data.territory)
    const found =
      territory === null
        ? null
        : await req.payload.findByID({ collection: 'territories', id: territory, depth: 0, req, disableErrors: true })
    if (!found)
      throw fieldError('prospects', 'territory', `choose a territory of the list (territory #${String(data.territory)} does not exist)`)
  }
  return data
}

/** A participant's stored path, read with the system's rights (the engine decides; nothing of it is shown), or null. */
async function pathOf(req: PayloadRequest, id: number | null): Promise<string | null> {
  if (id === null) return null
  const found = await req.payload.findByID({
    collection: 'participants',
    id,
    depth: 0,
    req,
    overrideAccess: true,
    disableErrors: true,
    select: { path: true },
  })
  return found ? String(found.path) : null
}

async function writerOf(req: PayloadRequest, id: number | null): Promise<Writer | null> {
  if (id === null) return null
  const found = await req.payload.findByID({
    collection: 'participants',
    id,
    depth: 0,
    req,
    overrideAccess: true,
    disableErrors: true,
    select: { name: true },
  })
  return found ? { id, name: found.name } : null
}
