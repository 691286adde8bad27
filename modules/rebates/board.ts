/**
 * The claims board: one column per claim status, newest first, each card with what a reviewer decides on — the
 * partner, the totals, how many lines are approved, rejected, need review or are in dispute, and the memo's state.
 * Partners see their subtree's claims only (the same scope as the collections' read access).
 */
import type { Pool } from 'pg'

import { CLAIM_STATUS_LABELS, CLAIM_STATUSES, type ClaimStatus } from '../../engine/rebates'

export type BoardCard = {
  id: number
  number: string
  partner: string
  partnerName: string
  status: ClaimStatus
  currency: string
  claimedTotal: string
  approvedTotal: string
  submittedAt: string
  lines: { approved: number; rejected: number; needsReview: number; disputed: number }
  memo: { number: string; status: string; erpNumber: string | null } | null
}

export type Board = { columns: { status: ClaimStatus; label: string; count: number; cards: BoardCard[] }[] }

/** `scope`: the participant path claims are limited to; null for staff. At most `perColumn` cards per column. */
export async function claimBoardOf(pool: Pool, scope: string | null, perColumn = 50): Promise<Board> {
  const cards = await pool.query<BoardCard & { rank: number; total: number }>(
    `select * from (
       select c.id, c.number, p.code as partner, p.name as "partnerName", c.status::text as status, c.currency,
              c.claimed_total::text as "claimedTotal", c.approved_total::text as "approvedTotal", c.submitted_at as "submittedAt",
              json_build_object(
                'approved', (select count(*) from rebate_claim_lines l where l.claim_id = c.id and l.status = 'approved'),
                'rejected', (select count(*) from rebate_claim_lines l where l.claim_id = c.id and l.status = 'rejected'),
                'needsReview', (select count(*) from rebate_claim_lines l where l.claim_id = c.id and l.status = 'needs_review'),
                'disputed', (select count(*) from rebate_claim_lines l where l.claim_id = c.id and l.dispute = 'open')) as lines,
              (select json_build_object('number', m.number, 'status', m.status, 'erpNumber', m.erp_number) from credit_memos m where m.claim_id = c.id) as memo,
              row_number() over (partition by c.status order by c.submitted_at desc, c.id desc)::int as rank,
              count(*) over (partition by c.status)::int as total
         from rebate_claims c join participants p on p.id = c.partner_id
        where $1::text is null or p.path like $1
     ) ranked where rank <= $2 order by status, rank`,
    [scope === null ? null : `${scope}%`, perColumn],
  )
  return {
    columns: CLAIM_STATUSES.map((status) => {
      const inColumn = cards.rows.filter((card) => card.status === status)
      return {
        status,
        label: CLAIM_STATUS_LABELS[status],
        count: inColumn[0]?.total ?? 0,
        cards: inColumn.map(({ rank: _rank, total: _total, ...card }) => card),
      }
    }),
  }
}
