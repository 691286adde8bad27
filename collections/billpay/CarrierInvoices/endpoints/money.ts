import type { Endpoint } from 'payload'

import { dbPool } from '../../../../db/pool'
import { apiDoc, s } from '../../../../engine/api'
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

/** A list of per-invoice outcomes (defined before the endpoint docs that use it). */
const byInvoice = (extra: Record<string, ReturnType<typeof s.str>>) => s.arr(s.obj({ invoice: s.int(), ...extra }))

/**
 * POST /api/carrier-invoices/pay-run `{ invoices?: number[], maxInvoices?, maxTotal? }` — pays what is pending payment
 * now, behind the breakers (the same run the scheduled job makes). Safe to call twice or from two places at once.
 */
export const payRunEndpoint: Endpoint = {
  path: '/pay-run',
  method: 'post',
  custom: apiDoc({
    summary: 'Pay carrier invoices pending payment now',
    description:
      'Pays the invoices pending payment now, behind the payment breakers (the same run the scheduled job makes): each payment has its own idempotency key at the provider, so the run is safe to call twice or from two places at once.',
    access: 'Company admins and finance.',
    idempotent: true,
    body: {
      required: false,
      schema: s.obj({
        'invoices?': s.arr(s.int(), 'Only these invoices; default every invoice pending payment.'),
        'maxInvoices?': s.int('At most this many invoices in the run; default 500.'),
        'maxTotal?': s.money('At most this total in the run; default "1000000".'),
      }),
    },
    responses: {
      200: {
        description: 'What the run did, by invoice.',
        schema: s.obj({
          paid: byInvoice({ confirmation: s.str() }),
          held: s.arr(s.obj({ invoice: s.int(), reasons: s.arr(s.str()) }), 'Held by a breaker until released.'),
          deferred: byInvoice({ reason: s.str() }),
          failed: byInvoice({ reason: s.str() }),
          unknown: byInvoice({ reason: s.str() }),
          recovered: byInvoice({ confirmation: s.str() }),
          bankFile: s.nullable(s.str('The bank file written for payments by file.')),
        }),
      },
    },
  }),
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

const spendRow = (key: string) => s.obj({ month: s.str('YYYY-MM'), [key]: s.nullable(s.str()), amount: s.money() })
const monthQuery = { month: { description: 'The month, YYYY-MM.', schema: s.str(), required: true } }
const journalLine = s.obj({
  date: s.nullable(s.day()),
  voucher: s.str('BILL-<invoice> for an approved invoice, or the payment’s voucher.'),
  account: s.nullable(s.str()),
  costCentre: s.nullable(s.str()),
  debit: s.money(),
  credit: s.money(),
  memo: s.str(),
})

/** GET /api/carrier-invoices/report?from=YYYY-MM&to=YYYY-MM[&format=xlsx] — spend by carrier, cost centre and GL code; invoices by status and age; exceptions. */
export const reportEndpoint: Endpoint = {
  path: '/report',
  method: 'get',
  custom: apiDoc({
    summary: 'Report bill-payment spend',
    description:
      'Spend by carrier, cost centre and GL code for statement months, invoices by status and by age, and the exceptions waiting for a person; as JSON or an Excel workbook (format=xlsx).',
    access: 'Company admins, company users, finance and auditors.',
    query: {
      from: { description: 'First month, YYYY-MM; default twelve months ago.', schema: s.str() },
      to: { description: 'Last month, YYYY-MM; default this month.', schema: s.str() },
      format: { description: 'xlsx for a workbook download; default JSON.', schema: s.oneOf(['xlsx']) },
    },
    responses: {
      200: {
        description: 'The report (with format=xlsx, the workbook as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).',
        schema: s.obj({
          months: s.arr(s.str()),
          byCarrier: s.arr(spendRow('carrier')),
          byCostCentre: s.arr(spendRow('costCentre')),
          byGlCode: s.arr(spendRow('glCode')),
          byStatus: s.arr(s.obj({ status: s.str(), count: s.int(), total: s.money() })),
          byAge: s.arr(s.obj({ bucket: s.str(), count: s.int(), total: s.money() })),
          exceptions: s.arr(s.obj({ id: s.int(), status: s.str() })),
        }),
      },
    },
  }),
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
  custom: apiDoc({
    summary: 'Post the month’s bill-payment vouchers to the ERP',
    description:
      'Pushes the month’s vouchers to the ERP as journal entries, each once: its external id is BILLPAY-<voucher>, so posting again finds the entries already made.',
    access: 'Company admins and finance.',
    idempotent: true,
    query: monthQuery,
    responses: {
      200: {
        description: 'The vouchers pushed.',
        schema: s.obj({
          month: s.str(),
          vouchers: s.arr(
            s.obj({ voucher: s.str(), externalId: s.str(), erpId: s.str(), created: s.bool('False when the ERP already had it.') }),
          ),
        }),
      },
      422: { description: 'The ERP refused an entry’s content.' },
      503: { description: 'The ERP could not be reached.' },
    },
  }),
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
  custom: apiDoc({
    summary: 'Read the month’s bill-payment journal',
    description:
      'The month’s vouchers for the ERP: per approved invoice its expenses by GL code and cost centre against accounts payable, and per confirmed payment accounts payable against cash. Every voucher balances to the cent. As JSON or CSV (format=csv).',
    access: 'Company admins, company users, finance and auditors.',
    query: {
      month: { description: 'The month, YYYY-MM; default this month.', schema: s.str() },
      format: { description: 'csv for a CSV download; default JSON.', schema: s.oneOf(['csv']) },
    },
    responses: {
      200: {
        description:
          'The journal lines (with format=csv, text/csv with the columns date, voucher, account, costCentre, debit, credit, memo).',
        schema: s.obj({ month: s.str(), lines: s.arr(journalLine) }),
      },
    },
  }),
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
