import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { AdminViewFrame, viewUserOrLogin } from '../../core/AdminViewFrame'
import { hasRole } from '../../../access/core/user'
import { dashboardData } from '../../../modules/commission/dashboardData'
import { READ_ALL_ROLES } from '../../../engine/network'
import { Charts } from './Charts'
import { DASHBOARD_PATH } from './NavLink'
import { dbPool } from '../../../db/pool'

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
  const data = allowed ? await dashboardData(dbPool(payload)) : null

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
