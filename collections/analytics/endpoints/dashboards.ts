import type { Endpoint, PayloadRequest } from 'payload'

import { dbPool } from '../../../db/pool'
import { REPORTS, WIDGETS, type ReportKey, type WidgetKey } from '../../../engine/analytics/catalog'
import { periodProblem } from '../../../engine/analytics/shape'
import { grantsOf, reportTable, reportWorkbook, viewerOf, widgetData, type Viewer } from '../../../modules/analytics'
import { errorResponse } from '../../../modules/core/http'

const today = () => new Date().toISOString().slice(0, 10)

function fieldError(status: number, message: string, field: string): Response {
  return Response.json({ errors: [{ message, field }] }, { status })
}

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
