import type { CollectionBeforeDeleteHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { sqlSession } from '../../../../db/transaction'
import { fieldError } from '../../../../hooks/core/fieldError'

/** A participant with children or logins cannot be deleted: move or remove those first, or set it terminated. */
export const refuseDeleteInUse: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const db = await sqlSession(req)
  const children = await db.execute(sql`select name from participants where parent_id = ${id} order by name limit 4`)
  if (children.rows.length > 0) {
    const names = (children.rows as { name: string }[]).map((row) => `"${row.name}"`).join(', ')
    throw fieldError(
      'participants',
      'parent',
      `participant #${id} still has participants beneath it (${names}${children.rows.length > 3 ? ', …' : ''}); move them first or set the status to terminated`,
    )
  }
  const users = await db.execute(sql`select email from users where participant_id = ${id} limit 3`)
  if (users.rows.length > 0) {
    const emails = (users.rows as { email: string }[]).map((row) => row.email).join(', ')
    throw fieldError('participants', 'users', `participant #${id} still has logins (${emails}); delete or re-attach them first`)
  }
}
