/**
 * Point-of-sale lines from integrators: the POS endpoint's service. Every line goes through the import's reader
 * (engine/ingest `readPosLine`) and writer (modules/ingest `writePosLines`, which accrues), so a line sent here and
 * the same line in a file or the drop folder are checked, keyed, deduplicated and accrued alike.
 */
import type { Payload } from 'payload'

import { posLineKey, readPosLine, type RowContext } from '../../engine/ingest'
import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import { addWriterRefusals, loadLookups, readRecordLines, writePosLines, type RecordReject } from '../ingest'

/** Lines one call takes. */
export const MAX_POS_LINES = 10_000

export type PosLineReject = RecordReject
export type PosLinesResult = {
  read: number
  accepted: number
  rejected: number
  inserted: number
  duplicates: number
  accruals: number
  rejects: PosLineReject[]
}

/**
 * The POS endpoint's work, in one transaction under the import's lock for this source. `partnerId`: the partner
 * every line belongs to (a partner's own login), or null when each line names its partner (staff).
 */
export async function importPosLineRecords(
  payload: Payload,
  lines: readonly unknown[],
  asOf: string,
  partnerId: number | null,
): Promise<PosLinesResult> {
  return withTransaction(dbPool(payload), { lock: 'accrue.import.pos_lines' }, async (client) => {
    const lookups = await loadLookups(client)
    const ctx: RowContext = {
      formats: { dateFormats: ['YYYY-MM-DD'], decimalSeparator: '.' },
      lookups,
      fixedCarrierId: null,
      fixedPartnerId: partnerId,
      headerOf: (field) => field,
      asOf,
    }
    const read = readRecordLines(
      lines,
      { source: 'pos_lines', what: 'a point-of-sale line', read: readPosLine, keyOf: posLineKey, sameLine: 'invoice line' },
      ctx,
    )
    const written = await writePosLines(client, read.items, (field) => field)
    const rejects = read.rejects
    const accepted = read.accepted - addWriterRefusals(rejects, written.rejected)
    const duplicates = read.duplicates
    return {
      read: lines.length,
      accepted,
      rejected: lines.length - accepted,
      inserted: written.inserted,
      duplicates: duplicates + written.unchanged,
      accruals: written.accruals,
      rejects,
    }
  })
}
