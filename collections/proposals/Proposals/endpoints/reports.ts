import type { Endpoint } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
import { currentUser } from '../../../../access/core/user'
import { PROPOSAL_REPORTS, isProposalReport } from '../../../../engine/proposals/reports'
import { proposalReport, reportPeriod, type PeriodRef } from '../../../../modules/proposals/reportData'
import { renderReportXlsx, reportFileName } from '../../../../modules/proposals/reportWorkbook'
import { dbPool } from '../../../../db/pool'
import { errorResponse } from '../../../../modules/core/http'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * GET /api/proposals/reports/:report (status-age | turnaround | commission | advertising): the report as JSON, or as an
 * .xlsx download with `?format=xlsx`; `?period=<commission period id>` limits the money reports to one period. Every
 * logged-in user gets it over what they may see (everything for staff, their own subtree for everyone else).
 */
export const proposalReports: Endpoint[] = [
  {
    path: '/reports/:report',
    method: 'get',
    custom: apiDoc({
      summary: 'Read a proposal report',
      description:
        'One of the proposal reports over what the caller may see (everything for staff, their own subtree for everyone else): proposals by status and age, approval turnaround per level, commission by participant, rule scope and service, or advertising deductions by program. As JSON, or as an Excel download with `format=xlsx`.',
      access: 'Any logged-in user, over the proposals and lines they may read.',
      params: { report: { description: 'Which report.', schema: s.oneOf(['status-age', 'turnaround', 'commission', 'advertising']) } },
      query: {
        format: { description: 'json (default) or xlsx.', schema: s.oneOf(['json', 'xlsx']) },
        period: {
          description: 'A commission period id: limits the money reports (commission, advertising) to that period.',
          schema: s.int(),
        },
      },
      responses: {
        200: {
          description:
            'The report (JSON by default; with format=xlsx, an Excel workbook attachment). Its rows and totals depend on the report.',
          schema: s.obj({
            report: s.oneOf(['status-age', 'turnaround', 'commission', 'advertising']),
            title: s.str(),
            asOf: s.date(),
            scope: s.obj(
              { kind: s.oneOf(['all', 'subtree', 'none']), 'participantId?': s.int(), 'participant?': s.str() },
              'Whose proposals the report covers.',
            ),
            rows: s.arr(s.anyJson()),
          }),
        },
        404: { description: 'No such report, or no such commission period.' },
      },
    }),
    handler: async (req) => {
      const user = currentUser(req)
      if (!user) return errorResponse(401, 'log in to see the proposal reports')
      const name = String(req.routeParams?.report ?? '')
      if (!isProposalReport(name))
        return errorResponse(404, `there is no proposal report ${JSON.stringify(name)}; the reports are ${PROPOSAL_REPORTS.join(', ')}`)
      const format = req.searchParams.get('format') ?? 'json'
      if (format !== 'json' && format !== 'xlsx') return errorResponse(400, `format must be json or xlsx, not ${JSON.stringify(format)}`)
      const pool = dbPool(req.payload)
      let period: PeriodRef | null = null
      const periodParam = req.searchParams.get('period')
      if (periodParam) {
        const id = Number(periodParam)
        if (!Number.isSafeInteger(id) || id <= 0)
          return errorResponse(400, `period must be the id of a commission period, not ${JSON.stringify(periodParam)}`)
        period = await reportPeriod(pool, id)
        if (!period) return errorResponse(404, `commission period ${id} not found`)
      }
      const data = await proposalReport(pool, name, user, { asOf: new Date(), period })
      if (format === 'json') return Response.json(data)
      const bytes = await renderReportXlsx(data)
      return new Response(new Uint8Array(bytes), {
        headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename="${reportFileName(name)}"` },
      })
    },
  },
]
