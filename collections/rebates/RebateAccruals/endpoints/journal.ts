import ExcelJS from 'exceljs'
import type { Endpoint } from 'payload'

import { dbPool } from '../../../../db/pool'
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

export const accrualJournalEndpoint: Endpoint = { path: '/journal', method: 'get', handler }
export const postAccrualJournal: Endpoint = { path: '/journal', method: 'post', handler }
