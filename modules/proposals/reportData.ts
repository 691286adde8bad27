/**
 * The rows of the proposal reports, read straight from PostgreSQL for one user, then shaped by the pure report
 * functions of `engine/proposals/reports`. Sums are PostgreSQL `numeric` (exact) grouped per payee first, so a
 * month of a million lines comes over as a few rows; every other sum and total is decimal.js in the engine.
 *
 * Who sees what: staff who read everything (READ_ALL_ROLES) see every row; anyone else sees the rows of their own
 * participant's subtree (the proposals its members wrote; the commission and advertising lines paid to its members),
 * as a filter in the query itself; a login without a participant sees nothing.
 *
 * Money reports count the lines of posted runs (post mode, awaiting approval, approved or locked), as the commission
 * dashboard does, optionally of one commission period.
 */
import type { Pool } from 'pg'

import { hasRole, participantIdOf, type AccessUser } from '../../access/core/user'
import {
  REPORT_TITLES,
  advertisingByProgram,
  approvalTurnaround,
  commissionByParticipant,
  proposalsByStatusAndAge,
  type AdvertisingAmount,
  type AdvertisingReport,
  type CommissionAmount,
  type CommissionReport,
  type HistoryStep,
  type ProposalReportName,
  type ProposalTrail,
  type StatusAgeReport,
  type TurnaroundReport,
} from '../../engine/proposals/reports'
import { READ_ALL_ROLES, subtreeSegment } from '../../engine/network'
import { POSTED_RUN_STATUSES } from '../../engine/commission'

/** Whose rows a user sees: everything, one participant's subtree, or nothing. */
export type ReportScope = { kind: 'all' } | { kind: 'subtree'; participantId: number } | { kind: 'none' }
export type ScopeInfo = { kind: 'all' } | { kind: 'subtree'; participantId: number; participant: string } | { kind: 'none' }
export type PeriodRef = { id: number; label: string }

type Common = { title: string; asOf: string; scope: ScopeInfo }
export type StatusAgeData = Common & { report: 'status-age' } & StatusAgeReport
export type TurnaroundData = Common & { report: 'turnaround' } & TurnaroundReport
export type CommissionData = Common & { report: 'commission'; period: PeriodRef | null } & CommissionReport
export type AdvertisingData = Common & { report: 'advertising'; period: PeriodRef | null } & AdvertisingReport
export type ProposalReportData = StatusAgeData | TurnaroundData | CommissionData | AdvertisingData
export type ReportOf<N extends ProposalReportName> = Extract<ProposalReportData, { report: N }>

export type ReportOptions = { asOf: Date; period: PeriodRef | null }

export function reportScopeOf(user: AccessUser | null): ReportScope {
  if (!user) return { kind: 'none' }
  if (hasRole(user, ...READ_ALL_ROLES)) return { kind: 'all' }
  const participantId = participantIdOf(user)
  return participantId === null ? { kind: 'none' } : { kind: 'subtree', participantId }
}

/** One report for one user. */
export async function proposalReport<N extends ProposalReportName>(
  pool: Pool,
  name: N,
  user: AccessUser | null,
  options: ReportOptions,
): Promise<ReportOf<N>> {
  const scope = reportScopeOf(user)
  const common: Common = { title: REPORT_TITLES[name], asOf: options.asOf.toISOString(), scope: await scopeInfo(pool, scope) }
  const report = await build(pool, name, scope, options)
  return { report: name, ...common, ...report } as ReportOf<N>
}

/** The four reports for one user (the admin view). */
export async function allProposalReports(
  pool: Pool,
  user: AccessUser | null,
  options: ReportOptions,
): Promise<{ [N in ProposalReportName]: ReportOf<N> }> {
  const [statusAge, turnaround, commission, advertising] = await Promise.all([
    proposalReport(pool, 'status-age', user, options),
    proposalReport(pool, 'turnaround', user, options),
    proposalReport(pool, 'commission', user, options),
    proposalReport(pool, 'advertising', user, options),
  ])
  return { 'status-age': statusAge, turnaround, commission, advertising }
}

/** A commission period by id, or null when there is none. */
export async function reportPeriod(pool: Pool, id: number): Promise<PeriodRef | null> {
  const { rows } = await pool.query<PeriodRef>(`select id, label from commission_periods where id = $1`, [id])
  return rows[0] ?? null
}

/** Periods with posted runs, newest first: the choices of the period picker. */
export async function postedPeriods(pool: Pool, limit = 36): Promise<PeriodRef[]> {
  const { rows } = await pool.query<PeriodRef>(
    `select p.id, p.label from commission_periods p
      where exists (select 1 from commission_runs r where r.period_id = p.id and r.mode = 'post' and r.status::text = any($1::text[]))
      order by p.starts_on desc nulls last, p.id desc
      limit $2`,
    [[...POSTED_RUN_STATUSES], limit],
  )
  return rows
}

async function build(pool: Pool, name: ProposalReportName, scope: ReportScope, options: ReportOptions): Promise<object> {
  const within = scope.kind === 'subtree' ? `%${subtreeSegment(scope.participantId)}%` : null
  const nothing = scope.kind === 'none'
  switch (name) {
    case 'status-age':
      return proposalsByStatusAndAge(nothing ? [] : await proposalAges(pool, within), options.asOf)
    case 'turnaround': {
      const trails = nothing ? [] : await proposalTrails(pool, within)
      return approvalTurnaround(trails, await participantKinds(pool, trails), options.asOf)
    }
    case 'commission':
      return { period: options.period, ...commissionByParticipant(nothing ? [] : await commissionAmounts(pool, within, options.period)) }
    case 'advertising':
      return { period: options.period, ...advertisingByProgram(nothing ? [] : await advertisingAmounts(pool, within, options.period)) }
  }
}

async function scopeInfo(pool: Pool, scope: ReportScope): Promise<ScopeInfo> {
  if (scope.kind !== 'subtree') return scope
  const { rows } = await pool.query<{ name: string }>(`select name from participants where id = $1`, [scope.participantId])
  return { ...scope, participant: rows[0]?.name ?? `#${scope.participantId}` }
}

/** Proposals written in the scope (`within`: a path pattern, or null for all). */
async function proposalAges(pool: Pool, within: string | null): Promise<{ id: number; status: string; createdAt: Date }[]> {
  const { rows } = await pool.query<{ id: number; status: string; created_at: Date }>(
    `select p.id, p.status::text as status, p.created_at
       from proposals p left join participants a on a.id = p.author_participant_id
      where $1::text is null or a.path like $1`,
    [within],
  )
  return rows.map((r) => ({ id: r.id, status: r.status, createdAt: r.created_at }))
}

/** Histories, in their stored order, of the proposals of the scope that were ever submitted. */
async function proposalTrails(pool: Pool, within: string | null): Promise<ProposalTrail[]> {
  const { rows } = await pool.query<{
    id: number
    status: string
    chain: unknown
    history: { action: string | null; at: string | null; participantId: number | null }[]
  }>(
    `select p.id, p.status::text as status, p.chain,
            (select json_agg(json_build_object('action', h.action, 'at', h.at, 'participantId', h.participant_id) order by h._order)
               from proposals_history h where h._parent_id = p.id) as history
       from proposals p left join participants a on a.id = p.author_participant_id
      where ($1::text is null or a.path like $1)
        and exists (select 1 from proposals_history h where h._parent_id = p.id and h.action = 'submit')
      order by p.id`,
    [within],
  )
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    chain: Array.isArray(r.chain) ? r.chain.map(Number) : [],
    history: (r.history ?? []).map((h): HistoryStep => ({
      action: h.action ?? '',
      at: h.at ? new Date(h.at) : null,
      participantId: h.participantId,
    })),
  }))
}

/** The kind of every participant that approves in these trails. */
async function participantKinds(pool: Pool, trails: readonly ProposalTrail[]): Promise<Map<number, string>> {
  const ids = new Set<number>()
  for (const trail of trails) {
    trail.chain.forEach((id) => ids.add(id))
    trail.history.forEach((step) => step.participantId !== null && ids.add(step.participantId))
  }
  if (ids.size === 0) return new Map()
  const { rows } = await pool.query<{ id: number; kind: string }>(
    `select id, kind::text as kind from participants where id = any($1::int[])`,
    [[...ids]],
  )
  return new Map(rows.map((r) => [r.id, r.kind]))
}

/** Posted proposal commission per payee, rule scope, service and currency. */
async function commissionAmounts(pool: Pool, within: string | null, period: PeriodRef | null): Promise<CommissionAmount[]> {
  const { rows } = await pool.query<{
    payee_id: number
    payee_code: string | null
    payee_name: string
    scope: string | null
    service_id: number | null
    service_code: string | null
    service_name: string | null
    currency: string
    lines: number
    amount: string
  }>(
    `select l.payee_id, p.code as payee_code, coalesce(p.name, '#' || l.payee_id) as payee_name, cr.scope::text as scope,
            b.service_id, s.code as service_code, s.name as service_name, l.currency, count(*)::int as lines, coalesce(sum(l.amount), 0)::text as amount
       from commission_lines l
       join commission_runs r on r.id = l.run_id
       left join participants p on p.id = l.payee_id
       left join commission_rules cr on cr.id = l.rule_id
       left join billing_lines b on b.id = l.billing_line_id
       left join services s on s.id = b.service_id
      where l.component::text = 'proposal_commission' and r.mode = 'post' and r.status::text = any($1::text[])
        and ($2::int is null or l.period_id = $2) and ($3::text is null or p.path like $3)
      group by l.payee_id, p.code, p.name, cr.scope, b.service_id, s.code, s.name, l.currency`,
    [[...POSTED_RUN_STATUSES], period?.id ?? null, within],
  )
  return rows.map((r) => ({
    payeeId: r.payee_id,
    payeeCode: r.payee_code,
    payeeName: r.payee_name,
    scope: r.scope,
    serviceId: r.service_id,
    serviceCode: r.service_code,
    serviceName: r.service_name,
    currency: r.currency,
    lines: r.lines,
    amount: r.amount,
  }))
}

/** Posted advertising deductions per program (from the evaluation's inputs), payee and currency. */
async function advertisingAmounts(pool: Pool, within: string | null, period: PeriodRef | null): Promise<AdvertisingAmount[]> {
  const { rows } = await pool.query<{
    program_id: number | null
    program_name: string
    payee_id: number
    payee_code: string | null
    payee_name: string
    currency: string
    lines: number
    amount: string
  }>(
    `select x.program_id, coalesce(ap.name, x.program_name) as program_name, x.payee_id, p.code as payee_code, coalesce(p.name, '#' || x.payee_id) as payee_name,
            x.currency, count(*)::int as lines, coalesce(sum(x.amount), 0)::text as amount
       from (select l.payee_id, l.currency, l.amount, (e.inputs->>'programId')::int as program_id,
                    coalesce(e.inputs->>'program', l.description, 'unknown program') as program_name
               from commission_lines l
               join commission_runs r on r.id = l.run_id
               left join commission_evaluations e on e.id = l.evaluation_id
              where l.component::text = 'advertising' and r.mode = 'post' and r.status::text = any($1::text[])
                and ($2::int is null or l.period_id = $2)) x
       left join advertising_programs ap on ap.id = x.program_id
       left join participants p on p.id = x.payee_id
      where $3::text is null or p.path like $3
      group by x.program_id, coalesce(ap.name, x.program_name), x.payee_id, p.code, p.name, x.currency`,
    [[...POSTED_RUN_STATUSES], period?.id ?? null, within],
  )
  return rows.map((r) => ({
    programId: r.program_id,
    programName: r.program_name,
    payeeId: r.payee_id,
    payeeCode: r.payee_code,
    payeeName: r.payee_name,
    currency: r.currency,
    lines: r.lines,
    amount: r.amount,
  }))
}
