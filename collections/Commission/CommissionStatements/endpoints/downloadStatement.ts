import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Endpoint } from 'payload'
import type { Pool } from 'pg'

import { badRouteId, routeId } from '../../../../hooks/routeId'
import { statementsDir } from '../../../uploadDir'

const TYPES = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const

/** GET /api/commission-statements/:id/{pdf,xlsx}: the file, for whoever may read the statement (row-level access). */
export function downloadStatement(kind: keyof typeof TYPES): Endpoint {
  return {
    path: `/:id/${kind}`,
    method: 'get',
    handler: async (req) => {
      if (!req.user) return Response.json({ errors: [{ message: 'log in first' }] }, { status: 401 })
      const id = routeId(req)
      if (id === null) return badRouteId(req)
      const statement = await req.payload.findByID({ collection: 'commission-statements', id, depth: 0, req, overrideAccess: false, user: req.user }).catch(() => null)
      if (!statement) return Response.json({ errors: [{ message: `statement ${String(req.routeParams?.id)} not found` }] }, { status: 404 })
      const pool = (req.payload.db as unknown as { pool: Pool }).pool
      const file = await pool.query<{ name: string | null }>(`select ${kind === 'pdf' ? 'pdf_file' : 'xlsx_file'} as name from commission_statements where id = $1`, [id])
      const name = file.rows[0]?.name
      if (!name) return Response.json({ errors: [{ message: 'the file has not been generated yet; run the statements job' }] }, { status: 404 })
      const bytes = await readFile(path.join(statementsDir(), path.basename(name)))
      return new Response(new Uint8Array(bytes), {
        headers: { 'content-type': TYPES[kind], 'content-disposition': `attachment; filename="${path.basename(name)}"` },
      })
    },
  }
}
