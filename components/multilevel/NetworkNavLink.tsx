import Link from 'next/link'
import type { ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

/** Where the Network view is mounted under the admin route (the `path` of its view in collections/multilevel/index.ts). */
export const NETWORK_PATH = '/network'

/** "Network" under the admin navigation, for every logged-in user: each explores their own part of the network. */
export function NetworkNavLink({ payload, user }: ServerProps): React.ReactElement | null {
  if (!user) return null
  return (
    <Link
      className="nav__link"
      href={formatAdminURL({ adminRoute: payload.config.routes.admin, path: NETWORK_PATH })}
      prefetch={false}
      data-testid="network-nav"
    >
      <span className="nav__link-label">Network</span>
    </Link>
  )
}
