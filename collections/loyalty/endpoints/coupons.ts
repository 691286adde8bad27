import type { Endpoint } from 'payload'

import { dbPool } from '../../../db/pool'
import { bodyOf } from '../../../modules/core/body'
import { errorResponse } from '../../../modules/core/http'
import { couponsOf, issueStaffCoupon } from '../../../modules/loyalty/coupons'
import { isStaffWriter, loyaltyCaller, loyaltyTransaction, todayUtc } from './orders'

/**
 * GET /api/coupons/mine — the caller's coupons (their participant's, their customers' included), newest first:
 * `{ docs: [{ id, code, kind, value, currency, expiresOn, status, usable, label, issuedOnOrder, usedOnOrder, customer }] }`.
 */
export const myCouponsEndpoint: Endpoint = {
  path: '/mine',
  method: 'get',
  handler: async (req) => {
    const caller = await loyaltyCaller(req)
    if (!caller) return errorResponse(401, 'log in to see your coupons')
    if (caller.participantId === null) return Response.json({ docs: [] })
    return Response.json({ docs: await couponsOf(dbPool(req.payload), caller.participantId, todayUtc()) })
  },
}

/**
 * POST /api/coupons/issue — staff (company admins and users) issue a coupon: `{ consultant (code or id), customer?,
 * kind: "amount" | "percent", value, currency, validDays | expiresOn, label? }`. Answers 201 `{ doc }` with the new
 * code; 422 naming the field otherwise.
 */
export const issueCouponEndpoint: Endpoint = {
  path: '/issue',
  method: 'post',
  handler: async (req) => {
    const caller = await loyaltyCaller(req)
    if (!caller) return errorResponse(401, 'log in to issue coupons')
    if (!isStaffWriter(caller)) return errorResponse(403, 'only company admins and users issue coupons')
    const { fields } = await bodyOf(req)
    const answer = await loyaltyTransaction(req, async (client) => ({ doc: await issueStaffCoupon(client, fields, todayUtc()) }))
    return answer.ok ? Response.json(await answer.json(), { status: 201 }) : answer
  },
}

/** The coupons endpoints. */
export const couponEndpoints: Endpoint[] = [myCouponsEndpoint, issueCouponEndpoint]
