import type { Endpoint } from 'payload'

import { dbPool } from '../../../db/pool'
import { apiDoc, s } from '../../../engine/api'
import { bodyOf } from '../../../modules/core/body'
import { errorResponse } from '../../../modules/core/http'
import { couponsOf, issueStaffCoupon } from '../../../modules/loyalty/coupons'
import { isStaffWriter, loyaltyCaller, loyaltyTransaction, todayUtc } from './orders'

const couponSchema = s.obj({
  id: s.int(),
  code: s.str(),
  kind: s.oneOf(['amount', 'percent']),
  value: s.str('The amount (in the currency’s units) or the percentage, as decimal text.'),
  currency: s.str(),
  expiresOn: s.day(),
  status: s.oneOf(['issued', 'used', 'void']),
  usable: s.bool('Issued and not expired today.'),
  label: s.nullable(s.str()),
  issuedOnOrder: s.nullable(s.str()),
  usedOnOrder: s.nullable(s.str()),
  customer: s.nullable(s.str()),
})

/**
 * GET /api/coupons/mine — the caller's coupons (their participant's, their customers' included), newest first:
 * `{ docs: [{ id, code, kind, value, currency, expiresOn, status, usable, label, issuedOnOrder, usedOnOrder, customer }] }`.
 */
export const myCouponsEndpoint: Endpoint = {
  path: '/mine',
  method: 'get',
  custom: apiDoc({
    summary: 'List my coupons',
    description: 'The caller’s coupons (their participant’s, their customers’ included), newest first, at most 500.',
    access: 'Any logged-in user (a login without a participant gets none).',
    responses: { 200: { description: 'The coupons.', schema: s.obj({ docs: s.arr(couponSchema) }) } },
  }),
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
  custom: apiDoc({
    summary: 'Issue a coupon',
    description:
      'Staff issue a coupon to a consultant (or a customer of theirs): an amount or a percentage off an order, valid for some days or until a day.',
    access: 'Company admins and company users.',
    idempotent: true,
    body: {
      schema: s.obj({
        consultant: s.str('The consultant (code or id).'),
        'customer?': s.str(),
        kind: s.oneOf(['amount', 'percent']),
        value: s.str('The amount (decimal string) or the percentage.'),
        currency: s.str('ISO 4217 code.'),
        'validDays?': s.int('Days the coupon is valid; or give expiresOn.'),
        'expiresOn?': s.day(),
        'label?': s.str(),
      }),
    },
    responses: {
      201: { description: 'The coupon with its new code.', schema: s.obj({ doc: couponSchema }) },
      422: { description: 'A field cannot be honoured (unknown consultant, bad kind, value or expiry); the error names it.' },
    },
  }),
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
