import type { CollectionConfig } from 'payload'

import { auditChange } from './auditChange'
import { auditDelete } from './auditDelete'

/**
 * Spread into a collection's `hooks` to put it on the audit trail. `auditDelete` is a before-delete hook: it reads the
 * stored row in the delete's transaction, which is gone by the time after-delete hooks run.
 */
export const auditHooks = {
  afterChange: [auditChange],
  beforeDelete: [auditDelete],
} satisfies CollectionConfig['hooks']
