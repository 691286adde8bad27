/**
 * The first start's seeding, timed on a fresh database: `seedDemoData` (the demo: network, logins, catalogs, one
 * month of telecom data), then `seedDemoHistory` (the year of history before `today`'s month), as `npm start` runs
 * them. The checks are the history's own promises, read with SQL written here: posted runs in all twelve months,
 * every locked month paid but the latest, statements adding up to their runs and batches to their payments.
 */
import { startBenchDatabase } from './database'
import { peakRssMb, progress, round, timed, type DemoBenchResult } from './report'

export async function benchDemo(options: { today: string }): Promise<DemoBenchResult> {
  const db = await startBenchDatabase({}, { seed: false })
  try {
    const { seedDemoData } = await import('../../seed')
    const { seedDemoHistory } = await import('../../seed/history')
    progress('seedDemoData')
    const data = await timed(() => seedDemoData(db.payload, progress))
    progress(`seedDemoHistory (today ${options.today})`)
    const history = await timed(() => seedDemoHistory(db.payload, options.today, progress))
    const checks: string[] = []
    const count = async (sql: string) => Number((await db.pool.query<{ n: string }>(sql)).rows[0]!.n)
    const months = await count(
      `select count(distinct p.starts_on) as n from commission_runs r join commission_periods p on p.id = r.period_id
        where r.mode = 'post' and r.status in ('awaiting_approval', 'approved', 'locked')`,
    )
    if (months < 12) checks.push(`posted runs cover ${months} months, not 12`)
    const untied = await count(
      `select count(*) as n from commission_runs r
        where r.mode = 'post' and r.total is distinct from (select sum(total) from commission_statements s where s.run_id = r.id)`,
    )
    if (untied > 0) checks.push(`${untied} runs whose statements do not add up to the run`)
    const unpaid = await count(
      `select count(*) as n from payment_batches b where b.total is distinct from (select sum(amount) from payments p where p.batch_id = b.id)`,
    )
    if (unpaid > 0) checks.push(`${unpaid} batches whose payments do not add up to the batch`)
    // A batch per locked month (the walk-through month, when in the year, stays open), all paid but the latest.
    const batches = await count(`select count(*) as n from payment_batches`)
    const paid = await count(`select count(*) as n from payment_batches where status = 'paid'`)
    if (batches < 10 || paid !== batches - 1) checks.push(`${paid} of ${batches} batches paid, expected all but the latest of at least 10`)
    return {
      workload: 'demo',
      today: options.today,
      seedDemoDataSeconds: round(data.seconds),
      seedDemoHistorySeconds: round(history.seconds),
      totalSeconds: round(data.seconds + history.seconds),
      history: history.value,
      peakRssMb: peakRssMb(),
      checks: history.value === null ? 'the history wrote nothing' : checks.length === 0 ? 'ok' : checks.join('; '),
    }
  } finally {
    await db.close()
  }
}
