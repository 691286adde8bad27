import type { CollectionAfterChangeHook } from 'payload'

import { COLLAPSED_NAV_GROUPS, STARTING_LIST_SORTS } from '../../../../engine/home'

/**
 * A new login starts with the admin arranged for the job: the rarely used navigation groups (System) collapsed, and
 * work lists sorted for it (open discrepancies oldest first, runs newest first). Payload keeps both in the user's
 * preferences (`nav`, `collection-<slug>`), so the first ones are written here, in the same transaction as the login;
 * the user's own changes replace them.
 */
export const writeStartingPreferences: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const user = { relationTo: 'users' as const, value: doc.id as number }
  const preferences: { key: string; value: Record<string, unknown> }[] = [
    { key: 'nav', value: { groups: Object.fromEntries(COLLAPSED_NAV_GROUPS.map((group) => [group, { open: false }])) } },
    ...Object.entries(STARTING_LIST_SORTS).map(([slug, sort]) => ({ key: `collection-${slug}`, value: { sort } })),
  ]
  // Straight to the database adapter: the login is not yet visible to the relationship check of a nested create.
  for (const preference of preferences)
    await req.payload.db.create({ collection: 'payload-preferences', data: { ...preference, user }, req })
  return doc
}
