import Link from 'next/link'
import type { ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

/** Where the Dashboards view is mounted under the admin route (the `path` of its view in collections/analytics/index.ts). */
export const DASHBOARDS_PATH = '/dashboards'

/** "Dashboards" under the admin navigation, for every logged-in user: the view shows what their roles were granted. */
export function DashboardsNavLink({ payload, user }: ServerProps): React.ReactElement | null {
  if (!user) return null
  return (
    <Link
      className="nav__link"
      href={formatAdminURL({ adminRoute: payload.config.routes.admin, path: DASHBOARDS_PATH })}
      prefetch={false}
      data-testid="dashboards-nav"
    >
      <span className="nav__link-label">Dashboards</span>
    </Link>
  )
}
