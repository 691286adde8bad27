import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Endpoint } from 'payload'

import { apiDoc } from '../../../../engine/api'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { statementsDir } from '../../../../modules/core/uploadDir'
import { dbPool } from '../../../../db/pool'
import { errorResponse } from '../../../../modules/core/http'
import { findOrNull } from '../../../../modules/core/findOrNull'

const TYPES = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const

/** GET /api/commission-statements/:id/{pdf,xlsx}: the file, for whoever may read the statement (row-level access). */
export function downloadStatement(kind: keyof typeof TYPES): Endpoint {
  return {
    path: `/:id/${kind}`,
    method: 'get',
    custom: apiDoc({
      summary: kind === 'pdf' ? 'Download a commission statement as PDF' : 'Download a commission statement as Excel',
      description: `The participant’s commission statement for the run, as the ${kind === 'pdf' ? 'PDF' : 'Excel workbook'} the statements job generated.`,
      access: 'Whoever may read the statement: staff every statement, a partner those of its own subtree.',
      responses: {
        200: { description: 'The file, as an attachment.', contentType: TYPES[kind] },
        404: { description: 'No such statement readable by the caller, or its file has not been generated yet (run the statements job).' },
      },
    }),
    handler: async (req) => {
      if (!req.user) return errorResponse(401, 'log in first')
      const id = routeId(req)
      if (id === null) return badRouteId(req)
      const statement = await findOrNull(
        req.payload.findByID({ collection: 'commission-statements', id, depth: 0, req, overrideAccess: false, user: req.user }),
      )
      if (!statement) return errorResponse(404, `statement ${String(req.routeParams?.id)} not found`)
      const pool = dbPool(req.payload)
      const file = await pool.query<{ name: string | null }>(
        `select ${kind === 'pdf' ? 'pdf_file' : 'xlsx_file'} as name from commission_statements where id = $1`,
        [id],
      )
      const name = file.rows[0]?.name
      if (!name) return errorResponse(404, 'the file has not been generated yet; run the statements job')
      const bytes = await readFile(path.join(statementsDir(), path.basename(name)))
      return new Response(new Uint8Array(bytes), {
        headers: { 'content-type': TYPES[kind], 'content-disposition': `attachment; filename="${path.basename(name)}"` },
      })
    },
  }
}
