import type { CollectionAfterChangeHook } from 'payload'

import { SECRET_CONTEXT } from './issueKeySecret'

/** The create response carries the secret (`secret`), once: it is stored nowhere and cannot be read again. */
export const revealKeySecret: CollectionAfterChangeHook = ({ doc, operation, context }) => {
  const secret = context[SECRET_CONTEXT]
  if (operation !== 'create' || typeof secret !== 'string') return doc
  delete context[SECRET_CONTEXT]
  return { ...doc, secret }
}
