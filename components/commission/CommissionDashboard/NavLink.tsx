import Link from 'next/link'
import type { ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { hasRole, type AccessUser } from '../../../access/core/user'
import { READ_ALL_ROLES } from '../../../engine/network'

/** Where the dashboard is mounted under the admin route (the `path` of its view in payload.config.ts). */
export const DASHBOARD_PATH = '/commission-dashboard'

/** Link to the commission dashboard under the admin navigation, shown only to those who may open it. */
export function DashboardNavLink({ payload, user }: ServerProps): React.ReactElement | null {
  if (!hasRole((user as AccessUser | undefined) ?? null, ...READ_ALL_ROLES)) return null
  return (
    <Link className="nav__link" href={formatAdminURL({ adminRoute: payload.config.routes.admin, path: DASHBOARD_PATH })} prefetch={false}>
      <span className="nav__link-label">Commission dashboard</span>
    </Link>
  )
}
