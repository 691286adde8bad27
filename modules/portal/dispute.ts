import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { pgClientOf } from '../../db/transaction'
import { disputeText, statusAfterDispute } from '../../engine/portal'
import type { Discrepancy } from '../../payload-types'

/** What the dispute endpoint answers with: the discrepancy as the dealer may see it after the dispute. */
export type DisputeSummary = {
  id: number
  status: string
  reopened: boolean
  dealerDisputedAt: string
  comments: number
  lastComment: { text: string; author: number | null; at: string | null }
}

/**
 * A dealer's dispute of a discrepancy it may read (the caller checked that as the user): the comment enters the
 * history with the user as its author (stamped by the collection's `keepCommentHistory` hook from `req.user`),
 * `dealerDisputedAt` is set to now, and a resolved or written-off discrepancy opens again so staff work it.
 *
 * The dispute fields are closed to the API (nobody edits `dealerDisputedAt`, dealers do not update discrepancies), so
 * the write overrides access; it runs in one transaction holding the row's lock, so two disputes at the same moment
 * both land in the history, one after the other.
 */
export async function disputeDiscrepancy(req: PayloadRequest, id: number, comment: string): Promise<DisputeSummary> {
  const owned = await initTransaction(req)
  try {
    await (await pgClientOf(req)).query(`select id from discrepancies where id = $1 for update`, [id])
    const current = (await req.payload.findByID({ collection: 'discrepancies', id, depth: 0, req, overrideAccess: true })) as Discrepancy
    const status = statusAfterDispute(current.status)
    const disputedAt = new Date().toISOString()
    const updated = (await req.payload.update({
      collection: 'discrepancies',
      id,
      data: {
        comments: [...(current.comments ?? []), { text: disputeText(comment) }],
        dealerDisputedAt: disputedAt,
        status: status as Discrepancy['status'],
        // Reopened: no longer "cleared by a re-run", so the next re-run that still does not find it clears it again.
        ...(status !== current.status ? { clearedByRerun: false } : {}),
      },
      req,
      overrideAccess: true,
      depth: 0,
    })) as Discrepancy
    if (owned) await commitTransaction(req)
    const comments = updated.comments ?? []
    const last = comments[comments.length - 1]!
    return {
      id: updated.id,
      status: updated.status,
      reopened: status !== current.status,
      dealerDisputedAt: updated.dealerDisputedAt ?? disputedAt,
      comments: comments.length,
      lastComment: {
        text: last.text,
        author: typeof last.author === 'object' && last.author !== null ? last.author.id : (last.author ?? null),
        at: last.at ?? null,
      },
    }
  } catch (err) {
    if (owned) await killTransaction(req)
    throw err
  }
}
