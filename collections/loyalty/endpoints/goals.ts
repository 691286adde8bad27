import type { Endpoint } from 'payload'

import { dbPool } from '../../../db/pool'
import { isInSubtree } from '../../../engine/network'
import { bodyOf } from '../../../modules/core/body'
import { errorResponse } from '../../../modules/core/http'
import { badRouteId, routeId } from '../../../modules/core/routeId'
import { refusalResponse } from '../../../modules/loyalty/errors'
import { checkGoalItem, goalProgressOf } from '../../../modules/loyalty/goals'
import { periodOf, referralsOf, rewardReferrals } from '../../../modules/loyalty/referrals'
import { isStaffReader, isStaffWriter, loyaltyCaller, loyaltyTransaction, todayUtc } from './orders'

/**
 * GET /api/loyalty-goals/progress[?consultant=ID or code][&goal=ID] — each goal's checklist for the consultant (the
 * caller when not given): every item with what was measured and whether it is met, `met`, `total` and `percent`
 * (met ÷ items, half up to the whole percent). Staff see anyone; others themselves and their subtree (403 otherwise).
 */
export const goalProgressEndpoint: Endpoint = {
  path: '/progress',
  method: 'get',
  handler: async (req) => {
    const caller = await loyaltyCaller(req)
    if (!caller) return errorResponse(401, 'log in to see goal progress')
    const url = new URL(req.url ?? 'http://x/')
    const asked = (url.searchParams.get('consultant') ?? '').trim()
    const goalText = (url.searchParams.get('goal') ?? '').trim()
    if (goalText && !/^\d{1,9}$/.test(goalText))
      return Response.json({ errors: [{ message: 'goal must be a goal id', field: 'goal' }] }, { status: 422 })
    const pool = dbPool(req.payload)
    let target: { id: number; path: string } | undefined
    if (asked) {
      const byId = /^\d{1,9}$/.test(asked)
      target = (
        await pool.query<{ id: number; path: string }>(`select id, path from participants where ${byId ? 'id = $1::int' : 'code = $1'}`, [
          byId ? Number(asked) : asked,
        ])
      ).rows[0]
      if (!target) return Response.json({ errors: [{ message: `unknown consultant "${asked}"`, field: 'consultant' }] }, { status: 422 })
    } else {
      if (caller.participantId === null)
        return Response.json({ errors: [{ message: 'give ?consultant=', field: 'consultant' }] }, { status: 422 })
      target = { id: caller.participantId, path: caller.path ?? '' }
    }
    if (!isStaffReader(caller) && (caller.participantId === null || !isInSubtree(target.path, caller.participantId)))
      return Response.json({ errors: [{ message: 'you see the goals of your own network only', field: 'consultant' }] }, { status: 403 })
    try {
      return Response.json({ docs: await goalProgressOf(pool, target.id, goalText ? Number(goalText) : null) })
    } catch (err) {
      const answer = refusalResponse(err)
      if (answer) return answer
      throw err
    }
  },
}

/**
 * POST /api/loyalty-goals/:id/check — staff tick a manual checklist item for a consultant: `{ consultant (id or code),
 * item (the item's id or label), note? }`. Answers the consultant's progress on that goal; 422 naming the field.
 */
export const checkGoalEndpoint: Endpoint = {
  path: '/:id/check',
  method: 'post',
  handler: async (req) => {
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const caller = await loyaltyCaller(req)
    if (!caller) return errorResponse(401, 'log in to tick goal items')
    if (!isStaffWriter(caller)) return errorResponse(403, 'only company admins and users tick goal items')
    const { fields } = await bodyOf(req)
    return loyaltyTransaction(req, (client) => checkGoalItem(client, id, fields))
  },
}

/** The goals endpoints. */
export const goalEndpoints: Endpoint[] = [goalProgressEndpoint, checkGoalEndpoint]

/**
 * POST /api/loyalty-programs/referrals — staff reward the referrals of a campaign: `{ period (id or label) }`. Answers
 * the run: the rule version, how many referrals were evaluated, each reward line with `posted` (false when an earlier
 * run had posted it), and the referrals the rule failed on. 409 `period` while the campaign has not ended.
 */
export const rewardReferralsEndpoint: Endpoint = {
  path: '/referrals',
  method: 'post',
  handler: async (req) => {
    const caller = await loyaltyCaller(req)
    if (!caller) return errorResponse(401, 'log in to reward referrals')
    if (!isStaffWriter(caller)) return errorResponse(403, 'only company admins and users reward referrals')
    const { fields } = await bodyOf(req)
    return loyaltyTransaction(req, async (client) => rewardReferrals(client, (await periodOf(client, fields.period)).id, todayUtc()))
  },
}

/** GET /api/loyalty-programs/referrals/mine — the caller's referrals: `{ docs: [{ code, name, joinedOn, points, credit, earned }] }`. */
export const myReferralsEndpoint: Endpoint = {
  path: '/referrals/mine',
  method: 'get',
  handler: async (req) => {
    const caller = await loyaltyCaller(req)
    if (!caller) return errorResponse(401, 'log in to see your referrals')
    if (caller.participantId === null) return Response.json({ docs: [] })
    return Response.json({ docs: await referralsOf(dbPool(req.payload), caller.participantId) })
  },
}

/** The loyalty programs' referral endpoints. */
export const referralEndpoints: Endpoint[] = [rewardReferralsEndpoint, myReferralsEndpoint]
