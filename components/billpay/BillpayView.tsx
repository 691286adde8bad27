import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { hasRole } from '../../access/core/user'
import { READ_ALL_ROLES } from '../../engine/network'
import { AdminViewFrame, viewUserOrLogin } from '../core/AdminViewFrame'
import { BillpayTabs } from './BillpayTabs'
import { BILLPAY_PATH } from './BillpayNavLink'
import { invoiceOf, tabOf } from './tabs'

/**
 * Bill payment in the admin (`/admin/billpay`), for staff: the review queue, an invoice beside its PDF, payment runs
 * and the spend reports. Everything is read and done through the REST endpoints, which enforce who may do what; their
 * refusals are shown as they are. `?invoice=<id>` opens that invoice, `?tab=` a section.
 */
export function BillpayView(props: AdminViewServerProps): React.ReactElement {
  const principal = viewUserOrLogin(props, BILLPAY_PATH)
  const { payload } = props.initPageResult.req
  const invoice = invoiceOf(props.searchParams?.invoice)
  const tab = tabOf(props.searchParams?.tab, invoice)
  return (
    <AdminViewFrame props={props}>
      <h1>Bill payment</h1>
      {hasRole(principal, ...READ_ALL_ROLES) ? (
        <BillpayTabs apiBase={payload.config.routes.api} initialTab={tab} initialInvoice={invoice} />
      ) : (
        <p data-testid="billpay-not-allowed">Bill payment is for company staff, finance and auditors.</p>
      )}
    </AdminViewFrame>
  )
}
