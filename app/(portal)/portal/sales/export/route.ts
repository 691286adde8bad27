import config from '@payload-config'
import { getPayload } from 'payload'

import { parseMonth } from '../../../../../engine/portal'
import { dbPool } from '../../../../../db/pool'
import { errorResponse } from '../../../../../modules/core/http'
import { salesWorkbook } from '../../../../../modules/portal/salesWorkbook'

export const dynamic = 'force-dynamic'

/**
 * GET /portal/sales/export?period=YYYY-MM: the month of "My sales" as .xlsx, for the logged-in portal user's network
 * (the session cookie, or an `Authorization: JWT …` header, as every Payload request).
 */
export async function GET(request: Request): Promise<Response> {
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: request.headers })
  if (!user || user.collection !== 'users') return errorResponse(401, 'log in first')
  const participant = user.participant
  const participantId =
    participant === null || participant === undefined ? null : typeof participant === 'object' ? participant.id : participant
  if (participantId === null) return errorResponse(403, 'this login is not attached to a participant')
  const period = parseMonth(new URL(request.url).searchParams.get('period'))
  if (period === null) return errorResponse(400, 'period must be a month such as 2026-10')
  const { fileName, bytes } = await salesWorkbook(dbPool(payload), participantId, period)
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    },
  })
}
