/**
 * Earning points from the network orders, and taking them back on returns.
 *
 * - Catalog points: every order line (kind 'order') booked in [from, to] earns products.points × quantity (whole
 *   points, floor) for its buyer — the end customer when the line names one (customer-held points, consultant = the
 *   order's consultant), else the consultant — in one INSERT … SELECT, idempotent by natural key
 *   `earn:<program>:line:<line id>`. Each lot's expiry day comes from the engine (one per distinct booked day).
 * - Rule points: the program's `points_earn` rule set, the approved version in force on the order's date, evaluated
 *   once per ORDER (lines grouped by order number + consultant) and only once per distinct combination of the inputs
 *   the version reads; each result row is a lot (`rule_version_id` recorded), key `earn:<program>:rule:<order>:<consultant>:<n>`.
 * - Returns (kind 'return', `return_of_id`): the returned share of the returned line's catalog lot,
 *   points × returned ÷ ordered ROUNDED DOWN (engine `returnedShare`), is taken back: first from that lot's remaining
 *   points; then by reversing the holder's placed redemptions that drew on the lot (newest first) and taking the
 *   points they give back; then from the holder's other lots (oldest-expiring first); what is still missing is an
 *   `adjust` movement without a lot that leaves the balance negative (a debt, said in its label). A redemption placed
 *   on the returned order (points_redemptions.order_number) is reversed too. Once per return line (its movements
 *   name it as `order_line_id`). Rule points of an order are not taken back by a return.
 */
import type { PoolClient } from 'pg'

import { expiryDate, returnedShare } from '../../engine/loyalty'
import { compileRule, evaluateRule, type CompiledRule } from '../../engine/rules'
import { approvedRuleVersion } from '../rules'
import { asRefusal } from './errors'
import {
  activePrograms,
  campaignCalendar,
  insertMovements,
  lockHolder,
  programOf,
  reverseRedemption,
  spendablePoints,
  spendPoints,
  type Holder,
  type Program,
} from './ledger'

/** What an earn run did. */
export type EarnResult = {
  programs: string[]
  catalogLots: number
  catalogPoints: number
  ruleLots: number
  rulePoints: number
  ruleEvaluations: number
  returns: number
  pointsTakenBack: number
  redemptionsReversed: number
  debts: number
}

type Db = Pick<PoolClient, 'query'>

/** The lock the earn and expiry runs take (endpoints and the housekeeping job): one run of either at a time. */
export const LOYALTY_JOB_LOCK = 'accrue.loyalty.jobs'

/** Lot expiry and campaign of each booked day in [from, to] for the program (engine expiryDate; one per day). */
async function dayTable(client: Db, program: Program, from: string, to: string) {
  const days = (
    await client.query<{ day: string }>(
      `select distinct booked_on::date::text as day from network_orders where booked_on >= $1::date and booked_on < $2::date + 1`,
      [from, to],
    )
  ).rows.map((r) => r.day)
  const calendar = await campaignCalendar(client)
  const expires: (string | null)[] = []
  const campaigns: (number | null)[] = []
  for (const day of days) {
    try {
      expires.push(expiryDate(program.expiryPolicy, day, { months: program.expiryMonths, campaigns: program.expiryCampaigns, calendar }))
    } catch (err) {
      throw asRefusal(err)
    }
    campaigns.push(calendar.find((c) => c.start <= day && day <= c.end)?.id ?? null)
  }
  return { days, expires, campaigns }
}

async function earnCatalog(client: Db, program: Program, from: string, to: string, table: Awaited<ReturnType<typeof dayTable>>) {
  const row = (
    await client.query<{ lots: number; points: string }>(
      `with d as (select * from unnest($4::date[], $5::date[], $6::int[]) as t(day, expires_on, campaign_id)),
       ins as (
         insert into points_movements (program_id, consultant_id, customer, kind, source, points, booked_on, expires_on, label, order_number,
             order_line_id, campaign_id, natural_key, created_at, updated_at)
         select $1::int, o.consultant_id, nullif(o.customer, ''), 'earn', 'catalog', floor(p.points * o.quantity), o.booked_on, d.expires_on,
                p.code || ' × ' || (o.quantity::numeric)::text, o.order_number, o.id, d.campaign_id, 'earn:' || $1::int || ':line:' || o.id, now(), now()
           from network_orders o join products p on p.id = o.product_id join d on d.day = o.booked_on::date
          where o.kind = 'order' and o.booked_on >= $2::date and o.booked_on < $3::date + 1 and p.points > 0 and floor(p.points * o.quantity) > 0
            -- a gift or a product paid with points (written at price 0) earns nothing
            and o.unit_price > 0
         on conflict (natural_key) do nothing returning points)
       select count(*)::int as lots, coalesce(sum(points), 0)::bigint::text as points from ins`,
      [program.id, from, to, table.days, table.expires, table.campaigns],
    )
  ).rows[0]!
  return { lots: row.lots, points: Number(row.points) }
}

type OrderFacts = {
  orderNumber: string
  consultantId: number
  customer: string | null
  day: string
  consultant: string | null
  rank: string | null
  segment: string | null
  status: string | null
  region: string | null
  lists: string[]
  products: string[]
  quantities: Record<string, number>
  orderAmount: string
  currency: string
}

async function earnByRules(client: Db, program: Program, from: string, to: string) {
  const out = { lots: 0, points: 0, evaluations: 0 }
  if (!program.earnRulesId) return out
  const orders = (
    await client.query<OrderFacts>(
      `with o as (
         select o.order_number, o.consultant_id, max(nullif(o.customer, '')) as customer, min(o.booked_on)::date as day,
                array_agg(distinct p.code order by p.code) as products,
                jsonb_object_agg(p.code, q.qty) as quantities, sum(o.amount)::text as amount, min(o.currency) as currency
           from network_orders o join products p on p.id = o.product_id
           join lateral (select sum(x.quantity)::int as qty from network_orders x
                          where x.order_number = o.order_number and x.consultant_id = o.consultant_id and x.product_id = o.product_id and x.kind = 'order' and x.unit_price > 0) q on true
          where o.kind = 'order' and o.booked_on >= $2::date and o.booked_on < $3::date + 1 and o.unit_price > 0
            and not exists (select 1 from points_movements m where m.order_number = o.order_number and m.consultant_id = o.consultant_id
                              and m.program_id = $1::int and m.source = 'rule' and m.kind = 'earn')
          group by o.order_number, o.consultant_id)
       select o.order_number as "orderNumber", o.consultant_id as "consultantId", o.customer, o.day::text as day, c.code as consultant,
              (select r.code from member_cycles mc join commission_periods cp on cp.id = mc.cycle_id join ranks r on r.id = mc.paid_rank_id
                where mc.participant_id = o.consultant_id and cp.ends_on < o.day order by cp.ends_on desc limit 1) as rank,
              c.dealer_tier::text as segment, c.status::text as status, t.code as region,
              array(select l.code from customer_lists l where exists (select 1 from customer_lists_rels r where r.parent_id = l.id and r.participants_id = o.consultant_id)
                       or (o.customer is not null and o.customer = any(string_to_array(replace(coalesce(l.customers, ''), E'\\r', ''), E'\\n')))
                     order by l.code) as lists,
              o.products, o.quantities, o.amount as "orderAmount", o.currency
         from o join participants c on c.id = o.consultant_id left join territories t on t.id = c.territory_id
        order by o.day, o.order_number`,
      [program.id, from, to],
    )
  ).rows
  const versions = new Map<string, { id: number; rule: CompiledRule } | null>()
  const answers = new Map<string, { label: string; points: number }[]>()
  const rows: Parameters<typeof insertMovements>[1][number][] = []
  const calendar = await campaignCalendar(client)
  for (const order of orders) {
    if (!versions.has(order.day)) {
      const source = await approvedRuleVersion(client, program.earnRulesId, order.day)
      versions.set(order.day, source ? { id: source.id, rule: compileRule(source) } : null)
    }
    const version = versions.get(order.day)
    if (!version) continue
    const input: Record<string, unknown> = {
      consultant: order.consultant,
      rank: order.rank,
      segment: order.segment,
      status: order.status,
      region: order.region,
      lists: order.lists,
      customerOrder: order.customer !== null,
      products: order.products,
      quantities: order.quantities,
      orderAmount: order.orderAmount,
      freight: '0',
      currency: order.currency,
      orderDate: order.day,
    }
    const key = `${version.id}:${JSON.stringify(version.rule.inputs.map((name) => input[name] ?? null))}`
    let results = answers.get(key)
    if (!results) {
      out.evaluations++
      const outcome = await evaluateRule(version.rule, input)
      results =
        'result' in outcome
          ? outcome.result.results
              .map((r) => ({ label: String(r.label ?? 'Rule points'), points: Math.floor(Number(r.points ?? 0)) }))
              .filter((r) => Number.isSafeInteger(r.points) && r.points > 0)
          : []
      answers.set(key, results)
    }
    const holder: Holder = { programId: program.id, consultantId: order.consultantId, customer: order.customer }
    const expiresOn = expiryDate(program.expiryPolicy, order.day, {
      months: program.expiryMonths,
      campaigns: program.expiryCampaigns,
      calendar,
    })
    const campaignId = calendar.find((c) => c.start <= order.day && order.day <= c.end)?.id ?? null
    results.forEach((r, i) =>
      rows.push({
        holder,
        kind: 'earn',
        source: 'rule',
        points: r.points,
        bookedOn: order.day,
        expiresOn,
        label: r.label,
        orderNumber: order.orderNumber,
        campaignId,
        ruleVersionId: version.id,
        naturalKey: `earn:${program.id}:rule:${order.orderNumber}:${order.consultantId}:${i + 1}`,
      }),
    )
  }
  for (let i = 0; i < rows.length; i += 5000) {
    const batch = rows.slice(i, i + 5000)
    const ids = new Set(await insertMovements(client, batch))
    out.lots += ids.size
    // Orders already earned are filtered out above, so a batch is inserted whole (or not at all on a race).
    if (ids.size > 0) out.points += batch.reduce((sum, r) => sum + r.points, 0)
  }
  return out
}

type ReturnLine = {
  id: number
  orderNumber: string
  returnedOrder: string
  day: string
  returnedQty: string
  orderedQty: string
  lotId: number
  lotPoints: string
  consultantId: number
  customer: string | null
  code: string
}

async function lotRemaining(client: Db, lotId: number): Promise<number> {
  const row = (
    await client.query<{ remaining: string }>(
      `select (l.points + coalesce((select sum(m.points) from points_movements m where m.lot_id = l.id), 0))::bigint::text as remaining
         from points_movements l where l.id = $1`,
      [lotId],
    )
  ).rows[0]
  return Number(row?.remaining ?? 0)
}

const RETURNS_SQL = `from network_orders r join network_orders o on o.id = r.return_of_id join products p on p.id = o.product_id
         join points_movements l on l.order_line_id = o.id and l.program_id = $1 and l.kind = 'earn' and l.source = 'catalog'
        where r.kind = 'return' and r.booked_on >= $2::date and r.booked_on < $3::date + 1
          and not exists (select 1 from points_movements m where m.order_line_id = r.id and m.program_id = $1 and m.source = 'return')`

/**
 * The common case in one statement: every return whose share its lot still holds (cumulatively, when several returns
 * hit one lot) is taken from the lot directly. The lots are row-locked first (`for update`), as spends lock the lots
 * they read, so a redemption running meanwhile cannot take the same points. The share is the engine's
 * `returnedShare` in SQL: all the points on a full return, else floor(points × returned ÷ ordered).
 */
async function takeBackFromLots(client: Db, program: Program, from: string, to: string): Promise<{ returns: number; points: number }> {
  await client.query(`select l.id ${RETURNS_SQL} for update of l`, [program.id, from, to])
  const row = (
    await client.query<{ returns: number; points: string }>(
      `with r as (
         select r.id as rid, r.order_number as rorder, r.booked_on as day, o.order_number as returned, p.code, l.id as lot_id, l.program_id,
                l.consultant_id, l.customer, l.points as lot_points,
                case when abs(r.quantity) >= o.quantity then l.points else floor(l.points * abs(r.quantity) / o.quantity) end as share
         ${RETURNS_SQL}),
       t as (select m.lot_id, sum(m.points) as taken from points_movements m where m.lot_id in (select lot_id from r) group by m.lot_id),
       c as (select r.*, r.lot_points + coalesce(t.taken, 0) as remaining,
                    sum(r.share) over (partition by r.lot_id order by r.day, r.rid) as running
               from r left join t on t.lot_id = r.lot_id where r.share > 0),
       ins as (
         insert into points_movements (program_id, consultant_id, customer, kind, source, points, booked_on, lot_id, label, order_number,
             order_line_id, reversal_of_id, natural_key, created_at, updated_at)
         select program_id, consultant_id, customer, 'reverse', 'return', -share, day, lot_id,
                'Return ' || rorder || ' of ' || returned || ' (' || code || ')', rorder, rid, lot_id, 'return:' || $1::int || ':' || rid || ':lot:1',
                now(), now()
           from c where running <= remaining
         on conflict (natural_key) do nothing returning points)
       select count(*)::int as returns, coalesce(-sum(points), 0)::bigint::text as points from ins`,
      [program.id, from, to],
    )
  ).rows[0]!
  return { returns: row.returns, points: Number(row.points) }
}

async function takeBackReturns(client: Db, program: Program, from: string, to: string, today: string, result: EarnResult) {
  const fast = await takeBackFromLots(client, program, from, to)
  result.returns += fast.returns
  result.pointsTakenBack += fast.points
  // The rest, one by one: lots already spent (reverse redemptions, other lots, then a debt).
  const returns = (
    await client.query<ReturnLine>(
      `select r.id, r.order_number as "orderNumber", o.order_number as "returnedOrder", r.booked_on::date::text as day,
              abs(r.quantity)::text as "returnedQty", o.quantity::text as "orderedQty", l.id as "lotId", l.points::bigint::text as "lotPoints",
              l.consultant_id as "consultantId", l.customer, p.code
         ${RETURNS_SQL}
        order by r.booked_on, r.id`,
      [program.id, from, to],
    )
  ).rows
  for (const line of returns) {
    const share = returnedShare(Number(line.lotPoints), Number(line.returnedQty), Number(line.orderedQty))
    if (share <= 0) continue
    result.returns++
    const holder: Holder = { programId: program.id, consultantId: line.consultantId, customer: line.customer }
    await lockHolder(client, holder.programId, holder.consultantId, holder.customer)
    await client.query(`select id from points_movements where id = $1 for update`, [line.lotId])
    const label = `Return ${line.orderNumber} of ${line.returnedOrder} (${line.code})`
    const base = {
      holder,
      kind: 'reverse' as const,
      source: 'return' as const,
      bookedOn: line.day,
      orderNumber: line.orderNumber,
      orderLineId: line.id,
    }
    let missing = share
    let step = 0
    const takeFromLot = async () => {
      const take = Math.min(missing, await lotRemaining(client, line.lotId))
      if (take <= 0) return
      step++
      await insertMovements(client, [
        {
          ...base,
          points: -take,
          lotId: line.lotId,
          reversalOfId: line.lotId,
          label,
          naturalKey: `return:${program.id}:${line.id}:lot:${step}`,
        },
      ])
      missing -= take
    }
    await takeFromLot()
    if (missing > 0) {
      const drawn = (
        await client.query<{ id: number }>(
          `select r.id from points_redemptions r
            where r.status = 'placed' and exists (select 1 from points_movements m where m.redemption_id = r.id and m.lot_id = $1 and m.kind = 'redeem')
            order by r.created_at desc, r.id desc`,
          [line.lotId],
        )
      ).rows
      for (const redemption of drawn) {
        if (missing <= 0) break
        await reverseRedemption(client, redemption.id, `the order whose points paid for it (${line.returnedOrder}) was returned`, line.day)
        result.redemptionsReversed++
        await takeFromLot()
      }
    }
    if (missing > 0) {
      const other = Math.min(missing, await spendablePoints(client, holder, today))
      if (other > 0) {
        await spendPoints(client, holder, other, 'reverse', 'return', {
          today,
          label: `${label}: taken from other points`,
          orderNumber: line.orderNumber,
          orderLineId: line.id,
          naturalKeyPrefix: `return:${program.id}:${line.id}:other`,
        })
        missing -= other
      }
    }
    if (missing > 0) {
      await insertMovements(client, [
        {
          ...base,
          kind: 'adjust',
          points: -missing,
          label: `${label}: ${missing} points already spent could not be taken back — debt, the balance is negative`,
          naturalKey: `return:${program.id}:${line.id}:debt`,
        },
      ])
      result.debts++
    }
    result.pointsTakenBack += share
  }
  // A redemption placed on an order that came back is reversed (its product did not ship, or came back).
  const placedOnReturned = (
    await client.query<{ id: number; order: string }>(
      `select distinct pr.id, pr.order_number as order from points_redemptions pr
         join network_orders o on o.order_number = pr.order_number join network_orders r on r.return_of_id = o.id
        where pr.status = 'placed' and pr.program_id = $1 and r.kind = 'return' and r.booked_on >= $2::date and r.booked_on < $3::date + 1`,
      [program.id, from, to],
    )
  ).rows
  for (const redemption of placedOnReturned) {
    await reverseRedemption(client, redemption.id, `its order ${redemption.order} was returned`, today)
    result.redemptionsReversed++
  }
}

/**
 * Earns the points of the orders booked in [from, to] (catalog and rule points) and takes back the points of the
 * returns booked then, for one program or every active one. Idempotent: a second run adds nothing.
 */
export async function earnFromOrders(
  client: Db,
  options: { from: string; to: string; today: string; programId?: number | null },
): Promise<EarnResult> {
  const programs = options.programId ? [await programOf(client, options.programId)] : await activePrograms(client)
  const result: EarnResult = {
    programs: programs.map((p) => p.code),
    catalogLots: 0,
    catalogPoints: 0,
    ruleLots: 0,
    rulePoints: 0,
    ruleEvaluations: 0,
    returns: 0,
    pointsTakenBack: 0,
    redemptionsReversed: 0,
    debts: 0,
  }
  for (const program of programs) {
    const table = await dayTable(client, program, options.from, options.to)
    const catalog = await earnCatalog(client, program, options.from, options.to, table)
    result.catalogLots += catalog.lots
    result.catalogPoints += catalog.points
    const rules = await earnByRules(client, program, options.from, options.to)
    result.ruleLots += rules.lots
    result.rulePoints += rules.points
    result.ruleEvaluations += rules.evaluations
    await takeBackReturns(client, program, options.from, options.to, options.today, result)
  }
  return result
}
