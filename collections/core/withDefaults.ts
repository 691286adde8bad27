import type { CollectionConfig } from 'payload'

import { navGroupRank } from '../../engine/home'
import { refuseRelatedSort } from '../../hooks/core/refuseRelatedSort'
import { exportEndpoint, keysetEndpoint } from '../api/endpoints'

/**
 * What every collection gets without opting in, applied once to the config's collection list, so a new collection
 * cannot forget it: sorting by a related document's field is refused (`hooks/refuseRelatedSort.ts`). The list is
 * ordered by navigation group (engine/home/groups.ts: by job, "Data in" first, "System" last), which is the order the
 * admin's sidebar shows the groups in. Every collection served over REST also answers
 * `GET /api/<slug>/keyset` (cursor paging in id order) and `GET /api/<slug>/export` (CSV/NDJSON streamed), both
 * under the caller's read access (collections/api/endpoints); they come before Payload's own `/:id` route, so
 * "keyset" and "export" are never taken for ids.
 */
export function withDefaults(collections: CollectionConfig[]): CollectionConfig[] {
  const byGroup = [...collections].sort((a, b) => navGroupRank(a.admin?.group) - navGroupRank(b.admin?.group))
  return byGroup.map((collection) => ({
    ...collection,
    endpoints: collection.endpoints === false ? false : [keysetEndpoint, exportEndpoint, ...(collection.endpoints ?? [])],
    hooks: {
      ...collection.hooks,
      beforeOperation: [refuseRelatedSort, ...(collection.hooks?.beforeOperation ?? [])],
    },
  }))
}
