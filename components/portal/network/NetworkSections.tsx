import React from 'react'

import {
  AwardList,
  BonusList,
  KpiGrid,
  RankCardView,
  RankFacts,
  RankHistory,
  SummaryHeading,
  type MemberSummary,
} from '../../multilevel/MemberSummaryView'
import { NetworkTree } from '../../multilevel/NetworkTree'

export type CycleLink = { id: number; label: string }

/** The cycles the member has figures for, newest first, as links (`?cycle=`). */
export function CyclePicker({ cycles, current }: { cycles: readonly CycleLink[]; current: number | null }): React.ReactElement | null {
  if (cycles.length < 2) return null
  return (
    <nav className="network-cycles" aria-label="Cycles" data-testid="network-cycles">
      {cycles.map((c) => (
        <a key={c.id} href={`/portal/network?cycle=${c.id}`} aria-current={c.id === current ? 'page' : undefined}>
          {c.label}
        </a>
      ))}
    </nav>
  )
}

/**
 * The portal's network page body, one section per part: the cycle's KPIs, rank and rank report card, bonuses and
 * awards, rank history, then the downline tree (the shared lazy tree of components/multilevel).
 */
export function NetworkSections({
  summary,
  currency,
  kpiCodes,
}: {
  summary: MemberSummary
  currency: string | null
  kpiCodes: readonly string[]
}): React.ReactElement {
  return (
    <>
      <section className="portal-section ml-summary network-head" data-testid="network-summary" data-member={summary.member.id}>
        <SummaryHeading summary={summary} />
      </section>
      <section id="kpis" className="portal-section ml-summary">
        <h2>My indicators</h2>
        <KpiGrid summary={summary} />
      </section>
      <section id="rank" className="portal-section ml-summary">
        <h2>My rank</h2>
        <RankFacts summary={summary} />
        <h3 className="network-sub">Rank report card</h3>
        <RankCardView summary={summary} />
      </section>
      <section id="bonuses" className="portal-section ml-summary">
        <h2>Bonuses and awards</h2>
        <BonusList summary={summary} currency={currency} />
        <h3 className="network-sub">Awards</h3>
        <AwardList summary={summary} />
      </section>
      <section id="history" className="portal-section ml-summary">
        <h2>Rank history</h2>
        <RankHistory summary={summary} />
      </section>
      <section id="downline" className="portal-section ml-summary">
        <h2>My downline</h2>
        <NetworkTree rootId={summary.member.id} cycleId={summary.cycle?.id ?? null} kpiCodes={kpiCodes} />
      </section>
    </>
  )
}
