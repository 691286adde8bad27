'use client'
import React, { useCallback, useEffect, useState } from 'react'

import type { WidgetData } from '../../engine/analytics/shape'
import { call } from '../core/api'
import { WidgetChart } from './WidgetChart'

type ReportLink = { key: string; title: string; path: string }

/** The widgets and report links the logged-in user may see, with an optional period (from/to) for both. */
export function DashboardsBoard({ apiBase }: { apiBase: string }): React.ReactElement {
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [widgets, setWidgets] = useState<WidgetData[] | null>(null)
  const [reports, setReports] = useState<ReportLink[]>([])
  const [error, setError] = useState<string | null>(null)

  const query = [from && `from=${from}`, to && `to=${to}`].filter(Boolean).join('&')
  const load = useCallback(async () => {
    setError(null)
    const [w, r] = await Promise.all([
      call<{ widgets: WidgetData[] }>(`${apiBase}/dashboard-grants/widgets${query ? `?${query}` : ''}`),
      call<{ reports: ReportLink[] }>(`${apiBase}/dashboard-grants/reports`),
    ])
    if (!w.ok) setError(w.error)
    else setWidgets(w.body.widgets)
    if (r.ok) setReports(r.body.reports)
  }, [apiBase, query])

  useEffect(() => {
    void load()
  }, [load])

  return (
    <div data-testid="dashboards">
      <div style={{ display: 'flex', gap: 12, alignItems: 'end', margin: '12px 0' }}>
        <label>
          From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="dashboards-from" />
        </label>
        <label>
          To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="dashboards-to" />
        </label>
      </div>
      {error && (
        <p role="alert" data-testid="dashboards-error">
          {error}
        </p>
      )}
      {widgets === null && !error && <p>Loading…</p>}
      {widgets?.length === 0 && <p data-testid="dashboards-none">No widget has been given to your roles.</p>}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(520px, 1fr))', gap: 16 }}>
        {widgets?.map((widget) => (
          <section
            key={widget.key}
            data-testid={`widget-${widget.key}`}
            style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 6, padding: 12 }}
          >
            <h3 style={{ margin: '0 0 4px' }}>{widget.title}</h3>
            <p style={{ margin: '0 0 8px', fontSize: 12, opacity: 0.8 }}>{widget.description}</p>
            <WidgetChart widget={widget} />
          </section>
        ))}
      </div>
      <h2 style={{ marginTop: 24 }}>Reports</h2>
      {reports.length === 0 ? (
        <p data-testid="reports-none">No report has been given to your roles.</p>
      ) : (
        <ul data-testid="reports">
          {reports.map((report) => (
            <li key={report.key}>
              <a href={`${report.path}${query ? `?${query}` : ''}`} download data-testid={`report-${report.key}`}>
                {report.title} (xlsx)
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
