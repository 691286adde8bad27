import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { hasRole, participantIdOf } from '../../access/core/user'
import { dbPool } from '../../db/pool'
import { READ_ALL_ROLES } from '../../engine/network'
import { AdminViewFrame, viewUserOrLogin } from '../core/AdminViewFrame'
import { NetworkExplorer } from './NetworkExplorer'
import { NETWORK_PATH } from './NetworkNavLink'

type CycleOption = { id: number; label: string; status: string; figures: boolean }

/**
 * The network plan's results in the admin (a root view, `/admin/network`): pick a cycle, search a member, walk the
 * downline tree and read the selected member's 360° (every KPI, ranks, rank card, bonuses, awards, history and its
 * extract), and download the cycle's general settlement. Staff start from the top of the network, anyone else from
 * their own participant; the endpoints it reads enforce the same. Only the cycle list is read here; the tree and the
 * panel read a page of children, a search or one member at a time, so it stays quick on 100,000+ members.
 */
export async function NetworkView(props: AdminViewServerProps): Promise<React.ReactElement> {
  const principal = viewUserOrLogin(props, NETWORK_PATH)
  const { payload } = props.initPageResult.req
  const pool = dbPool(payload)
  const staff = hasRole(principal, ...READ_ALL_ROLES)
  const rootId = staff
    ? ((await pool.query<{ id: number }>(`select id from participants where parent_id is null order by id limit 1`)).rows[0]?.id ?? null)
    : participantIdOf(principal)
  const cycles = (
    await pool.query<CycleOption>(
      `select p.id, p.label, p.status::text as status, exists (select 1 from member_cycles m where m.cycle_id = p.id) as figures
         from commission_periods p
        where p.cycle = 'regular' and (exists (select 1 from member_cycles m where m.cycle_id = p.id) or exists (select 1 from pipeline_runs r where r.cycle_id = p.id))
        order by p.starts_on desc`,
    )
  ).rows
  const wanted = Number(firstOf(props.searchParams?.cycle))
  const cycle = cycles.find((c) => c.id === wanted) ?? cycles.find((c) => c.figures) ?? cycles[0] ?? null
  const kpiCodes = (await pool.query<{ code: string }>(`select code from kpi_definitions where enabled order by code`)).rows.map(
    (r) => r.code,
  )
  const shown = ['PV', 'GV'].every((c) => kpiCodes.includes(c)) ? ['PV', 'GV'] : kpiCodes.slice(0, 2)
  const api = payload.config.routes.api

  return (
    <AdminViewFrame props={props}>
      <h1>Network</h1>
      <form
        method="get"
        action={formatAdminURL({ adminRoute: payload.config.routes.admin, path: NETWORK_PATH })}
        style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}
      >
        <label htmlFor="network-cycle">Cycle</label>
        <select id="network-cycle" name="cycle" defaultValue={cycle ? String(cycle.id) : ''} data-testid="network-cycle">
          {cycles.length === 0 ? <option value="">No cycle has been run yet</option> : null}
          {cycles.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label} ({c.status}
              {c.figures ? '' : ', no figures yet'})
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} data-testid="network-cycle-show">
          Show
        </button>
        {staff && cycle ? (
          <a href={`${api}/member-cycles/settlement/${cycle.id}`} data-testid="network-settlement" download style={{ marginLeft: 'auto' }}>
            General settlement (xlsx)
          </a>
        ) : null}
      </form>
      {rootId === null ? (
        <p>Your login is not attached to a participant, so there is no network to show.</p>
      ) : (
        <NetworkExplorer key={`${rootId}|${cycle?.id ?? ''}`} rootId={rootId} cycleId={cycle?.id ?? null} kpiCodes={shown} apiBase={api} />
      )}
    </AdminViewFrame>
  )
}

function firstOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
