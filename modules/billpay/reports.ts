/**
 * Bill payment reports: spend by carrier, cost centre and GL code per month (from the allocations, so the parts of
 * shared charges land where they were split), invoices by status and by age, the exceptions waiting for a person, and
 * the same as an xlsx workbook. Also the journal of a month: expenses by GL code and cost centre against accounts
 * payable for approved invoices, and accounts payable against cash for confirmed payments (the vouchers for the ERP).
 */
import ExcelJS from 'exceljs'
import type { Pool } from 'pg'

import { D } from '../../engine/core/decimal'

export type SpendReport = Awaited<ReturnType<typeof spendReport>>

/** Statuses whose invoices count as spend (approved or on their way to be paid, or paid). */
const SPEND_STATUSES = ['pending_payment', 'on_hold', 'payment_submitted', 'paid']

/** The report for statement months `from`..`to` (YYYY-MM, inclusive). */
export async function spendReport(pool: Pool, from: string, to: string, today: string) {
  const range = [`${from}-01`, `${to}-01`]
  const spend = (dimension: string, name: string) =>
    pool
      .query<{ month: string; key: string; amount: string }>(
        `select to_char(al.month, 'YYYY-MM') as month, ${dimension} as key, sum(al.amount)::text as amount
         from invoice_allocations al join carrier_invoices i on i.id = al.invoice_id
         left join carrier_accounts a on a.id = i.account_id left join carriers c on c.id = a.carrier_id
        where al.month between $1::date and $2::date and i.status::text = any($3::text[])
        group by 1, 2 order by 1, 2`,
        [...range, SPEND_STATUSES],
      )
      .then((r) => r.rows.map((row) => ({ month: row.month, [name]: row.key, amount: new D(row.amount).toFixed(2) })))
  const [byCarrier, byCostCentre, byGlCode, byStatus, byAge, exceptions] = await Promise.all([
    spend('c.code', 'carrier'),
    spend('al.cost_centre', 'costCentre'),
    spend('al.gl_code', 'glCode'),
    pool.query<{ status: string; count: number; total: string }>(
      `select status::text as status, count(*)::int as count, coalesce(sum(total_due), 0)::text as total from carrier_invoices group by 1 order by 1`,
    ),
    pool.query<{ bucket: string; count: number; total: string }>(
      `select case when due_date is null then 'no due date' when due_date >= $1::date then 'not yet due'
                   when $1::date - due_date <= 30 then '1–30 days past due' when $1::date - due_date <= 60 then '31–60 days past due'
                   else 'over 60 days past due' end as bucket, count(*)::int as count, coalesce(sum(total_due), 0)::text as total
         from carrier_invoices where status not in ('paid', 'rejected') group by 1 order by 1`,
      [today],
    ),
    pool.query(
      `select i.id, i.invoice_number as "invoiceNumber", c.code as carrier, i.status::text as status, i.status_reason as reason,
              i.total_due::text as "totalDue", ($1::date - i.created_at::date) as "ageDays"
         from carrier_invoices i left join carriers c on c.id = i.carrier_id
        where i.status in ('approval_needed', 'on_hold', 'error') order by i.created_at limit 500`,
      [today],
    ),
  ])
  const months: string[] = []
  for (let month = from; month <= to && months.length < 120;) {
    months.push(month)
    const [y, m] = month.split('-').map(Number) as [number, number]
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  }
  return {
    months,
    byCarrier,
    byCostCentre,
    byGlCode,
    byStatus: byStatus.rows.map((r) => ({ ...r, total: new D(r.total).toFixed(2) })),
    byAge: byAge.rows.map((r) => ({ ...r, total: new D(r.total).toFixed(2) })),
    exceptions: exceptions.rows,
  }
}

/** The report as a workbook, one sheet per part, amounts as numbers with two decimals (written from the decimal strings). */
export async function spendWorkbook(report: SpendReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = (name: string, columns: string[], rows: Record<string, unknown>[], money: string[]) => {
    const ws = book.addWorksheet(name)
    ws.columns = columns.map((key) => ({ header: key, key, width: key === 'reason' ? 60 : 16 }))
    for (const row of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c, money.includes(c) ? Number(row[c]) : row[c]])))
    for (const c of money) ws.getColumn(c).numFmt = '#,##0.00'
    ws.getRow(1).font = { bold: true }
  }
  sheet('By carrier', ['month', 'carrier', 'amount'], report.byCarrier, ['amount'])
  sheet('By cost centre', ['month', 'costCentre', 'amount'], report.byCostCentre, ['amount'])
  sheet('By GL code', ['month', 'glCode', 'amount'], report.byGlCode, ['amount'])
  sheet('By status', ['status', 'count', 'total'], report.byStatus, ['total'])
  sheet('By age', ['bucket', 'count', 'total'], report.byAge, ['total'])
  sheet(
    'Exceptions',
    ['id', 'invoiceNumber', 'carrier', 'status', 'totalDue', 'ageDays', 'reason'],
    report.exceptions as Record<string, unknown>[],
    ['totalDue'],
  )
  return Buffer.from(await book.xlsx.writeBuffer())
}

export type JournalLine = {
  date: string
  voucher: string
  account: string
  costCentre: string | null
  debit: string
  credit: string
  memo: string
}

/** Accounts payable and cash, as the ERP's chart names them (BILLPAY_AP_ACCOUNT, BILLPAY_CASH_ACCOUNT). */
export const AP_ACCOUNT = process.env.BILLPAY_AP_ACCOUNT ?? '2000'
export const CASH_ACCOUNT = process.env.BILLPAY_CASH_ACCOUNT ?? '1000'

/**
 * The journal of month `month` (YYYY-MM): one voucher per approved invoice of the month (expense lines by GL code and
 * cost centre, one accounts-payable credit of the new charges and taxes) and one per payment confirmed in the month
 * (accounts payable against cash). Every voucher balances to the cent.
 */
export async function billpayJournal(pool: Pool, month: string): Promise<JournalLine[]> {
  const start = `${month}-01`
  const expenses = await pool.query<{ id: number; number: string; date: string; gl: string; cc: string; amount: string }>(
    `select i.id, i.invoice_number as number, i.statement_date::text as date, al.gl_code as gl, al.cost_centre as cc, sum(al.amount)::text as amount
       from invoice_allocations al join carrier_invoices i on i.id = al.invoice_id
      where al.month = $1::date and i.status::text = any($2::text[])
      group by i.id, i.invoice_number, i.statement_date, al.gl_code, al.cost_centre order by i.id, al.gl_code, al.cost_centre`,
    [start, SPEND_STATUSES],
  )
  const lines: JournalLine[] = []
  const byInvoice = new Map<number, typeof expenses.rows>()
  for (const row of expenses.rows) byInvoice.set(row.id, [...(byInvoice.get(row.id) ?? []), row])
  for (const [id, rows] of byInvoice) {
    const voucher = `BILL-${id}`
    let total = new D(0)
    for (const row of rows) {
      const amount = new D(row.amount)
      total = total.plus(amount)
      lines.push({
        date: row.date,
        voucher,
        account: row.gl,
        costCentre: row.cc,
        debit: amount.toFixed(2),
        credit: '0.00',
        memo: `invoice ${row.number}`,
      })
    }
    lines.push({
      date: rows[0]!.date,
      voucher,
      account: AP_ACCOUNT,
      costCentre: null,
      debit: '0.00',
      credit: total.toFixed(2),
      memo: `invoice ${rows[0]!.number}`,
    })
  }
  const payments = await pool.query<{ id: number; date: string; amount: string; number: string; confirmation: string | null }>(
    `select p.id, p.confirmed_at::date::text as date, p.amount::text as amount, i.invoice_number as number, p.confirmation
       from invoice_payments p join carrier_invoices i on i.id = p.invoice_id
      where p.status = 'confirmed' and p.confirmed_at >= $1::date and p.confirmed_at < ($1::date + interval '1 month') order by p.id`,
    [start],
  )
  for (const p of payments.rows) {
    const amount = new D(p.amount).toFixed(2)
    const memo = `payment of invoice ${p.number}${p.confirmation ? ` (${p.confirmation})` : ''}`
    lines.push({ date: p.date, voucher: `PAY-${p.id}`, account: AP_ACCOUNT, costCentre: null, debit: amount, credit: '0.00', memo })
    lines.push({ date: p.date, voucher: `PAY-${p.id}`, account: CASH_ACCOUNT, costCentre: null, debit: '0.00', credit: amount, memo })
  }
  return lines
}
