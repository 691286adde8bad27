import type { CollectionConfig } from 'payload'

import { refuseRelatedSort } from '../../hooks/core/refuseRelatedSort'

/**
 * What every collection gets without opting in, applied once to the config's collection list, so a new collection
 * cannot forget it: sorting by a related document's field is refused (`hooks/refuseRelatedSort.ts`).
 */
export function withDefaults(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [refuseRelatedSort, ...(collection.hooks?.beforeOperation ?? [])],
    },
  }))
}
