import type { Pool } from 'pg'

import type { BatchFileInput } from '../../engine/payments/bankFile'
import { achOriginator } from './originator'

/** The bank-file input of a ready or paid batch: its payments with the payees' bank details. */
export async function bankFileInput(pool: Pool, batchId: number): Promise<BatchFileInput | null> {
  const batch = (
    await pool.query<{ id: number; effective_date: string; created_at: Date; status: string }>(
      `select id, effective_date::text as effective_date, created_at, status::text as status from payment_batches where id = $1`,
      [batchId],
    )
  ).rows[0]
  if (!batch || (batch.status !== 'ready' && batch.status !== 'paid')) return null
  const payments = await pool.query<{
    id: number
    payee_id: number
    code: string | null
    name: string
    amount: string
    currency: string
    routing: string
    account: string
    type: string | null
  }>(
    `select pay.id, pay.payee_id, pt.code, pt.name, pay.amount::text as amount, pay.currency, pt.bank_routing_number as routing,
            pt.bank_account_number as account, pt.bank_account_type::text as type
       from payments pay join participants pt on pt.id = pay.payee_id where pay.batch_id = $1 order by pay.id`,
    [batchId],
  )
  return {
    batchId,
    description: 'COMMISSION',
    effectiveDate: batch.effective_date,
    createdAt: batch.created_at.toISOString(),
    fileIdModifier: 'A',
    originator: achOriginator(),
    payments: payments.rows.map((p) => ({
      paymentId: p.id,
      payeeId: p.payee_id,
      payeeCode: p.code ?? String(p.payee_id),
      payeeName: p.name,
      amount: p.amount,
      currency: p.currency,
      routingNumber: p.routing,
      accountNumber: p.account,
      accountType: p.type === 'savings' ? 'savings' : 'checking',
    })),
  }
}
