'use client'

import React, { useCallback, useEffect, useState } from 'react'

import './billpay.css'
import { InvoiceReview } from './InvoiceReview'
import { PaymentsPanel } from './PaymentsPanel'
import { ReviewQueue } from './ReviewQueue'
import { SpendReports } from './SpendReports'
import { TABS, invoiceOf, tabOf, type Tab } from './tabs'

const TAB_LABELS: Record<Tab, string> = {
  queue: 'Review queue',
  invoice: 'Invoice',
  payments: 'Payments',
  reports: 'Reports',
}

/** Writes the section and the open invoice into the address, so a reload (or a shared link) comes back to them. */
function remember(tab: Tab, invoice: number | null): void {
  const url = new URL(window.location.href)
  url.searchParams.set('tab', tab)
  if (invoice) url.searchParams.set('invoice', String(invoice))
  else url.searchParams.delete('invoice')
  window.history.replaceState(null, '', url)
}

/**
 * The bill payment view's sections as tabs: the review queue, the selected invoice beside its PDF, payments and
 * reports. The chosen tab and invoice are kept in the address (`?tab=`, `?invoice=`).
 */
export function BillpayTabs({
  apiBase,
  initialTab,
  initialInvoice,
}: {
  apiBase: string
  initialTab: Tab
  initialInvoice: number | null
}): React.ReactElement {
  const [tab, setTab] = useState<Tab>(initialTab)
  const [invoice, setInvoice] = useState<number | null>(initialInvoice)

  const choose = (next: Tab) => {
    setTab(next)
    remember(next, invoice)
  }
  const open = useCallback((id: number) => {
    setInvoice(id)
    setTab('invoice')
    remember('invoice', id)
  }, [])

  // Links inside the view (`?tab=invoice&invoice=7`) followed with the browser's back and forward buttons.
  useEffect(() => {
    const follow = () => {
      const params = new URL(window.location.href).searchParams
      const id = invoiceOf(params.get('invoice') ?? undefined)
      setInvoice(id)
      setTab(tabOf(params.get('tab') ?? undefined, id))
    }
    window.addEventListener('popstate', follow)
    return () => window.removeEventListener('popstate', follow)
  }, [])

  return (
    <div className="bp">
      <div className="bp-tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className={tab === t ? 'bp-tab active' : 'bp-tab'}
            onClick={() => choose(t)}
            data-testid={`tab-${t}`}
          >
            {TAB_LABELS[t]}
            {t === 'invoice' && invoice ? <span className="bp-muted"> #{invoice}</span> : null}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'queue' ? <ReviewQueue apiBase={apiBase} onOpen={open} /> : null}
        {tab === 'invoice' ? (
          invoice ? (
            <InvoiceReview key={invoice} apiBase={apiBase} invoiceId={invoice} />
          ) : (
            <p className="bp-muted" data-testid="invoice-none">
              Pick an invoice in the review queue.
            </p>
          )
        ) : null}
        {tab === 'payments' ? <PaymentsPanel apiBase={apiBase} onOpen={open} /> : null}
        {tab === 'reports' ? <SpendReports apiBase={apiBase} onOpen={open} /> : null}
      </div>
    </div>
  )
}
