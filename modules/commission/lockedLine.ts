import type { PayloadRequest } from 'payload'

import { unlockedLineProblem } from '../../engine/commission/lineStates'
import { pgClientOf } from '../../db/transaction'

/** Why a commission line cannot be referenced by a hold or a note (null when it can: it exists and its run is locked). */
export async function lockedLineProblem(req: PayloadRequest, lineId: number): Promise<string | null> {
  const client = await pgClientOf(req)
  const row = (
    await client.query<{ status: string }>(
      `select r.status::text as status from commission_lines l join commission_runs r on r.id = l.run_id where l.id = $1`,
      [lineId],
    )
  ).rows[0]
  if (!row) return `commission line ${lineId} does not exist`
  return unlockedLineProblem(lineId, row.status)
}
