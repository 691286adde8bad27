/**
 * Goal progress (7.3.1.2.1): each checklist item of a goal measured for a consultant over the goal's period —
 * points_earned (earn movements of every source but conversion), sales_amount (network orders less returns, all
 * currencies summed as booked), referrals (members referred by the consultant who joined in the period), rank (the
 * paid rank of the consultant's latest member cycle ending in the period, met at the target's order or higher in
 * the career plan's `order`), manual (a `goal-checks` row) — and the percentage achieved (engine/loyalty/goals).
 */
import type { PoolClient } from 'pg'

import { goalProgress, type GoalItem, type GoalItemProgress, type GoalMeasure } from '../../engine/loyalty/goals'
import type { GoalMetric } from '../../engine/loyalty/types'
import { refusal } from './orderInput'

type Db = Pick<PoolClient, 'query'>

export type GoalProgress = {
  goal: { id: number; name: string; award: string; awardDescription: string | null; startsOn: string; endsOn: string }
  consultant: { id: number; code: string }
  items: (GoalItemProgress & { note?: string | null })[]
  met: number
  total: number
  percent: number
}

type GoalRow = { id: number; name: string; award: string; awardDescription: string | null; startsOn: string; endsOn: string }

async function goalsWithItems(client: Db, goalId: number | null): Promise<(GoalRow & { items: GoalItem[] })[]> {
  const goals = (
    await client.query<GoalRow>(
      `select id, name, award::text as award, award_description as "awardDescription", starts_on::date::text as "startsOn", ends_on::date::text as "endsOn"
         from loyalty_goals ${goalId === null ? '' : 'where id = $1'} order by starts_on, id`,
      goalId === null ? [] : [goalId],
    )
  ).rows
  if (!goals.length) return []
  const items = (
    await client.query<{ goal: number; id: string; label: string; metric: GoalMetric; target: string | null }>(
      `select _parent_id as goal, id, label, metric::text as metric, target from loyalty_goals_checklist
        where _parent_id = any($1::int[]) order by _parent_id, _order`,
      [goals.map((g) => g.id)],
    )
  ).rows
  return goals.map((g) => ({ ...g, items: items.filter((i) => i.goal === g.id).map(({ goal: _goal, ...item }) => item) }))
}

/** What each item of `goal` measures for the consultant over the goal's period. */
async function measure(
  client: Db,
  goal: GoalRow & { items: GoalItem[] },
  consultantId: number,
): Promise<Map<string, GoalMeasure & { note?: string | null }>> {
  const range = [consultantId, goal.startsOn, goal.endsOn]
  const measures = new Map<string, GoalMeasure & { note?: string | null }>()
  const metrics = new Set(goal.items.map((i) => i.metric))
  const one = async (sql: string, args: unknown[] = range) => (await client.query<{ v: string }>(sql, args)).rows[0]?.v ?? '0'
  const points = metrics.has('points_earned')
    ? await one(
        `select coalesce(sum(points), 0)::bigint::text as v from points_movements
          where consultant_id = $1 and customer is null and kind = 'earn' and source <> 'conversion' and booked_on between $2::date and $3::date`,
      )
    : '0'
  const sales = metrics.has('sales_amount')
    ? await one(
        `select coalesce(sum(amount), 0)::text as v from network_orders
          where consultant_id = $1 and kind in ('order', 'return') and booked_on between $2::date and $3::date`,
      )
    : '0'
  const referrals = metrics.has('referrals')
    ? await one(
        `select count(*)::text as v from participants
          where referred_by_id = $1 and (joined_on at time zone 'UTC')::date between $2::date and $3::date`,
      )
    : '0'
  let rank: { code: string | null; order: number | null } = { code: null, order: null }
  const rankOrders = new Map<string, number>()
  if (metrics.has('rank')) {
    const found = (
      await client.query<{ code: string; order: number }>(
        `select r.code, r."order"::int as order from member_cycles mc join commission_periods cp on cp.id = mc.cycle_id
           join ranks r on r.id = mc.paid_rank_id
          where mc.participant_id = $1 and cp.ends_on between $2::date and $3::date order by cp.ends_on desc, cp.id desc limit 1`,
        range,
      )
    ).rows[0]
    if (found) rank = found
    for (const r of (await client.query<{ code: string; order: number }>(`select code, "order"::int as order from ranks`)).rows)
      rankOrders.set(r.code, r.order)
  }
  const checks = new Map(
    (
      await client.query<{ item: string; note: string | null }>(
        `select item, note from goal_checks where goal_id = $1 and consultant_id = $2`,
        [goal.id, consultantId],
      )
    ).rows.map((c) => [c.item, c.note]),
  )
  for (const item of goal.items) {
    if (item.metric === 'manual') measures.set(item.id, { kind: 'manual', checked: checks.has(item.id), note: checks.get(item.id) ?? null })
    else if (item.metric === 'rank')
      measures.set(item.id, { kind: 'rank', code: rank.code, order: rank.order, targetOrder: rankOrders.get(item.target ?? '') ?? null })
    else
      measures.set(item.id, {
        kind: 'number',
        value: item.metric === 'points_earned' ? points : item.metric === 'sales_amount' ? sales : referrals,
      })
  }
  return measures
}

/** The consultant's progress on every goal (or on `goalId`): each item met or not, met/total and the percentage. */
export async function goalProgressOf(client: Db, consultantId: number, goalId: number | null = null): Promise<GoalProgress[]> {
  const consultant = (await client.query<{ id: number; code: string }>(`select id, code from participants where id = $1`, [consultantId]))
    .rows[0]
  if (!consultant) throw refusal(404, 'consultant', `no participant ${consultantId}`)
  const out: GoalProgress[] = []
  for (const goal of await goalsWithItems(client, goalId)) {
    const measures = await measure(client, goal, consultantId)
    const progress = goalProgress(goal.items, measures)
    const { items: _items, ...head } = goal
    out.push({
      goal: head,
      consultant,
      ...progress,
      items: progress.items.map((item) => {
        const m = measures.get(item.id)
        return m && m.kind === 'manual' && m.note ? { ...item, note: m.note } : item
      }),
    })
  }
  return out
}

/**
 * Staff tick a manual checklist item of a goal for a consultant (`{ consultant (id or code), item (its id or label),
 * note? }`): once per goal, consultant and item (a second tick updates the note). Refused naming the field: an unknown
 * goal, consultant or item, or an item that is measured rather than ticked.
 */
export async function checkGoalItem(client: PoolClient, goalId: number, fields: Record<string, unknown>): Promise<GoalProgress> {
  const [goal] = await goalsWithItems(client, goalId)
  if (!goal) throw refusal(404, 'id', `no goal ${goalId}`)
  const consultantText = String(fields.consultant ?? '').trim()
  if (!consultantText) throw refusal(422, 'consultant', 'consultant (id or code) is required')
  const byId = /^\d{1,9}$/.test(consultantText)
  const consultant = (
    await client.query<{ id: number }>(`select id from participants where ${byId ? 'id = $1::int' : 'code = $1'}`, [
      byId ? Number(consultantText) : consultantText,
    ])
  ).rows[0]
  if (!consultant) throw refusal(422, 'consultant', `unknown consultant "${consultantText}"`)
  const itemText = String(fields.item ?? '').trim()
  const item = goal.items.find((i) => i.id === itemText) ?? goal.items.find((i) => i.label === itemText)
  if (!item)
    throw refusal(
      422,
      'item',
      `goal "${goal.name}" has no checklist item "${itemText}" (items: ${goal.items.map((i) => i.label).join(', ')})`,
    )
  if (item.metric !== 'manual') throw refusal(422, 'item', `"${item.label}" is measured (${item.metric}), not ticked by hand`)
  const note = typeof fields.note === 'string' && fields.note.trim() ? fields.note.trim() : null
  const updated = await client.query(
    `update goal_checks set note = coalesce($4, note), updated_at = now() where goal_id = $1 and consultant_id = $2 and item = $3`,
    [goal.id, consultant.id, item.id, note],
  )
  if (!updated.rowCount)
    await client.query(
      `insert into goal_checks (goal_id, consultant_id, item, note, created_at, updated_at) values ($1, $2, $3, $4, now(), now())`,
      [goal.id, consultant.id, item.id, note],
    )
  const [progress] = await goalProgressOf(client, consultant.id, goal.id)
  return progress!
}
