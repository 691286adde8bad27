import type { CollectionAfterChangeHook, CollectionSlug, PayloadRequest, SanitizedCollectionConfig, TypeWithID } from 'payload'

import { diffDocuments, type FieldChange } from '../../../engine/system/audit'
import { secretChangesKey } from './noteSecretChanges'
import { writeAuditEvent } from './writeAuditEvent'

/** Any collection's document: the audit trail reads its fields by name. */
export type AuditedDocument = TypeWithID & Record<string, unknown>

/**
 * Records every create and update, with before/after for each changed field. The "after" side is the stored
 * document read back in the same transaction the way Payload read the "before" side (every field, ids only), not
 * the writer's own view of the result: fields the writer may not read, or left out with `select`, are absent from
 * that view and would otherwise read as changed to null.
 */
export const auditChange: CollectionAfterChangeHook<AuditedDocument> = async ({
  collection,
  context,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  const key = secretChangesKey(collection.slug)
  const secrets = (context[key] as FieldChange[] | undefined) ?? []
  delete context[key]
  const stored = await storedDocument(req, collection.slug, doc.id)
  const notStored = notStoredFields(collection)
  const changes = [...diffDocuments(operation === 'create' ? null : previousDoc, stored ?? doc, notStored), ...secrets]
  if (operation === 'update' && changes.length === 0) return doc
  await writeAuditEvent({ req, action: operation, collection: collection.slug, documentId: doc.id, changes })
  return doc
}

/** The document as stored, every field included, relationships as ids, joins left out. */
export async function storedDocument(
  req: PayloadRequest,
  collection: CollectionSlug,
  id: number | string,
): Promise<AuditedDocument | null> {
  // `joins: false` is not in the type Payload derives for a collection not known here; the call is valid for every collection.
  const options = {
    collection,
    id,
    depth: 0,
    joins: false as const,
    overrideAccess: true,
    showHiddenFields: true,
    disableErrors: true,
    req,
  }
  const stored: unknown = await req.payload.findByID(options as unknown as Parameters<typeof req.payload.findByID>[0])
  return stored as AuditedDocument | null
}

/**
 * Fields that are not stored in this document, so never its changes: joins (other documents pointing here) and
 * virtual fields (computed when read, e.g. Payload's `hasAPIKey`).
 */
export function notStoredFields(collection: SanitizedCollectionConfig): Set<string> {
  return new Set(
    collection.flattenedFields.filter((field) => field.type === 'join' || ('virtual' in field && field.virtual)).map((field) => field.name),
  )
}
