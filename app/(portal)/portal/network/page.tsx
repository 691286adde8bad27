import React from 'react'

import { hasAnyRole, READ_ALL_ROLES } from '../../../../engine/network'
import { dbPool } from '../../../../db/pool'
import { memberSummary } from '../../../../modules/multilevel/results'
import { portalBrand } from '../../../../modules/portal/brand'
import { portalSession } from '../../session'
import { BrandFrame, BrandHeader } from '../../../../components/portal/BrandFrame'
import { LogoutButton } from '../../../../components/portal/LogoutButton'
import { CyclePicker, NetworkSections } from '../../../../components/portal/network/NetworkSections'

export const dynamic = 'force-dynamic'

/**
 * My network: the logged-in member's figures for a cycle (by default the latest it has figures for, the open one while
 * the pipeline recalculates it): KPIs as of their calculation, paid and honorary rank, the rank report card, bonuses,
 * awards and rank history, the extract, and its downline as a lazy tree. Members see the KPIs marked visible; the
 * tree and the extract come from the member-cycles endpoints, which keep each login to its own subtree.
 */
export default async function PortalNetworkPage({
  searchParams,
}: {
  searchParams: Promise<{ cycle?: string }>
}): Promise<React.ReactElement> {
  const { payload, user, participantId } = await portalSession()
  const query = await searchParams
  const pool = dbPool(payload)
  const asked = /^[1-9]\d{0,9}$/.test(query.cycle ?? '') ? Number(query.cycle) : null
  const cycles = (
    await pool.query<{ id: number; label: string }>(
      `select p.id, p.label from commission_periods p join member_cycles m on m.cycle_id = p.id and m.participant_id = $1
        where p.cycle = 'regular' order by p.starts_on desc limit 12`,
      [participantId],
    )
  ).rows
  const cycleId = cycles.find((c) => c.id === asked)?.id ?? null
  const staff = hasAnyRole(user.roles, READ_ALL_ROLES)
  const [brand, summary, member] = await Promise.all([
    portalBrand(payload, participantId, user),
    memberSummary(pool, participantId, { cycleId, visibleOnly: !staff }),
    pool.query<{ currency: string | null }>(`select currency from participants where id = $1`, [participantId]),
  ])
  const kpiCodes = summary ? pickTreeKpis(summary.kpis.map((k) => k.code)) : []
  return (
    <BrandFrame brand={brand}>
      <BrandHeader brand={brand}>
        <span className="who" data-testid="portal-who">
          {user.name ?? user.email}
        </span>
        <LogoutButton />
      </BrandHeader>
      <nav className="portal-nav">
        <a href="/portal">Home</a>
        <a href="/portal/network" aria-current="page">
          My network
        </a>
        <a href="#kpis">Indicators</a>
        <a href="#rank">Rank</a>
        <a href="#bonuses">Bonuses</a>
        <a href="#downline">Downline</a>
      </nav>
      <main className="portal-main">
        <CyclePicker cycles={cycles} current={summary?.cycle?.id ?? null} />
        {summary ? (
          <NetworkSections summary={summary} currency={member.rows[0]?.currency ?? null} kpiCodes={kpiCodes} />
        ) : (
          <section className="portal-section">
            <p className="empty">Your login&apos;s participant was not found.</p>
          </section>
        )}
      </main>
    </BrandFrame>
  )
}

/** The two KPIs each member of the tree shows: personal and group volume when the plan has them. */
function pickTreeKpis(codes: readonly string[]): string[] {
  return ['PV', 'GV'].every((c) => codes.includes(c)) ? ['PV', 'GV'] : codes.slice(0, 2)
}
