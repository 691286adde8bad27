import Link from 'next/link'
import type { ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { hasRole, type AccessUser } from '../../access/core/user'
import { READ_ALL_ROLES } from '../../engine/network'

/** Where the bill payment view is mounted under the admin route (the `path` of its view in collections/billpay/index.ts). */
export const BILLPAY_PATH = '/billpay'

/** "Bill payment" under the admin navigation, for staff only. */
export function BillpayNavLink({ payload, user }: ServerProps): React.ReactElement | null {
  if (!hasRole((user as AccessUser | undefined) ?? null, ...READ_ALL_ROLES)) return null
  return (
    <Link
      className="nav__link"
      href={formatAdminURL({ adminRoute: payload.config.routes.admin, path: BILLPAY_PATH })}
      prefetch={false}
      data-testid="billpay-nav"
    >
      <span className="nav__link-label">Bill payment</span>
    </Link>
  )
}
