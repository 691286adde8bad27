/** Drill-down from a credit memo: memo → claim → claim lines → the point-of-sale invoice and its lines. */
import type { Pool } from 'pg'

export async function memoDrilldownOf(pool: Pool, memoId: number, scope: string | null) {
  const memo = await pool.query(
    `select m.id, m.number, m.status::text, m.amount::text, m.currency, m.memo_date::text as "memoDate", m.erp_id as "erpId",
            m.erp_number as "erpNumber", m.attempts, m.last_error as "lastError", m.issued_at as "issuedAt",
            json_build_object('id', c.id, 'number', c.number, 'status', c.status, 'approvedTotal', c.approved_total::text, 'history', c.history) as claim,
            json_build_object('id', p.id, 'code', p.code, 'name', p.name) as partner
       from credit_memos m join rebate_claims c on c.id = m.claim_id join participants p on p.id = m.partner_id
      where m.id = $1 and ($2::text is null or p.path like $2)`,
    [memoId, scope === null ? null : `${scope}%`],
  )
  if (!memo.rows[0]) return null
  const lines = await pool.query(
    `select l.id, l.line_number::int as "lineNumber", l.reference, l.quantity::int as quantity, l.amount::text, l.status::text, l.reason, l.dispute::text,
            pr.code as program, pr.kind::text as "programKind",
            case when pl.id is null then null else json_build_object(
              'id', pl.id, 'invoiceNumber', pl.invoice_number, 'invoiceLine', pl.invoice_line::int, 'soldOn', pl.sold_on::text,
              'endCustomer', pl.end_customer, 'sku', prod.code, 'quantity', pl.quantity::int, 'unitPrice', pl.unit_price::text,
              'currency', pl.currency, 'dealNumber', pl.deal_number) end as "posLine"
       from rebate_claim_lines l
       left join rebate_programs pr on pr.id = l.program_id
       left join pos_lines pl on pl.id = l.pos_line_id
       left join products prod on prod.id = pl.product_id
      where l.claim_id = $1 order by l.line_number`,
    [memo.rows[0].claim.id],
  )
  const invoices = await pool.query(
    `select pl.invoice_number as "invoiceNumber", pl.sold_on::text as "soldOn", pl.end_customer as "endCustomer",
            json_agg(json_build_object('line', pl.invoice_line::int, 'sku', prod.code, 'quantity', pl.quantity::int, 'unitPrice', pl.unit_price::text)
                     order by pl.invoice_line) as lines
       from pos_lines pl join products prod on prod.id = pl.product_id
      where (pl.partner_id, pl.invoice_number) in (select p2.partner_id, p2.invoice_number from rebate_claim_lines l join pos_lines p2 on p2.id = l.pos_line_id where l.claim_id = $1)
      group by 1, 2, 3 order by 1`,
    [memo.rows[0].claim.id],
  )
  return { memo: memo.rows[0], lines: lines.rows, invoices: invoices.rows }
}
