/**
 * Credit memos: an approved claim becomes one memo (its approved lines, its approved total), numbered once; the
 * number is the ERP's external id. Pushing goes through the ERP client (retries with backoff, a circuit breaker, and
 * an external id the ERP refuses to duplicate), so a retry after a timeout reads back the memo the ERP already made
 * instead of making a second. The ERP's answer is written back; an issued memo releases its claim's accruals.
 */
import type { Payload } from 'payload'
import type { PoolClient } from 'pg'

import { D } from '../../engine/core/decimal'
import { minorUnits } from '../../engine/core/money'
import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import { erpClient, ErpRejectedError, type ErpCreditMemo } from './erp'
import { erpConfig } from './erpConfig'

export type MemoSummary = { id: number; number: string; amount: string; status: string }

/** The memo of an approved claim (made once: a second call returns the first). */
export async function createCreditMemo(client: Pick<PoolClient, 'query'>, claimId: number, today: string): Promise<MemoSummary> {
  const existing = await client.query<MemoSummary>(`select id, number, amount::text, status::text from credit_memos where claim_id = $1`, [
    claimId,
  ])
  if (existing.rows[0]) return existing.rows[0]
  const created = await client.query<MemoSummary>(
    `insert into credit_memos (number, claim_id, partner_id, amount, currency, memo_date, status, attempts, updated_at, created_at)
     select 'CM-' || substr(c.number, 4), c.id, c.partner_id, c.approved_total, c.currency, $2::date, 'pending', 0, now(), now()
       from rebate_claims c where c.id = $1
     returning id, number, amount::text, status::text`,
    [claimId, today],
  )
  return created.rows[0]!
}

type MemoRow = {
  id: number
  number: string
  status: string
  claimId: number
  partnerCode: string
  currency: string
  memoDate: string
  claimNumber: string
}

/**
 * Pushes one memo to the ERP and records the answer. Returns the memo's status after the attempt; an ERP that is
 * down throws (the job retries later) after recording the attempt and the error on the memo.
 */
export async function pushCreditMemo(payload: Payload, memoId: number): Promise<{ status: string; erpNumber: string | null }> {
  const pool = dbPool(payload)
  const found = await pool.query<MemoRow>(
    `select m.id, m.number, m.status::text, m.claim_id as "claimId", p.code as "partnerCode", m.currency, m.memo_date::text as "memoDate", c.number as "claimNumber"
       from credit_memos m join participants p on p.id = m.partner_id join rebate_claims c on c.id = m.claim_id where m.id = $1`,
    [memoId],
  )
  const memo = found.rows[0]
  if (!memo) throw new Error(`no credit memo ${memoId}`)
  if (memo.status !== 'pending') return { status: memo.status, erpNumber: null }
  const lines = await pool.query<{ id: number; reference: string; amount: string }>(
    `select id, reference, amount::text from rebate_claim_lines where claim_id = $1 and status = 'approved' and amount <> 0 order by line_number`,
    [memo.claimId],
  )
  const request: ErpCreditMemo = {
    externalId: memo.number,
    partnerCode: memo.partnerCode,
    tranDate: memo.memoDate,
    currency: memo.currency,
    memo: `Rebate claim ${memo.claimNumber}`,
    lines: lines.rows.map((line) => ({
      description: line.reference,
      amount: new D(line.amount).toFixed(minorUnits(memo.currency)),
      claimLine: String(line.id),
    })),
  }
  try {
    const answer = await erpClient(erpConfig()).pushCreditMemo(request)
    await withTransaction(pool, { lock: `accrue.rebates.memo.${memoId}` }, async (client) => {
      await client.query(
        `update credit_memos set status = 'issued', erp_id = $2, erp_number = $3, attempts = attempts + 1, last_error = null, issued_at = now(), updated_at = now()
          where id = $1`,
        [memoId, answer.erpId, answer.tranId],
      )
      await client.query(`update rebate_claims set status = 'credited', updated_at = now() where id = $1`, [memo.claimId])
      await client.query(
        // An accrual is released once memos the ERP issued cover all its units (a line claimed in parts is released
        // by the memo of its last part), on the day that memo was issued, and never twice.
        `update rebate_accruals a set status = 'credited', released_on = current_date, updated_at = now()
          where a.status <> 'credited'
            and (a.pos_line_id, a.program_id) in (select pos_line_id, program_id from rebate_claim_lines where claim_id = $1 and status = 'approved')
            and a.quantity <= (select coalesce(sum(l.quantity), 0) from rebate_claim_lines l join credit_memos m on m.claim_id = l.claim_id
                                where l.pos_line_id = a.pos_line_id and l.program_id = a.program_id and l.status = 'approved'
                                  and m.status in ('issued', 'applied'))`,
        [memo.claimId],
      )
    })
    return { status: 'issued', erpNumber: answer.tranId }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const refused = err instanceof ErpRejectedError
    await pool.query(
      `update credit_memos set attempts = attempts + 1, last_error = $2, status = case when $3 then 'refused'::enum_credit_memos_status else status end, updated_at = now()
        where id = $1`,
      [memoId, message, refused],
    )
    if (refused) return { status: 'refused', erpNumber: null }
    throw err
  }
}

/** Reads the issued memos' status back from the ERP ("Fully Applied" → applied). */
export async function refreshMemoStatuses(payload: Payload): Promise<number> {
  const pool = dbPool(payload)
  const issued = await pool.query<{ id: number; number: string }>(`select id, number from credit_memos where status = 'issued' order by id`)
  let changed = 0
  for (const memo of issued.rows) {
    const status = await erpClient(erpConfig()).readCreditMemo(memo.number)
    if (status && /applied/i.test(status.status) && !/not/i.test(status.status)) {
      await pool.query(`update credit_memos set status = 'applied', updated_at = now() where id = $1`, [memo.id])
      changed++
    }
  }
  return changed
}
