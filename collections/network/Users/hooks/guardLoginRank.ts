import type { CollectionBeforeDeleteHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { currentUser } from '../../../../access/core/user'
import { sqlSession } from '../../../../db/transaction'
import { fieldError } from '../../../../hooks/core/fieldError'
import { loginRankProblem } from './loginRank'

/** A manager deletes only logins whose roles they could grant. */
export const guardLoginRank: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const actor = currentUser(req)
  if (!actor) return
  const db = await sqlSession(req)
  const roles = await db.execute(sql`select value from users_roles where parent_id = ${id}`)
  const problem = loginRankProblem(
    actor,
    (roles.rows as { value: string }[]).map((row) => row.value),
  )
  if (problem) throw fieldError('users', 'roles', problem)
}
