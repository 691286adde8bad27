import crypto from 'node:crypto'
import { promisify } from 'node:util'
import { type AfterErrorHook, AuthenticationError, type CollectionBeforeOperationHook, LockedAuth } from 'payload'

import type { User } from '../../../../payload-types'
import { loginEmail } from './loginEmail'

const pbkdf2 = promisify(crypto.pbkdf2)

/**
 * Payload answers a login for an email that has no account, and one for a locked account, before checking any
 * password: in a few milliseconds instead of the hundreds a password check costs, and the locked one with its own
 * message. Both told a caller which emails exist. Before Payload looks, this hook spends the cost of one password
 * check for an unknown email (Payload then answers "incorrect" as for a wrong password), and answers a locked account
 * with that same "incorrect" after the same cost. `hideLockout` does the same for the attempt that locks an account.
 */
export const equalLoginCost: CollectionBeforeOperationHook<'users'> = async ({ args, collection, operation, req }) => {
  if (operation !== 'login') return args
  // What the client sent: the declared `{ email, password }` strings are not checked yet.
  const data: { password?: unknown } | undefined = args.data
  const email = loginEmail(data)
  const password = data?.password
  if (email === null || typeof password !== 'string' || password.trim() === '') return args
  const user = await req.payload.db.findOne<User>({ collection: collection.slug, req, where: { email: { equals: email } } })
  if (user === null) {
    await checkPasswordCost(password, null)
  } else if (isLocked(user.lockUntil)) {
    await checkPasswordCost(password, typeof user.hash === 'string' ? user.hash : null)
    throw new AuthenticationError(req.t)
  }
  return args
}

/**
 * The account locked by this very attempt answers like any wrong password, over REST and GraphQL alike (a global
 * `afterError` hook: Payload runs a collection's own only for REST).
 */
export const hideLockout: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (!(error instanceof LockedAuth)) return
  const incorrect = new AuthenticationError(req.t)
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message: incorrect.message,
        extensions: { ...graphqlResult.extensions, name: incorrect.name, statusCode: incorrect.status },
      },
    }
  }
  return { response: { errors: [{ message: incorrect.message }] }, status: incorrect.status }
}

/**
 * One PBKDF2 run with the parameters Payload 3.90 checks `hash` with (its generatePasswordSaltHash and
 * authenticateLocalStrategy): `pbkdf2-sha256-v1:` hashes take 600,000 SHA-256 iterations for 32 bytes, older ones
 * 25,000 for 512 bytes; an email without a login costs what a current hash costs.
 */
async function checkPasswordCost(password: string, hash: string | null): Promise<void> {
  const legacy = hash !== null && !hash.startsWith('pbkdf2-sha256-v1:')
  await pbkdf2(password, crypto.randomBytes(32).toString('hex'), legacy ? 25_000 : 600_000, legacy ? 512 : 32, 'sha256')
}

function isLocked(lockUntil: unknown): boolean {
  if (typeof lockUntil !== 'string' && !(lockUntil instanceof Date)) return false
  return new Date(lockUntil).getTime() > Date.now()
}
