import type { CollectionBeforeChangeHook } from 'payload'

import type { Participant } from '../../../../payload-types'

import { hasRole, currentUser, participantIdOf } from '../../../../access/core/user'
import { isClientOwnerKind } from '../../../../engine/portal'
import { rootKindProblem } from '../../../../engine/network/participants'
import { isInSubtree, parentChangeProblem, pathOf } from '../../../../engine/network/tree'
import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import { findNode, findRoot, lockTree, namesOnPath } from './loadTreeContext'

/**
 * Keeps the network one tree: exactly one root (the operating company), no cycles, and every node created or moved
 * by a non-company user stays inside that user's own subtree. Sets the node's materialized path; descendants are
 * rebased after the change by `rebaseSubtree`.
 */
export const placeInTree: CollectionBeforeChangeHook<Participant> = async ({ data, operation, originalDoc, req }) => {
  const parentId = relationId(data.parent !== undefined ? data.parent : originalDoc?.parent)
  const previousParentId = relationId(originalDoc?.parent)
  const kind = String(data.kind ?? originalDoc?.kind ?? '')
  const name = String(data.name ?? originalDoc?.name ?? '')
  const brand = relationId(data.brand !== undefined ? data.brand : originalDoc?.brand)

  if (brand !== null && !isClientOwnerKind(kind)) {
    throw fieldError(
      'participants',
      'brand',
      `a brand can only be applied to a client owner (operating company, partner or territory owner), not to a ${kind.replace('_', ' ')}`,
    )
  }
  const parentChanged = operation === 'create' || parentId !== previousParentId
  if (!parentChanged && kind === originalDoc?.kind) return data

  await lockTree(req)
  const parent = parentId === null ? null : await findNode(req, parentId)
  if (parentId !== null && !parent) throw fieldError('participants', 'parent', `participant #${parentId} does not exist`)

  const user = currentUser(req)
  if (user && parentChanged && !hasRole(user, 'company_admin')) {
    const own = participantIdOf(user)
    if (own === null || parent === null || !isInSubtree(parent.path, own)) {
      throw fieldError('participants', 'parent', `you can only place participants inside your own part of the network`)
    }
  }

  const id = operation === 'update' ? originalDoc?.id : undefined
  const problem = parentChangeProblem({
    node: { id, name },
    newParent: parent,
    root: await findRoot(req),
    namesById: await namesOnPath(req, parent?.path),
  })
  if (problem) throw fieldError('participants', 'parent', problem)
  const kindProblem = rootKindProblem(kind, parent === null)
  if (kindProblem) throw fieldError('participants', parent === null ? 'parent' : 'kind', kindProblem)

  if (id !== undefined) data.path = pathOf(parent?.path ?? null, id)
  return data
}
