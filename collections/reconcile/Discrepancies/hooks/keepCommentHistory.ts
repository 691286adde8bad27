import type { CollectionBeforeChangeHook } from 'payload'

import type { Discrepancy } from '../../../../payload-types'

import { currentUser } from '../../../../access/core/user'
import { fieldError } from '../../../../hooks/core/fieldError'

type Comment = NonNullable<Discrepancy['comments']>[number]

/**
 * The comment history only grows: earlier comments stay exactly as written (same order, same text); new ones are
 * stamped with their author and time by the server, whatever the request says.
 */
export const keepCommentHistory: CollectionBeforeChangeHook<Discrepancy> = ({ data, originalDoc, req }) => {
  if (data.comments === undefined) return data
  const before: Comment[] = originalDoc?.comments ?? []
  const after: Comment[] = data.comments ?? []
  before.forEach((comment, index) => {
    const kept = after[index]
    if (!kept || kept.id !== comment.id || kept.text !== comment.text) {
      throw fieldError('discrepancies', `comments.${index}.text`, 'earlier comments cannot be edited or removed; add a new comment instead')
    }
    after[index] = comment
  })
  const userId = currentUser(req)?.id ?? null
  const now = new Date().toISOString()
  for (let index = before.length; index < after.length; index++) after[index] = { ...after[index]!, author: userId, at: now }
  data.comments = after
  return data
}
