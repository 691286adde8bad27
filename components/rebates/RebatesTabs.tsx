'use client'

import React, { useState } from 'react'

import { AccrualJournal } from './AccrualJournal'
import { ClaimsBoard } from './ClaimsBoard'
import { DealSync } from './DealSync'
import { RebateDashboard } from './RebateDashboard'
import './rebates.css'
import { TABS, type Tab } from './tabs'

const TAB_LABELS: Record<Tab, string> = {
  dashboard: 'Dashboard',
  claims: 'Claims board',
  journal: 'Accrual journal',
  deals: 'Deals',
}

/** The view's sections as tabs; the chosen one is kept in the address (`?tab=`) so a reload stays on it. */
export function RebatesTabs({ apiBase, initialTab }: { apiBase: string; initialTab: Tab }): React.ReactElement {
  const [tab, setTab] = useState<Tab>(initialTab)
  const choose = (next: Tab) => {
    setTab(next)
    const url = new URL(window.location.href)
    url.searchParams.set('tab', next)
    window.history.replaceState(null, '', url)
  }
  return (
    <div className="rb">
      <div className="rb-tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className={tab === t ? 'rb-tab active' : 'rb-tab'}
            onClick={() => choose(t)}
            data-testid={`tab-${t}`}
          >
            {TAB_LABELS[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'dashboard' ? <RebateDashboard apiBase={apiBase} /> : null}
        {tab === 'claims' ? <ClaimsBoard apiBase={apiBase} /> : null}
        {tab === 'journal' ? <AccrualJournal apiBase={apiBase} /> : null}
        {tab === 'deals' ? <DealSync apiBase={apiBase} /> : null}
      </div>
    </div>
  )
}
