import type { Endpoint, PayloadRequest } from 'payload'

import { dbPool } from '../../../db/pool'
import { apiDoc, s, type ParamDoc } from '../../../engine/api'
import { REPORT_KEYS, REPORTS, WIDGET_KEYS, WIDGETS, type ReportKey, type WidgetKey } from '../../../engine/analytics/catalog'
import { periodProblem } from '../../../engine/analytics/shape'
import { grantsOf, reportTable, reportWorkbook, viewerOf, widgetData, type Viewer } from '../../../modules/analytics'
import { errorResponse } from '../../../modules/core/http'

const today = () => new Date().toISOString().slice(0, 10)

function fieldError(status: number, message: string, field: string): Response {
  return Response.json({ errors: [{ message, field }] }, { status })
}

const period: Record<string, ParamDoc> = {
  from: { description: 'The first day of the period (YYYY-MM-DD); default: the widget’s or report’s own window.', schema: s.day() },
  to: { description: 'The last day of the period (YYYY-MM-DD), not before from.', schema: s.day() },
}

const SCOPE =
  'Every widget and report covers the caller’s scope: everything for the operating company’s staff, the caller’s own subtree for everyone else.'

const ACCESS = 'Logged-in users: company admins see every widget and report; others those granted to one of their roles (dashboard grants).'

const widgetSchema = s.obj({
  key: s.oneOf(WIDGET_KEYS),
  title: s.str(),
  description: s.str(),
  chart: s.oneOf(['bar', 'line', 'pie']),
  x: s.str('The row property holding the category or month.'),
  series: s.arr(s.obj({ key: s.str('The row property holding this plotted value.'), label: s.str() })),
  rows: s.arr({ type: 'object' }, 'Keyed by x and by each series’ key; money is an exact decimal string, counts and points whole numbers.'),
  from: s.str('The period’s first day (YYYY-MM-DD), or empty when the widget covers all time.'),
  to: s.str('The period’s last day (YYYY-MM-DD), or empty when the widget covers all time.'),
})

/** The viewer and the period asked (`from`, `to`: optional days), or the refusal. */
function requestOf(req: PayloadRequest): { viewer: Viewer; from?: string; to?: string } | Response {
  const viewer = viewerOf(req)
  if ('status' in viewer) return errorResponse(viewer.status, viewer.message)
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)
  const from = text(req.query?.from)
  const to = text(req.query?.to)
  const problem = periodProblem(from, to)
  if (problem) return fieldError(400, problem.message, problem.field)
  return { viewer, from, to }
}

/**
 * GET /api/dashboard-grants/widgets?from=&to= — every widget the caller may see (company admins: all; others: those
 * granted to one of their roles), each with its data for the caller's scope (staff: everything; others: their subtree).
 */
export const widgetsEndpoint: Endpoint = {
  path: '/widgets',
  method: 'get',
  custom: apiDoc({
    summary: 'Read every dashboard widget granted to you',
    description: `Every dashboard widget the caller may see, each with its data for the period. ${SCOPE}`,
    access: ACCESS,
    query: period,
    responses: { 200: { description: 'The widgets, with their data.', schema: s.obj({ widgets: s.arr(widgetSchema) }) } },
  }),
  handler: async (req) => {
    const asked = requestOf(req)
    if (asked instanceof Response) return asked
    const pool = dbPool(req.payload)
    const { widgets } = await grantsOf(pool, asked.viewer)
    const ctx = { today: today(), scope: asked.viewer.scope, from: asked.from, to: asked.to }
    const docs = []
    for (const key of widgets) docs.push(await widgetData(pool, key, ctx))
    return Response.json({ widgets: docs })
  },
}

/** GET /api/dashboard-grants/widgets/:key?from=&to= — one widget's data; 404 for an unknown key, 403 when not granted. */
export const widgetEndpoint: Endpoint = {
  path: '/widgets/:key',
  method: 'get',
  custom: apiDoc({
    summary: 'Read one dashboard widget',
    description: `One dashboard widget’s data for the period. ${SCOPE}`,
    access: ACCESS,
    params: { key: { description: 'The widget.', schema: s.oneOf(WIDGET_KEYS) } },
    query: period,
    responses: {
      200: { description: 'The widget’s data.', schema: widgetSchema },
      403: { description: 'The widget is not granted to the caller’s roles, or the login is attached to no participant.' },
      404: { description: 'No such widget.' },
    },
  }),
  handler: async (req) => {
    const asked = requestOf(req)
    if (asked instanceof Response) return asked
    const key = String(req.routeParams?.key ?? '')
    if (!Object.hasOwn(WIDGETS, key))
      return fieldError(404, `key: "${key.slice(0, 40)}" is not a widget (known: ${Object.keys(WIDGETS).join(', ')})`, 'key')
    const pool = dbPool(req.payload)
    const { widgets } = await grantsOf(pool, asked.viewer)
    if (!widgets.includes(key as WidgetKey))
      return fieldError(403, `the widget "${WIDGETS[key as WidgetKey]}" (${key}) is not granted to your roles`, 'key')
    return Response.json(
      await widgetData(pool, key as WidgetKey, { today: today(), scope: asked.viewer.scope, from: asked.from, to: asked.to }),
    )
  },
}

/** GET /api/dashboard-grants/reports — the reports the caller may download: key, title and download path. */
export const reportsEndpoint: Endpoint = {
  path: '/reports',
  method: 'get',
  custom: apiDoc({
    summary: 'List the reports you may download',
    description: 'The reports granted to the caller, each with its title and download path.',
    access: ACCESS,
    responses: {
      200: {
        description: 'The reports.',
        schema: s.obj({
          reports: s.arr(
            s.obj({
              key: s.oneOf(REPORT_KEYS),
              title: s.str(),
              path: s.str('The download path, /api/dashboard-grants/reports/<key>.xlsx.'),
            }),
          ),
        }),
      },
    },
  }),
  handler: async (req) => {
    const asked = requestOf(req)
    if (asked instanceof Response) return asked
    const { reports } = await grantsOf(dbPool(req.payload), asked.viewer)
    return Response.json({
      reports: reports.map((key) => ({ key, title: REPORTS[key], path: `/api/dashboard-grants/reports/${key}.xlsx` })),
    })
  },
}

/**
 * GET /api/dashboard-grants/reports/:key.xlsx?from=YYYY-MM-DD&to=YYYY-MM-DD — the report as an xlsx workbook for the
 * caller's scope; 404 for an unknown report, 403 naming the report when it is not granted to the caller's roles.
 */
export const reportFileEndpoint: Endpoint = {
  path: '/reports/:file',
  method: 'get',
  custom: apiDoc({
    summary: 'Download a report',
    description: `A report as an Excel workbook for the period. ${SCOPE}`,
    access: ACCESS,
    params: {
      file: {
        description: 'The report’s key followed by .xlsx (the key alone is accepted too).',
        schema: { type: 'string', enum: REPORT_KEYS.flatMap((key) => [`${key}.xlsx`, key]) },
      },
    },
    query: period,
    responses: {
      200: {
        description: 'The workbook, as an attachment.',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      403: { description: 'The report is not granted to the caller’s roles, or the login is attached to no participant.' },
      404: { description: 'No such report.' },
    },
  }),
  handler: async (req) => {
    const asked = requestOf(req)
    if (asked instanceof Response) return asked
    const file = String(req.routeParams?.file ?? '')
    const key = file.endsWith('.xlsx') ? file.slice(0, -'.xlsx'.length) : file
    if (!Object.hasOwn(REPORTS, key))
      return fieldError(404, `key: "${key.slice(0, 40)}" is not a report (known: ${Object.keys(REPORTS).join(', ')})`, 'key')
    const pool = dbPool(req.payload)
    const { reports } = await grantsOf(pool, asked.viewer)
    if (!reports.includes(key as ReportKey))
      return fieldError(403, `the report "${REPORTS[key as ReportKey]}" (${key}) is not granted to your roles`, 'key')
    const table = await reportTable(pool, key as ReportKey, { today: today(), scope: asked.viewer.scope, from: asked.from, to: asked.to })
    const suffix = [asked.from, asked.to].filter(Boolean).join('_')
    return new Response(new Uint8Array(await reportWorkbook(table)), {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${key}${suffix ? `-${suffix}` : ''}.xlsx"`,
      },
    })
  },
}
