import type { PayloadRequest } from 'payload'
import { errorResponse } from './http'

/** Every id is a PostgreSQL integer. */
const MAX_ID = 2_147_483_647

/**
 * A numeric path parameter of a custom endpoint (`/:id/mark-paid`): a positive whole number, or null when the
 * client sent anything else (`abc`, `NaN`, `-1`, `1e400`), which the endpoint answers with `badRouteId`.
 */
export function routeId(req: PayloadRequest, name = 'id'): number | null {
  const raw = req.routeParams?.[name]
  if (typeof raw !== 'string' || !/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > MAX_ID) return null
  return Number(raw)
}

/** The 400 for a path parameter that is not an id. */
export function badRouteId(req: PayloadRequest, name = 'id'): Response {
  const raw = req.routeParams?.[name]
  const shown = JSON.stringify(String(raw ?? ''))
    .slice(1, -1)
    .slice(0, 80)
  return errorResponse(400, `${name} must be a positive whole number; "${shown}" is not one`)
}
