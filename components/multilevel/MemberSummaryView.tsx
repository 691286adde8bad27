import React from 'react'

import { D } from '../../engine/core/decimal'
import { formatStored } from '../../engine/core/money'
import type { MemberSummary } from '../../modules/multilevel/results'
import { formatKpi } from './format'

import './network.css'

export type { MemberSummary }

/** Where a member's extract is downloaded (`GET /api/member-cycles/extract/:participant?cycle=`). */
export function extractUrl(summary: MemberSummary, apiBase = '/api'): string {
  return `${apiBase}/member-cycles/extract/${summary.member.id}${summary.cycle ? `?cycle=${summary.cycle.id}` : ''}`
}

/** An amount as stored (decimal text), in its currency when known, else to the cent. */
export function formatAmount(value: string, currency?: string | null): string {
  return currency ? formatStored(value, currency) : new D(value).toDecimalPlaces(2, D.ROUND_HALF_EVEN).toFixed(2)
}

const SOURCE_TEXT: Record<string, string> = {
  rule: 'qualified this cycle',
  kept: 'kept from an earlier cycle',
  grace: 'kept in grace',
  manual: 'set by hand',
  demoted: 'demoted',
}

/** The first number of a requirement as the card words it (">= 800", "100 to 200", "exactly 5"): the bar's target. */
function target(needs: string): InstanceType<typeof D> | null {
  const found = /-?\d+(?:\.\d+)?/.exec(needs)
  return found ? new D(found[0]) : null
}

function percentOf(line: { has: string; needs: string; met: boolean }): number {
  if (line.met) return 100
  const goal = target(line.needs)
  if (!goal || goal.lte(0)) return 0
  const ratio = new D(line.has).div(goal).times(100)
  return Math.max(0, Math.min(100, Number(ratio.toFixed(0))))
}

/**
 * One member's figures for a cycle (the 360° of the admin's Network view and the body of the portal's network page):
 * KPIs with when they were calculated, paid and honorary rank, the rank report card with a progress bar per
 * requirement, the cycle's bonuses and awards, and rank history. Each part is its own component so the portal can
 * lay them out in its sections; `MemberSummaryView` puts them all together.
 */
export function MemberSummaryView({
  summary,
  currency,
  apiBase = '/api',
}: {
  summary: MemberSummary
  currency?: string | null
  apiBase?: string
}): React.ReactElement {
  return (
    <div className="ml-summary" data-testid="member-summary" data-member={summary.member.id}>
      <SummaryHeading summary={summary} apiBase={apiBase} />
      <h3>Indicators</h3>
      <KpiGrid summary={summary} />
      <h3>Rank</h3>
      <RankFacts summary={summary} />
      <RankCardView summary={summary} />
      <h3>Bonuses</h3>
      <BonusList summary={summary} currency={currency} />
      <h3>Awards</h3>
      <AwardList summary={summary} />
      <h3>Rank history</h3>
      <RankHistory summary={summary} />
    </div>
  )
}

export function SummaryHeading({ summary, apiBase = '/api' }: { summary: MemberSummary; apiBase?: string }): React.ReactElement {
  return (
    <div className="ml-summary-head">
      <strong data-testid="summary-member">
        {summary.member.name} <span className="ml-code">{summary.member.code ?? `#${summary.member.id}`}</span>
      </strong>
      <span data-testid="summary-cycle">
        {summary.cycle ? `Cycle ${summary.cycle.label} (${summary.cycle.status})` : 'No cycle with figures yet'}
      </span>
      {summary.cycle ? (
        <a href={extractUrl(summary, apiBase)} data-testid="summary-extract" download>
          Download the extract (xlsx)
        </a>
      ) : null}
    </div>
  )
}

export function KpiGrid({ summary }: { summary: MemberSummary }): React.ReactElement {
  return (
    <>
      <p className="ml-asof" data-testid="kpis-asof">
        {summary.calculatedAt
          ? `As of ${new Date(summary.calculatedAt).toISOString().replace('T', ' ').slice(0, 16)} UTC (the cycle's indicators are recalculated while it is open).`
          : 'Not calculated yet for this cycle.'}
      </p>
      {summary.kpis.length === 0 ? (
        <p className="ml-empty">No indicators yet.</p>
      ) : (
        <dl className="ml-kpis" data-testid="kpis">
          {summary.kpis.map((kpi) => (
            <div
              key={kpi.code}
              className={`ml-kpi-tile${kpi.visible ? '' : ' hidden-kpi'}`}
              data-testid={`kpi-${kpi.code}`}
              data-value={kpi.value}
            >
              <dt>
                {kpi.label} <span className="ml-code">{kpi.code}</span>
                {kpi.visible ? null : <span className="ml-flag"> not shown to members</span>}
              </dt>
              <dd>{formatKpi(kpi.value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  )
}

export function RankFacts({ summary }: { summary: MemberSummary }): React.ReactElement {
  const { rank } = summary
  return (
    <dl className="ml-facts" data-testid="ranks">
      <dt>Paid rank</dt>
      <dd data-testid="rank-paid">{rank.paid ? `${rank.paid.name} (${rank.paid.code})` : 'none'}</dd>
      <dt>Honorary rank</dt>
      <dd data-testid="rank-honorary">{rank.honorary ? `${rank.honorary.name} (${rank.honorary.code})` : 'none'}</dd>
      <dt>Qualified by the rules</dt>
      <dd data-testid="rank-qualified">{rank.qualified ? rank.qualified.code : 'none'}</dd>
      {rank.source ? (
        <>
          <dt>Why</dt>
          <dd>
            {SOURCE_TEXT[rank.source] ?? rank.source}
            {rank.graceLeft ? ` · ${rank.graceLeft} grace cycle${rank.graceLeft === 1 ? '' : 's'} left` : ''}
          </dd>
        </>
      ) : null}
    </dl>
  )
}

/** The rank report card: the next rank and, for each requirement, what the member has, needs and lacks. */
export function RankCardView({ summary }: { summary: MemberSummary }): React.ReactElement {
  const card = summary.card
  if (!card)
    return (
      <p className="ml-empty" data-testid="rank-card">
        No rank card: no career plan has been run for this cycle.
      </p>
    )
  if (card.next === null)
    return (
      <p className="ml-card-top" data-testid="rank-card">
        Top rank reached: there is no higher rank.
      </p>
    )
  const nextName = card.nextName ?? card.next
  return (
    <div className="ml-card" data-testid="rank-card" data-next={card.next}>
      <p>
        Next rank: <strong data-testid="rank-next">{nextName}</strong>
      </p>
      {card.decidedByRules ? (
        <p className="ml-empty" data-testid="rank-card-rules">
          Decided by the rank rules: this rank&apos;s conditions are more than plain indicator thresholds.
        </p>
      ) : (
        <ul className="ml-card-lines">
          {card.lines.map((line) => {
            const percent = percentOf(line)
            return (
              <li key={line.kpi} data-testid={`card-${line.kpi}`} data-met={line.met ? 'yes' : 'no'} data-gap={line.gap}>
                <div className="ml-card-text">
                  <strong>{line.kpi}</strong>
                  <span>
                    has {formatKpi(line.has)} · needs {line.needs} · {line.met ? 'met' : `gap ${formatKpi(line.gap)}`}
                  </span>
                </div>
                <div
                  className="ml-bar"
                  role="progressbar"
                  aria-label={`${line.kpi} towards ${nextName}`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={percent}
                >
                  <span style={{ width: `${percent}%` }} className={line.met ? 'met' : undefined} />
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}

const COMPONENT_LABEL: Record<string, string> = {
  unilevel: 'Unilevel',
  differential: 'Differential',
  network_bonus: 'Bonus',
  advance: 'Advance',
  note: 'Adjustment',
}

export function BonusList({ summary, currency }: { summary: MemberSummary; currency?: string | null }): React.ReactElement {
  if (summary.bonuses.length === 0)
    return (
      <p className="ml-empty" data-testid="bonuses">
        No bonuses posted for this cycle yet.
      </p>
    )
  return (
    <div className="ml-scroll">
      <table className="ml-table" data-testid="bonuses">
        <thead>
          <tr>
            <th>Component</th>
            <th>Description</th>
            <th className="amount">Amount</th>
          </tr>
        </thead>
        <tbody>
          {summary.bonuses.map((b) => (
            <tr key={`${b.component}|${b.description}`} data-testid="bonus-line" data-component={b.component} data-amount={b.amount}>
              <td>{COMPONENT_LABEL[b.component] ?? b.component}</td>
              <td>{b.description}</td>
              <td className="amount">{formatAmount(b.amount, currency)}</td>
            </tr>
          ))}
          <tr className="ml-total" data-testid="bonus-total" data-amount={summary.bonusTotal}>
            <td colSpan={2}>Total this cycle</td>
            <td className="amount">{formatAmount(summary.bonusTotal, currency)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  )
}

export function AwardList({ summary }: { summary: MemberSummary }): React.ReactElement {
  if (summary.awards.length === 0)
    return (
      <p className="ml-empty" data-testid="awards">
        No awards this cycle.
      </p>
    )
  return (
    <ul className="ml-awards" data-testid="awards">
      {summary.awards.map((a, i) => (
        <li key={`${a.kind}|${a.label}|${i}`}>
          <strong>{a.badge ?? a.label}</strong>
          {a.points ? ` · ${formatKpi(a.points)} points` : ''}
          {a.prize ? ` · ${a.prize}` : ''}
        </li>
      ))}
    </ul>
  )
}

export function RankHistory({ summary }: { summary: MemberSummary }): React.ReactElement {
  if (summary.history.length === 0)
    return (
      <p className="ml-empty" data-testid="rank-history">
        No rank history yet.
      </p>
    )
  return (
    <div className="ml-scroll">
      <table className="ml-table" data-testid="rank-history">
        <thead>
          <tr>
            <th>Cycle</th>
            <th>Paid rank</th>
            <th>Honorary</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {summary.history.map((h) => (
            <tr key={h.cycle}>
              <td>{h.cycle}</td>
              <td>{h.paid ?? '—'}</td>
              <td>{h.honorary ?? '—'}</td>
              <td>{h.source ? (SOURCE_TEXT[h.source] ?? h.source) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
