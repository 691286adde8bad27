import type { Capability } from '../core/capability'
import { billpayHome } from './home'
import { CarrierAccounts } from './CarrierAccounts'
import { CarrierInvoices } from './CarrierInvoices'
import { InvoiceAllocations } from './InvoiceAllocations'
import { InvoiceEvents } from './InvoiceEvents'
import { InvoiceLines } from './InvoiceLines'
import { InvoicePayments } from './InvoicePayments'
import { InvoiceTemplates } from './InvoiceTemplates'
import { ServiceInventory } from './ServiceInventory'

/**
 * Telecom bill payment: carrier accounts and their invoices collected from portals, a drop folder, uploads and REST;
 * read by layout templates (PDF), CSV and EDI 811 readers; checked, allocated to GL codes and cost centres, approved by
 * exception beside the PDF and paid exactly once behind circuit breakers.
 */
export const billpay: Capability = {
  home: billpayHome,
  collections: [
    CarrierAccounts,
    InvoiceTemplates,
    ServiceInventory,
    CarrierInvoices,
    InvoiceLines,
    InvoiceAllocations,
    InvoiceEvents,
    InvoicePayments,
  ],
  views: {
    billpay: { Component: '/components/billpay/BillpayView#BillpayView', path: '/billpay' },
  },
  navLinks: ['/components/billpay/BillpayNavLink#BillpayNavLink'],
}
