import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { AdminViewFrame, viewUserOrLogin } from '../core/AdminViewFrame'
import { DashboardsBoard } from './DashboardsBoard'
import { DASHBOARDS_PATH } from './DashboardsNavLink'

/**
 * Dashboards in the admin (a root view, `/admin/dashboards`): a card with a chart per widget the user may see, and the
 * reports they may download as xlsx. What is shown, and whose figures, is decided by the REST endpoints (dashboard
 * grants per role; staff see every figure, others their own subtree).
 */
export function DashboardsView(props: AdminViewServerProps): React.ReactElement {
  viewUserOrLogin(props, DASHBOARDS_PATH)
  const { payload } = props.initPageResult.req
  return (
    <AdminViewFrame props={props}>
      <h1>Dashboards</h1>
      <DashboardsBoard apiBase={payload.config.routes.api} />
    </AdminViewFrame>
  )
}
