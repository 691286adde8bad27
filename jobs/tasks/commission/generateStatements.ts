import type { TaskConfig } from 'payload'

import { generateStatements } from '../../../modules/commission/statements/generateStatements'
import { jobProgress } from '../../progress'
import { emitEventSql } from '../../../modules/api'
import { dbPool } from '../../../db/pool'

/** Writes every payee's PDF and xlsx statement of a run. Safe to retry: each statement is replaced whole. */
export const generateStatementsTask: TaskConfig<{ input: { runId: number }; output: { statements: number } }> = {
  slug: 'generateStatements',
  label: 'Generate commission statements',
  retries: 1,
  inputSchema: [{ name: 'runId', type: 'number', required: true }],
  outputSchema: [{ name: 'statements', type: 'number', required: true }],
  handler: async ({ input, job, req }) => {
    const statements = await generateStatements(req.payload, input.runId, jobProgress(req.payload, job.id))
    // Statements are written one by one (each replaced whole), not in one transaction: the event follows the last.
    await emitEventSql(dbPool(req.payload), 'statements.generated', `commission-runs/${input.runId}`, {
      runId: input.runId,
      statements,
    })
    return { output: { statements } }
  },
}
