import type { Endpoint } from 'payload'

import { dbPool } from '../../../../db/pool'
import { apiDoc, s } from '../../../../engine/api'
import { isCalendarDay } from '../../../../engine/core/calendarDate'
import { isCurrencyCode } from '../../../../engine/core/money'
import { errorResponse } from '../../../../modules/core/http'
import { rebateDashboard } from '../../../../modules/rebates/finance'
import { actorOf } from '../../../../modules/rebates/http'

const isDay = (text: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))
}

const figures = {
  accrued: s.money(),
  claimed: s.money(),
  approved: s.money(),
  paid: s.money(),
  unclaimed: s.money(),
  expired: s.money(),
}
const row = s.obj({ key: s.str(), label: s.str(), ...figures })

/**
 * GET /api/rebate-accruals/dashboard?from=YYYY-MM-DD&to=YYYY-MM-DD&currency=USD — accrued, claimed, approved, paid,
 * unclaimed and expired, in total and by region, program kind and program (sales in the range). Partners get their
 * subtree's figures. Defaults: the current year, USD.
 */
export const accrualDashboard: Endpoint = {
  path: '/dashboard',
  method: 'get',
  custom: apiDoc({
    summary: 'Read the rebate figures',
    description:
      'Accrued, claimed, approved, paid, unclaimed and expired rebates for the sales in a date range, in total and by region, program kind and program, with the credit memos’ counts. Partners get their subtree’s figures.',
    access: 'Company staff, finance and auditors for everyone; a partner login for its own subtree.',
    query: {
      from: { description: 'First sale day, YYYY-MM-DD; default 1 January of this year.', schema: s.day() },
      to: { description: 'Last sale day, YYYY-MM-DD; default 31 December of this year.', schema: s.day() },
      currency: { description: 'ISO 4217 code; default USD.', schema: s.str() },
    },
    responses: {
      200: {
        description: 'The figures.',
        schema: s.obj({
          from: s.day(),
          to: s.day(),
          currency: s.str(),
          totals: s.obj(figures),
          byRegion: s.arr(row),
          byKind: s.arr(row),
          byProgram: s.arr(row),
          memos: s.obj({ pending: s.int(), issued: s.int(), refused: s.int(), issuedAmount: s.money() }),
        }),
      },
      403: { description: 'The login is not attached to a partner.' },
    },
  }),
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
