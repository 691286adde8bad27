/**
 * The downloadable reports (REPORTS in engine/analytics/catalog.ts) as xlsx workbooks: one sheet, a bold header row,
 * typed cells — counts and points as numbers, days as text (YYYY-MM-DD), money as numbers shown with two decimals
 * (written from pg's exact decimal strings, for display; the strings are the figures). Limited to the viewer's subtree
 * like the widgets, and to the period asked when there is one.
 */
import ExcelJS from 'exceljs'
import type { Pool } from 'pg'

import { REPORTS, type ReportKey } from '../../engine/analytics/catalog'
import { activeWindow, isActiveMember, moneyText } from '../../engine/analytics/shape'
import { ACTIVE_DEFINITION, MEMBER_KINDS } from './widgets'

/** What a report is asked for: today's day, the viewer's subtree segment (null: everything), an optional period. */
export type ReportContext = { today: string; scope: string | null; from?: string; to?: string }

type ColumnType = 'text' | 'int' | 'money' | 'day'
type Column = { key: string; header: string; type: ColumnType; width?: number }
/** A report's content before it becomes a workbook (what the tests and the workbook read). */
export type ReportTable = { title: string; note: string; columns: Column[]; rows: Record<string, string | number | null>[] }

const inScope = (n: number) => `($${n}::text is null or p.path like '%' || $${n}::text || '%')`
const period = (column: string, from: number, to: number) =>
  `($${from}::date is null or ${column} >= $${from}::date) and ($${to}::date is null or ${column} <= $${to}::date)`

const col = (key: string, header: string, type: ColumnType = 'text', width?: number): Column => ({ key, header, type, width })

type Builder = (pool: Pool, ctx: ReportContext) => Promise<Omit<ReportTable, 'title'>>

const ORDER_LINE_SQL = `
  select o.booked_on::text as "bookedOn", o.order_number as "orderNumber", o.line::int as line, o.kind::text as kind,
         p.code as "consultantCode", p.name as "consultantName", o.customer, pr.code as "productCode", pr.name as "productName",
         pr.family, o.quantity::int as quantity, o.currency, o.unit_price::text as "unitPrice", coalesce(o.discount, 0)::text as discount,
         o.amount::text as amount, o.qualifying_volume::text as "qualifyingVolume", o.commissionable_volume::text as "commissionableVolume",
         coalesce(t.name, '') as territory
    from network_orders o join participants p on p.id = o.consultant_id join products pr on pr.id = o.product_id
    left join territories t on t.id = p.territory_id
   where ${period('o.booked_on', 1, 2)} and ${inScope(3)}
   order by o.booked_on, o.order_number, o.line`

const BUILDERS: Record<ReportKey, Builder> = {
  sales: async (pool, ctx) => {
    const rows = await pool.query(ORDER_LINE_SQL, [ctx.from ?? null, ctx.to ?? null, ctx.scope])
    return {
      note: 'Every order and return line booked in the period (returns carry negative amounts and volumes).',
      columns: [
        col('bookedOn', 'Booked on', 'day', 12),
        col('orderNumber', 'Order', 'text', 14),
        col('line', 'Line', 'int', 6),
        col('kind', 'Kind', 'text', 8),
        col('consultantCode', 'Consultant code', 'text', 14),
        col('consultantName', 'Consultant', 'text', 24),
        col('territory', 'Territory', 'text', 16),
        col('customer', 'Customer', 'text', 16),
        col('productCode', 'Product code', 'text', 14),
        col('quantity', 'Quantity', 'int', 9),
        col('currency', 'Currency', 'text', 9),
        col('amount', 'Amount', 'money', 14),
        col('qualifyingVolume', 'Qualifying volume', 'money', 14),
        col('commissionableVolume', 'Commissionable volume', 'money', 14),
      ],
      rows: rows.rows,
    }
  },

  invoices: async (pool, ctx) => {
    const rows = await pool.query(
      `select o.order_number as "orderNumber", min(o.booked_on)::text as "bookedOn", string_agg(distinct o.kind::text, ', ') as kind,
              p.code as "consultantCode", p.name as "consultantName", max(o.customer) as customer,
              count(*)::int as lines, o.currency, sum(o.amount)::text as total
         from network_orders o join participants p on p.id = o.consultant_id
        where ${period('o.booked_on', 1, 2)} and ${inScope(3)}
        group by o.order_number, p.id, p.code, p.name, o.currency
        order by 2, 1`,
      [ctx.from ?? null, ctx.to ?? null, ctx.scope],
    )
    return {
      note: 'One row per order (or return) number: its day, consultant, number of lines and total (VAT included, after discount).',
      columns: [
        col('orderNumber', 'Order', 'text', 14),
        col('bookedOn', 'Date', 'day', 12),
        col('kind', 'Kind', 'text', 8),
        col('consultantCode', 'Consultant code', 'text', 14),
        col('consultantName', 'Consultant', 'text', 24),
        col('customer', 'Customer', 'text', 16),
        col('lines', 'Lines', 'int', 7),
        col('currency', 'Currency', 'text', 9),
        col('total', 'Total', 'money', 14),
      ],
      rows: rows.rows,
    }
  },

  product_invoices: async (pool, ctx) => {
    const rows = await pool.query(ORDER_LINE_SQL, [ctx.from ?? null, ctx.to ?? null, ctx.scope])
    return {
      note: 'One row per order line with its product: quantity, unit price, discount and line amount.',
      columns: [
        col('orderNumber', 'Order', 'text', 14),
        col('line', 'Line', 'int', 6),
        col('bookedOn', 'Date', 'day', 12),
        col('kind', 'Kind', 'text', 8),
        col('consultantCode', 'Consultant code', 'text', 14),
        col('customer', 'Customer', 'text', 16),
        col('productCode', 'Product code', 'text', 14),
        col('productName', 'Product', 'text', 28),
        col('family', 'Family', 'text', 16),
        col('quantity', 'Quantity', 'int', 9),
        col('currency', 'Currency', 'text', 9),
        col('unitPrice', 'Unit price', 'money', 12),
        col('discount', 'Discount', 'money', 12),
        col('amount', 'Amount', 'money', 14),
      ],
      rows: rows.rows,
    }
  },

  accumulated_points: async (pool, ctx) => {
    const rows = await pool.query(
      `select lp.code as program, p.code as "consultantCode", p.name as "consultantName", coalesce(m.customer, '') as customer,
              coalesce(sum(m.points) filter (where m.kind = 'earn'), 0)::bigint::text as earned,
              coalesce(-sum(m.points) filter (where m.kind = 'redeem'), 0)::bigint::text as redeemed,
              coalesce(-sum(m.points) filter (where m.kind = 'expire'), 0)::bigint::text as expired,
              coalesce(sum(m.points) filter (where m.kind not in ('earn', 'redeem', 'expire')), 0)::bigint::text as other,
              sum(m.points)::bigint::text as balance
         from points_movements m join participants p on p.id = m.consultant_id join loyalty_programs lp on lp.id = m.program_id
        where ($1::date is null or m.booked_on <= $1::date) and ${inScope(2)}
        group by lp.code, p.id, p.code, p.name, coalesce(m.customer, '')
        order by 1, 2, 4`,
      [ctx.to ?? null, ctx.scope],
    )
    return {
      note: `Balance per holder and program = the sum of its movements booked up to ${ctx.to ?? 'today'} (the period's start is not used: a balance is since the beginning). Other = conversions, adjustments and reversals.`,
      columns: [
        col('program', 'Program', 'text', 10),
        col('consultantCode', 'Consultant code', 'text', 14),
        col('consultantName', 'Consultant', 'text', 24),
        col('customer', 'End customer', 'text', 16),
        col('earned', 'Earned', 'int', 10),
        col('redeemed', 'Redeemed', 'int', 10),
        col('expired', 'Expired', 'int', 10),
        col('other', 'Other', 'int', 10),
        col('balance', 'Balance', 'int', 10),
      ],
      rows: rows.rows,
    }
  },

  points_per_campaign: async (pool, ctx) => {
    const rows = await pool.query(
      `select coalesce(c.label, 'No campaign') as campaign, min(c.starts_on)::text as "startsOn", min(c.ends_on)::text as "endsOn",
              coalesce(sum(m.points) filter (where m.kind = 'earn'), 0)::bigint::text as earned,
              coalesce(-sum(m.points) filter (where m.kind = 'redeem'), 0)::bigint::text as redeemed,
              coalesce(-sum(m.points) filter (where m.kind = 'expire'), 0)::bigint::text as expired,
              sum(m.points)::bigint::text as net
         from points_movements m join participants p on p.id = m.consultant_id left join commission_periods c on c.id = m.campaign_id
        where ${period('m.booked_on', 1, 2)} and ${inScope(3)}
        group by c.id, c.label order by 2 nulls last, 1`,
      [ctx.from ?? null, ctx.to ?? null, ctx.scope],
    )
    return {
      note: 'Points per campaign (the campaign of the day booked): earned, redeemed, expired, and the net of every movement.',
      columns: [
        col('campaign', 'Campaign', 'text', 18),
        col('startsOn', 'Starts', 'day', 12),
        col('endsOn', 'Ends', 'day', 12),
        col('earned', 'Earned', 'int', 10),
        col('redeemed', 'Redeemed', 'int', 10),
        col('expired', 'Expired', 'int', 10),
        col('net', 'Net', 'int', 10),
      ],
      rows: rows.rows,
    }
  },

  incentives_pending_orders: async (pool, ctx) => {
    const rows = await pool.query(
      `select oi.order_number as "orderNumber", (oi.order_date at time zone 'UTC')::date::text as "orderDate",
              p.code as "consultantCode", p.name as "consultantName", oi.currency, oi.total::text as total,
              c.code as coupon, c.kind::text as "couponKind", c.value::text as "couponValue", c.expires_on::text as "expiresOn"
         from order_incentives oi join participants p on p.id = oi.consultant_id
         join coupons c on c.issued_on_order = oi.order_number
        where oi.status = 'processed' and c.status = 'issued' and c.expires_on >= $4::date
          and ${period(`(oi.order_date at time zone 'UTC')::date`, 1, 2)} and ${inScope(3)}
        order by 2, 1, c.code`,
      [ctx.from ?? null, ctx.to ?? null, ctx.scope, ctx.today],
    )
    return {
      note: `Pending: an order processed through the incentives checkout (not returned) whose coupon for a future order is still unused and not expired on ${ctx.today}. One row per such coupon.`,
      columns: [
        col('orderNumber', 'Order', 'text', 14),
        col('orderDate', 'Order date', 'day', 12),
        col('consultantCode', 'Consultant code', 'text', 14),
        col('consultantName', 'Consultant', 'text', 24),
        col('currency', 'Currency', 'text', 9),
        col('total', 'Order total', 'money', 14),
        col('coupon', 'Coupon', 'text', 16),
        col('couponKind', 'Coupon kind', 'text', 10),
        col('couponValue', 'Coupon value', 'money', 12),
        col('expiresOn', 'Coupon expires', 'day', 12),
      ],
      rows: rows.rows,
    }
  },

  clients_by_status: async (pool, ctx) => {
    const window = ctx.from || ctx.to ? { from: ctx.from ?? activeWindow(ctx.to!).from, to: ctx.to ?? ctx.today } : activeWindow(ctx.today)
    const rows = await pool.query<{ status: string; lastOrderOn: string | null } & Record<string, string | null>>(
      `select p.code, p.name, p.kind::text as kind, p.status::text as status, (p.joined_on at time zone 'UTC')::date::text as "joinedOn",
              coalesce(t.name, '') as territory,
              (select max(o.booked_on)::text from network_orders o
                where o.consultant_id = p.id and o.kind = 'order' and o.booked_on between $1::date and $2::date) as "lastOrderOn"
         from participants p left join territories t on t.id = p.territory_id
        where p.kind::text = any($4::text[]) and ${inScope(3)}
        order by p.status, p.kind, p.code`,
      [window.from, window.to, ctx.scope, MEMBER_KINDS],
    )
    return {
      note: `Members (consultants, agents, agent managers, referrers) by status, ${window.from} to ${window.to}. ${ACTIVE_DEFINITION}`,
      columns: [
        col('code', 'Code', 'text', 12),
        col('name', 'Name', 'text', 24),
        col('kind', 'Kind', 'text', 12),
        col('status', 'Status', 'text', 11),
        col('activity', 'Activity', 'text', 10),
        col('lastOrderOn', 'Last order in period', 'day', 14),
        col('joinedOn', 'Joined', 'day', 12),
        col('territory', 'Territory', 'text', 16),
      ],
      rows: rows.rows.map((r) => ({ ...r, activity: isActiveMember(r.status, r.lastOrderOn, window) ? 'active' : 'inactive' })),
    }
  },
}

/** One report's rows and columns for the viewer's scope and period. */
export async function reportTable(pool: Pool, key: ReportKey, ctx: ReportContext): Promise<ReportTable> {
  return { title: REPORTS[key], ...(await BUILDERS[key](pool, ctx)) }
}

/**
 * The report as an xlsx workbook: one sheet named after it, the header in row 1 (bold, frozen), one row per record;
 * counts as numbers, money as numbers with the `#,##0.00` format (each rounded to its currency's minor unit first),
 * days and text as text. The note (what the report counts and how) is the sheet's second sheet "About".
 */
export async function reportWorkbook(table: ReportTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'Accrue'
  const sheet = book.addWorksheet(table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = table.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14 }))
  for (const record of table.rows) {
    const currency = typeof record.currency === 'string' && record.currency ? record.currency : 'USD'
    sheet.addRow(
      Object.fromEntries(
        table.columns.map((c) => {
          const value = record[c.key]
          if (value === null || value === undefined || value === '') return [c.key, c.type === 'text' || c.type === 'day' ? '' : null]
          if (c.type === 'int') return [c.key, Number(value)]
          if (c.type === 'money') return [c.key, Number(moneyText(String(value), currency))]
          return [c.key, String(value)]
        }),
      ),
    )
  }
  for (const c of table.columns) if (c.type === 'money') sheet.getColumn(c.key).numFmt = '#,##0.00'
  sheet.getRow(1).font = { bold: true }
  const about = book.addWorksheet('About')
  about.addRow([table.title])
  about.addRow([table.note])
  about.getRow(1).font = { bold: true }
  return Buffer.from(await book.xlsx.writeBuffer())
}
