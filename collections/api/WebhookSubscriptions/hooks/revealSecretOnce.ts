import type { CollectionAfterOperationHook } from 'payload'

import { NEW_SECRET } from './sealSigningSecret'

/** The create response carries the plain signing secret (`secret`): the only time it is ever shown. */
export const revealSecretOnce: CollectionAfterOperationHook<'webhook-subscriptions'> = ({ operation, req, result }) => {
  const secret = req.context[NEW_SECRET]
  if (operation !== 'create' || typeof secret !== 'string' || !result) return result
  return { ...result, secret }
}
