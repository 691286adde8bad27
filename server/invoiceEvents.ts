import type { Request, Response } from 'express'
import type { Payload } from 'payload'

import { dbPool } from '../db/pool'
import { openStaffStream, streamChanges } from './jobEvents'

/**
 * Server-sent events with the live status of carrier invoices (bill payment), once a second when something changed:
 * `?ids=1,2,3` for those invoices, else the 200 most recently changed. Each event is a JSON list of
 * `{ id, status, statusReason, updatedAt }`. Staff only, like the job events.
 */
export function invoiceEvents(payload: Payload) {
  const pool = dbPool(payload)
  return async (req: Request, res: Response): Promise<void> => {
    if (!(await openStaffStream(payload, req, res, 'invoice status'))) return
    const ids = String(req.query.ids ?? '')
      .split(',')
      .map(Number)
      .filter((id) => Number.isInteger(id) && id > 0)
      .slice(0, 500)
    streamChanges(req, res, async () => {
      const rows = await pool.query(
        `select id, status::text as status, status_reason as "statusReason", updated_at as "updatedAt" from carrier_invoices
          where ($1::int[] = '{}' or id = any($1::int[])) order by updated_at desc limit 200`,
        [ids],
      )
      return rows.rows
    })
  }
}
