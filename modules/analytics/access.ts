/**
 * Who may see which dashboard widget and download which report: company admins everything; every other role what a
 * dashboard grant gives it. Staff (company users, finance, auditors) see every figure; anyone else only their own
 * participant's subtree.
 */
import type { PayloadRequest } from 'payload'
import type { Pool } from 'pg'

import { hasRole, participantIdOf, type AccessUser } from '../../access/core/user'
import { REPORT_KEYS, WIDGET_KEYS, type ReportKey, type WidgetKey } from '../../engine/analytics/catalog'
import { READ_ALL_ROLES, subtreeSegment } from '../../engine/network'

/** The caller as the analytics endpoints see it. `scope` is the subtree segment ("/42/") figures are limited to, or null for all. */
export type Viewer = { userId: number; roles: string[]; admin: boolean; scope: string | null }

/** The logged-in user as a viewer; a string (the refusal) when there is none or it cannot be scoped. */
export function viewerOf(req: PayloadRequest): Viewer | { status: number; message: string } {
  const user = req.user as (AccessUser & { collection?: string }) | null | undefined
  if (!user || user.collection !== 'users') return { status: 401, message: 'log in to see dashboards and reports' }
  const roles = user.roles ?? []
  const admin = hasRole(user, 'company_admin')
  if (hasRole(user, ...READ_ALL_ROLES)) return { userId: user.id, roles, admin, scope: null }
  const participantId = participantIdOf(user)
  if (participantId === null) return { status: 403, message: 'your login is not attached to a participant, so it has no figures to see' }
  return { userId: user.id, roles, admin, scope: subtreeSegment(participantId) }
}

/** The widgets and reports a viewer may see: every one for company admins, else those granted to one of their roles. */
export async function grantsOf(pool: Pool, viewer: Viewer): Promise<{ widgets: WidgetKey[]; reports: ReportKey[] }> {
  if (viewer.admin) return { widgets: [...WIDGET_KEYS], reports: [...REPORT_KEYS] }
  const rows = await pool.query<{ item: string }>(
    `select distinct g.item::text as item from dashboard_grants g join dashboard_grants_roles r on r.parent_id = g.id
      where r.value::text = any($1::text[])`,
    [viewer.roles],
  )
  const items = new Set(rows.rows.map((r) => r.item))
  return {
    widgets: WIDGET_KEYS.filter((key) => items.has(`widget:${key}`)),
    reports: REPORT_KEYS.filter((key) => items.has(`report:${key}`)),
  }
}
