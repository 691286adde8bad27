import { payBatch } from '../../modules/payments/payBatch'
import { daysAfter, noonOf, type HistoryContext, type HistoryMonth } from '../history/context'

/**
 * The payment side of the demo's history: a batch for each locked month, paid on the real path (`payBatch`: every
 * payable line of locked periods up to the month, per payee, carrying forward what is below the minimum), its bank
 * file exportable, and marked paid as finance marks it when the bank confirms — except the latest, left ready to
 * release. Returns the batches.
 */
export async function payMonths(ctx: HistoryContext, months: readonly HistoryMonth[], periodOf: (month: HistoryMonth) => Promise<number>) {
  const finance = ctx.users.get('finance@northwind.example')!
  const batches: { id: number; paid: boolean }[] = []
  for (const [i, month] of months.entries()) {
    const effectiveDate = daysAfter(month.end, 10)
    const batch = await ctx.payload.create({
      collection: 'payment-batches',
      data: { period: await periodOf(month), effectiveDate },
      context: { skipQueue: true },
      depth: 0,
    })
    const id = batch.id as number
    await payBatch(ctx.payload, id)
    const createdAt = noonOf(daysAfter(month.end, 8))
    await ctx.pool.query(`update payment_batches set created_at = $2, updated_at = $2 where id = $1`, [id, createdAt])
    await ctx.pool.query(`update payments set created_at = $2, updated_at = $2 where batch_id = $1`, [id, createdAt])
    const paid = i < months.length - 1
    if (paid) {
      // As POST /api/payment-batches/:id/mark-paid does, on the day the bank settled.
      const paidAt = noonOf(effectiveDate)
      const claimed = await ctx.pool.query(
        `update payment_batches set status = 'paid', paid_at = $3, paid_by_id = $2, updated_at = $3 where id = $1 and status = 'ready' returning id`,
        [id, finance, paidAt],
      )
      if (claimed.rowCount === 0) throw new Error(`the history's payment batch for ${month.label} was not ready`)
      await ctx.pool.query(
        `update payments set status = 'paid', paid_at = $2, updated_at = $2 where batch_id = $1 and status = 'pending'`,
        [id, paidAt],
      )
    }
    batches.push({ id, paid })
  }
  return batches
}
