import type { AdminViewConfig, CollectionConfig } from 'payload'

/**
 * One capability as the Payload config sees it: its collections, and the admin views and navigation links its
 * components add. Each `collections/<capability>/index.ts` exports one; `payload.config.ts` lists them.
 */
export type Capability = {
  collections: CollectionConfig[]
  views?: Record<string, AdminViewConfig>
  navLinks?: string[]
}
