import ExcelJS from 'exceljs'
import type { Endpoint } from 'payload'

import { dbPool } from '../../../../db/pool'
import { apiDoc, s } from '../../../../engine/api'
import { isCurrencyCode } from '../../../../engine/core/money'
import { errorResponse } from '../../../../modules/core/http'
import { erpClient, ErpRejectedError } from '../../../../modules/rebates/erp'
import { erpConfig } from '../../../../modules/rebates/erpConfig'
import { accrualJournalOf, erpJournalBody, monthRange, type Journal } from '../../../../modules/rebates/finance'
import { actorOf } from '../../../../modules/rebates/http'

async function journalWorkbook(journal: Journal): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(`Accruals ${journal.period}`)
  sheet.columns = [
    { header: 'Account', key: 'account', width: 10 },
    { header: 'Debit', key: 'debit', width: 14, style: { numFmt: '#,##0.00' } },
    { header: 'Credit', key: 'credit', width: 14, style: { numFmt: '#,##0.00' } },
    { header: 'Program', key: 'program', width: 18 },
    { header: 'Memo', key: 'memo', width: 60 },
  ]
  // Amounts go in as the exact decimal text's number (two decimals, well inside a double's exact range).
  for (const line of journal.lines) sheet.addRow({ ...line, debit: Number(line.debit), credit: Number(line.credit) })
  sheet.addRow({ account: 'Total', debit: Number(journal.totals.debit), credit: Number(journal.totals.credit) })
  sheet.addRow({})
  sheet.addRow({
    account: 'Opening',
    debit: Number(journal.opening),
    memo: `Accrued rebates liability at ${journal.from} (${journal.currency})`,
  })
  sheet.addRow({
    account: 'Closing',
    debit: Number(journal.closing),
    memo: `Accrued rebates liability at ${journal.to} (${journal.currency})`,
  })
  return Buffer.from(await book.xlsx.writeBuffer())
}

/**
 * GET /api/rebate-accruals/journal?period=YYYY-MM&currency=USD&format=json|xlsx|erp — the period-end accrual journal
 * (finance, company admins, auditors). `format=erp`: the ERP's journal-entry body; POST with `?push=1`… see below.
 * POST /api/rebate-accruals/journal?period=YYYY-MM&currency=USD — pushes it to the ERP (once: its external id is
 * ACCRUAL-<currency>-<period>).
 */
const handler: Endpoint['handler'] = async (req) => {
  const actor = await actorOf(req)
  if (!actor) return errorResponse(401, 'log in to see the accrual journal')
  if (!actor.roles.some((role) => ['company_admin', 'finance', 'auditor'].includes(role)))
    return errorResponse(403, 'finance, company admins and auditors read the accrual journal')
  const period = String(req.query.period ?? '')
  if (!monthRange(period)) return errorResponse(400, 'period: a month as YYYY-MM')
  const currency = String(req.query.currency ?? 'USD').toUpperCase()
  if (!isCurrencyCode(currency)) return errorResponse(400, `currency: "${currency}" is not an ISO 4217 code`)
  const journal = await accrualJournalOf(dbPool(req.payload), period, currency)
  if (req.method === 'POST') {
    if (!actor.roles.some((role) => ['company_admin', 'finance'].includes(role)))
      return errorResponse(403, 'finance and company admins post journals')
    if (journal.lines.length === 0) return errorResponse(409, `nothing moved in ${period}: no journal to post`)
    const body = erpJournalBody(journal)
    try {
      const pushed = await erpClient(erpConfig()).pushJournal({
        externalId: body.externalId,
        tranDate: body.tranDate,
        memo: body.memo,
        lines: journal.lines.map((line) => ({
          account: line.account,
          ...(Number(line.debit) !== 0 ? { debit: line.debit } : {}),
          ...(Number(line.credit) !== 0 ? { credit: line.credit } : {}),
          memo: line.memo,
        })),
      })
      return Response.json({ externalId: body.externalId, ...pushed })
    } catch (err) {
      return errorResponse(err instanceof ErpRejectedError ? 422 : 503, err instanceof Error ? err.message : String(err))
    }
  }
  const format = String(req.query.format ?? 'json')
  if (format === 'erp') return Response.json(erpJournalBody(journal))
  if (format === 'xlsx')
    return new Response(new Uint8Array(await journalWorkbook(journal)), {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="rebate-accruals-${currency}-${period}.xlsx"`,
      },
    })
  return Response.json(journal)
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const journalQuery = {
  period: { description: 'The month, YYYY-MM.', schema: s.str(), required: true },
  currency: { description: 'ISO 4217 code; default USD.', schema: s.str() },
}
const journalSchema = s.obj(
  {
    period: s.str(),
    from: s.day(),
    to: s.day(),
    currency: s.str(),
    opening: s.money('The accrued rebates liability at the start of the month.'),
    closing: s.money('The accrued rebates liability at the end of the month.'),
    movements: s.arr(
      s.obj({ program: s.str(), accrued: s.money(), released: s.money(), credited: s.money(), expired: s.money() }),
      'Per program: accrued by sale date, released and credited by memos, expired.',
    ),
    lines: s.arr(s.obj({ account: s.str(), debit: s.money(), credit: s.money(), memo: s.str(), program: s.str() })),
    totals: s.obj({ debit: s.money(), credit: s.money() }),
  },
  'The accrual journal (format=json).',
)
const erpBodySchema = s.obj(
  {
    externalId: s.str('ACCRUAL-<currency>-<period>.'),
    tranDate: s.day(),
    memo: s.str(),
    currency: s.obj({ refName: s.str() }),
    line: s.obj({
      items: s.arr(s.obj({ account: s.obj({ refName: s.str() }), 'debit?': s.money(), 'credit?': s.money(), memo: s.str() })),
    }),
  },
  'The ERP journal-entry body (format=erp).',
)

export const accrualJournalEndpoint: Endpoint = {
  path: '/journal',
  method: 'get',
  custom: apiDoc({
    summary: 'Read the month’s rebate accrual journal',
    description:
      'The period-end accrual journal of a month: per program what was accrued, released, credited and expired, the journal lines and the liability at the start and end of the month. As JSON, as the ERP’s journal-entry body (format=erp) or as an Excel workbook (format=xlsx).',
    access: 'Finance, company admins and auditors.',
    query: {
      ...journalQuery,
      format: { description: 'json (default), erp or xlsx (a workbook download).', schema: s.oneOf(['json', 'erp', 'xlsx']) },
    },
    responses: {
      200: {
        description: `The journal (format=json), the ERP body (format=erp), or with format=xlsx the workbook (${XLSX}).`,
        schema: { anyOf: [journalSchema, erpBodySchema] },
      },
    },
  }),
  handler,
}
export const postAccrualJournal: Endpoint = {
  path: '/journal',
  method: 'post',
  custom: apiDoc({
    summary: 'Post the month’s rebate accrual journal to the ERP',
    description:
      'Pushes the month’s accrual journal to the ERP as one journal entry whose external id is ACCRUAL-<currency>-<period>, so posting it again finds the entry already made instead of making a second.',
    access: 'Finance and company admins.',
    idempotent: true,
    query: journalQuery,
    responses: {
      200: {
        description: 'The ERP’s journal entry.',
        schema: s.obj({ externalId: s.str(), erpId: s.str(), created: s.bool('False when the ERP already had the entry.') }),
      },
      409: { description: 'Nothing moved in the month: there is no journal to post.' },
      422: { description: 'The ERP refused the entry’s content.' },
      503: { description: 'The ERP could not be reached.' },
    },
  }),
  handler,
}
