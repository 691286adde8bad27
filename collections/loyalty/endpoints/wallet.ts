/**
 * The wallet endpoints: converting points, credit and currencies at the rates in force, and the balances.
 */
import type { Endpoint } from 'payload'

import { currentUser } from '../../../access/core/user'
import { dbPool } from '../../../db/pool'
import { apiDoc, s } from '../../../engine/api'
import { isCurrencyCode } from '../../../engine/core/money'
import { bodyOf } from '../../../modules/core/body'
import { errorResponse } from '../../../modules/core/http'
import { LoyaltyRefusal, refusalResponse } from '../../../modules/loyalty/errors'
import { programOf, type Holder } from '../../../modules/loyalty/ledger'
import {
  convertCreditToPoints,
  convertCurrency,
  convertPointsToCredit,
  exchangeCommission,
  walletBalances,
} from '../../../modules/loyalty/wallet'
import { consultantFor, customerOf, inLoyaltyTransaction, todayOf } from './points'

const POINTS = /^points:([A-Z0-9_-]{1,32})$/

/**
 * POST /api/wallet-entries/convert {from, to, amount | points, program?, consultant?, customer?, exchange?}:
 * `points:STARS` → USD (points), USD → `points:STARS` (amount; `exchange: 'commission'` books it as commission money
 * exchanged for points), USD → EUR (amount). `points` with `program: 'STARS'` is points:STARS. Answers 201 with the
 * rate, points, amount (the money credited, used or received) and the wallet entries and points movements written.
 */
export const convertEndpoint: Endpoint = {
  path: '/convert',
  method: 'post',
  custom: apiDoc({
    summary: 'Convert points, credit or currencies in the wallet',
    description:
      'Converts at the rate in force today: points of a program to account credit (from points:CODE, with points), credit to points (to points:CODE, with amount; exchange commission books commission money exchanged for points), or one currency to another (with amount).',
    access: 'A consultant for their own wallet (and their customers’); company admins and company users for anyone.',
    idempotent: true,
    body: {
      schema: s.obj({
        from: s.str('A currency (USD) or points:<program code>; "points" with program means points:<program>.'),
        to: s.str('A currency or points:<program code>.'),
        'points?': s.int('Points to convert (from points).'),
        'amount?': s.money('The amount to convert (from a currency).'),
        'program?': s.str('The program meant by "points".'),
        'exchange?': s.oneOf(['commission'], 'Book the credit as commission money exchanged for points.'),
        'consultant?': s.str('The consultant (id or code); default the caller’s own participant.'),
        'customer?': s.str(),
      }),
    },
    responses: {
      201: {
        description: 'The conversion and what it wrote.',
        schema: s.obj({
          rate: s.str('The rate applied, as decimal text.'),
          rateId: s.int('The conversion rate used.'),
          points: s.int('The points spent or credited (0 for a currency exchange).'),
          amount: s.money('The money credited, used or received.'),
          currency: s.str(),
          walletEntries: s.arr(s.int()),
          movements: s.arr(s.int()),
        }),
      },
      409: { description: 'Not enough points or credit.' },
      422: { description: 'No conversion rate is in force today, or the amount cannot be converted.' },
    },
  }),
  handler: async (req) => {
    try {
      const user = currentUser(req)
      if (!user) return errorResponse(401, 'log in to use the wallet')
      const { fields } = await bodyOf(req)
      // `points` alone names the program given in `program`: {from: 'points', program: 'STARS'} = points:STARS.
      const unit = (value: unknown) => {
        const text = String(value ?? '').trim()
        return text === 'points' && fields.program ? `points:${String(fields.program).trim()}` : text
      }
      const from = unit(fields.from)
      const to = unit(fields.to)
      const fromPoints = POINTS.exec(from)
      const toPoints = POINTS.exec(to)
      if (!fromPoints && !isCurrencyCode(from))
        throw new LoyaltyRefusal(`from: "${from}" is neither a currency (USD) nor points:<program>`, 400, 'from')
      if (!toPoints && !isCurrencyCode(to))
        throw new LoyaltyRefusal(`to: "${to}" is neither a currency (USD) nor points:<program>`, 400, 'to')
      if (fromPoints && toPoints) throw new LoyaltyRefusal('to: points convert to money, not to other points', 400, 'to')
      const consultantId = await consultantFor(req, fields.consultant, 'write')
      const customer = customerOf(fields.customer)
      const today = todayOf()
      const amount = fields.amount === undefined || fields.amount === null ? '' : String(fields.amount).trim()
      if (fromPoints) {
        const points = Number(fields.points)
        if (!Number.isSafeInteger(points) || points <= 0)
          throw new LoyaltyRefusal('points: a whole number of points above zero', 400, 'points')
        return inLoyaltyTransaction(
          req,
          async (client) => {
            const program = await programOf(client, fromPoints[1]!)
            const holder: Holder = { programId: program.id, consultantId, customer }
            return convertPointsToCredit(client, holder, points, to, today, user.id)
          },
          201,
        )
      }
      if (!amount) throw new LoyaltyRefusal(`amount: the ${from} amount to convert`, 400, 'amount')
      if (toPoints)
        return inLoyaltyTransaction(
          req,
          async (client) => {
            const program = await programOf(client, toPoints[1]!)
            const holder: Holder = { programId: program.id, consultantId, customer }
            // {exchange: 'commission'}: the credit is commission money exchanged for points (entry kind commission_exchange).
            return fields.exchange === 'commission'
              ? exchangeCommission(client, holder, amount, from, today, user.id)
              : convertCreditToPoints(client, holder, amount, from, today, user.id)
          },
          201,
        )
      return inLoyaltyTransaction(req, (client) => convertCurrency(client, consultantId, customer, amount, from, to, today, user.id), 201)
    } catch (err) {
      const answer = refusalResponse(err)
      if (answer) return answer
      throw err
    }
  },
}

/** GET /api/wallet-entries/balances[?consultant=ID|CODE][&customer=X] — the wallet's balance per currency. */
export const balancesEndpoint: Endpoint = {
  path: '/balances',
  method: 'get',
  custom: apiDoc({
    summary: 'Read wallet balances',
    description: 'The wallet’s balance per currency for a consultant or one of their customers.',
    access:
      'A consultant for their own wallet (and their customers’); company staff, finance and auditors for anyone; partners’ managers for their subtree.',
    query: {
      consultant: { description: 'The consultant (id or code); default the caller’s own participant.', schema: s.str() },
      customer: { description: 'A customer of the consultant; default the consultant’s own wallet.', schema: s.str() },
    },
    responses: {
      200: {
        description: 'The balances.',
        schema: s.obj({
          consultant: s.int(),
          customer: s.nullable(s.str()),
          balances: s.arr(s.obj({ currency: s.str(), balance: s.money() })),
        }),
      },
    },
  }),
  handler: async (req) => {
    try {
      if (!req.user) return errorResponse(401, 'log in to read a wallet')
      const consultantId = await consultantFor(req, req.query.consultant, 'read')
      const customer = customerOf(req.query.customer)
      return Response.json({
        consultant: consultantId,
        customer,
        balances: await walletBalances(dbPool(req.payload), consultantId, customer),
      })
    } catch (err) {
      const answer = refusalResponse(err)
      if (answer) return answer
      throw err
    }
  },
}
