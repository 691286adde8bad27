import Link from 'next/link'
import type { ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { hasRole, type AccessUser } from '../../access/core/user'
import { READ_ALL_ROLES } from '../../engine/network'

/** Where the Rebates view is mounted under the admin route (the `path` of its view in collections/rebates/index.ts). */
export const REBATES_PATH = '/rebates'

/** "Rebates" under the admin navigation, for staff only (partners work on their claims in the portal). */
export function RebatesNavLink({ payload, user }: ServerProps): React.ReactElement | null {
  if (!hasRole((user as AccessUser | undefined) ?? null, ...READ_ALL_ROLES)) return null
  return (
    <Link
      className="nav__link"
      href={formatAdminURL({ adminRoute: payload.config.routes.admin, path: REBATES_PATH })}
      prefetch={false}
      data-testid="rebates-nav"
    >
      <span className="nav__link-label">Rebates</span>
    </Link>
  )
}
