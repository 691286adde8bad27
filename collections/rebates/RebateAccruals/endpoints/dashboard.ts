import type { Endpoint } from 'payload'

import { dbPool } from '../../../../db/pool'
import { isCalendarDay } from '../../../../engine/core/calendarDate'
import { isCurrencyCode } from '../../../../engine/core/money'
import { errorResponse } from '../../../../modules/core/http'
import { rebateDashboard } from '../../../../modules/rebates/finance'
import { actorOf } from '../../../../modules/rebates/http'

const isDay = (text: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))
}

/**
 * GET /api/rebate-accruals/dashboard?from=YYYY-MM-DD&to=YYYY-MM-DD&currency=USD — accrued, claimed, approved, paid,
 * unclaimed and expired, in total and by region, program kind and program (sales in the range). Partners get their
 * subtree's figures. Defaults: the current year, USD.
 */
export const accrualDashboard: Endpoint = {
  path: '/dashboard',
  method: 'get',
  handler: async (req) => {
    const actor = await actorOf(req)
    if (!actor) return errorResponse(401, 'log in to see rebate figures')
    const staff = actor.roles.some((role) => ['company_admin', 'company_user', 'finance', 'auditor'].includes(role))
    if (!staff && actor.participantPath === null) return errorResponse(403, 'your login is not attached to a partner')
    const year = new Date().getUTCFullYear()
    const from = String(req.query.from ?? `${year}-01-01`)
    const to = String(req.query.to ?? `${year}-12-31`)
    const currency = String(req.query.currency ?? 'USD').toUpperCase()
    if (!isDay(from) || !isDay(to)) return errorResponse(400, 'from and to: calendar days as YYYY-MM-DD')
    if (!isCurrencyCode(currency)) return errorResponse(400, `currency: "${currency}" is not an ISO 4217 code`)
    return Response.json(await rebateDashboard(dbPool(req.payload), { from, to, currency, scope: staff ? null : actor.participantPath }))
  },
}
