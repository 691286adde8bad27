/**
 * Whose participants a prospect or a proposal may name. A login writes for its own participant and the participants
 * beneath it, never for a sibling or anyone above: a prospect's owner is in the writer's subtree, and a proposal's
 * commission terms name members of the author's own chain below the operating company (those its billing pays).
 *
 * The messages name the writer's participant and only the id that was sent: a participant the writer may not read
 * is neither named nor told apart from one that does not exist.
 */
import { idsOnPath, isInSubtree } from '../network'

export type Writer = { id: number; name: string }

/**
 * Why participant `ownerId` (its stored path, or null when there is no such participant) cannot own a prospect a
 * login of `writer` writes, or null when it can.
 */
export function ownerProblem(ownerId: number, ownerPath: string | null, writer: Writer | null): string | null {
  if (writer === null) return 'only a login attached to a participant writes prospects'
  if (ownerPath !== null && isInSubtree(ownerPath, writer.id)) return null
  return `the owner is ${writer.name} or a participant beneath it; participant #${ownerId} is not one of them`
}

/**
 * The participants a proposal's terms may pay: the members of the author's path below the operating company (the
 * author and its ancestors up to, not including, the root), nearest last as on the path.
 */
export function payableMembers(authorPath: string): number[] {
  return idsOnPath(authorPath).slice(1)
}

/** Why a term for participant `participantId` cannot be proposed by an author at `authorPath`, or null. */
export function termParticipantProblem(participantId: number | null, authorPath: string): string | null {
  const members = payableMembers(authorPath)
  if (participantId !== null && members.includes(participantId)) return null
  if (members.length === 0) return 'a proposal written at the operating company pays no commission terms: leave the terms empty'
  return `terms pay members of your own chain (participants #${members.join(', #')}); participant #${String(participantId)} is not one of them`
}
