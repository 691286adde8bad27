import type { TaskConfig } from 'payload'

import { dbPool } from '../../../db/pool'
import { withTransaction } from '../../../db/withTransaction'
import { addDays } from '../../../engine/core/calendarDate'
import { earnFromOrders, LOYALTY_JOB_LOCK } from '../../../modules/loyalty/earn'
import { expirePoints } from '../../../modules/loyalty/expire'
import { rewardReferrals } from '../../../modules/loyalty/referrals'

/** Orders booked this many days back are (re)considered: a late import still earns; what already earned is skipped. */
const EARN_LOOKBACK_DAYS = 35
/** Campaigns that ended this many days back are (re)rewarded: each referral line is posted once whatever runs. */
const REFERRAL_LOOKBACK_DAYS = 60

/**
 * The loyalty routine, for a schedule (daily): points earned on the orders and returns of the last weeks, lots past
 * their expiry expired (exactly once each), referral rewards of the campaigns that ended lately. Each part in its own
 * transaction and on its own report line; one failing does not stop the others. Every part is idempotent.
 */
export const loyaltyHousekeepingTask: TaskConfig<{ input: { today?: string }; output: { report: string } }> = {
  slug: 'loyaltyHousekeeping',
  label: 'Loyalty: earn points on recent orders, expire lots, reward referrals',
  retries: 0,
  inputSchema: [{ name: 'today', type: 'text' }],
  outputSchema: [{ name: 'report', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    const pool = dbPool(req.payload)
    const today = input?.today && /^\d{4}-\d{2}-\d{2}$/.test(input.today) ? input.today : new Date().toISOString().slice(0, 10)
    const report: string[] = []
    const step = async (name: string, work: () => Promise<string>) => {
      try {
        report.push(`${name}: ${await work()}`)
      } catch (err) {
        report.push(`${name}: failed — ${err instanceof Error ? err.message : String(err)}`)
      }
    }
    await step('earn', async () => {
      const earned = await withTransaction(pool, { lock: LOYALTY_JOB_LOCK }, (client) =>
        earnFromOrders(client, { from: addDays(today, -EARN_LOOKBACK_DAYS), to: today, today }),
      )
      return `${earned.catalogPoints + earned.rulePoints} points in ${earned.catalogLots + earned.ruleLots} lots, ${earned.returns} return(s)`
    })
    await step('expiry', async () => {
      const expired = await withTransaction(pool, { lock: LOYALTY_JOB_LOCK }, (client) => expirePoints(client, today))
      return `${expired.points} points of ${expired.lots} lots expired for ${expired.holders} holder(s)`
    })
    // Referrals only with a program that has referral rules (rewardReferrals refuses the campaign otherwise).
    await step('referrals', async () => {
      const periods = await pool.query<{ id: number; label: string }>(
        `select id, label from commission_periods where ends_on::date < $1::date and ends_on::date >= $2::date order by ends_on`,
        [today, addDays(today, -REFERRAL_LOOKBACK_DAYS)],
      )
      const lines: string[] = []
      for (const period of periods.rows) {
        const run = await withTransaction(pool, {}, (client) => rewardReferrals(client, period.id, today))
        const posted = run.rewards.filter((r) => r.posted).length
        lines.push(`${period.label}: ${posted} new reward line(s), ${run.failures.length} failure(s)`)
      }
      return lines.length ? lines.join(', ') : 'no campaign ended lately'
    })
    return { output: { report: report.join('\n') } }
  },
}
