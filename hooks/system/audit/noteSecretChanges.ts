import type { CollectionBeforeChangeHook } from 'payload'

import { secretChanges } from '../../../engine/system/audit'
import type { AuditedDocument } from './auditChange'

/**
 * Payload removes a new password from the data before afterChange runs, so the fact that a password or API key was
 * set is noted here, before that, for `auditChange` to record (without the values).
 */
export const noteSecretChanges: CollectionBeforeChangeHook<AuditedDocument> = ({ collection, context, data, originalDoc }) => {
  context[secretChangesKey(collection.slug)] = secretChanges(data, originalDoc)
  return data
}

/** Where the noted changes wait in the request context, per collection (one request may write several). */
export const secretChangesKey = (collection: string) => `auditSecretChanges:${collection}`
