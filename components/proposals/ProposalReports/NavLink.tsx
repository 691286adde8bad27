import Link from 'next/link'
import type { ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

/** Where the proposal reports are mounted under the admin route (the `path` of their view in payload.config.ts). */
export const REPORTS_PATH = '/proposal-reports'

/** "Proposal reports" under the admin navigation, for every logged-in user: each sees the reports over their own scope. */
export function ReportsNavLink({ payload, user }: ServerProps): React.ReactElement | null {
  if (!user) return null
  return (
    <Link
      className="nav__link"
      href={formatAdminURL({ adminRoute: payload.config.routes.admin, path: REPORTS_PATH })}
      prefetch={false}
      data-testid="reports-nav"
    >
      <span className="nav__link-label">Proposal reports</span>
    </Link>
  )
}
