import type { Endpoint } from 'payload'

import { dbPool } from '../../../../db/pool'
import { runPayments } from '../../../../modules/billpay/pay'
import { paymentProviderClient } from '../../../../modules/billpay/provider'
import { paymentProviderConfig } from '../../../../modules/billpay/providerConfig'
import { billpayJournal, spendReport, spendWorkbook } from '../../../../modules/billpay/reports'
import { mayReview } from '../../../../modules/billpay/review'
import { bodyOf } from '../../../../modules/core/body'
import { errorResponse } from '../../../../modules/core/http'
import { payRunLimits } from '../../../../modules/billpay/payRunLimits'
import { pushVouchers } from '../../../../modules/billpay/vouchers'
import { ErpRejectedError } from '../../../../modules/rebates'
import { staffOf, today } from './http'

/**
 * POST /api/carrier-invoices/pay-run `{ invoices?: number[], maxInvoices?, maxTotal? }` — pays what is pending payment
 * now, behind the breakers (the same run the scheduled job makes). Safe to call twice or from two places at once.
 */
export const payRunEndpoint: Endpoint = {
  path: '/pay-run',
  method: 'post',
  handler: async (req) => {
    const staff = staffOf(req)
    if (staff instanceof Response) return staff
    if (!mayReview(staff)) return errorResponse(403, 'paying invoices is for company admins and finance')
    const { fields } = await bodyOf(req)
    const invoices = fields.invoices
    if (
      invoices !== undefined &&
      !(Array.isArray(invoices) && invoices.every((id) => Number.isInteger(id) && id > 0 && id <= 2_147_483_647))
    )
      return errorResponse(400, 'invoices: a list of invoice ids')
    const limits = payRunLimits(fields)
    if (typeof limits === 'string') return errorResponse(400, limits)
    const summary = await runPayments(dbPool(req.payload), {
      today: today(),
      worker: `api:${staff.id}`,
      limits,
      provider: paymentProviderClient(paymentProviderConfig()),
      invoices: invoices as number[] | undefined,
    })
    return Response.json(summary)
  },
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** GET /api/carrier-invoices/report?from=YYYY-MM&to=YYYY-MM[&format=xlsx] — spend by carrier, cost centre and GL code; invoices by status and age; exceptions. */
export const reportEndpoint: Endpoint = {
  path: '/report',
  method: 'get',
  handler: async (req) => {
    const staff = staffOf(req)
    if (staff instanceof Response) return staff
    const now = today().slice(0, 7)
    const to = String(req.query?.to ?? now)
    const from = String(req.query?.from ?? `${Number(now.slice(0, 4)) - 1}${now.slice(4)}`)
    if (!MONTH.test(from) || !MONTH.test(to) || from > to) return errorResponse(400, 'from and to are months (YYYY-MM), from not after to')
    const report = await spendReport(dbPool(req.payload), from, to, today())
    if (req.query?.format === 'xlsx')
      return new Response(new Uint8Array(await spendWorkbook(report)), {
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="bill-payment-${from}-${to}.xlsx"`,
        },
      })
    return Response.json(report)
  },
}

/**
 * POST /api/carrier-invoices/journal?month=YYYY-MM — pushes the month's vouchers to the ERP as journal entries (once
 * each: external id BILLPAY-<voucher>). Company admins and finance.
 */
export const pushJournalEndpoint: Endpoint = {
  path: '/journal',
  method: 'post',
  handler: async (req) => {
    const staff = staffOf(req)
    if (staff instanceof Response) return staff
    if (!mayReview(staff)) return errorResponse(403, 'posting journals is for company admins and finance')
    const month = String(req.query?.month ?? '')
    if (!MONTH.test(month)) return errorResponse(400, 'month: YYYY-MM')
    try {
      return Response.json({ month, vouchers: await pushVouchers(dbPool(req.payload), month) })
    } catch (err) {
      return errorResponse(err instanceof ErpRejectedError ? 422 : 503, err instanceof Error ? err.message : String(err))
    }
  },
}

/** GET /api/carrier-invoices/journal?month=YYYY-MM[&format=csv] — the month's vouchers for the ERP (expenses against payables, payments against cash). */
export const journalEndpoint: Endpoint = {
  path: '/journal',
  method: 'get',
  handler: async (req) => {
    const staff = staffOf(req)
    if (staff instanceof Response) return staff
    const month = String(req.query?.month ?? today().slice(0, 7))
    if (!MONTH.test(month)) return errorResponse(400, 'month: YYYY-MM')
    const lines = await billpayJournal(dbPool(req.payload), month)
    if (req.query?.format === 'csv') {
      const quote = (v: string | null) => (v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
      const csv = [
        'date,voucher,account,costCentre,debit,credit,memo',
        ...lines.map((l) => [l.date, l.voucher, l.account, l.costCentre, l.debit, l.credit, l.memo].map(quote).join(',')),
      ].join('\n')
      return new Response(`${csv}\n`, {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="bill-payment-journal-${month}.csv"`,
        },
      })
    }
    return Response.json({ month, lines })
  },
}
