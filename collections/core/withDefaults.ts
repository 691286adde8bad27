import type { CollectionConfig } from 'payload'

import { navGroupRank } from '../../engine/home'
import { refuseRelatedSort } from '../../hooks/core/refuseRelatedSort'

/**
 * What every collection gets without opting in, applied once to the config's collection list, so a new collection
 * cannot forget it: sorting by a related document's field is refused (`hooks/refuseRelatedSort.ts`). The list is
 * ordered by navigation group (engine/home/groups.ts: by job, "Data in" first, "System" last), which is the order the
 * admin's sidebar shows the groups in.
 */
export function withDefaults(collections: CollectionConfig[]): CollectionConfig[] {
  const byGroup = [...collections].sort((a, b) => navGroupRank(a.admin?.group) - navGroupRank(b.admin?.group))
  return byGroup.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [refuseRelatedSort, ...(collection.hooks?.beforeOperation ?? [])],
    },
  }))
}
