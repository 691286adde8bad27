import type { SanitizedConfig } from 'payload'

import { isBuiltInRoute, type Route, type RouteTable } from '../../../engine/api/keys'

const customOf = (endpoints: false | { method: string; path: string }[] | undefined): Route[] =>
  (endpoints || []).filter((e) => !isBuiltInRoute(e)).map((e) => ({ method: e.method, path: e.path }))

/** The custom endpoints of the config, by collection, global and root: what a key's endpoint scope names. */
export function routeTableOf(config: SanitizedConfig): RouteTable {
  return {
    collections: config.collections.map((c) => ({ slug: c.slug, auth: Boolean(c.auth), endpoints: customOf(c.endpoints) })),
    globals: config.globals.map((g) => ({ slug: g.slug, endpoints: customOf(g.endpoints) })),
    root: customOf(config.endpoints),
  }
}
