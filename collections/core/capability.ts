import type { AdminViewConfig, CollectionConfig, Endpoint } from 'payload'

import type { HomeItem } from '../../engine/home'

/**
 * One capability as the Payload config sees it: its collections, the admin views and navigation links its
 * components add, and the items it puts on the operations home (what needs doing, counted per login). Each
 * `collections/<capability>/index.ts` exports one; `payload.config.ts` lists them, and the home reads `home` from
 * every capability, so a new capability adds its items without touching the home page.
 */
export type Capability = {
  collections: CollectionConfig[]
  views?: Record<string, AdminViewConfig>
  navLinks?: string[]
  home?: HomeItem[]
  /** Endpoints under /api that belong to no collection (the API reference). */
  endpoints?: Endpoint[]
}
