/**
 * When a carrier's invoices start failing to be read — at least `threshold` of its last `window` processed invoices
 * had something unreadable or ended in error — staff are told (a notification in the admin, and an email to the
 * company admins), once: not again while that alert is open.
 */
import type { Payload } from 'payload'

import { dbPool } from '../../db/pool'

export const PARSE_ALERT = { window: 10, threshold: 3 }

/** Checks the carriers of the given invoices and raises the alerts due; returns the carriers alerted. */
export async function alertOnParseFailures(payload: Payload, invoiceIds: number[]): Promise<string[]> {
  if (invoiceIds.length === 0) return []
  const pool = dbPool(payload)
  const carriers = await pool.query<{ id: number; name: string; failed: number; total: number }>(
    `with touched as (select distinct carrier_id from carrier_invoices where id = any($1::int[]) and carrier_id is not null)
     select c.id, c.name, count(*) filter (where jsonb_array_length(coalesce(r.problems, '[]'::jsonb)) > 0 or r.status = 'error')::int as failed, count(*)::int as total
       from touched t join carriers c on c.id = t.carrier_id
       cross join lateral (select problems, status::text as status from carrier_invoices i
                            where i.carrier_id = t.carrier_id and i.parsed_at is not null order by i.parsed_at desc limit $2) r
      group by c.id, c.name`,
    [invoiceIds, PARSE_ALERT.window],
  )
  const alerted: string[] = []
  for (const carrier of carriers.rows) {
    if (carrier.failed < PARSE_ALERT.threshold) continue
    const title = `Invoices from ${carrier.name} are failing to read`
    const open = await pool.query(`select 1 from notifications where title = $1 and not coalesce(acknowledged, false) limit 1`, [title])
    if (open.rowCount) continue
    const message = `${carrier.failed} of its last ${carrier.total} invoices could not be read completely. Its layout may have changed: open the review queue, then the carrier's invoice template.`
    await payload.create({ collection: 'notifications', data: { title, message, level: 'error' } })
    const admins = await payload.find({ collection: 'users', where: { roles: { contains: 'company_admin' } }, depth: 0, pagination: false })
    for (const admin of admins.docs) await payload.sendEmail({ to: admin.email, subject: title, text: message })
    alerted.push(carrier.name)
  }
  return alerted
}
