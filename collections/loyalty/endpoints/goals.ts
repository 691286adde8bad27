import type { Endpoint } from 'payload'

import { dbPool } from '../../../db/pool'
import { apiDoc, s } from '../../../engine/api'
import { isInSubtree } from '../../../engine/network'
import { bodyOf } from '../../../modules/core/body'
import { errorResponse } from '../../../modules/core/http'
import { badRouteId, routeId } from '../../../modules/core/routeId'
import { refusalResponse } from '../../../modules/loyalty/errors'
import { checkGoalItem, goalProgressOf } from '../../../modules/loyalty/goals'
import { periodOf, referralsOf, rewardReferrals } from '../../../modules/loyalty/referrals'
import { isStaffReader, isStaffWriter, loyaltyCaller, loyaltyTransaction, todayUtc } from './orders'

const progressSchema = s.obj({
  goal: s.obj({
    id: s.int(),
    name: s.str(),
    award: s.str(),
    awardDescription: s.nullable(s.str()),
    startsOn: s.day(),
    endsOn: s.day(),
  }),
  consultant: s.obj({ id: s.int(), code: s.str() }),
  items: s.arr(
    s.obj({
      id: s.str(),
      label: s.str(),
      metric: s.anyJson('What the item measures.'),
      target: s.nullable(s.str()),
      measured: s.nullable(s.str('What was measured, as text.')),
      met: s.bool(),
      'note?': s.nullable(s.str('The note of a manual tick.')),
    }),
  ),
  met: s.int('Items met.'),
  total: s.int('Items in the checklist.'),
  percent: s.int('met ÷ total, half up to the whole percent.'),
})

/**
 * GET /api/loyalty-goals/progress[?consultant=ID or code][&goal=ID] — each goal's checklist for the consultant (the
 * caller when not given): every item with what was measured and whether it is met, `met`, `total` and `percent`
 * (met ÷ items, half up to the whole percent). Staff see anyone; others themselves and their subtree (403 otherwise).
 */
export const goalProgressEndpoint: Endpoint = {
  path: '/progress',
  method: 'get',
  custom: apiDoc({
    summary: 'Read goal progress',
    description:
      'Each loyalty goal’s checklist for a consultant: every item with what was measured and whether it is met, and the share of items met.',
    access: 'Company staff, finance and auditors for anyone; anyone else for themselves and their subtree.',
    query: {
      consultant: { description: 'The consultant (id or code); default the caller’s own participant.', schema: s.str() },
      goal: { description: 'Only this goal (its id).', schema: s.int() },
    },
    responses: {
      200: { description: 'The progress on each goal.', schema: s.obj({ docs: s.arr(progressSchema) }) },
      403: { description: 'The consultant is outside the caller’s network.' },
      422: { description: 'Unknown consultant, a goal that is not an id, or no consultant to show.' },
    },
  }),
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
  custom: apiDoc({
    summary: 'Tick a goal’s manual checklist item',
    description: 'Staff tick a manual checklist item of the goal for a consultant.',
    access: 'Company admins and company users.',
    body: {
      schema: s.obj({
        consultant: s.str('The consultant (id or code).'),
        item: s.str('The checklist item’s id or label.'),
        'note?': s.str(),
      }),
    },
    responses: {
      200: { description: 'The consultant’s progress on the goal.', schema: progressSchema },
      422: { description: 'Unknown consultant or item, or an item that is not ticked by hand; the error names the field.' },
    },
  }),
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
  custom: apiDoc({
    summary: 'Reward a campaign’s referrals',
    description:
      'Staff reward the referrals of an ended campaign with the referral rule: each reward line says whether it was posted now or by an earlier run, so a second run posts nothing twice.',
    access: 'Company admins and company users.',
    idempotent: true,
    body: { schema: s.obj({ period: s.str('The campaign (commission period id or label).') }) },
    responses: {
      200: {
        description: 'The run.',
        schema: s.obj({
          period: s.obj({ id: s.int(), label: s.str(), startsOn: s.day(), endsOn: s.day() }),
          program: s.str(),
          ruleVersion: s.obj({ id: s.int(), label: s.str() }),
          referrals: s.int('Referrals evaluated.'),
          rewards: s.arr(
            s.obj({
              referrer: s.str(),
              newMember: s.str(),
              label: s.str(),
              points: s.nullable(s.int()),
              amount: s.nullable(s.money()),
              currency: s.nullable(s.str()),
              posted: s.bool('False when an earlier run had posted it.'),
            }),
          ),
          failures: s.arr(s.obj({ newMember: s.str(), reason: s.str() })),
        }),
      },
      409: { description: 'The campaign has not ended yet.' },
      422: { description: 'Unknown period, not a loyalty campaign, or no program with referral rules.' },
    },
  }),
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
  custom: apiDoc({
    summary: 'List my referrals',
    description: 'The members the caller referred, with the points and credit each earned them.',
    access: 'Any logged-in user (a login without a participant gets none).',
    responses: {
      200: {
        description: 'The referrals.',
        schema: s.obj({
          docs: s.arr(
            s.obj({
              id: s.int(),
              code: s.str(),
              name: s.str(),
              joinedOn: s.nullable(s.day()),
              points: s.int(),
              credit: s.arr(s.obj({ currency: s.str(), amount: s.money() })),
              earned: s.arr(
                s.obj({
                  campaign: s.nullable(s.str()),
                  label: s.str(),
                  points: s.nullable(s.int()),
                  amount: s.nullable(s.money()),
                  currency: s.nullable(s.str()),
                }),
              ),
            }),
          ),
        }),
      },
    },
  }),
  handler: async (req) => {
    const caller = await loyaltyCaller(req)
    if (!caller) return errorResponse(401, 'log in to see your referrals')
    if (caller.participantId === null) return Response.json({ docs: [] })
    return Response.json({ docs: await referralsOf(dbPool(req.payload), caller.participantId) })
  },
}

/** The loyalty programs' referral endpoints. */
export const referralEndpoints: Endpoint[] = [rewardReferralsEndpoint, myReferralsEndpoint]
