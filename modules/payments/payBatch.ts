import type { Payload } from 'payload'

import { format, money } from '../../engine/core/money'
import { HELD_LINE, LOCKED_LINES, UNPAID } from '../commission'
import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'

export type PayResult = { payments: number; total: string; carriedForward: number; alreadyDone: boolean }

/**
 * The payment step of a batch, exactly once per line: under one advisory lock for all payment steps, it takes every
 * payable line (locked, unpaid, unheld) up to the batch's period, groups them per payee, pays positive balances at or
 * above the payee's minimum when the payee has a bank account, and records each line in `payment_items` (unique by
 * line). Negative and small balances stay unpaid and carry forward. Running it again, or from two processes at once,
 * finds the batch done (or the lines taken) and pays nothing twice.
 */
export async function payBatch(payload: Payload, batchId: number): Promise<PayResult> {
  const pool = dbPool(payload)
  const onFailure = async (err: unknown): Promise<void> => {
    await pool.query(`update payment_batches set status = 'failed', message = $2 where id = $1 and status in ('queued', 'paying')`, [
      batchId,
      `The payment step failed and paid nothing: ${(err as Error).message}`,
    ])
  }
  return withTransaction(pool, { lock: 'accrue.payments', onFailure }, async (client) => {
    const batch = (
      await client.query<{
        status: string
        ends_on: string
        payment_count: number | null
        total: string | null
        carried_forward: number | null
      }>(
        `select b.status::text as status, p.ends_on::text as ends_on, b.payment_count::int as payment_count, b.total::text as total, b.carried_forward::int as carried_forward
         from payment_batches b join commission_periods p on p.id = b.period_id where b.id = $1 for update of b`,
        [batchId],
      )
    ).rows[0]
    if (!batch) throw new Error(`payment batch ${batchId} does not exist`)
    if (batch.status === 'ready' || batch.status === 'paid') {
      return {
        payments: batch.payment_count ?? 0,
        total: batch.total ?? '0.0000',
        carriedForward: batch.carried_forward ?? 0,
        alreadyDone: true,
      }
    }
    await client.query(
      `create temp table payable on commit drop as
       select l.id as line_id, l.payee_id, l.amount, l.currency from ${LOCKED_LINES}
        where p.ends_on <= $1 and ${UNPAID} and not ${HELD_LINE}`,
      [batch.ends_on],
    )
    const balances = await client.query<{
      payee_id: number
      currency: string
      balance: string
      lines: number
      payable: boolean
      reason: string | null
    }>(
      `select b.payee_id, b.currency, b.balance::text as balance, b.lines,
              (b.balance > 0 and b.balance >= coalesce(pt.minimum_payout, 0) and pt.bank_routing_number is not null and pt.bank_account_number is not null) as payable,
              case when b.balance <= 0 then 'negative or zero balance'
                   when b.balance < coalesce(pt.minimum_payout, 0) then 'below the minimum payout'
                   when pt.bank_routing_number is null or pt.bank_account_number is null then 'no bank account on file' end as reason
         from (select payee_id, currency, sum(amount) as balance, count(*)::int as lines from payable group by payee_id, currency) b
         join participants pt on pt.id = b.payee_id
        order by pt.code, b.payee_id, b.currency`,
    )
    const paying = balances.rows.filter((row) => row.payable)
    const inserted = await client.query<{ id: number; payee_id: number }>(
      `insert into payments (batch_id, payee_id, amount, currency, line_count, status, updated_at, created_at)
       select $1, t.payee, t.amount, t.currency, t.lines, 'pending', now(), now()
         from unnest($2::int[], $3::numeric[], $4::text[], $5::int[]) as t(payee, amount, currency, lines)
       returning id, payee_id`,
      [batchId, paying.map((r) => r.payee_id), paying.map((r) => r.balance), paying.map((r) => r.currency), paying.map((r) => r.lines)],
    )
    await client.query(
      `insert into payment_items (line_id, payment_id, batch_id)
       select pl.line_id, t.payment, $1 from payable pl join unnest($2::int[], $3::int[]) as t(payment, payee) on t.payee = pl.payee_id`,
      [batchId, inserted.rows.map((r) => r.id), inserted.rows.map((r) => r.payee_id)],
    )
    const totals = (
      await client.query<{ total: string; currency: string | null }>(
        `select coalesce(sum(amount), 0)::text as total, min(currency) as currency from payments where batch_id = $1`,
        [batchId],
      )
    ).rows[0]!
    const carried = balances.rows.filter((row) => !row.payable)
    const reasons = new Map<string, number>()
    for (const row of carried) reasons.set(row.reason ?? 'other', (reasons.get(row.reason ?? 'other') ?? 0) + 1)
    const message =
      `${paying.length} payments, ${format(money(totals.total, totals.currency ?? 'USD'))}.` +
      (carried.length > 0 ? ` Carried forward: ${[...reasons].map(([reason, n]) => `${n} ${reason}`).join(', ')}.` : '')
    await client.query(
      `update payment_batches set status = 'ready', payment_count = $2, total = $3, carried_forward = $4, message = $5 where id = $1`,
      [batchId, paying.length, totals.total, carried.length, message],
    )
    return { payments: paying.length, total: totals.total, carriedForward: carried.length, alreadyDone: false }
  })
}
