import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { AdminViewFrame, viewUserOrLogin } from '../../core/AdminViewFrame'
import { PROPOSAL_REPORTS, type ProposalReportName } from '../../../engine/proposals/reports'
import { allProposalReports, postedPeriods, type PeriodRef, type ScopeInfo } from '../../../modules/proposals/reportData'
import { REPORTS_PATH } from './NavLink'
import { AdvertisingTable, CommissionTable, StatusAgeTable, TurnaroundTable } from './ReportTables'
import { dbPool } from '../../../db/pool'

/**
 * The proposal reports (an admin root view): proposals by status and age, approval turnaround per level, commission by
 * participant, rule scope and service, and advertising deductions by program, each with its Excel export
 * (`/api/proposals/reports/:report?format=xlsx`). Every logged-in user sees them over their own scope: staff who read
 * everything the whole network, anyone else their participant's subtree. `?period=<id>` limits the money reports.
 *
 * Payload renders custom root views to anyone, logged in or not, so the view checks the login itself.
 */
export async function ProposalReports(props: AdminViewServerProps): Promise<React.ReactElement> {
  const principal = viewUserOrLogin(props, REPORTS_PATH)
  const { payload } = props.initPageResult.req
  const pool = dbPool(payload)
  const periods = await postedPeriods(pool)
  const wanted = Number(firstOf(props.searchParams?.period))
  const period: PeriodRef | null = periods.find((p) => p.id === wanted) ?? null
  const reports = await allProposalReports(pool, principal, { asOf: new Date(), period })
  const exportUrl = (name: ProposalReportName) =>
    `${payload.config.routes.api}/proposals/reports/${name}?format=xlsx${period && (name === 'commission' || name === 'advertising') ? `&period=${period.id}` : ''}`
  const section = (name: ProposalReportName, table: React.ReactElement, note?: string) => (
    <section key={name} style={{ marginTop: 32 }}>
      <h2>{reports[name].title}</h2>
      {note ? <p>{note}</p> : null}
      {table}
      <p>
        <a href={exportUrl(name)} data-testid={`export-${name}`} download>
          Export to xlsx
        </a>
      </p>
    </section>
  )

  return (
    <AdminViewFrame props={props}>
      <h1>Proposal reports</h1>
      <p data-testid="report-scope">Showing {scopeText(reports['status-age'].scope)}.</p>
      <form
        method="get"
        action={formatAdminURL({ adminRoute: payload.config.routes.admin, path: REPORTS_PATH })}
        style={{ display: 'flex', gap: 8, alignItems: 'center' }}
      >
        <label htmlFor="report-period">Commission period</label>
        <select id="report-period" name="period" defaultValue={period ? String(period.id) : ''} data-testid="report-period">
          <option value="">All periods</option>
          {periods.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }}>
          Show
        </button>
      </form>
      {PROPOSAL_REPORTS.map((name) => {
        switch (name) {
          case 'status-age':
            return section(name, <StatusAgeTable data={reports[name]} />, 'Whole days since each proposal was created.')
          case 'turnaround':
            return section(
              name,
              <TurnaroundTable data={reports[name]} />,
              'Hours from arriving at a level (the submit, or the previous approval) to that level’s decision. Level 1 is the author’s parent.',
            )
          case 'commission':
            return section(
              name,
              <CommissionTable data={reports[name]} />,
              `Posted proposal commission, ${period ? period.label : 'all periods'}.`,
            )
          case 'advertising':
            return section(
              name,
              <AdvertisingTable data={reports[name]} />,
              `Posted advertising deductions, ${period ? period.label : 'all periods'}.`,
            )
        }
      })}
    </AdminViewFrame>
  )
}

function firstOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function scopeText(scope: ScopeInfo): string {
  if (scope.kind === 'all') return 'the whole network'
  if (scope.kind === 'subtree') return `${scope.participant} and everyone below it`
  return 'nothing: your login is not attached to a participant'
}
