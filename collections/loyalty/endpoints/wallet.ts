/**
 * The wallet endpoints: converting points, credit and currencies at the rates in force, and the balances.
 */
import type { Endpoint } from 'payload'

import { currentUser } from '../../../access/core/user'
import { dbPool } from '../../../db/pool'
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
