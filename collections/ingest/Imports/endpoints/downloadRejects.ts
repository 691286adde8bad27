import type { Endpoint } from 'payload'

import { apiDoc } from '../../../../engine/api'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { writeRejectsWorkbook, type RejectRow, type UnknownValueCount } from '../../../../modules/ingest/rejectsWorkbook'
import { dbPool } from '../../../../db/pool'
import { errorResponse } from '../../../../modules/core/http'
import { findOrNull } from '../../../../modules/core/findOrNull'

const PAGE = 5_000

/** GET /api/imports/:id/rejects — the import's rejected rows as a workbook (original columns + Errors), and its unknown values. */
export const downloadRejects: Endpoint = {
  path: '/:id/rejects',
  method: 'get',
  custom: apiDoc({
    summary: 'Download an import’s rejected rows',
    description:
      'The rejected rows as an Excel workbook: the original columns plus an Errors column naming each field and reason, and a sheet of unknown values (codes not in the master data) with their counts.',
    access: 'Whoever may read the import.',
    responses: {
      200: {
        description: 'The workbook; header x-rejected-rows carries the count.',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    },
  }),
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'log in to download rejected rows')
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const doc = await findOrNull(req.payload.findByID({ collection: 'imports', id, depth: 0, overrideAccess: false, user: req.user, req }))
    if (!doc) return errorResponse(404, `import ${req.routeParams?.id} not found`)
    const pool = dbPool(req.payload)
    async function* pages(): AsyncIterable<RejectRow[]> {
      for (let after = 0; ;) {
        const page = await pool.query<RejectRow>(
          `select row_number::int as "rowNumber", reasons, cells from import_rejects where import_id = $1 and row_number > $2 order by row_number limit $3`,
          [id, after, PAGE],
        )
        if (page.rows.length === 0) return
        yield page.rows
        after = page.rows[page.rows.length - 1]!.rowNumber
      }
    }
    const unknown = await pool.query<UnknownValueCount>(
      `select u."column", u.field, u.value, count(*)::int as rows, min(r.row_number)::int as "firstRow"
         from import_rejects r, jsonb_to_recordset(r.unknown_values) as u(field text, "column" text, value text)
        where r.import_id = $1 and r.unknown_values is not null
        group by u."column", u.field, u.value
        order by u."column", count(*) desc, u.value
        limit 1000`,
      [id],
    )
    const buffer = await writeRejectsWorkbook((doc.headers as string[] | null) ?? [], pages(), unknown.rows)
    const base = String(doc.filename ?? `import-${id}`).replace(/\.(xlsx|csv)$/i, '')
    return new Response(new Uint8Array(buffer), {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${base}-rejected-rows.xlsx"`,
        'x-rejected-rows': String(doc.rejected ?? 0),
      },
    })
  },
}
