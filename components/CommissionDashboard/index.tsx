import type { AdminViewServerProps } from 'payload'
import type { Pool } from 'pg'
import React from 'react'

import { AdminViewFrame, viewUserOrLogin } from '../AdminViewFrame'
import { hasRole } from '../../access/user'
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
export async function CommissionDashboard(props: AdminViewServerProps): Promise<React.ReactElement> {
  const principal = viewUserOrLogin(props, DASHBOARD_PATH)
  const { payload } = props.initPageResult.req
  const allowed = hasRole(principal, ...READ_ALL_ROLES)
  const data = allowed ? await dashboardData((payload.db as unknown as { pool: Pool }).pool) : null

  return (
    <AdminViewFrame props={props}>
      <h1>Commission dashboard</h1>
      {data ? (
        <Charts data={data} adminRoute={payload.config.routes.admin} />
      ) : (
        <p data-testid="dashboard-not-allowed">
          You are not allowed to see the commission dashboard: it is for company staff, finance and auditors.
        </p>
      )}
    </AdminViewFrame>
  )
}
