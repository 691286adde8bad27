import type { Payload } from 'payload'
import { dbPool } from '../../db/pool'

/**
 * After a failed run: when at least `threshold` of the connector's last `window` finished runs failed, and no alert
 * is open for it since its last success, tell the staff in the admin (a notification) and by email (Payload's email
 * adapter; without a mail server it is written to the log). Returns whether an alert was raised.
 */
export async function alertOnFailureRate(
  payload: Payload,
  connector: { id: number; name: string; failureThreshold: number; failureWindow: number },
  diagnosis: string,
): Promise<boolean> {
  const pool = dbPool(payload)
  const recent = await pool.query<{ status: string; finished_at: Date }>(
    `select status::text, finished_at from scrape_runs where connector_id = $1 and status in ('completed', 'failed') order by finished_at desc nulls last, id desc limit $2`,
    [connector.id, connector.failureWindow],
  )
  const failed = recent.rows.filter((row) => row.status === 'failed').length
  if (failed < connector.failureThreshold) return false
  const lastSuccess = recent.rows.find((row) => row.status === 'completed')?.finished_at ?? new Date(0)
  const open = await pool.query(
    `select 1 from notifications where connector_id = $1 and not coalesce(acknowledged, false) and created_at > $2 limit 1`,
    [connector.id, lastSuccess],
  )
  if (open.rowCount) return false
  const title = `Carrier portal "${connector.name}" is failing`
  const message = `${failed} of its last ${recent.rows.length} runs failed. Latest: ${diagnosis}`
  await payload.create({ collection: 'notifications', data: { title, message, level: 'error', connector: connector.id } })
  const admins = await payload.find({ collection: 'users', where: { roles: { contains: 'company_admin' } }, depth: 0, pagination: false })
  for (const admin of admins.docs) {
    await payload.sendEmail({
      to: admin.email,
      subject: title,
      text: `${message}\n\nOpen the connector's runs in the admin to see the screenshot and the page.`,
    })
  }
  return true
}
