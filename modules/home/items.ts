import type { PayloadRequest, SanitizedCollectionConfig, Where } from 'payload'

import { hasRole, participantIdOf, type AccessUser } from '../../access/core/user'
import { itemsFor, listQuery, NAV_GROUPS, type HomeItem } from '../../engine/home'
import { READ_ALL_ROLES } from '../../engine/network'

/** One item of the operations home as a login sees it: its count, read as that login, and the link to the list. */
export type HomeItemCount = {
  key: string
  label: string
  hint?: string
  group: string
  collection: string
  count: number
  href: string
}

/**
 * The items of every capability that this login may see, counted with the login's own access (`overrideAccess:
 * false`), so staff count the whole network and everyone else their subtree, exactly as the linked list shows it.
 * Items on collections the login may not read (access refuses) are left out.
 */
export async function homeItemCounts(req: PayloadRequest, items: readonly HomeItem[], today: string): Promise<HomeItemCount[]> {
  const { payload } = req
  const user = req.user as (AccessUser & { collection?: string }) | null
  if (!user) return []
  const roles = user.roles ?? []
  const ctx = { userId: user.id, participantId: participantIdOf(user), roles, today }
  const adminRoute = payload.config.routes.admin
  const counted = await Promise.all(
    itemsFor(items, roles, NAV_GROUPS).map(async (item): Promise<HomeItemCount | null> => {
      const where = item.where(ctx)
      const count = await countAs(req, item.collection, where as Where)
      if (count === null) return null
      return {
        key: item.key,
        label: item.label,
        hint: item.hint,
        group: item.group,
        collection: item.collection,
        count,
        href: `${adminRoute}/collections/${item.collection}?${listQuery(where, item.sort)}`,
      }
    }),
  )
  return counted.filter((item): item is HomeItemCount => item !== null)
}

/**
 * The count as the login reads the list; null when the collection's read access refuses the login outright (the item
 * is not theirs). A `Where` from access is applied by the count itself.
 */
async function countAs(req: PayloadRequest, collection: string, where: Where): Promise<number | null> {
  const config = (req.payload.collections as Record<string, { config: SanitizedCollectionConfig } | undefined>)[collection]?.config
  const read = config?.access?.read
  const allowed = read ? await read({ req }) : Boolean(req.user)
  if (!allowed) return null
  const result = await req.payload.count({ collection: collection as never, where, req, user: req.user, overrideAccess: false })
  return result.totalDocs
}

/** Whether a login sees the whole network (staff) or only its own subtree. */
export function seesWholeNetwork(user: AccessUser | null): boolean {
  return hasRole(user, ...READ_ALL_ROLES)
}
