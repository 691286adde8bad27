import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { hasRole } from '../../access/core/user'
import { READ_ALL_ROLES } from '../../engine/network'
import { AdminViewFrame, viewUserOrLogin } from '../core/AdminViewFrame'
import { BILLPAY_PATH } from './BillpayNavLink'

/**
 * Bill payment in the admin (`/admin/billpay`), for staff: the review queue, an invoice beside its PDF, payment runs
 * and the spend reports. Everything is read and done through the REST endpoints, which enforce who may do what.
 */
export function BillpayView(props: AdminViewServerProps): React.ReactElement {
  const principal = viewUserOrLogin(props, BILLPAY_PATH)
  return (
    <AdminViewFrame props={props}>
      <h1>Bill payment</h1>
      {hasRole(principal, ...READ_ALL_ROLES) ? (
        <p>Loading…</p>
      ) : (
        <p data-testid="billpay-not-allowed">Bill payment is for company staff, finance and auditors.</p>
      )}
    </AdminViewFrame>
  )
}
