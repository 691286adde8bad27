/**
 * The month's bill payment journal pushed to the ERP as journal entries, one per voucher (an approved invoice's
 * expenses against payables, a confirmed payment's payables against cash). Each entry's external id is
 * `BILLPAY-<voucher>`, so pushing the month again creates nothing twice: the ERP answers with the entry it has. The
 * cost centre travels in the line's memo (the ERP stand-in has no department field). Payments record their voucher.
 */
import type { Pool } from 'pg'

import { D } from '../../engine/core/decimal'
import { erpClient, erpConfig } from '../rebates'
import { billpayJournal, type JournalLine } from './reports'

export type PushedVoucher = { voucher: string; externalId: string; erpId: string; created: boolean }

export async function pushVouchers(pool: Pool, month: string): Promise<PushedVoucher[]> {
  const lines = await billpayJournal(pool, month)
  const byVoucher = new Map<string, JournalLine[]>()
  for (const line of lines) byVoucher.set(line.voucher, [...(byVoucher.get(line.voucher) ?? []), line])
  const client = erpClient(erpConfig())
  const pushed: PushedVoucher[] = []
  for (const [voucher, entries] of byVoucher) {
    const externalId = `BILLPAY-${voucher}`
    const result = await client.pushJournal({
      externalId,
      tranDate: entries[0]!.date,
      memo: entries[0]!.memo,
      lines: entries.map((line) => ({
        account: line.account,
        ...(new D(line.debit).isZero() ? {} : { debit: line.debit }),
        ...(new D(line.credit).isZero() ? {} : { credit: line.credit }),
        memo: line.costCentre ? `${line.memo} · cost centre ${line.costCentre}` : line.memo,
      })),
    })
    if (voucher.startsWith('PAY-'))
      await pool.query(`update invoice_payments set voucher = $2, updated_at = now() where id = $1`, [Number(voucher.slice(4)), externalId])
    pushed.push({ voucher, externalId, ...result })
  }
  return pushed
}
