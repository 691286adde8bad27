import type { AuthStrategy } from 'payload'

import { GRANT_HEADER, grantOf } from '../../../../modules/api/keys'

/**
 * Scoped API keys as a Payload auth strategy on users: a request the API-key gate (server/apiKeys.ts) let through
 * carries a grant naming the key's owner, and acts as that login, so every access rule applies to it as to the owner.
 * Without a grant (a key sent to the admin's pages, a forged header) it authenticates nobody.
 */
export const apiKeyStrategy: AuthStrategy = {
  name: 'scoped-api-key',
  authenticate: async ({ headers, payload, strategyName }) => {
    const grant = grantOf(headers.get(GRANT_HEADER))
    if (!grant) return { user: null }
    const user = await payload.findByID({ collection: 'users', id: grant.ownerId, depth: 0, overrideAccess: true, disableErrors: true })
    if (!user) return { user: null }
    return { user: { ...user, collection: 'users', _strategy: strategyName ?? 'scoped-api-key' } }
  },
}
