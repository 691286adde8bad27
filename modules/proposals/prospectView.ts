import type { Payload } from 'payload'

import { verifyLink } from '../../engine/proposals/signedLink'
import type { Prospect, Service } from '../../payload-types'
import { linkSecret } from './responseLink'

/** Why a response link is refused, in the prospect's words. */
export const LINK_REASONS = {
  malformed: 'this link is not a proposal link',
  tampered: 'this link has been altered and is not valid',
  expired: 'this link has expired; ask your contact for a new one',
} as const

/** What a prospect is shown of a proposal: no commission terms, no approval history. */
export type ProspectView = {
  proposal: number
  title: string
  status: string
  respondBy: string | null
  company: string
  services: { name: string; billing: string; quantity: number; price: string; currency: string }[]
  /** Whose brand the page is painted in: the author's participant. */
  brandParticipant: number | null
}

export type LinkedProposal = { ok: true; view: ProspectView } | { ok: false; message: string }

/**
 * The proposal a signed response link points at, as its prospect may see it. The link is the only authority (no
 * login), so the proposal is read with the system's rights once the signature and expiry are verified.
 */
export async function proposalForLink(payload: Payload, token: string, now: Date): Promise<LinkedProposal> {
  const verified = verifyLink(token, linkSecret(payload), now)
  if (!verified.ok) return { ok: false, message: LINK_REASONS[verified.reason] }
  const doc = await payload.findByID({
    collection: 'proposals',
    id: verified.proposalId,
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!doc) return { ok: false, message: 'this proposal no longer exists' }
  const services = (doc.services ?? []).map((line) => {
    const service = line.service as Service
    return {
      name: service.name,
      billing: service.billingFrequency,
      quantity: line.quantity,
      price: String(line.price),
      currency: service.currency,
    }
  })
  const author = doc.authorParticipant
  return {
    ok: true,
    view: {
      proposal: doc.id,
      title: doc.title ?? `Proposal #${doc.id}`,
      status: doc.status,
      respondBy: doc.respondBy ?? null,
      company: (doc.prospect as Prospect).company,
      services,
      brandParticipant: author === null || author === undefined ? null : typeof author === 'object' ? author.id : author,
    },
  }
}
