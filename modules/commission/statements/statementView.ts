import type { Payload } from 'payload'

import { dbPool } from '../../../db/pool'
import { summarizeStatement, type StatementSummary } from '../../../engine/commission/statement'
import { breakdownBars, type Breakdown } from '../../../engine/portal'
import type { User } from '../../../payload-types'
import { PLAIN_BRAND, statementContent, type StatementContent } from './statementData'

/** One statement as the portal's statement page shows it: the PDF's content, its totals and its breakdown bars. */
export type StatementView = Omit<StatementContent, 'lines'> & {
  id: number
  generatedAt: string | null
  summary: StatementSummary
  breakdown: Breakdown
}

/**
 * Statement `id` of the logged-in participant, or null when there is none the user may read: the statement is found
 * as the user (`overrideAccess: false`, the collection's row-level rule) and only when it is the participant's own,
 * so a manager's login does not open a statement of someone below them here. Its lines are then read for that
 * statement's run and payee only, as the PDF prints them.
 */
export async function statementView(payload: Payload, user: User, participantId: number, id: number): Promise<StatementView | null> {
  const found = await payload.find({
    collection: 'commission-statements',
    where: { and: [{ id: { equals: id } }, { participant: { equals: participantId } }] },
    depth: 0,
    limit: 1,
    pagination: false,
    user,
    overrideAccess: false,
  })
  const statement = found.docs[0]
  if (!statement) return null
  const runId = typeof statement.run === 'object' ? statement.run.id : statement.run
  const content = await statementContent(dbPool(payload), runId, participantId)
  const summary = summarizeStatement({ ...content, generatedAt: statement.generatedAt ?? '', brand: PLAIN_BRAND })
  const { lines: _lines, ...head } = content
  return {
    ...head,
    id: statement.id,
    generatedAt: statement.generatedAt ?? null,
    summary,
    breakdown: breakdownBars(summary.groups, content.currency),
  }
}
