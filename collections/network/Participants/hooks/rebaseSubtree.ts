import type { CollectionAfterChangeHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { pathOf } from '../../../../engine/network/tree'
import { sqlSession } from '../../../../db/transaction'
import { relationId } from '../../../../hooks/core/relationId'
import { writeAuditEvent } from '../../../../hooks/system/audit/writeAuditEvent'
import type { Participant } from '../../../../payload-types'
import { findNode } from './loadTreeContext'

/**
 * After a create, stores the new node's path (its id is known only now). After a move, rewrites every descendant's
 * path in one statement and records the move, with the number of participants that moved, on the audit trail.
 */
export const rebaseSubtree: CollectionAfterChangeHook<Participant> = async ({ doc, operation, previousDoc, req }) => {
  const db = await sqlSession(req)
  // Parent and path as stored: `doc` is the writer's view, which a `select` may have narrowed.
  const stored = (await db.execute(sql`select parent_id, path from participants where id = ${doc.id}`)).rows[0] as {
    parent_id: number | null
    path: string | null
  }
  const parentId = stored.parent_id
  if (operation === 'create') {
    const parent = parentId === null ? null : await findNode(req, parentId)
    const path = pathOf(parent?.path ?? null, doc.id)
    await db.execute(sql`update participants set path = ${path} where id = ${doc.id}`)
    return { ...doc, path }
  }
  const oldPath = previousDoc?.path
  const newPath = stored.path as string
  if (!oldPath || oldPath === newPath) return doc
  const moved = await db.execute(sql`
    update participants set path = ${newPath} || substr(path, ${oldPath.length + 1})
    where path like ${oldPath + '%'} and id <> ${doc.id}`)
  const previousParentId = relationId(previousDoc?.parent)
  await writeAuditEvent({
    req,
    action: 'move',
    collection: 'participants',
    documentId: doc.id,
    changes: [
      { field: 'parent', before: previousParentId, after: parentId },
      { field: 'path', before: oldPath, after: newPath },
    ],
    summary: `moved "${String(doc.name ?? previousDoc?.name)}" and ${moved.rowCount ?? 0} participant(s) beneath it from parent #${previousParentId} to #${parentId}`,
  })
  return doc
}
