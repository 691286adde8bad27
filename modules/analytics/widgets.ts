/**
 * One query per dashboard widget (WIDGETS in engine/analytics/catalog.ts), each answering the chart-ready shape of
 * engine/analytics/shape.ts. Every query is limited to the viewer's subtree when it has one (participants.path contains
 * its segment): sales and points by the consultant of the line, members by themselves, tickets by the affected
 * consultant.
 */
import type { Pool } from 'pg'

import { WIDGETS, type WidgetKey } from '../../engine/analytics/catalog'
import {
  activeWindow,
  ACTIVE_DAYS,
  bucketByMonth,
  countByMonth,
  isActiveMember,
  lastMonths,
  monthEnd,
  monthsBetween,
  type WidgetData,
} from '../../engine/analytics/shape'
import { PERSON_KINDS } from '../../engine/network'
import { TICKET_STATUS_LABELS, TICKET_STATUSES, TICKET_TYPE_LABELS, TICKET_TYPES } from '../../engine/support'

/** What a widget is asked for: today's day, the viewer's subtree segment (null: everything), an optional period. */
export type WidgetContext = { today: string; scope: string | null; from?: string; to?: string }

/** The members the network widgets count: people in the network (consultants, agents, agent managers, referrers). */
export const MEMBER_KINDS: readonly string[] = PERSON_KINDS

/** `participants p` limited to a subtree segment given as parameter `$n` (null: no limit). */
const inScope = (n: number) => `($${n}::text is null or p.path like '%' || $${n}::text || '%')`

/** The active-member definition as the widgets and reports state it. */
export const ACTIVE_DEFINITION = `Active: status active AND at least one order line (not a return) booked in the last ${ACTIVE_DAYS} days (or in the period asked). Everyone else is inactive.`

/** The months a monthly widget covers: the period asked, else the last 12 months including the current one. */
function monthRange(ctx: WidgetContext): { months: string[]; from: string; to: string } {
  const months =
    ctx.from || ctx.to ? monthsBetween(ctx.from ?? `${lastMonths(ctx.to!, 12)[0]}-01`, ctx.to ?? ctx.today) : lastMonths(ctx.today, 12)
  return { months, from: ctx.from ?? `${months[0]}-01`, to: ctx.to ?? monthEnd(months[months.length - 1]!) }
}

/** The window "active" is measured in: the period asked, else the 90 days ending today. */
function activityWindow(ctx: WidgetContext): { from: string; to: string } {
  if (!ctx.from && !ctx.to) return activeWindow(ctx.today)
  const to = ctx.to ?? ctx.today
  return { from: ctx.from ?? activeWindow(to).from, to }
}

/**
 * Each member's region: the region of its own territory, or of the nearest upline's that has one ("No territory" when
 * none has), as a CTE `region_of(id, region)` over the members in scope (parameter `$n`).
 */
const regionOf = (n: number) => `region_of as (
  select p.id, coalesce((select coalesce(nullif(t.region, ''), t.name) from participants a join territories t on t.id = a.territory_id
                          where a.id = any(string_to_array(trim(both '/' from p.path), '/')::int[])
                          order by length(a.path) desc limit 1), 'No territory') as region
    from participants p where ${inScope(n)})`

/** Members in scope by status and whether they ordered in the window, optionally by region: the counts "active" is read from. */
async function memberActivity(pool: Pool, ctx: WidgetContext, byRegion: boolean) {
  const window = activityWindow(ctx)
  const rows = await pool.query<{ status: string; ordered: boolean; region: string | null; members: number }>(
    `${byRegion ? `with ${regionOf(3)}` : ''}
     select p.status::text as status, ${byRegion ? 'r.region' : 'null::text'} as region, count(*)::int as members,
            exists (select 1 from network_orders o where o.consultant_id = p.id and o.kind = 'order' and o.booked_on between $1::date and $2::date) as ordered
       from participants p ${byRegion ? 'join region_of r on r.id = p.id' : ''}
      where p.kind::text = any($4::text[]) and ${inScope(3)}
      group by 1, 2, 4`,
    [window.from, window.to, ctx.scope, MEMBER_KINDS],
  )
  return {
    window,
    rows: rows.rows.map((r) => ({ ...r, active: isActiveMember(r.status, r.ordered ? window.to : null, window) })),
  }
}

type Query = (pool: Pool, ctx: WidgetContext) => Promise<Omit<WidgetData, 'key' | 'title'>>

const QUERIES: Record<WidgetKey, Query> = {
  sales_by_month: async (pool, ctx) => {
    const { months, from, to } = monthRange(ctx)
    const rows = await pool.query<{ month: string; currency: string; amount: string }>(
      `select to_char(o.booked_on, 'YYYY-MM') as month, o.currency, sum(o.amount)::text as amount
         from network_orders o join participants p on p.id = o.consultant_id
        where o.booked_on between $1::date and $2::date and ${inScope(3)}
        group by 1, 2`,
      [from, to, ctx.scope],
    )
    const bucketed = bucketByMonth(rows.rows, months)
    return {
      description: 'Net sales (order lines less returns, VAT included, after discount) per month of booking and currency.',
      chart: 'bar',
      x: 'month',
      series: bucketed.currencies.map((c) => ({ key: c, label: c })),
      rows: bucketed.rows,
      from,
      to,
    }
  },

  sales_by_region: async (pool, ctx) => {
    const { from, to } = monthRange(ctx)
    const rows = await pool.query<{ region: string; currency: string; amount: string }>(
      `with ${regionOf(3)}
       select r.region, o.currency, sum(o.amount)::text as amount
         from network_orders o join region_of r on r.id = o.consultant_id
        where o.booked_on between $1::date and $2::date
        group by 1, 2`,
      [from, to, ctx.scope],
    )
    const regions = [...new Set(rows.rows.map((r) => r.region))].sort()
    const bucketed = bucketByMonth(
      rows.rows.map((r) => ({ month: r.region, currency: r.currency, amount: r.amount })),
      regions,
    )
    return {
      description: 'Net sales in the period per region (the territory of the consultant, or of its nearest upline with one) and currency.',
      chart: 'bar',
      x: 'region',
      series: bucketed.currencies.map((c) => ({ key: c, label: c })),
      rows: bucketed.rows.map(({ month, ...amounts }) => ({ region: month!, ...amounts })),
      from,
      to,
    }
  },

  network_activity: async (pool, ctx) => {
    const { window, rows } = await memberActivity(pool, ctx, false)
    const active = rows.filter((r) => r.active).reduce((n, r) => n + r.members, 0)
    const inactive = rows.filter((r) => !r.active).reduce((n, r) => n + r.members, 0)
    return {
      description: `Members (consultants, agents, agent managers, referrers). ${ACTIVE_DEFINITION}`,
      chart: 'pie',
      x: 'state',
      series: [{ key: 'members', label: 'Members' }],
      rows: [
        { state: 'Active', members: active },
        { state: 'Inactive', members: inactive },
      ],
      ...window,
    }
  },

  network_growth: async (pool, ctx) => {
    const { months, from, to } = monthRange(ctx)
    const rows = await pool.query<{ month: string; count: number }>(
      `select to_char((p.joined_on at time zone 'UTC')::date, 'YYYY-MM') as month, count(*)::int as count
         from participants p
        where p.kind::text = any($4::text[]) and (p.joined_on at time zone 'UTC')::date between $1::date and $2::date and ${inScope(3)}
        group by 1`,
      [from, to, ctx.scope, MEMBER_KINDS],
    )
    return {
      description: 'New members (consultants, agents, agent managers, referrers) per month they joined.',
      chart: 'line',
      x: 'month',
      series: [{ key: 'joined', label: 'New members' }],
      rows: countByMonth(rows.rows, months, 'joined'),
      from,
      to,
    }
  },

  network_by_rank: async (pool, ctx) => {
    const cycle = await pool.query<{ id: number; label: string; starts: string; ends: string }>(
      `select c.id, c.label, c.starts_on::text as starts, c.ends_on::text as ends from commission_periods c
        where exists (select 1 from member_cycles m where m.cycle_id = c.id) and c.ends_on <= $1::date
        order by c.ends_on desc, c.id desc limit 1`,
      [ctx.to ?? '9999-12-31'],
    )
    const found = cycle.rows[0]
    const rows = found
      ? await pool.query<{ rank: string; members: number }>(
          `select coalesce(r.name, 'No rank') as rank, min(coalesce(r."order", -1)) as ord, count(*)::int as members
             from member_cycles m join participants p on p.id = m.participant_id
             left join ranks r on r.id = coalesce(m.paid_rank_id, m.qualified_rank_id)
            where m.cycle_id = $1 and ${inScope(2)}
            group by 1 order by 2, 1`,
          [found.id, ctx.scope],
        )
      : { rows: [] }
    return {
      description: found
        ? `Members by paid rank (else qualified rank) in the latest cycle with results: ${found.label}.`
        : 'Members by paid rank in the latest cycle with results (no cycle has results yet).',
      chart: 'bar',
      x: 'rank',
      series: [{ key: 'members', label: 'Members' }],
      rows: rows.rows.map((r) => ({ rank: r.rank, members: r.members })),
      from: found?.starts ?? '',
      to: found?.ends ?? '',
    }
  },

  network_by_region: async (pool, ctx) => {
    const { window, rows } = await memberActivity(pool, ctx, true)
    const regions = [...new Set(rows.map((r) => r.region ?? 'No territory'))].sort()
    return {
      description: `Members by region (their territory, or their nearest upline's), active and inactive. ${ACTIVE_DEFINITION}`,
      chart: 'bar',
      x: 'region',
      series: [
        { key: 'active', label: 'Active' },
        { key: 'inactive', label: 'Inactive' },
      ],
      rows: regions.map((region) => {
        const of = rows.filter((r) => (r.region ?? 'No territory') === region)
        return {
          region,
          active: of.filter((r) => r.active).reduce((n, r) => n + r.members, 0),
          inactive: of.filter((r) => !r.active).reduce((n, r) => n + r.members, 0),
        }
      }),
      ...window,
    }
  },

  points_by_campaign: async (pool, ctx) => {
    const rows = await pool.query<{ campaign: string; earned: string; redeemed: string; expired: string }>(
      `select coalesce(c.label, 'No campaign') as campaign, min(c.starts_on) as starts,
              coalesce(sum(m.points) filter (where m.kind = 'earn'), 0)::bigint::text as earned,
              coalesce(-sum(m.points) filter (where m.kind = 'redeem'), 0)::bigint::text as redeemed,
              coalesce(-sum(m.points) filter (where m.kind = 'expire'), 0)::bigint::text as expired
         from points_movements m join participants p on p.id = m.consultant_id
         left join commission_periods c on c.id = m.campaign_id
        where ($1::date is null or m.booked_on >= $1::date) and ($2::date is null or m.booked_on <= $2::date) and ${inScope(3)}
        group by c.id, c.label order by 2 nulls last, 1`,
      [ctx.from ?? null, ctx.to ?? null, ctx.scope],
    )
    return {
      description:
        'Points per campaign (the campaign of the day booked): earned (earn movements), redeemed (redemptions) and expired, each as whole points.',
      chart: 'bar',
      x: 'campaign',
      series: [
        { key: 'earned', label: 'Earned' },
        { key: 'redeemed', label: 'Redeemed' },
        { key: 'expired', label: 'Expired' },
      ],
      rows: rows.rows.map((r) => ({
        campaign: r.campaign,
        earned: Number(r.earned),
        redeemed: Number(r.redeemed),
        expired: Number(r.expired),
      })),
      from: ctx.from ?? '',
      to: ctx.to ?? '',
    }
  },

  tickets_by_status: async (pool, ctx) => ticketCounts(pool, ctx, 't.status::text', TICKET_STATUSES, TICKET_STATUS_LABELS, 'status', 'pie'),
  tickets_by_type: async (pool, ctx) => ticketCounts(pool, ctx, 't.type::text', TICKET_TYPES, TICKET_TYPE_LABELS, 'type', 'pie'),
  tickets_by_queue: async (pool, ctx) => ticketCounts(pool, ctx, `coalesce(q.name, 'No queue')`, [], {}, 'queue', 'bar'),
}

/** Tickets (opened in the period when one is asked) counted by a column, every known value present (zero when none). */
async function ticketCounts(
  pool: Pool,
  ctx: WidgetContext,
  column: string,
  known: readonly string[],
  labels: Record<string, string>,
  x: string,
  chart: 'pie' | 'bar',
): Promise<Omit<WidgetData, 'key' | 'title'>> {
  const rows = await pool.query<{ value: string; tickets: number }>(
    `select ${column} as value, count(*)::int as tickets
       from tickets t join participants p on p.id = t.consultant_id left join ticket_queues q on q.id = t.queue_id
      where ($1::date is null or t.created_at >= $1::date) and ($2::date is null or t.created_at < $2::date + 1) and ${inScope(3)}
      group by 1 order by 1`,
    [ctx.from ?? null, ctx.to ?? null, ctx.scope],
  )
  const counts = new Map(rows.rows.map((r) => [r.value, r.tickets]))
  const values = [...known, ...rows.rows.map((r) => r.value).filter((v) => !known.includes(v))]
  return {
    description: `Tickets by ${x}${ctx.from || ctx.to ? ' (opened in the period)' : ''}, whatever their status.`,
    chart,
    x,
    series: [{ key: 'tickets', label: 'Tickets' }],
    rows: values.map((value) => ({ [x]: labels[value] ?? value, tickets: counts.get(value) ?? 0 })),
    from: ctx.from ?? '',
    to: ctx.to ?? '',
  }
}

/** One widget's data for the viewer's scope. */
export async function widgetData(pool: Pool, key: WidgetKey, ctx: WidgetContext): Promise<WidgetData> {
  const data = await QUERIES[key](pool, ctx)
  return { key, title: WIDGETS[key], ...data }
}
