import type { CollectionBeforeChangeHook } from 'payload'

import { currentUser } from '../../../../access/core/user'
import { fieldError } from '../../../../hooks/core/fieldError'

type Comment = { id?: string | null; text?: string; author?: unknown; at?: string | null }

/**
 * The comment history only grows: earlier comments stay exactly as written (same order, same text); new ones are
 * stamped with their author and time by the server, whatever the request says.
 */
export const keepCommentHistory: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (data.comments === undefined) return data
  const before = (originalDoc?.comments ?? []) as Comment[]
  const after = (data.comments ?? []) as Comment[]
  before.forEach((comment, index) => {
    const kept = after[index]
    if (!kept || kept.id !== comment.id || kept.text !== comment.text) {
      throw fieldError('discrepancies', `comments.${index}.text`, 'earlier comments cannot be edited or removed; add a new comment instead')
    }
    after[index] = comment
  })
  const userId = currentUser(req)?.id ?? null
  const now = new Date().toISOString()
  for (let index = before.length; index < after.length; index++) after[index] = { ...after[index], author: userId, at: now }
  data.comments = after
  return data
}
