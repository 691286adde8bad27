import type { Payload, PayloadRequest, Where } from 'payload'

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
 * Items on collections the login may not read are left out.
 */
export async function homeItemCounts(
  req: PayloadRequest,
  items: readonly HomeItem[],
  today: string,
  canRead: (collection: string) => boolean,
): Promise<HomeItemCount[]> {
  const { payload } = req
  const user = req.user as (AccessUser & { collection?: string }) | null
  if (!user) return []
  const roles = user.roles ?? []
  const ctx = { userId: user.id, participantId: participantIdOf(user), roles, today }
  const visible = itemsFor(items, roles, NAV_GROUPS).filter((item) => canRead(item.collection))
  const adminRoute = payload.config.routes.admin
  return Promise.all(
    visible.map(async (item) => {
      const where = item.where(ctx)
      return {
        key: item.key,
        label: item.label,
        hint: item.hint,
        group: item.group,
        collection: item.collection,
        count: await countAs(payload, req, item.collection, where as Where),
        href: `${adminRoute}/collections/${item.collection}?${listQuery(where, item.sort)}`,
      }
    }),
  )
}

async function countAs(payload: Payload, req: PayloadRequest, collection: string, where: Where): Promise<number> {
  const result = await payload.count({ collection: collection as never, where, req, user: req.user, overrideAccess: false })
  return result.totalDocs
}

/** Whether a login sees the whole network (staff) or only its own subtree. */
export function seesWholeNetwork(user: AccessUser | null): boolean {
  return hasRole(user, ...READ_ALL_ROLES)
}
