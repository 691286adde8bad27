import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { hasRole } from '../../access/core/user'
import { READ_ALL_ROLES } from '../../engine/network'
import { AdminViewFrame, viewUserOrLogin } from '../core/AdminViewFrame'
import { REBATES_PATH } from './RebatesNavLink'
import { RebatesTabs } from './RebatesTabs'
import { tabOf } from './tabs'

/**
 * Promotions and rebates in the admin (a root view, `/admin/rebates`), for staff — channel operations, finance,
 * company admins and auditors: the financial dashboard, the claims board with each claim's lines, disputes, decisions
 * and credit memo, the period-end accrual journal, and the deal synchronisation. Everything is read and done through
 * the REST endpoints, which enforce who may do what; their refusals are shown as they are.
 */
export function RebatesView(props: AdminViewServerProps): React.ReactElement {
  const principal = viewUserOrLogin(props, REBATES_PATH)
  const { payload } = props.initPageResult.req
  const tab = tabOf(props.searchParams?.tab)
  return (
    <AdminViewFrame props={props}>
      <h1>Rebates</h1>
      {hasRole(principal, ...READ_ALL_ROLES) ? (
        <RebatesTabs apiBase={payload.config.routes.api} initialTab={tab} />
      ) : (
        <p data-testid="rebates-not-allowed">
          The rebates view is for company staff, finance and auditors; partners follow their claims in the portal.
        </p>
      )}
    </AdminViewFrame>
  )
}
