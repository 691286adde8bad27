import { APIError, type CollectionAfterLoginHook, type CollectionBeforeOperationHook } from 'payload'

import { clientAddress } from '../../../../server/clientAddress'
import { countLoginAttempt, forgiveLogin } from '../../../../server/rateLimit'
import type { User } from '../../../../payload-types'
import { loginEmail } from './loginEmail'

/**
 * Throttles password guessing: every login attempt counts against the client's address and the email it names
 * (server/rateLimit.ts); past either limit the answer is 429 with Retry-After, whoever the email belongs to. A
 * successful login takes its attempt back (see `forgiveThrottledLogin`), so only failures add up.
 */
export const throttleLogin: CollectionBeforeOperationHook<'users'> = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const email = loginEmail(args.data)
  if (email === null) return args
  const retryAfter = await countLoginAttempt(req.payload, clientAddress(), email)
  if (retryAfter === null) return args
  req.responseHeaders = new Headers({ 'Retry-After': String(retryAfter) })
  throw new APIError(
    `Too many failed logins. Try again in ${Math.ceil(retryAfter / 60)} minute${retryAfter > 60 ? 's' : ''}.`,
    429,
    null,
    true,
  )
}

export const forgiveThrottledLogin: CollectionAfterLoginHook<User> = async ({ req, user }) => {
  const email = loginEmail(user)
  if (email !== null) await forgiveLogin(req.payload, clientAddress(), email)
  return user
}
