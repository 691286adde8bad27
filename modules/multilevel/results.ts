/**
 * The network plan's results as people read them: one member's figures for a cycle (KPIs, ranks, the rank report
 * card, bonuses, awards, rank history — the 360° view and the portal's page), the downline one level at a time with
 * search (the tree, lazy so it stays quick at 100,000+ members), and the workbooks: the general settlement of a cycle
 * and a member's individual extract. Callers check who may see whom; these read what they are asked.
 */
import ExcelJS from 'exceljs'
import type { Pool } from 'pg'

import { rankCard, rankRequirements, type RankCard } from '../../engine/multilevel'
import type { JdmContent } from '../../engine/rules'
import { approvedRuleVersion } from '../rules'

type Queryable = Pick<Pool, 'query'>

export type CycleRef = { id: number; label: string; startsOn: string; endsOn: string; status: string }
export type KpiValue = { code: string; label: string; value: string; visible: boolean }
export type RankRef = { code: string; name: string } | null

export type MemberSummary = {
  member: { id: number; name: string; code: string | null; path: string }
  cycle: CycleRef | null
  /** When the cycle's KPIs were last calculated (the pipeline's "Calculate indicators"). */
  calculatedAt: string | null
  kpis: KpiValue[]
  rank: { qualified: RankRef; paid: RankRef; honorary: RankRef; graceLeft: number | null; source: string | null }
  card: (RankCard & { nextName?: string }) | null
  bonuses: { component: string; description: string; amount: string }[]
  bonusTotal: string
  awards: { kind: string; label: string; points: string | null; prize: string | null; badge: string | null }[]
  history: { cycle: string; paid: string | null; honorary: string | null; source: string | null }[]
}

/** The cycle to show: the one asked for, or the latest with figures for the member (the open one when it has them). */
export async function memberCycle(db: Queryable, participantId: number, cycleId?: number | null): Promise<CycleRef | null> {
  const found = await db.query<CycleRef>(
    `select p.id, p.label, p.starts_on::text as "startsOn", p.ends_on::text as "endsOn", p.status::text as status
       from commission_periods p
      where ${cycleId ? 'p.id = $2 and $1::int is not null' : `p.cycle = 'regular' and exists (select 1 from member_cycles m where m.cycle_id = p.id and m.participant_id = $1)`}
      order by p.starts_on desc limit 1`,
    cycleId ? [participantId, cycleId] : [participantId],
  )
  return found.rows[0] ?? null
}

const rankRef = (code: string | null, name: string | null): RankRef => (code ? { code, name: name ?? code } : null)

/** Runs whose lines people read: staff see runs waiting for approval too; members only validated ones. */
const READABLE_RUNS = (memberView: boolean) => (memberView ? `('approved', 'locked')` : `('awaiting_approval', 'approved', 'locked')`)

/**
 * One member's figures for a cycle. `visibleOnly` is the member's own view (the portal, a consultant over REST): only
 * the KPIs marked visible, and only bonuses of validated runs.
 */
export async function memberSummary(
  db: Queryable,
  participantId: number,
  options: { cycleId?: number | null; visibleOnly: boolean },
): Promise<MemberSummary | null> {
  const member = (
    await db.query<{ id: number; name: string; code: string | null; path: string }>(
      `select id, name, code, path from participants where id = $1`,
      [participantId],
    )
  ).rows[0]
  if (!member) return null
  const cycle = await memberCycle(db, participantId, options.cycleId)
  const empty: MemberSummary = {
    member,
    cycle,
    calculatedAt: null,
    kpis: [],
    rank: { qualified: null, paid: null, honorary: null, graceLeft: null, source: null },
    card: null,
    bonuses: [],
    bonusTotal: '0',
    awards: [],
    history: [],
  }
  if (!cycle) return empty
  const row = (
    await db.query<{
      kpis: Record<string, number> | null
      q_code: string | null
      q_name: string | null
      p_code: string | null
      p_name: string | null
      p_order: number | null
      h_code: string | null
      h_name: string | null
      grace_left: number | null
      rank_source: string | null
    }>(
      `select m.kpis, q.code as q_code, q.name as q_name, pr.code as p_code, pr.name as p_name, pr."order"::int as p_order,
              h.code as h_code, h.name as h_name, m.grace_left::int as grace_left, m.rank_source::text as rank_source
         from member_cycles m left join ranks q on q.id = m.qualified_rank_id left join ranks pr on pr.id = m.paid_rank_id
         left join ranks h on h.id = m.honorary_rank_id
        where m.cycle_id = $1 and m.participant_id = $2`,
      [cycle.id, participantId],
    )
  ).rows[0]
  const definitions = (
    await db.query<{ code: string; label: string; visible: boolean }>(
      `select code, label, coalesce(visible, true) as visible from kpi_definitions where enabled order by code`,
    )
  ).rows
  const kpis = definitions
    .filter((d) => !options.visibleOnly || d.visible)
    .map((d) => ({ code: d.code, label: d.label, value: String(row?.kpis?.[d.code] ?? '0'), visible: d.visible }))
  const calculatedAt =
    (
      await db.query<{ at: string | null }>(
        `select max(s->>'at') as at from pipeline_runs r cross join lateral jsonb_array_elements(coalesce(r.steps, '[]'::jsonb)) s
          where r.cycle_id = $1 and s->>'step' = 'calculate_indicators' and s->>'status' = 'done'`,
        [cycle.id],
      )
    ).rows[0]?.at ?? null
  // The card reads the rank rules of a career plan a pipeline of this cycle uses (the first one found).
  let card: MemberSummary['card'] = null
  const plan = (
    await db.query<{ rules: number | null }>(
      `select c.rank_rules_id as rules from pipeline_runs r join pipeline_types t on t.id = r.pipeline_type_id join career_plans c on c.id = t.career_plan_id
        where r.cycle_id = $1 order by r.id limit 1`,
      [cycle.id],
    )
  ).rows[0]
  if (plan?.rules) {
    const source = await approvedRuleVersion(db, plan.rules, cycle.startsOn)
    if (source) {
      const ranks = (
        await db.query<{ code: string; name: string; order: number }>(
          `select code, name, "order"::int as "order" from ranks order by "order"`,
        )
      ).rows
      const shown = new Set(kpis.map((k) => k.code))
      const requirements = rankRequirements(source.content as JdmContent)
      // A member's card lists only requirements on KPIs it may see; a rank needing a hidden one is "decided by the rules".
      if (options.visibleOnly)
        for (const [code, list] of requirements) if (list?.some((r) => !shown.has(r.kpi))) requirements.set(code, null)
      const built = rankCard(ranks, row?.p_order ?? 0, row?.kpis ?? {}, requirements)
      card = built.next ? { ...built, nextName: ranks.find((r) => r.code === built.next)?.name ?? built.next } : built
    }
  }
  const bonuses = (
    await db.query<{ component: string; description: string; amount: string }>(
      `select l.component::text as component, coalesce(l.description, '') as description, sum(l.amount)::text as amount
         from commission_lines l join commission_runs r on r.id = l.run_id and r.mode = 'post' and r.status in ${READABLE_RUNS(options.visibleOnly)}
        where l.period_id = $1 and l.payee_id = $2 and l.component in ('unilevel', 'differential', 'network_bonus', 'advance', 'note')
        group by l.component, l.description order by l.component, l.description`,
      [cycle.id, participantId],
    )
  ).rows
  const bonusTotal = (
    await db.query<{ total: string }>(
      `select coalesce(sum(l.amount), 0)::text as total from commission_lines l join commission_runs r on r.id = l.run_id and r.mode = 'post'
        where l.period_id = $1 and l.payee_id = $2 and r.status in ${READABLE_RUNS(options.visibleOnly)}`,
      [cycle.id, participantId],
    )
  ).rows[0]!.total
  const awards = (
    await db.query<MemberSummary['awards'][number]>(
      `select a.kind::text as kind, coalesce(a.label, '') as label, a.points::text as points, a.prize, a.badge
         from network_awards a join commission_runs r on r.id = a.run_id and r.status in ${READABLE_RUNS(options.visibleOnly)}
        where a.cycle_id = $1 and a.participant_id = $2 order by a.kind, a.label`,
      [cycle.id, participantId],
    )
  ).rows
  const history = (
    await db.query<MemberSummary['history'][number]>(
      `select p.label as cycle, pr.code as paid, h.code as honorary, m.rank_source::text as source
         from member_cycles m join commission_periods p on p.id = m.cycle_id and p.cycle = 'regular'
         left join ranks pr on pr.id = m.paid_rank_id left join ranks h on h.id = m.honorary_rank_id
        where m.participant_id = $1 order by p.starts_on desc limit 24`,
      [participantId],
    )
  ).rows
  return {
    ...empty,
    calculatedAt,
    kpis,
    rank: {
      qualified: rankRef(row?.q_code ?? null, row?.q_name ?? null),
      paid: rankRef(row?.p_code ?? null, row?.p_name ?? null),
      honorary: rankRef(row?.h_code ?? null, row?.h_name ?? null),
      graceLeft: row?.grace_left ?? null,
      source: row?.rank_source ?? null,
    },
    card,
    bonuses,
    bonusTotal,
    awards,
    history,
  }
}

export type DownlineNode = {
  id: number
  name: string
  code: string | null
  path: string
  children: number
  rank: string | null
  kpis: Record<string, string>
}

/** $1 the cycle; $5 the KPI codes a member may see (null: every KPI, for staff). */
const NODE_SQL = `select p.id, p.name, p.code, p.path, (select count(*)::int from participants c where c.parent_id = p.id) as children,
        r.code as rank,
        (select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) from jsonb_each(coalesce(m.kpis, '{}'::jsonb)) e
          where $5::text[] is null or e.key = any($5::text[])) as kpis
   from participants p left join member_cycles m on m.participant_id = p.id and m.cycle_id = $1 left join ranks r on r.id = m.paid_rank_id`

/** The direct children of a member with their KPIs and paid rank for the cycle, a page at a time (by name). */
/** The KPI codes a member may see, or null for staff (every KPI). */
async function visibleCodes(db: Queryable, visibleOnly: boolean): Promise<string[] | null> {
  if (!visibleOnly) return null
  return (await db.query<{ code: string }>(`select code from kpi_definitions where enabled and coalesce(visible, true)`)).rows.map(
    (r) => r.code,
  )
}

export async function downlineChildren(
  db: Queryable,
  parentId: number,
  cycleId: number | null,
  page: { limit: number; offset: number },
  visibleOnly = false,
): Promise<{ total: number; nodes: DownlineNode[] }> {
  const total = (await db.query<{ n: number }>(`select count(*)::int as n from participants where parent_id = $1`, [parentId])).rows[0]!.n
  const nodes = (
    await db.query<DownlineNode>(`${NODE_SQL} where p.parent_id = $2 order by p.name, p.id limit $3 offset $4`, [
      cycleId,
      parentId,
      page.limit,
      page.offset,
      await visibleCodes(db, visibleOnly),
    ])
  ).rows
  return { total, nodes }
}

/** Members of `rootId`'s subtree whose name or code contains `query` (at most `limit`), with their paths to expand to. */
export async function searchDownline(
  db: Queryable,
  rootId: number,
  cycleId: number | null,
  query: string,
  limit = 20,
  visibleOnly = false,
): Promise<DownlineNode[]> {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  return (
    await db.query<DownlineNode>(
      `${NODE_SQL} where p.path like '%/' || $2::int || '/%' and p.id <> $2::int and (p.name ilike $3 or p.code ilike $3) order by length(p.path), p.name limit $4`,
      [cycleId, rootId, pattern, limit, await visibleCodes(db, visibleOnly)],
    )
  ).rows
}

/** The general settlement of a cycle: every member's KPIs and ranks, and what each is paid by component. */
export async function settlementWorkbook(db: Queryable, cycleId: number): Promise<Buffer> {
  const cycle = (await db.query<{ label: string }>(`select label from commission_periods where id = $1`, [cycleId])).rows[0]
  if (!cycle) throw new Error(`cycle ${cycleId} does not exist`)
  const codes = (await db.query<{ code: string; label: string }>(`select code, label from kpi_definitions where enabled order by code`))
    .rows
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Accrue'
  const members = workbook.addWorksheet('Members')
  members.columns = [
    { header: 'Code', key: 'code', width: 14 },
    { header: 'Name', key: 'name', width: 28 },
    { header: 'Sponsor', key: 'sponsor', width: 14 },
    { header: 'Level', key: 'depth', width: 7 },
    ...codes.map((c) => ({ header: `${c.code} (${c.label})`, key: `k_${c.code}`, width: 14 })),
    { header: 'Qualified rank', key: 'qualified', width: 14 },
    { header: 'Paid rank', key: 'paid', width: 12 },
    { header: 'Honorary rank', key: 'honorary', width: 14 },
    { header: 'Rank source', key: 'source', width: 12 },
    { header: 'Earns this cycle', key: 'qualifies', width: 10 },
    { header: 'Bonuses', key: 'total', width: 14 },
  ]
  const rows = await db.query<Record<string, any>>(
    `select p.code, p.name, sp.code as sponsor, m.depth::int as depth, m.kpis, q.code as qualified, pr.code as paid, h.code as honorary,
            m.rank_source::text as source, m.qualifies, coalesce(t.total, 0)::numeric as total
       from member_cycles m join participants p on p.id = m.participant_id left join participants sp on sp.id = p.parent_id
       left join ranks q on q.id = m.qualified_rank_id left join ranks pr on pr.id = m.paid_rank_id left join ranks h on h.id = m.honorary_rank_id
       left join (select l.payee_id, sum(l.amount) as total from commission_lines l join commission_runs r on r.id = l.run_id and r.mode = 'post'
                   where l.period_id = $1 and r.status in ('awaiting_approval', 'approved', 'locked') group by l.payee_id) t on t.payee_id = m.participant_id
      where m.cycle_id = $1 order by m.depth, p.code`,
    [cycleId],
  )
  for (const row of rows.rows)
    members.addRow({
      ...row,
      total: Number(row.total),
      qualifies: row.qualifies === null ? '' : row.qualifies ? 'yes' : 'no',
      ...Object.fromEntries(codes.map((c) => [`k_${c.code}`, Number(row.kpis?.[c.code] ?? 0)])),
    })
  members.getColumn('total').numFmt = '#,##0.00'
  const lines = workbook.addWorksheet('Bonuses')
  lines.columns = [
    { header: 'Code', key: 'code', width: 14 },
    { header: 'Name', key: 'name', width: 28 },
    { header: 'Component', key: 'component', width: 16 },
    { header: 'Lines', key: 'lines', width: 8 },
    { header: 'Amount', key: 'amount', width: 14 },
    { header: 'Currency', key: 'currency', width: 9 },
  ]
  const byComponent = await db.query<Record<string, any>>(
    `select p.code, p.name, l.component::text as component, count(*)::int as lines, sum(l.amount)::numeric as amount, l.currency
       from commission_lines l join commission_runs r on r.id = l.run_id and r.mode = 'post' and r.status in ('awaiting_approval', 'approved', 'locked')
       join participants p on p.id = l.payee_id where l.period_id = $1 group by p.code, p.name, l.component, l.currency order by p.code, l.component`,
    [cycleId],
  )
  for (const row of byComponent.rows) lines.addRow({ ...row, amount: Number(row.amount) })
  lines.getColumn('amount').numFmt = '#,##0.00'
  members.views = [{ state: 'frozen', ySplit: 1 }]
  lines.views = [{ state: 'frozen', ySplit: 1 }]
  workbook.title = `Settlement ${cycle.label}`
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** One member's individual extract for a cycle: its figures, and every line it is paid, with where each comes from. */
export async function extractWorkbook(db: Queryable, participantId: number, cycleId: number | null, visibleOnly = false): Promise<Buffer> {
  const summary = await memberSummary(db, participantId, { cycleId, visibleOnly })
  if (!summary) throw new Error(`participant ${participantId} does not exist`)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Accrue'
  const figures = workbook.addWorksheet('Figures')
  figures.columns = [
    { header: 'Item', key: 'item', width: 30 },
    { header: 'Value', key: 'value', width: 22 },
  ]
  figures.addRow({ item: 'Member', value: `${summary.member.name} (${summary.member.code ?? summary.member.id})` })
  figures.addRow({ item: 'Cycle', value: summary.cycle?.label ?? 'none yet' })
  for (const kpi of summary.kpis) figures.addRow({ item: `${kpi.code} · ${kpi.label}`, value: Number(kpi.value) })
  figures.addRow({ item: 'Paid rank', value: summary.rank.paid?.code ?? '—' })
  figures.addRow({ item: 'Honorary rank', value: summary.rank.honorary?.code ?? '—' })
  figures.addRow({ item: 'Paid this cycle', value: Number(summary.bonusTotal) })
  const lines = workbook.addWorksheet('Lines')
  lines.columns = [
    { header: 'Component', key: 'component', width: 16 },
    { header: 'Description', key: 'description', width: 40 },
    { header: 'From member', key: 'from', width: 16 },
    { header: 'Amount', key: 'amount', width: 14 },
    { header: 'Currency', key: 'currency', width: 9 },
  ]
  if (summary.cycle) {
    const rows = await db.query<Record<string, any>>(
      `select l.component::text as component, l.description, f.code as "from", l.amount::numeric as amount, l.currency
         from commission_lines l join commission_runs r on r.id = l.run_id and r.mode = 'post' and r.status in ${READABLE_RUNS(visibleOnly)}
         left join participants f on f.id = l.from_participant_id where l.period_id = $1 and l.payee_id = $2 order by l.component, l.id`,
      [summary.cycle.id, participantId],
    )
    for (const row of rows.rows) lines.addRow({ ...row, amount: Number(row.amount) })
  }
  lines.getColumn('amount').numFmt = '#,##0.00'
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
