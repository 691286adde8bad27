import { auditChange } from './auditChange'
import { auditDelete } from './auditDelete'

/** Spread into a collection's `hooks` to put it on the audit trail. */
export const auditHooks = {
  afterChange: [auditChange],
  afterDelete: [auditDelete],
}
