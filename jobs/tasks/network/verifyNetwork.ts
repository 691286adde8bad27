import type { TaskConfig } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { treeIntegrityProblems, type IntegrityRow } from '../../../engine/network/tree'
import { sqlSession } from '../../../db/transaction'
import { reportProgress } from '../../progress'

const BATCH = 5_000

/**
 * Nightly integrity check of the participant tree: one root, no cycles, every materialized path equal to the one
 * derived from the parent chain. Reports progress while it reads; fails (and so shows red in the admin) on any problem.
 */
export const verifyNetworkTask: TaskConfig<{ input: Record<string, never>; output: { participants: number; problems: number } }> = {
  slug: 'verifyNetwork',
  label: 'Verify the participant network',
  retries: 2,
  outputSchema: [
    { name: 'participants', type: 'number', required: true },
    { name: 'problems', type: 'number', required: true },
  ],
  handler: async ({ job, req }) => {
    const db = await sqlSession(req)
    const counted = await db.execute(sql`select count(*)::int as n from participants`)
    const total = (counted.rows[0] as { n: number }).n
    const rows: IntegrityRow[] = []
    for (let afterId = 0; ;) {
      const page = await db.execute(
        sql`select id, name, parent_id as "parentId", path from participants where id > ${afterId} order by id limit ${BATCH}`,
      )
      const batch = page.rows as IntegrityRow[]
      if (batch.length === 0) break
      rows.push(...batch)
      afterId = batch[batch.length - 1]!.id
      await reportProgress(req.payload, job.id, { done: rows.length, total, label: 'reading participants' })
    }
    const problems = treeIntegrityProblems(rows)
    await reportProgress(req.payload, job.id, { done: rows.length, total, label: 'checked', counts: { problems: problems.length } })
    if (problems.length > 0)
      throw new Error(
        `network integrity: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`,
      )
    return { output: { participants: rows.length, problems: 0 } }
  },
}
