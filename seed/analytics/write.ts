import type { Payload, PayloadRequest } from 'payload'

import { DASHBOARD_GRANTS } from './data'

/** Writes the demo's dashboard grants (one per widget and report) through the Local API, in the seed's transaction. */
export async function writeAnalyticsDemo(payload: Payload, req: PayloadRequest): Promise<void> {
  for (const grant of DASHBOARD_GRANTS) {
    await payload.create({ collection: 'dashboard-grants', data: { item: grant.item, roles: grant.roles } as never, req })
  }
}
