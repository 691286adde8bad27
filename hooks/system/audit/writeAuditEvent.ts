import type { PayloadRequest } from 'payload'

import type { FieldChange } from '../../../engine/system/audit'

export type AuditAction = 'create' | 'update' | 'delete' | 'move'

type AuditEventInput = {
  req: PayloadRequest
  action: AuditAction
  collection: string
  documentId: string | number
  changes: FieldChange[]
  summary?: string
}

/**
 * Appends one audit event inside the request's transaction (so an operation that rolls back leaves no event, and
 * an event that cannot be written rolls the operation back). The collection's own access forbids every change;
 * only this function writes to it.
 */
export async function writeAuditEvent({ req, action, collection, documentId, changes, summary }: AuditEventInput): Promise<void> {
  const user = req.user
  await req.payload.create({
    collection: 'audit-events',
    data: {
      action,
      collectionSlug: collection,
      documentId: String(documentId),
      actorId: user?.collection === 'users' && typeof user.id === 'number' ? user.id : null,
      actorLabel: user?.email ?? 'system',
      changes,
      summary: summary ?? `${action} ${collection} #${documentId}`,
    },
    overrideAccess: true,
    req,
  })
}
