import type { TaskConfig } from 'payload'

import { dbPool } from '../../../db/pool'
import { syncDeals } from '../../../modules/rebates/deals'
import { expireAccruals } from '../../../modules/rebates/finance'
import { refreshMemoStatuses } from '../../../modules/rebates/memos'
import { queueMemoPush } from '../../../modules/rebates/memoJobs'
import { importDropFolder } from '../../../modules/rebates/dropFolder'

/**
 * The rebates' routine, for a schedule: point-of-sale files in the drop folder imported, deals synchronised from the
 * partner portal, accruals whose claim window closed expired, memos still waiting queued again, and the issued
 * memos' status read back from the ERP. Each part reports on its own line; one failing does not stop the others.
 */
export const rebateHousekeepingTask: TaskConfig<{ input: Record<string, never>; output: { report: string } }> = {
  slug: 'rebateHousekeeping',
  label: 'Rebates: drop folder, deal sync, expiries, memo pushes and statuses',
  retries: 0,
  inputSchema: [],
  outputSchema: [{ name: 'report', type: 'text', required: true }],
  handler: async ({ req }) => {
    const payload = req.payload
    const report: string[] = []
    const step = async (name: string, work: () => Promise<string>) => {
      try {
        report.push(`${name}: ${await work()}`)
      } catch (err) {
        report.push(`${name}: failed — ${err instanceof Error ? err.message : String(err)}`)
      }
    }
    await step('drop folder', async () => {
      const files = await importDropFolder(payload)
      return files.length === 0 ? 'no files' : files.map((f) => `${f.file} → ${f.outcome}`).join('; ')
    })
    await step('deal sync', async () => {
      const sync = await syncDeals(payload)
      return `${sync.status}, ${sync.fetched} read, ${sync.created} new, ${sync.updated} changed, ${sync.rejected} refused${sync.error ? ` (${sync.error})` : ''}`
    })
    await step('expiries', async () => `${await expireAccruals(dbPool(payload), new Date().toISOString().slice(0, 10))} accrual(s) expired`)
    await step('memo pushes', async () => {
      const pending = await dbPool(payload).query<{ id: number }>(
        `select m.id from credit_memos m where m.status = 'pending'
            and not exists (select 1 from payload_jobs j where j.task_slug = 'pushCreditMemo' and j.completed_at is null and j.has_error is not true
                             and (j.input->>'memo')::int = m.id)`,
      )
      for (const memo of pending.rows) await queueMemoPush(payload, memo.id)
      return `${pending.rows.length} memo(s) queued again`
    })
    await step('memo statuses', async () => `${await refreshMemoStatuses(payload)} memo(s) now applied`)
    return { output: { report: report.join('\n') } }
  },
}
