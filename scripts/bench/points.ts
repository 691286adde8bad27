/**
 * The points benchmark: `members` consultants in one deterministic sponsor tree under the demo root (the network
 * bench's tree), 5 % of them with an end customer holding points too, a loyalty program (points expire 12 months after
 * they are earned) and a year of history in the ledger: `movements` rows of earn lots spread over the 13 months before
 * the bench month, and redemptions and conversions that consume them oldest-expiring first (each spend a set of
 * negative rows naming their lots, never more than a lot holds), all written with set-based SQL. Then a month of
 * network orders (members × 1.5 lines, 3 % of them returns, some bought by end customers).
 *
 * Timed, on the real path (modules/loyalty): (a) `earnFromOrders` for the month, (b) `expirePoints` on the day after
 * the month (every lot 12+ months old with points left), (c) 10,000 `redeemProduct` calls for random holders (some
 * refused for lack of points), (d) every holder's balance, read the way `pointsBalance` reads one (the ledger has no
 * bulk read: the same statement grouped by holder). The floor is one statement summing the movements per holder.
 *
 * The checks never call the product's code: every holder's balance is recomputed from the bench's own staging tables
 * (what it planted, its own FIFO arithmetic, its own list of order lines and redemption outcomes); ~1,000 holders are
 * replayed in TypeScript over their streamed movements (lots consumed oldest-expiring first, what is left expires after
 * 12 months) and compared lot by lot; the month's earn is compared line by line with products.points × quantity and
 * the returns with the returned share rounded down; expiry must post exactly once per lot (a second run posts 0).
 */
import type { Payload } from 'payload'
import type pg from 'pg'

import { earnFromOrders, type EarnResult } from '../../modules/loyalty/earn'
import { LoyaltyRefusal } from '../../modules/loyalty/errors'
import { expirePoints } from '../../modules/loyalty/expire'
import { pointsBalance, redeemProduct, spendablePoints, type Holder } from '../../modules/loyalty/ledger'
import { startBenchDatabase } from './database'
import { instrument, label, record, type Statement } from './statements'
import { formatSeconds, peakRssMb, progress, round, timed, type NetworkCheck, type PointsBenchResult } from './report'

export type PointsOptions = {
  members: number
  movements: number
  settings: Record<string, string>
  /** Before the timed steps: run (a) and (b) once in a transaction that is rolled back, and print the plans of their slowest statements and of one holder's balance and lots. */
  explain?: boolean
}

const SEED = 29
/** The bench month (away from the demo calendar) and the day the jobs run: the day after it. */
const MONTH = { start: '2027-03-01', end: '2027-03-31', days: 31 }
const TODAY = '2027-04-01'
/** The history: earn lots booked 2026-02-01 … 2027-02-28 (393 days); spends until 2027-01-31, before any lot expires. */
const HISTORY = { start: '2026-02-01', days: 393, lastSpend: '2027-01-31' }
const EXPIRY_MONTHS = 12
/** Members who also have an end customer holding points (customer "BC-<k>"). */
const CUSTOMER_HOLDERS = 0.05
/** Of the rows asked for, the share that are earn lots (the rest are the spends' rows, one per lot drawn on). */
const LOT_SHARE = 0.6
/** A lot booked before HISTORY.lastSpend is followed by a spend with this probability. */
const SPEND_CHANCE = 0.4
/** Order lines of the month per member, the share of members who buy, the share of returns, lines bought by customers. */
const LINES_PER_MEMBER = 1.5
const BUYERS = 0.6
const RETURNS = 0.03
const CUSTOMER_LINES = 0.3
const REDEMPTIONS = 10_000
/** The product redeemed in step (c), and the voucher the history's redemptions paid for (amounts are multiples of it). */
const GIFT_POINTS = 500
const VOUCHER_POINTS = 50
const REDEEM_WORKERS = 2
const SAMPLE = 1_000
/** Holders whose balance is also read one by one with pointsBalance (the product's per-holder read). */
const SINGLE_READS = 2_000

const TARGETS = { earnPlusExpireSeconds: 15, balanceRatio: 2 }

/** [code, name, price, points per unit (null: earns none)]. */
const PRODUCTS = [
  ['BP-CREAM', 'Bench cream', '24.90', 12],
  ['BP-SERUM', 'Bench serum', '49.00', 25],
  ['BP-KIT', 'Bench starter kit', '99.00', 60],
  ['BP-SOAP', 'Bench soap', '15.50', null],
  ['BP-BOX', 'Bench gift box', '189.00', 110],
] as const

// ----- Setup and data set ------------------------------------------------------------------------------------------

type Setup = {
  programId: number
  userId: number
  rootId: number
  rootPath: string
  giftId: number
  voucherId: number
}

type Planted = {
  members: number
  holders: number
  customerHolders: number
  lots: number
  spends: number
  spendRows: number
  historyRows: number
  historyEarned: number
  historySpent: number
  orderLines: number
  returnLines: number
  customerLines: number
}

async function createSetup(payload: Payload, pool: pg.Pool): Promise<Setup> {
  const program = await payload.create({
    collection: 'loyalty-programs',
    data: { code: 'BENCH', name: 'Bench points', unitName: 'points', active: true, expiryPolicy: 'months', expiryMonths: EXPIRY_MONTHS },
  })
  const admin = await pool.query<{ id: number }>(
    `select u.id from users u join users_roles r on r.parent_id = u.id where r.value = 'company_admin' order by u.id limit 1`,
  )
  const userId = admin.rows[0]?.id ?? (await pool.query<{ id: number }>(`select id from users order by id limit 1`)).rows[0]!.id
  const root = (await pool.query<{ id: number; path: string }>(`select id, path from participants where parent_id is null order by id`))
    .rows[0]!
  const redeemable = async (code: string, name: string, points: number) =>
    (
      await pool.query<{ id: number }>(
        `insert into products (code, name, active, volume_source, qualifying_volume, commissionable_volume, redeem_points)
         values ($1, $2, true, 'direct', 0, 0, $3) returning id`,
        [code, name, points],
      )
    ).rows[0]!.id
  return {
    programId: Number(program.id),
    userId,
    rootId: root.id,
    rootPath: root.path,
    giftId: await redeemable('BP-GIFT', 'Bench gift (redeemed for points)', GIFT_POINTS),
    voucherId: await redeemable('BP-VOUCHER', 'Bench voucher (history redemptions)', VOUCHER_POINTS),
  }
}

/** Drops `table`'s indexes other than its primary key (and those behind constraints); returns the statements that build them again. */
async function dropSecondaryIndexes(client: pg.PoolClient, table: string): Promise<string[]> {
  const found = await client.query<{ name: string; definition: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as definition
       from pg_index x join pg_class i on i.oid = x.indexrelid
      where x.indrelid = $1::regclass and not x.indisprimary and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`,
    [table],
  )
  for (const index of found.rows) await client.query(`drop index "${index.name}"`)
  return found.rows.map((index) => index.definition)
}

/** Reserves `count` ids of `table`'s serial: returns the id before the first one. */
async function reserveIds(client: pg.PoolClient, table: string, count: number): Promise<number> {
  const base = Number(
    (await client.query<{ base: string }>(`select nextval(pg_get_serial_sequence($1, 'id'))::text as base`, [table])).rows[0]!.base,
  )
  await client.query(`select setval(pg_get_serial_sequence($1, 'id'), $2::bigint)`, [table, base + Math.max(count, 1)])
  return base - 1
}

/**
 * The data set. Every draw is `bench_u(index, salt)`, a counter-based generator over PostgreSQL's 64-bit integer hash:
 * the same data set every time. Staging tables (unlogged, `bench_*`) keep what was planted for the checks:
 * - bench_tree: the members (k, id, path), as in the network bench;
 * - bench_holders (h): one per member (customer null) plus the customer holders;
 * - bench_lots (n): earn lots with the running total of the holder's lots before each (FIFO = booked day, then n:
 *   with 12 months' expiry, oldest-expiring first is oldest-earned first);
 * - bench_events (e): spends; spend e of holder h brings what h has spent to s = 50·floor(α_h · earned so far / 50)
 *   (α_h in 0.2–0.9), on the day of the lot it follows, so it only draws on lots earned by then, none expired;
 * - bench_spends (m): the rows of each spend: the overlap of [s_prev, s) with each lot's [cum_before, cum_before + points);
 * - bench_lines (i): the month's order lines; bench_returns (r): the returns.
 */
async function writeDataSet(pool: pg.Pool, setup: Setup, members: number, movements: number): Promise<Planted> {
  const client = await pool.connect()
  const q = async (name: string | null, sql: string, params: unknown[] = []) => {
    const t = await timed(() => client.query(sql, params))
    if (name)
      progress(
        `  ${name}: ${formatSeconds(t.seconds)}${typeof t.value.rowCount === 'number' && t.value.command !== 'SELECT' ? ` (${t.value.rowCount} rows)` : ''}`,
      )
    return t.value
  }
  const count = async (sql: string, params: unknown[] = []) => Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n)
  try {
    await q(null, `set work_mem = '256MB'`)
    await q(null, `set maintenance_work_mem = '1GB'`)
    await q(
      null,
      `create function bench_u(i bigint, salt int) returns float8 language sql immutable parallel safe
         as $$ select (hashint8extended(i, ${SEED * 1000} + salt) & 2147483647)::float8 / 2147483648 $$`,
    )

    // Members: the network bench's tree (sponsor drawn among earlier members, paths built top-down).
    await q(
      'sponsors',
      `create unlogged table bench_members as
       select k, case when k <= 3 then 0 else 1 + floor((k - 1) * power(bench_u(k, 1), case when bench_u(k, 2) < 0.1 then 2 else 0.5 end))::int end as sponsor
         from generate_series(1, $1::int) k`,
      [members],
    )
    await q(null, `create index on bench_members (sponsor)`)
    await q(null, `analyze bench_members`)
    const base = await reserveIds(client, 'participants', members)
    await q(
      'paths (recursive, top-down)',
      `create unlogged table bench_tree as
       with recursive t(k, sponsor, path) as (
         select m.k, m.sponsor, $1::text || ($2::int + m.k) || '/' from bench_members m where m.sponsor = 0
         union all
         select m.k, m.sponsor, t.path || ($2::int + m.k) || '/' from t join bench_members m on m.sponsor = t.k
       ) select k, sponsor, $2::int + k as id, path from t`,
      [setup.rootPath, base],
    )
    await q(null, `alter table bench_tree add primary key (k)`)
    const droppedParticipants = await dropSecondaryIndexes(client, 'participants')
    await q(null, `set session_replication_role = replica`)
    await q(
      'participants',
      `insert into participants (id, name, code, kind, parent_id, path, status, joined_on, currency)
       select t.id, 'Bench consultant ' || t.k, 'BPM-' || lpad(t.k::text, 8, '0'), 'consultant', coalesce(p.id, $1), t.path, 'active',
              date '2020-01-01' + floor(bench_u(t.k, 3) * 2000)::int, 'USD'
         from bench_tree t left join bench_tree p on p.k = t.sponsor order by t.k`,
      [setup.rootId],
    )
    await q(null, `set session_replication_role = default`)
    await q(`participants: ${droppedParticipants.length} indexes rebuilt`, droppedParticipants.join(';\n'))

    // Holders: every member, and 5 % of them with an end customer.
    await q(
      'holders',
      `create unlogged table bench_holders as
       select k as h, k, id as consultant_id, null::text as customer from bench_tree
       union all
       select $1::int + row_number() over (order by k)::int, k, id, 'BC-' || k from bench_tree where bench_u(k, 30) < ${CUSTOMER_HOLDERS}`,
      [members],
    )
    await q(null, `alter table bench_holders add primary key (h)`)
    const holders = await count(`select count(*)::text as n from bench_holders`)

    // Products of the month's orders, with their catalog points.
    const products: number[] = []
    for (const [i, [code, name, price, points]] of PRODUCTS.entries()) {
      const row = await client.query<{ id: number }>(
        `insert into products (code, name, active, volume_source, qualifying_volume, commissionable_volume, points) values ($1, $2, true, 'direct', 0, 0, $3) returning id`,
        [code, name, points],
      )
      products.push(row.rows[0]!.id)
      await client.query(
        `insert into products_prices (_order, _parent_id, id, currency, consultant_price, public_price, vat_percent) values (1, $1, $2, 'USD', $3, $3, 0)`,
        [row.rows[0]!.id, `bench-points-price-${i + 1}`, price],
      )
    }
    await q(
      null,
      `create unlogged table bench_products as select * from unnest($1::int[], $2::int[], $3::numeric[], $4::int[]) as t(p, product_id, price, points)`,
      [PRODUCTS.map((_, i) => i + 1), products, PRODUCTS.map((p) => p[2]), PRODUCTS.map((p) => p[3])],
    )

    // History: lots, then spends drawing on them.
    const lotsPerHolder = (movements * LOT_SHARE) / holders
    await q(
      'history lots staged',
      `create unlogged table bench_lots as
       with g as (
         select h.h, h.consultant_id, h.customer, j, $2::date + floor(bench_u(h.h * 64 + j, 32) * ${HISTORY.days})::int as booked_on,
                10 * (2 + floor(bench_u(h.h * 64 + j, 33) * 39))::int as points
           from bench_holders h cross join lateral generate_series(1, least(63, floor(bench_u(h.h, 31) * 2 * $1::float8 + 0.5)::int)) j)
       select row_number() over (order by h, booked_on, j)::int as n, h, consultant_id, customer, booked_on,
              (booked_on + interval '${EXPIRY_MONTHS} months')::date as expires_on, points,
              (sum(points) over (partition by h order by booked_on, j rows unbounded preceding) - points)::bigint as cum_before
         from g`,
      [lotsPerHolder, HISTORY.start],
    )
    await q(null, `alter table bench_lots add primary key (n)`)
    await q(null, `create index on bench_lots (h, cum_before)`)
    await q(
      'history spends staged',
      `create unlogged table bench_events as
       select row_number() over (order by h, lot_n)::int as e, x.* from (
         select l.n as lot_n, l.h, l.consultant_id, l.customer, l.booked_on as day, s,
                coalesce(lag(s) over (partition by l.h order by l.n), 0) as s_prev,
                case when bench_u(l.n, 37) < 0.7 then 'redeem' else 'convert' end as kind
           from bench_lots l
           cross join lateral (select (${VOUCHER_POINTS} * floor((0.2 + 0.7 * bench_u(l.h, 35)) * (l.cum_before + l.points) / ${VOUCHER_POINTS}))::bigint as s) v
          where l.booked_on <= $1::date and bench_u(l.n, 34) < ${SPEND_CHANCE}) x
        where s > s_prev`,
      [HISTORY.lastSpend],
    )
    await q(null, `alter table bench_events add primary key (e)`)
    await q(null, `analyze bench_lots, bench_events`)
    await q(
      'history spend rows staged',
      `create unlogged table bench_spends as
       select row_number() over (order by e.e, l.n)::int as m, e.e, l.n as lot_n, e.h, e.consultant_id, e.customer, e.day, e.kind,
              (least(l.cum_before + l.points, e.s) - greatest(l.cum_before, e.s_prev))::bigint as points
         from bench_events e join bench_lots l on l.h = e.h and l.cum_before < e.s and l.cum_before + l.points > e.s_prev`,
    )
    const lots = await count(`select count(*)::text as n from bench_lots`)
    const spends = await count(`select count(*)::text as n from bench_events`)
    const spendRows = await count(`select count(*)::text as n from bench_spends`)
    const historyEarned = await count(`select coalesce(sum(points), 0)::text as n from bench_lots`)
    const historySpent = await count(`select coalesce(sum(s - s_prev), 0)::text as n from bench_events`)
    const spentRows = await count(`select coalesce(sum(points), 0)::text as n from bench_spends`)
    if (spentRows !== historySpent) throw new Error(`the spend rows hold ${spentRows} points, the spends ${historySpent}`)
    const over = await count(
      `select count(*)::text as n from (select lot_n, sum(points) as taken from bench_spends group by lot_n) s join bench_lots l on l.n = s.lot_n where s.taken > l.points`,
    )
    if (over > 0) throw new Error(`${over} history lots are over-consumed`)

    const movementBase = await reserveIds(client, 'points_movements', lots + spendRows)
    const redemptionBase = await reserveIds(client, 'points_redemptions', spends)
    const droppedMovements = await dropSecondaryIndexes(client, 'points_movements')
    const droppedRedemptions = await dropSecondaryIndexes(client, 'points_redemptions')
    await q(null, `set session_replication_role = replica`)
    await q(
      'points_redemptions (history)',
      `insert into points_redemptions (id, program_id, consultant_id, customer, product_id, quantity, points, status, created_at, updated_at)
       select $1::int + e, $2::int, consultant_id, customer, $3::int, (s - s_prev) / ${VOUCHER_POINTS}, s - s_prev, 'placed', day::timestamptz, day::timestamptz
         from bench_events where kind = 'redeem' order by e`,
      [redemptionBase, setup.programId, setup.voucherId],
    )
    await q(
      'points_movements: history lots',
      `insert into points_movements (id, program_id, consultant_id, customer, kind, source, points, booked_on, expires_on, label, natural_key, created_at, updated_at)
       select $1::int + n, $2::int, consultant_id, customer, 'earn', 'catalog', points, booked_on, expires_on, 'Bench history lot',
              'earn:' || $2::int || ':bench:' || n, booked_on::timestamptz, booked_on::timestamptz
         from bench_lots order by n`,
      [movementBase, setup.programId],
    )
    await q(
      'points_movements: history spends',
      `insert into points_movements (id, program_id, consultant_id, customer, kind, source, points, booked_on, lot_id, label, redemption_id,
                                     natural_key, created_at, updated_at)
       select $1::int + $3::int + m, $2::int, consultant_id, customer, kind::enum_points_movements_kind,
              (case when kind = 'redeem' then 'redemption' else 'conversion' end)::enum_points_movements_source, -points, day, $1::int + lot_n,
              case when kind = 'redeem' then 'BP-VOUCHER' else 'Converted to credit' end, case when kind = 'redeem' then $4::int + e end,
              kind || ':bench:' || e || ':' || ($1::int + lot_n), day::timestamptz, day::timestamptz
         from bench_spends order by m`,
      [movementBase, setup.programId, lots, redemptionBase],
    )
    await q(null, `set session_replication_role = default`)
    await q(`points_movements: ${droppedMovements.length} indexes rebuilt`, droppedMovements.join(';\n'))
    await q(`points_redemptions: ${droppedRedemptions.length} indexes rebuilt`, droppedRedemptions.join(';\n'))

    // The month's orders: lines of 60 % of the members, a third of the lines of members with a customer holder bought
    // by that customer; 3 % returns of one unit of an earlier line.
    await q(
      'buyers',
      `create unlogged table bench_buyers as select row_number() over (order by k)::int as b, k, id from bench_tree where bench_u(k, 20) < ${BUYERS}`,
    )
    await q(null, `alter table bench_buyers add primary key (b)`)
    const buyers = await count(`select count(*)::text as n from bench_buyers`)
    const total = Math.round(members * LINES_PER_MEMBER)
    const returnLines = Math.floor(total * RETURNS)
    const orderLines = total - returnLines
    await q(
      'order lines staged',
      `create unlogged table bench_lines as
       select i, b.k, b.id as consultant_id, 1 + floor(bench_u(i, 22) * ${PRODUCTS.length})::int as p, 1 + floor(bench_u(i, 23) * 3)::int as qty,
              $2::date + floor(bench_u(i, 24) * ${MONTH.days})::int as booked_on,
              case when bench_u(b.k, 30) < ${CUSTOMER_HOLDERS} and bench_u(i, 26) < ${CUSTOMER_LINES} then 'BC-' || b.k end as customer
         from generate_series(1, $1::int) i join bench_buyers b on b.b = 1 + floor(bench_u(i, 21) * ${buyers})::int`,
      [orderLines, MONTH.start],
    )
    await q(null, `alter table bench_lines add primary key (i)`)
    const stride = orderLines % 7919 === 0 ? 7927 : 7919
    await q(
      'returns staged',
      `create unlogged table bench_returns as
       select r, ((r - 1)::bigint * ${stride}) % $1::int + 1 as i, least($2::date, l.booked_on + floor(bench_u(r, 25) * 5)::int) as booked_on
         from generate_series(1, $3::int) r join bench_lines l on l.i = ((r - 1)::bigint * ${stride}) % $1::int + 1`,
      [orderLines, MONTH.end, returnLines],
    )
    await q(null, `alter table bench_returns add primary key (r)`)
    const orderBase = await reserveIds(client, 'network_orders', total)
    const droppedOrders = await dropSecondaryIndexes(client, 'network_orders')
    await q(null, `set session_replication_role = replica`)
    await q(
      'network_orders: orders',
      `insert into network_orders (id, order_number, line, kind, booked_on, consultant_id, customer, product_id, quantity, currency, unit_price, discount,
                                   amount, qualifying_volume, commissionable_volume, natural_key)
       select $1::int + l.i, 'BPO-' || l.i, 1, 'order', l.booked_on, l.consultant_id, l.customer, p.product_id, l.qty, 'USD', p.price, 0, p.price * l.qty,
              0, 0, 'bench-points-o-' || l.i
         from bench_lines l join bench_products p using (p) order by l.i`,
      [orderBase],
    )
    await q(
      'network_orders: returns',
      `insert into network_orders (id, order_number, line, kind, booked_on, consultant_id, customer, product_id, quantity, currency, unit_price, discount,
                                   amount, qualifying_volume, commissionable_volume, return_of_id, natural_key)
       select $1::int + $2::int + r.r, 'BPR-' || r.r, 1, 'return', r.booked_on, l.consultant_id, l.customer, p.product_id, 1, 'USD', p.price, 0, -p.price,
              0, 0, $1::int + l.i, 'bench-points-r-' || r.r
         from bench_returns r join bench_lines l on l.i = r.i join bench_products p using (p) order by r.r`,
      [orderBase, orderLines],
    )
    await q(null, `set session_replication_role = default`)
    await q(`network_orders: ${droppedOrders.length} indexes rebuilt`, droppedOrders.join(';\n'))
    await q(null, `alter table bench_lines add column line_id int`)
    await q(null, `update bench_lines set line_id = $1::int + i`, [orderBase])
    await q(null, `alter table bench_returns add column line_id int`)
    await q(null, `update bench_returns set line_id = $1::int + $2::int + r`, [orderBase, orderLines])
    await q('vacuum analyze', `vacuum analyze participants, network_orders, products, points_movements, points_redemptions`)
    const customerLines = await count(`select count(*)::text as n from bench_lines where customer is not null`)
    return {
      members,
      holders,
      customerHolders: holders - members,
      lots,
      spends,
      spendRows,
      historyRows: lots + spendRows,
      historyEarned,
      historySpent,
      orderLines,
      returnLines,
      customerLines,
    }
  } finally {
    client.release()
  }
}

// ----- The expected figures, from the staging tables alone ---------------------------------------------------------

/**
 * What every holder should hold, from what the bench planted (never from points_movements): the history's lots less
 * its spends; less what is left on the lots whose last usable day is before TODAY (expired); plus the month's catalog
 * points (floor(points × quantity) of each order line) less the returns' share (floor(earned × 1 / quantity), all of
 * it for one unit); less GIFT_POINTS per redemption the bench's own simulation says goes through.
 * Also: the expected expiry (lots and points) and the month's earn totals.
 */
async function stageExpectations(
  pool: pg.Pool,
): Promise<{ expiredLots: number; expiredPoints: number; monthLots: number; monthPoints: number; takenBack: number; returns: number }> {
  await pool.query(
    `create unlogged table bench_lot_left as
     select l.n, l.h, l.expires_on, l.points - greatest(0, least(l.cum_before + l.points, coalesce(f.s, 0)) - l.cum_before) as remaining
       from bench_lots l left join (select h, max(s) as s from bench_events group by h) f on f.h = l.h`,
  )
  await pool.query(
    `create unlogged table bench_month as
     select l.i, l.line_id, l.consultant_id, l.customer, l.booked_on, l.qty, floor(coalesce(p.points, 0) * l.qty)::bigint as earned
       from bench_lines l join bench_products p using (p)`,
  )
  await pool.query(`alter table bench_month add primary key (i)`)
  await pool.query(
    `create unlogged table bench_taken as
     select r.r, r.line_id, m.line_id as returned_line_id, m.consultant_id, m.customer,
            case when m.qty <= 1 then m.earned else floor(m.earned * 1.0 / m.qty)::bigint end as taken
       from bench_returns r join bench_month m on m.i = r.i where m.earned > 0`,
  )
  const row = (
    await pool.query<{
      expired_lots: string
      expired_points: string
      month_lots: string
      month_points: string
      taken: string
      returns: string
    }>(
      `select (select count(*) from bench_lot_left where expires_on < $1::date and remaining > 0)::text as expired_lots,
              (select coalesce(sum(remaining), 0) from bench_lot_left where expires_on < $1::date)::text as expired_points,
              (select count(*) from bench_month where earned > 0)::text as month_lots,
              (select coalesce(sum(earned), 0) from bench_month)::text as month_points,
              (select coalesce(sum(taken), 0) from bench_taken)::text as taken,
              (select count(*) from bench_taken where taken > 0)::text as returns`,
      [TODAY],
    )
  ).rows[0]!
  return {
    expiredLots: Number(row.expired_lots),
    expiredPoints: Number(row.expired_points),
    monthLots: Number(row.month_lots),
    monthPoints: Number(row.month_points),
    takenBack: Number(row.taken),
    returns: Number(row.returns),
  }
}

/**
 * Every holder's expected balance before the redemptions (bench_expected_before: what is left of the history's lots
 * still usable on TODAY, plus the month's earn, less the returns' share) and the redemptions' expected outcome
 * (bench_redeem_expected: per drawn holder, GIFT_POINTS a redemption while the balance lasts), from the staging
 * tables alone.
 */
async function stageExpectedBalances(pool: pg.Pool, holders: number): Promise<void> {
  await pool.query(
    `create unlogged table bench_expected_before as
     with l as (select h, sum(remaining) as v from bench_lot_left where expires_on >= $1::date group by h),
          m as (select consultant_id, coalesce(customer, '') as c, sum(earned) as v from bench_month group by 1, 2),
          t as (select consultant_id, coalesce(customer, '') as c, sum(taken) as v from bench_taken group by 1, 2)
     select h.h, h.consultant_id, h.customer, (coalesce(l.v, 0) + coalesce(m.v, 0) - coalesce(t.v, 0))::bigint as balance
       from bench_holders h left join l on l.h = h.h
       left join m on m.consultant_id = h.consultant_id and m.c = coalesce(h.customer, '')
       left join t on t.consultant_id = h.consultant_id and t.c = coalesce(h.customer, '')`,
    [TODAY],
  )
  await pool.query(`alter table bench_expected_before add primary key (h)`)
  await pool.query(
    `create unlogged table bench_draws as
     select i, 1 + floor(bench_u(i, 50) * $1::int)::int as h from generate_series(1, $2::int) i`,
    [holders, REDEMPTIONS],
  )
  await pool.query(
    `create unlogged table bench_redeem_expected as
     select d.h, count(*)::int as attempts, least(count(*), greatest(0, floor(b.balance / ${GIFT_POINTS})))::int as placed
       from bench_draws d join bench_expected_before b on b.h = d.h group by d.h, b.balance`,
  )
}

// ----- The checks --------------------------------------------------------------------------------------------------

function check(name: string, expected: string | number, actual: string | number, detail?: string): NetworkCheck {
  const ok = String(expected) === String(actual) && !detail
  return { name, ok, expected, actual, ...(detail ? { detail } : {}) }
}

/** `day` + `months` calendar months, clamped to the month's end (the bench's own, not the engine's). */
function plusMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

type Row = { id: number; kind: string; source: string; points: number; day: string; expiresOn: string | null; lotId: number | null }

/**
 * One holder's movements replayed: lots from the earn rows (expiry = earned + 12 months), then day by day: lots whose
 * last usable day has passed expire with what is left; a return's take comes out of the lot it names; the day's
 * spends (redeem, convert) out of the usable lots, earliest expiry first (then earliest earned, then id). Returns the
 * problems found comparing with what the ledger holds (lot remainders, expire rows, balance).
 */
function replayHolder(rows: Row[]): string[] {
  const problems: string[] = []
  type Lot = { id: number; earned: string; expires: string; remaining: number; expired: number }
  const lots = new Map<number, Lot>()
  const recordedRemaining = new Map<number, number>()
  const expireRows = new Map<number, number[]>()
  const events: { day: string; order: number; row: Row }[] = []
  let balance = 0
  for (const row of rows) {
    balance += row.points
    if (row.kind === 'earn' && row.lotId === null && row.points > 0) {
      const expires = plusMonths(row.day, EXPIRY_MONTHS)
      if (row.expiresOn !== expires) problems.push(`lot ${row.id} earned ${row.day}: expires ${row.expiresOn}, expected ${expires}`)
      lots.set(row.id, { id: row.id, earned: row.day, expires, remaining: row.points, expired: 0 })
      recordedRemaining.set(row.id, (recordedRemaining.get(row.id) ?? 0) + row.points)
      continue
    }
    if (row.lotId !== null) recordedRemaining.set(row.lotId, (recordedRemaining.get(row.lotId) ?? 0) + row.points)
    if (row.kind === 'expire') {
      if (row.lotId === null) problems.push(`expire row ${row.id} names no lot`)
      else expireRows.set(row.lotId, [...(expireRows.get(row.lotId) ?? []), row.points])
    } else if (row.source === 'return' && row.lotId !== null) events.push({ day: row.day, order: 1, row })
    else if ((row.kind === 'redeem' || row.kind === 'convert') && row.points < 0) events.push({ day: row.day, order: 2, row })
    else problems.push(`unexpected movement ${row.id} (${row.kind}/${row.source}, ${row.points})`)
  }
  const expireBefore = (day: string) => {
    for (const lot of lots.values())
      if (lot.expires < day && lot.remaining > 0) {
        lot.expired += lot.remaining
        lot.remaining = 0
      }
  }
  events.sort((a, b) => (a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.order - b.order || a.row.id - b.row.id))
  // A day's spends are taken together (oldest-expiring first is the same however a day's total is split).
  for (let i = 0; i < events.length;) {
    const day = events[i]!.day
    expireBefore(day)
    let spend = 0
    for (; i < events.length && events[i]!.day === day; i++) {
      const { row, order } = events[i]!
      if (order === 2) {
        spend -= row.points
        continue
      }
      const lot = lots.get(row.lotId!)
      if (!lot) problems.push(`return row ${row.id} names lot ${row.lotId}, not one of the holder's`)
      else if (lot.remaining < -row.points)
        problems.push(`return row ${row.id} takes ${-row.points} from lot ${lot.id} holding ${lot.remaining}`)
      else lot.remaining += row.points
    }
    if (spend === 0) continue
    const usable = [...lots.values()]
      .filter((lot) => lot.remaining > 0 && lot.earned <= day && lot.expires >= day)
      .sort((a, b) =>
        a.expires !== b.expires ? (a.expires < b.expires ? -1 : 1) : a.earned !== b.earned ? (a.earned < b.earned ? -1 : 1) : a.id - b.id,
      )
    for (const lot of usable) {
      const take = Math.min(lot.remaining, spend)
      lot.remaining -= take
      spend -= take
      if (spend === 0) break
    }
    if (spend > 0) problems.push(`spends of ${day} exceed the usable points by ${spend}`)
  }
  expireBefore(TODAY)
  let replayed = 0
  for (const lot of lots.values()) {
    replayed += lot.remaining
    const posted = expireRows.get(lot.id) ?? []
    // What the ledger holds of the lot before its expire row, against the replay's (before expiry).
    const recorded = recordedRemaining.get(lot.id)! - posted.reduce((s, p) => s + p, 0)
    if (recorded !== lot.remaining + lot.expired)
      problems.push(`lot ${lot.id}: ${recorded} left before expiry in the ledger, ${lot.remaining + lot.expired} replayed`)
    if (lot.expired > 0 && (posted.length !== 1 || posted[0] !== -lot.expired))
      problems.push(`lot ${lot.id}: ${lot.expired} points should expire once, the ledger posted [${posted.join(', ')}]`)
    if (lot.expired === 0 && posted.length > 0)
      problems.push(`lot ${lot.id}: nothing should expire, the ledger posted [${posted.join(', ')}]`)
  }
  for (const lotId of expireRows.keys()) if (!lots.has(lotId)) problems.push(`an expire row names lot ${lotId}, not one of the holder's`)
  if (replayed !== balance) problems.push(`balance ${balance} in the ledger, ${replayed} replayed`)
  return problems
}

/** Replays ~SAMPLE holders over their streamed movements (see replayHolder). */
async function replaySample(pool: pg.Pool, programId: number, holders: number): Promise<NetworkCheck> {
  await pool.query(
    `create unlogged table bench_sample as select h, consultant_id, customer from bench_holders where bench_u(h, 60) < $1::float8`,
    [Math.min(1, SAMPLE / holders)],
  )
  const found = await pool.query<[number, number, string, string, string, string, string | null, number | null]>({
    text: `select s.h, m.id, m.kind::text, m.source::text, m.points::bigint::text, m.booked_on::text, m.expires_on::text, m.lot_id
             from bench_sample s join points_movements m
               on m.program_id = $1 and m.consultant_id = s.consultant_id and m.customer is not distinct from s.customer
            order by s.h, m.id`,
    values: [programId],
    rowMode: 'array',
  })
  const byHolder = new Map<number, Row[]>()
  for (const [h, id, kind, source, points, day, expiresOn, lotId] of found.rows) {
    const list = byHolder.get(h) ?? []
    list.push({ id, kind, source, points: Number(points), day, expiresOn, lotId })
    byHolder.set(h, list)
  }
  const sampled = Number((await pool.query<{ n: string }>(`select count(*)::text as n from bench_sample`)).rows[0]!.n)
  let bad = 0
  let first = ''
  let lots = 0
  for (const [h, rows] of byHolder) {
    lots += rows.filter((r) => r.kind === 'earn').length
    const problems = replayHolder(rows)
    if (problems.length > 0) {
      if (bad === 0) first = `holder h=${h}: ${problems.slice(0, 3).join('; ')}`
      bad++
    }
  }
  return check(
    `replay of ${sampled} holders (${byHolder.size} with movements, ${lots} lots, ${found.rows.length} movements) in TypeScript: holders that differ`,
    0,
    bad,
    bad > 0 ? first : undefined,
  )
}

/** The month's earn, line by line, against products.points × quantity (the bench's own product list). */
async function earnChecks(
  pool: pg.Pool,
  programId: number,
  expected: { monthLots: number; monthPoints: number; takenBack: number; returns: number },
  earn: EarnResult,
): Promise<NetworkCheck[]> {
  const checks: NetworkCheck[] = []
  const lines = (
    await pool.query<{
      lines: number
      missing: number
      wrong_points: number
      wrong_holder: number
      wrong_expiry: number
      extra: number
      got: string
    }>(
      `with got as (
         select order_line_id, count(*) as n, sum(points) as points, min(consultant_id) as consultant_id, min(customer) as customer,
                min(expires_on) as expires_on, min(booked_on) as booked_on
           from points_movements where program_id = $1 and kind = 'earn' and order_line_id is not null group by order_line_id)
       select count(*) filter (where m.earned > 0)::int as lines,
              count(*) filter (where m.earned > 0 and g.order_line_id is null)::int as missing,
              count(*) filter (where g.order_line_id is not null and (g.points <> m.earned or g.n <> 1))::int as wrong_points,
              count(*) filter (where g.order_line_id is not null and (g.consultant_id <> m.consultant_id or g.customer is distinct from m.customer))::int as wrong_holder,
              count(*) filter (where g.order_line_id is not null and (g.expires_on <> (m.booked_on + interval '${EXPIRY_MONTHS} months')::date or g.booked_on <> m.booked_on))::int as wrong_expiry,
              (select count(*) from got x where not exists (select 1 from bench_month y where y.line_id = x.order_line_id and y.earned > 0))::int as extra,
              coalesce(sum(g.points), 0)::text as got
         from bench_month m left join got g on g.order_line_id = m.line_id`,
      [programId],
    )
  ).rows[0]!
  checks.push(
    check(
      'earn: one lot per order line with floor(products.points × quantity), to the buyer (customer or consultant), expiring 12 months after the order day',
      `${expected.monthLots} lots, ${expected.monthPoints} points`,
      `${lines.lines - lines.missing} lots, ${lines.got} points`,
      lines.missing + lines.wrong_points + lines.wrong_holder + lines.wrong_expiry + lines.extra > 0
        ? `missing ${lines.missing}, wrong points ${lines.wrong_points}, wrong holder ${lines.wrong_holder}, wrong expiry/day ${lines.wrong_expiry}, lots for no earning line ${lines.extra}`
        : undefined,
    ),
  )
  checks.push(
    check(
      'earn: earnFromOrders reported the catalog lots and points',
      `${expected.monthLots} lots, ${expected.monthPoints} points, 0 rule lots`,
      `${earn.catalogLots} lots, ${earn.catalogPoints} points, ${earn.ruleLots} rule lots`,
    ),
  )
  const returns = (
    await pool.query<{ wrong: number; got: string }>(
      `with got as (
         select order_line_id, sum(points) as points, bool_and(lot_id is not null) as with_lot, min(lot_id) as lot_id
           from points_movements where program_id = $1 and source = 'return' group by order_line_id),
       lots as (select order_line_id, id from points_movements where program_id = $1 and kind = 'earn' and source = 'catalog' and order_line_id is not null)
       select count(*) filter (where g.order_line_id is null or -g.points <> t.taken or not g.with_lot or g.lot_id is distinct from l.id)::int as wrong,
              coalesce(-sum(g.points), 0)::text as got
         from bench_taken t left join got g on g.order_line_id = t.line_id left join lots l on l.order_line_id = t.returned_line_id`,
      [programId],
    )
  ).rows[0]!
  checks.push(
    check(
      'earn: each return takes floor(earned × returned ÷ ordered) back from the returned line’s lot',
      `${expected.returns} returns, ${expected.takenBack} points`,
      `${earn.returns} returns, ${returns.got} points`,
      returns.wrong > 0 ? `${returns.wrong} return lines differ` : undefined,
    ),
  )
  checks.push(
    check(
      'earn: no debt, no redemption reversed (every returned lot still held its points)',
      '0 debts, 0 reversed',
      `${earn.debts} debts, ${earn.redemptionsReversed} reversed`,
    ),
  )
  return checks
}

// ----- The benchmark -----------------------------------------------------------------------------------------------

/** Runs the points benchmark on its own throwaway database and returns the result line. */
export async function benchPoints(options: PointsOptions): Promise<PointsBenchResult> {
  const db = await startBenchDatabase(options.settings)
  try {
    return await run(db.payload, db.pool, options)
  } finally {
    progress('stopping the database and deleting its folder')
    await db.close()
  }
}

/** Runs `work` in a transaction on its own client, recording its statements. */
async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<{ value: T; seconds: number; statements: Statement[] }> {
  const client = await pool.connect()
  try {
    const start = performance.now()
    const recorded = await record(async () => {
      await client.query('begin')
      try {
        const value = await work(client)
        await client.query('commit')
        return value
      } catch (err) {
        await client.query('rollback')
        throw err
      }
    })
    return { value: recorded.value, seconds: (performance.now() - start) / 1000, statements: recorded.statements }
  } finally {
    client.release()
  }
}

/** "N statements, SQL 1.234 s; by statement: 45000× 0.900 s select …; …" */
function sqlSummary(statements: readonly Statement[]): { sqlSeconds: number; text: string } {
  const byLabel = new Map<string, { ms: number; n: number }>()
  for (const s of statements) {
    const name = label(s.sql)
    const entry = byLabel.get(name) ?? { ms: 0, n: 0 }
    entry.ms += s.ms
    entry.n++
    byLabel.set(name, entry)
  }
  const sqlSeconds = statements.reduce((sum, s) => sum + s.ms, 0) / 1000
  const top = [...byLabel]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 6)
    .map(([name, e]) => `${e.n}× ${formatSeconds(e.ms / 1000)} ${name}`)
  return { sqlSeconds, text: `${statements.length} statements, SQL ${formatSeconds(sqlSeconds)}; by statement: ${top.join('; ')}` }
}

/**
 * `--explain`: runs the earn and expiry jobs once in a transaction that is rolled back, recording their statements,
 * then replays them (again rolled back) with the slowest statement of each kind under EXPLAIN (ANALYZE, BUFFERS); the
 * same for one holder's spendable points (its balance and lots). Prints the plans.
 */
async function explainJobs(pool: pg.Pool, programId: number): Promise<void> {
  const client = await pool.connect()
  try {
    const holder = (await client.query<{ consultant_id: number }>(`select consultant_id from bench_holders where h = 1`)).rows[0]!
    const recorded = await record(async () => {
      await client.query('begin')
      try {
        await earnFromOrders(client, { from: MONTH.start, to: MONTH.end, today: TODAY, programId })
        await expirePoints(client, TODAY)
        await spendablePoints(client, { programId, consultantId: holder.consultant_id, customer: null }, TODAY)
      } finally {
        await client.query('rollback')
      }
    })
    const statements = recorded.statements.filter((st) => !/^\s*(begin|commit|rollback)\s*$/i.test(st.sql))
    const slowest = new Map<string, number>()
    statements.forEach((st, i) => {
      const name = label(st.sql)
      const at = slowest.get(name)
      if (at === undefined || statements[at]!.ms < st.ms) slowest.set(name, i)
    })
    const chosen = new Set(slowest.values())
    let skipped = 0
    await client.query('begin')
    try {
      for (const [i, st] of statements.entries()) {
        if (!chosen.has(i) || /^\s*select pg_advisory_xact_lock/i.test(st.sql)) {
          // Statements naming rows the recorded run created (new ids on replay) fail: skipped.
          await client.query('savepoint replay')
          try {
            await client.query(st.sql, st.values)
            await client.query('release savepoint replay')
          } catch {
            skipped++
            await client.query('rollback to savepoint replay')
          }
          continue
        }
        progress(`EXPLAIN ANALYZE (${(st.ms / 1000).toFixed(3)} s when recorded) ${label(st.sql)}:`)
        await client.query('savepoint replay')
        try {
          const plan = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${st.sql}`, st.values)
          for (const row of plan.rows) progress(`    ${row['QUERY PLAN']}`)
          await client.query('release savepoint replay')
        } catch (err) {
          progress(`    (not replayable: ${(err as Error).message})`)
          await client.query('rollback to savepoint replay')
        }
      }
    } finally {
      await client.query('rollback')
    }
    if (skipped > 0) progress(`(replay: ${skipped} statements naming rows of the recorded run failed and were skipped)`)
  } finally {
    client.release()
  }
}

async function run(payload: Payload, pool: pg.Pool, options: PointsOptions): Promise<PointsBenchResult> {
  const setup = await createSetup(payload, pool)
  progress(
    `generating ${options.members} members and ~${options.movements} movements of history, then the month's orders (set-based SQL, not timed)`,
  )
  const write = await timed(() => writeDataSet(pool, setup, options.members, options.movements))
  const planted = write.value
  progress(`bulk write (not timed): ${formatSeconds(write.seconds)}; planted ${JSON.stringify(planted)}`)
  const expected = await stageExpectations(pool)
  await stageExpectedBalances(pool, planted.holders)
  progress(`expected (from the staging tables): ${JSON.stringify(expected)}`)
  const seedRssMb = peakRssMb()
  await instrument(pool)
  if (options.explain) await explainJobs(pool, setup.programId)
  const checks: NetworkCheck[] = []

  // (a) Earn the month.
  progress(`step (a): earnFromOrders ${MONTH.start}..${MONTH.end}, today ${TODAY}, program BENCH`)
  const earn = await inTransaction(pool, (client) =>
    earnFromOrders(client, { from: MONTH.start, to: MONTH.end, today: TODAY, programId: setup.programId }),
  )
  const earnSql = sqlSummary(earn.statements)
  progress(`  earn: ${formatSeconds(earn.seconds)}: ${JSON.stringify(earn.value)}; ${earnSql.text}`)

  // (b) Expire, on the day after the month.
  progress(`step (b): expirePoints(${TODAY})`)
  const expire = await inTransaction(pool, (client) => expirePoints(client, TODAY))
  const expireSql = sqlSummary(expire.statements)
  progress(`  expire: ${formatSeconds(expire.seconds)}: ${JSON.stringify(expire.value)}; ${expireSql.text}`)
  const earnPlusExpireSeconds = earn.seconds + expire.seconds
  const again = await inTransaction(pool, (client) => expirePoints(client, TODAY))
  progress(`  expire again (not timed): ${formatSeconds(again.seconds)}: ${JSON.stringify(again.value)}`)
  const earnRssMb = peakRssMb()

  // (c) Redemptions for random holders; the expected outcome is in bench_redeem_expected.
  const draws = (
    await pool.query<{ i: number; consultant_id: number; customer: string | null }>(
      `select d.i, h.consultant_id, h.customer from bench_draws d join bench_holders h on h.h = d.h order by d.i`,
    )
  ).rows
  const expectedRefused = Number(
    (await pool.query<{ n: string }>(`select coalesce(sum(attempts - placed), 0)::text as n from bench_redeem_expected`)).rows[0]!.n,
  )
  progress(
    `step (c): ${REDEMPTIONS} redeemProduct calls (1 × BP-GIFT at ${GIFT_POINTS} points) by ${REDEEM_WORKERS} workers, one transaction each`,
  )
  let refused = 0
  let placed = 0
  const otherRefusals = new Map<string, number>()
  let next = 0
  const redeemStatements: Statement[] = []
  const redeemStart = performance.now()
  const worker = async () => {
    const client = await pool.connect()
    try {
      for (;;) {
        const draw = draws[next++]
        if (!draw) return
        const holder: Holder = { programId: setup.programId, consultantId: draw.consultant_id, customer: draw.customer }
        await client.query('begin')
        try {
          await redeemProduct(client, holder, setup.giftId, 1, null, setup.userId, null, TODAY)
          await client.query('commit')
          placed++
        } catch (err) {
          await client.query('rollback')
          if (!(err instanceof LoyaltyRefusal)) throw err
          if (err.status === 409 && err.field === 'quantity') refused++
          else {
            const key = `${err.status} ${err.field ?? '-'}: ${err.message}`
            otherRefusals.set(key, (otherRefusals.get(key) ?? 0) + 1)
          }
        }
      }
    } finally {
      client.release()
    }
  }
  const redeemRecorded = await record(() => Promise.all(Array.from({ length: REDEEM_WORKERS }, worker)))
  redeemStatements.push(...redeemRecorded.statements)
  const redeemSeconds = (performance.now() - redeemStart) / 1000
  progress(`  redeem: ${formatSeconds(redeemSeconds)}: ${placed} placed, ${refused} refused; ${sqlSummary(redeemStatements).text}`)

  // (d) Every balance: the ledger reads one holder at a time (pointsBalance); the bulk read is the same statement
  // grouped by holder. A sample of single reads shows the per-holder path.
  await pool.query(`vacuum analyze points_movements`)
  const singles = (
    await pool.query<{ consultant_id: number; customer: string | null }>(
      `select consultant_id, customer from bench_holders where bench_u(h, 70) < $1::float8 order by h`,
      [Math.min(1, SINGLE_READS / planted.holders)],
    )
  ).rows
  const single = await timed(async () => {
    const client = await pool.connect()
    try {
      for (const s of singles)
        await pointsBalance(client, { programId: setup.programId, consultantId: s.consultant_id, customer: s.customer })
    } finally {
      client.release()
    }
  })
  const singleMs = singles.length > 0 ? (single.seconds * 1000) / singles.length : 0
  progress(
    `  pointsBalance one by one for ${singles.length} holders: ${formatSeconds(single.seconds)} (${singleMs.toFixed(3)} ms each; ${formatSeconds((singleMs * planted.holders) / 1000)} for every holder)`,
  )
  const balance = await timed(() =>
    pool.query<[number, string | null, string]>({
      text: `select m.consultant_id, m.customer, coalesce(sum(m.points), 0)::bigint::text as balance from points_movements m where m.program_id = $1 group by m.consultant_id, m.customer`,
      values: [setup.programId],
      rowMode: 'array',
    }),
  )
  progress(
    `step (d): every balance of the program (pointsBalance's statement grouped by holder): ${formatSeconds(balance.seconds)}, ${balance.value.rows.length} holders`,
  )
  const floor = await timed(() =>
    pool.query({ text: `select consultant_id, customer, sum(points) from points_movements group by 1, 2`, rowMode: 'array' }),
  )
  progress(`floor (one statement: sum of movements per holder): ${formatSeconds(floor.seconds)}, ${floor.value.rows.length} holders`)
  const benchRssMb = peakRssMb()

  // Checks.
  checks.push(...(await earnChecks(pool, setup.programId, expected, earn.value)))
  const expireRows = (
    await pool.query<{ rows: number; lots: number; points: string; today_rows: number }>(
      `select count(*) filter (where program_id = $1)::int as rows, count(distinct lot_id) filter (where program_id = $1)::int as lots,
              coalesce(-sum(points) filter (where program_id = $1), 0)::text as points, count(*) filter (where booked_on = $2::date)::int as today_rows
         from points_movements where kind = 'expire'`,
      [setup.programId, TODAY],
    )
  ).rows[0]!
  checks.push(
    check(
      `expire: every lot with points left and expiresOn < ${TODAY} expires once, for what is left (from the staging tables)`,
      `${expected.expiredLots} rows on ${expected.expiredLots} lots, ${expected.expiredPoints} points`,
      `${expireRows.rows} rows on ${expireRows.lots} lots, ${expireRows.points} points`,
    ),
  )
  checks.push(check('expire: expirePoints reported what it posted', `${expireRows.today_rows} lots`, `${expire.value.lots} lots`))
  checks.push(check('expire: a second run on the same day posts nothing', 0, again.value.lots))
  checks.push(
    check(
      `redeem: ${REDEMPTIONS} redemptions: refused for lack of points as the balances before allow`,
      `${REDEMPTIONS - expectedRefused} placed, ${expectedRefused} refused`,
      `${placed} placed, ${refused} refused`,
      otherRefusals.size > 0 ? `other refusals: ${[...otherRefusals].map(([m, n]) => `${n}× ${m}`).join('; ')}` : undefined,
    ),
  )
  const redeemed = (
    await pool.query<{ redemptions: number; points: string; movements: string }>(
      `select count(*)::int as redemptions, coalesce(sum(r.points), 0)::text as points,
              coalesce((select -sum(m.points) from points_movements m where m.redemption_id in (select id from points_redemptions where product_id = $1) and m.kind = 'redeem'), 0)::text as movements
         from points_redemptions r where r.product_id = $1 and r.status = 'placed'`,
      [setup.giftId],
    )
  ).rows[0]!
  checks.push(
    check(
      'redeem: placed redemptions and their movements',
      `${placed} redemptions, ${placed * GIFT_POINTS} points, movements ${placed * GIFT_POINTS}`,
      `${redeemed.redemptions} redemptions, ${redeemed.points} points, movements ${redeemed.movements}`,
    ),
  )
  const expectedBalances = new Map<string, number>()
  let expectedTotal = 0
  {
    const rows = (
      await pool.query<[number, string | null, string]>({
        text: `select b.consultant_id, b.customer, (b.balance - ${GIFT_POINTS} * coalesce(r.placed, 0))::text
                 from bench_expected_before b left join bench_redeem_expected r on r.h = b.h`,
        rowMode: 'array',
      })
    ).rows
    for (const [consultant, customer, value] of rows) {
      expectedBalances.set(`${consultant}|${customer ?? ''}`, Number(value))
      expectedTotal += Number(value)
    }
  }
  const compareBalances = (name: string, rows: (readonly [number, string | null, string])[]) => {
    const seen = new Map<string, number>()
    let total = 0
    for (const [consultant, customer, value] of rows) {
      seen.set(`${consultant}|${customer ?? ''}`, Number(value))
      total += Number(value)
    }
    let differ = 0
    let first = ''
    for (const [key, want] of expectedBalances) {
      const got = seen.get(key) ?? 0
      if (got !== want) {
        if (differ === 0) first = `holder ${key}: expected ${want}, got ${got}`
        differ++
      }
    }
    for (const key of seen.keys()) if (!expectedBalances.has(key)) differ++
    return check(
      name,
      `${expectedBalances.size} holders, ${expectedTotal} points`,
      `${expectedBalances.size} holders, ${total} points`,
      differ > 0 ? `${differ} holders differ; first: ${first}` : undefined,
    )
  }
  checks.push(
    compareBalances(
      'balances: every holder’s balance as read (step d) = the bench’s own figure (history lots − spends − expired + month’s earn − returns − redemptions)',
      balance.value.rows,
    ),
  )
  const floorOfProgram = (
    await pool.query<[number, string | null, string]>({
      text: `select consultant_id, customer, sum(points)::bigint::text from points_movements where program_id = $1 group by 1, 2`,
      values: [setup.programId],
      rowMode: 'array',
    })
  ).rows
  checks.push(compareBalances('balances: sum of movements per holder (plain SQL) = the bench’s own figure', floorOfProgram))
  checks.push(await replaySample(pool, setup.programId, planted.holders))
  const overdrawn = Number(
    (
      await pool.query<{ n: string }>(
        `select count(*)::text as n from points_movements l
           join (select lot_id, sum(points) as taken from points_movements where lot_id is not null and program_id = $1 group by lot_id) t on t.lot_id = l.id
          where l.points + t.taken < 0`,
        [setup.programId],
      )
    ).rows[0]!.n,
  )
  checks.push(check('ledger: no lot has more taken from it than it earned', 0, overdrawn))

  for (const c of checks)
    progress(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: expected ${c.expected}, got ${c.actual}${c.detail ? ` (${c.detail})` : ''}`)
  const ratio = floor.seconds > 0 ? balance.seconds / floor.seconds : null
  const passed = checks.length > 0 && checks.every((c) => c.ok)
  return {
    workload: 'points',
    members: options.members,
    movements: planted.historyRows,
    movementsAsked: options.movements,
    holders: planted.holders,
    orderLines: planted.orderLines,
    returnLines: planted.returnLines,
    earnSeconds: round(earn.seconds),
    earnSqlSeconds: round(earnSql.sqlSeconds),
    expireSeconds: round(expire.seconds),
    expireSqlSeconds: round(expireSql.sqlSeconds),
    earnPlusExpireSeconds: round(earnPlusExpireSeconds),
    earned: {
      lots: earn.value.catalogLots,
      points: earn.value.catalogPoints,
      returns: earn.value.returns,
      takenBack: earn.value.pointsTakenBack,
    },
    expired: { lots: expire.value.lots, points: expire.value.points, holders: expire.value.holders },
    redeemSeconds: round(redeemSeconds),
    redemptions: REDEMPTIONS,
    refused,
    balanceSeconds: round(balance.seconds),
    balanceHolders: balance.value.rows.length,
    singleBalanceMs: round(singleMs, 3),
    floorSeconds: round(floor.seconds),
    ratio: ratio === null ? null : round(ratio, 2),
    peakRssMb: earnRssMb,
    seedPeakRssMb: seedRssMb,
    benchPeakRssMb: benchRssMb,
    checks,
    targets: {
      earnPlusExpireUnder15s: earnPlusExpireSeconds <= TARGETS.earnPlusExpireSeconds,
      balanceWithin2xFloor: ratio !== null && ratio <= TARGETS.balanceRatio,
    },
    passed,
  }
}
