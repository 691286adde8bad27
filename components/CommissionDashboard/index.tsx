import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import type { Pool } from 'pg'
import React from 'react'

import { currentUser, hasRole } from '../../access/user'
import { dashboardData } from '../../commission/dashboardData'
import { READ_ALL_ROLES } from '../../engine/roles'
import { Charts } from './Charts'
import { DASHBOARD_PATH } from './NavLink'

/**
 * The commission dashboard (an admin root view): payouts over time by component and by carrier, the largest payees
 * and movers of the latest period, and the leakage reconciliation found. Staff who read everything may see it.
 *
 * Payload renders custom root views to anyone, logged in or not, so the view checks the login itself.
 */
export async function CommissionDashboard({ initPageResult, params, searchParams, user }: AdminViewServerProps): Promise<React.ReactElement> {
  const { req, locale, permissions, visibleEntities } = initPageResult
  const { payload } = req
  const principal = currentUser(req)
  if (!principal) {
    const login = formatAdminURL({ adminRoute: payload.config.routes.admin, path: payload.config.admin.routes.login })
    redirect(`${login}?redirect=${encodeURIComponent(DASHBOARD_PATH)}`)
  }
  const allowed = hasRole(principal, ...READ_ALL_ROLES)
  const data = allowed ? await dashboardData((payload.db as unknown as { pool: Pool }).pool) : null

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user}
      visibleEntities={{ collections: visibleEntities.collections, globals: visibleEntities.globals }}
    >
      <Gutter>
        <h1>Commission dashboard</h1>
        {data ? (
          <Charts data={data} adminRoute={payload.config.routes.admin} />
        ) : (
          <p data-testid="dashboard-not-allowed">
            You are not allowed to see the commission dashboard: it is for company staff, finance and auditors.
          </p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
