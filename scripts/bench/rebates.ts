/**
 * The rebates benchmark: a year (2026) of `posLines` point-of-sale lines of 500 distributors (under the demo's
 * operating company NW, dealer tiers standard/silver/gold/platinum, the demo's territories) selling 5,000 products
 * (20 families, a USD list price), 50 published programs of every line and volume kind (tiers whole and slice, growth
 * over a baseline period, deal registration with a few hundred approved deals), all written with set-based SQL.
 *
 * Step 1 "accrue": every program is accrued on the real path, `accrueProgram(client, id)` (what publishing does), one
 * transaction per program. Step 2 "claims": `claims` claim lines over accrued (line, program) pairs, ~1,000 lines a
 * claim of one partner, about 5 % deliberately invalid (a program the line is outside of, more units than the sale, a
 * line claimed twice) and 1 % claiming more than the accrual (needs review), submitted with `submitClaim`.
 *
 * The floor is one statement joining the lines to the programs' eligibility (dates, currency, regions, tiers,
 * partners, products and families, list price) and computing every (program, partner)'s lines, volume and line-kind
 * rebate (rounded half up per line); the claims' floor one join of the claimed pairs to their accruals. The checks
 * recompute the accruals without the product's code: the floor's figures for the line kinds, a window over the deal
 * lines for deal registration, and a TypeScript tier function (decimal.js) on each partner's volume (less its baseline
 * for growth) for the volume kinds; the claims from the bench's own list of what each line should come to.
 */
import Decimal from 'decimal.js'
import type { Payload } from 'payload'
import type pg from 'pg'

import { accrueProgram } from '../../modules/rebates/accrue'
import { submitClaim } from '../../modules/rebates/claims'
import { posFactSql } from '../../modules/rebates/facts'
import { startBenchDatabase } from './database'
import { instrument, label, record } from './statements'
import { formatSeconds, peakRssMb, progress, round, timed, type NetworkCheck, type RebatesBenchResult } from './report'
import { seededRandom } from '../../engine/core/seededRandom'

export type RebatesOptions = { posLines: number; claims: number; settings: Record<string, string> }

const SEED = 23
const PARTNERS = 500
const PRODUCTS = 5_000
const FAMILIES = 20
const DEALS = 300
const CLAIM_SIZE = 1_000
/** The day the claims are submitted: every accrual's window (400 days) is still open. */
const TODAY = '2027-01-20'
const CLAIM_WINDOW_DAYS = 400
/** Shares of the claim lines: invalid ones (three kinds, equal parts) and ones claiming more than the accrual. */
const INVALID_SHARE = 0.05
const REVIEW_SHARE = 0.01

const TARGETS = { accrueSeconds: 15, claimsSeconds: 10, ratio: 3 }

const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })
const cents = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)

/** Product k's (1-based) USD list price: 10.00 to ~2,000, some with odd cents. */
const listPrice = (k: number) => new Money(10 + ((k * 7919) % 1990)).plus(new Money((k * 37) % 100).div(100))

type Kind = 'per_unit' | 'percent_of_price' | 'price_exception' | 'ship_and_debit' | 'volume' | 'growth' | 'deal_registration'
type TierDef = { from: string; rate: string }
type ProgramDef = {
  code: string
  name: string
  kind: Kind
  from: string
  to: string
  ratePerUnit: string | null
  percent: string | null
  agreedPrice: string | null
  tierMode: 'whole' | 'slice' | null
  tierBasis: 'amount' | 'quantity' | null
  tierRate: 'percent' | 'per_unit' | null
  baselineFrom: string | null
  baselineTo: string | null
  tiers: TierDef[]
  families: string[]
  /** Product numbers k (1..PRODUCTS), partner numbers (1..PARTNERS), territory codes, dealer tiers. */
  products: number[]
  partners: number[]
  regions: string[]
  partnerTiers: string[]
}

const KINDS: Kind[] = [
  ...Array<Kind>(10).fill('per_unit'),
  ...Array<Kind>(10).fill('percent_of_price'),
  ...Array<Kind>(5).fill('price_exception'),
  ...Array<Kind>(5).fill('ship_and_debit'),
  ...Array<Kind>(8).fill('volume'),
  ...Array<Kind>(6).fill('growth'),
  ...Array<Kind>(6).fill('deal_registration'),
]

const familyName = (f: number) => `Bench family ${String(f).padStart(2, '0')}`
const pad2 = (n: number) => String(n).padStart(2, '0')
const lastDay = (month: number) => new Date(Date.UTC(2026, month, 0)).getUTCDate()
/** Months m1..m2 (1-based) of 2026 as dates. */
const months = (m1: number, m2: number) => ({ from: `2026-${pad2(m1)}-01`, to: `2026-${pad2(m2)}-${pad2(lastDay(m2))}` })

/**
 * The 50 programs. Dates: a quarter of them the whole year, the others a half, a quarter or a month. Volume tier
 * thresholds scale with the number of lines, so tiers are crossed at any size.
 */
function programDefs(posLines: number, territories: string[]): ProgramDef[] {
  const rnd = seededRandom(SEED)
  const pick = (n: number) => Math.floor(rnd() * n)
  const scale = Math.max(posLines / 1_000_000, 0.001)
  const threshold = (value: number) => new Money(value * scale).toDecimalPlaces(2).toFixed(2)
  const someFamilies = (n: number) => {
    const set = new Set<number>()
    while (set.size < n) set.add(1 + pick(FAMILIES))
    return [...set].sort((a, b) => a - b).map(familyName)
  }
  const someProducts = (n: number) => {
    const set = new Set<number>()
    while (set.size < n) set.add(1 + pick(PRODUCTS))
    return [...set].sort((a, b) => a - b)
  }
  const somePartners = (n: number) => {
    const set = new Set<number>()
    while (set.size < n) set.add(1 + pick(PARTNERS))
    return [...set].sort((a, b) => a - b)
  }
  const defs: ProgramDef[] = []
  KINDS.forEach((kind, i) => {
    const shape = i % 4
    let dates =
      shape === 0
        ? months(1, 12)
        : shape === 1
          ? months(1 + 3 * ((i >> 2) % 4), 3 + 3 * ((i >> 2) % 4))
          : shape === 2
            ? months((i >> 2) % 2 === 0 ? 1 : 7, (i >> 2) % 2 === 0 ? 6 : 12)
            : months(1 + (i % 12), 1 + (i % 12))
    const def: ProgramDef = {
      code: `BENCH-${pad2(i + 1)}-${kind.toUpperCase().replace(/_/g, '-')}`,
      name: `Bench program ${i + 1} (${kind})`,
      kind,
      from: dates.from,
      to: dates.to,
      ratePerUnit: null,
      percent: null,
      agreedPrice: null,
      tierMode: null,
      tierBasis: null,
      tierRate: null,
      baselineFrom: null,
      baselineTo: null,
      tiers: [],
      families: [],
      products: [],
      partners: [],
      regions: [],
      partnerTiers: [],
    }
    // Who: a fifth of the programs for gold and platinum partners, a seventh in two regions.
    if (i % 5 === 1) def.partnerTiers = ['gold', 'platinum']
    if (i % 7 === 2 && territories.length >= 2)
      def.regions = [territories[i % territories.length]!, territories[(i + 1) % territories.length]!]
    switch (kind) {
      case 'per_unit':
        def.ratePerUnit = ['0.50', '1.125', '2.75', '5.00', '12.345'][i % 5]!
        if (i % 3 === 0) def.products = someProducts(150)
        else def.families = someFamilies(1 + (i % 3))
        break
      case 'percent_of_price':
        def.percent = ['1.5', '2.25', '3', '4.125', '7.5'][i % 5]!
        if (i % 3 === 0) def.products = someProducts(200)
        else def.families = someFamilies(1 + (i % 3))
        break
      case 'price_exception':
      case 'ship_and_debit': {
        def.products = someProducts(25)
        const mean = def.products.reduce((sum, k) => sum.plus(listPrice(k)), new Money(0)).div(def.products.length)
        def.agreedPrice = mean.times('0.9').toDecimalPlaces(2).toFixed(2)
        if (kind === 'price_exception') def.partners = somePartners(40)
        break
      }
      case 'volume': {
        def.families = someFamilies(2 + (i % 3))
        const variant = i % 4
        def.tierMode = variant < 2 ? 'whole' : 'slice'
        if (variant === 0 || variant === 2) {
          def.tierBasis = 'amount'
          def.tierRate = 'percent'
          def.tiers =
            variant === 0
              ? [
                  { from: '0', rate: '1' },
                  { from: threshold(40_000), rate: '2' },
                  { from: threshold(150_000), rate: '3.5' },
                ]
              : [
                  { from: '0', rate: '1' },
                  { from: threshold(50_000), rate: '2.5' },
                  { from: threshold(120_000), rate: '4' },
                ]
        } else {
          def.tierBasis = 'quantity'
          def.tierRate = 'per_unit'
          def.tiers =
            variant === 1
              ? [
                  { from: threshold(50), rate: '0.5' },
                  { from: threshold(300), rate: '1' },
                  { from: threshold(900), rate: '1.75' },
                ]
              : [
                  { from: '0', rate: '0.25' },
                  { from: threshold(250), rate: '0.75' },
                  { from: threshold(700), rate: '1.2' },
                ]
        }
        break
      }
      case 'growth': {
        def.families = someFamilies(2 + (i % 2))
        const baseline = i % 2 === 0 ? months(1, 3) : months(1, 6)
        dates = i % 2 === 0 ? months(4, 12) : months(7, 12)
        def.from = dates.from
        def.to = dates.to
        def.baselineFrom = baseline.from
        def.baselineTo = baseline.to
        if (i % 3 === 0) {
          def.tierMode = 'whole'
          def.tierBasis = 'quantity'
          def.tierRate = 'per_unit'
          def.tiers = [
            { from: '0', rate: '0.4' },
            { from: threshold(200), rate: '0.9' },
          ]
        } else {
          def.tierMode = 'slice'
          def.tierBasis = 'amount'
          def.tierRate = 'percent'
          def.tiers = [
            { from: '0', rate: '5' },
            { from: threshold(60_000), rate: '8' },
          ]
        }
        break
      }
      case 'deal_registration':
        def.from = '2026-01-01'
        def.to = '2026-12-31'
        def.percent = i % 2 === 0 ? '2' : null
        break
    }
    defs.push(def)
  })
  return defs
}

// ----- The data set ------------------------------------------------------------------------------------------------

type Setup = { userId: number; programIds: number[]; programs: ProgramDef[]; partnerIds: number[]; planted: Record<string, number> }

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

async function writeDataSet(pool: pg.Pool, posLines: number): Promise<Setup> {
  const client = await pool.connect()
  const q = async (name: string | null, sql: string, params: unknown[] = []) => {
    const t = await timed(() => client.query(sql, params))
    if (name)
      progress(
        `  ${name}: ${formatSeconds(t.seconds)}${typeof t.value.rowCount === 'number' && t.value.command !== 'SELECT' ? ` (${t.value.rowCount} rows)` : ''}`,
      )
    return t.value
  }
  try {
    await q(null, `set work_mem = '256MB'`)
    await q(null, `set maintenance_work_mem = '1GB'`)
    await q(
      null,
      `create function bench_u(i bigint, salt int) returns float8 language sql immutable parallel safe
         as $$ select (hashint8extended(i, ${SEED * 1000} + salt) & 2147483647)::float8 / 2147483648 $$`,
    )
    const nw = (await client.query<{ id: number; path: string | null }>(`select id, path from participants where code = 'NW'`)).rows[0]
    if (!nw) throw new Error('the demo operating company NW is missing')
    const territories = (await client.query<{ id: number; code: string }>(`select id, code from territories order by code`)).rows
    const admin = await client.query<{ id: number }>(
      `select u.id from users u join users_roles r on r.parent_id = u.id where r.value = 'company_admin' order by u.id limit 1`,
    )
    const userId = admin.rows[0]?.id ?? (await client.query<{ id: number }>(`select id from users order by id limit 1`)).rows[0]!.id

    // Partners: 500 distributors under NW, tiers and territories spread.
    const partnerBase = Number(
      (await client.query<{ base: string }>(`select nextval(pg_get_serial_sequence('participants', 'id'))::text as base`)).rows[0]!.base,
    )
    await client.query(`select setval(pg_get_serial_sequence('participants', 'id'), $1::bigint)`, [partnerBase + PARTNERS])
    await q(
      'partners',
      `insert into participants (id, name, code, kind, parent_id, path, territory_id, status, joined_on, currency, dealer_tier)
       select $1::int + k, 'Bench distributor ' || k, 'BDS-' || lpad(k::text, 4, '0'), 'distributor', $2::int,
              coalesce($3::text, '/' || $2::int || '/') || ($1::int + k) || '/', ($4::int[])[1 + floor(bench_u(k, 1) * cardinality($4::int[]))::int],
              'active', date '2020-01-01' + floor(bench_u(k, 2) * 2000)::int, 'USD',
              (array['standard', 'silver', 'gold', 'platinum'])[1 + floor(bench_u(k, 3) * 4)::int]::enum_participants_dealer_tier
         from generate_series(1, $5::int) k`,
      [partnerBase - 1, nw.id, nw.path, territories.map((t) => t.id), PARTNERS],
    )
    const partnerIds = Array.from({ length: PARTNERS }, (_, k) => partnerBase + k)

    // Products: 5,000 in 20 families, a USD list price (a few without one).
    const productBase = Number(
      (await client.query<{ base: string }>(`select nextval(pg_get_serial_sequence('products', 'id'))::text as base`)).rows[0]!.base,
    )
    await client.query(`select setval(pg_get_serial_sequence('products', 'id'), $1::bigint)`, [productBase + PRODUCTS])
    await q(
      'products',
      `insert into products (id, code, name, active, volume_source, qualifying_volume, commissionable_volume, family)
       select $1::int + k, 'BPR-' || lpad(k::text, 5, '0'), 'Bench product ' || k, true, 'direct', 0, 0,
              'Bench family ' || lpad((1 + (k * 13) % ${FAMILIES})::text, 2, '0')
         from generate_series(1, $2::int) k`,
      [productBase - 1, PRODUCTS],
    )
    // The list price as listPrice(k) computes it; every 97th product has none.
    await q(
      'list prices',
      `insert into products_prices (_order, _parent_id, id, currency, consultant_price, public_price, vat_percent)
       select 1, $1::int + k, 'bench-price-' || k, 'USD', round((10 + (k * 7919) % 1990 + ((k * 37) % 100) / 100.0) * 0.85, 2),
              10 + (k * 7919) % 1990 + ((k * 37) % 100) / 100.0, 0
         from generate_series(1, $2::int) k where k % 97 <> 0`,
      [productBase - 1, PRODUCTS],
    )

    // Programs, straight into the tables, published.
    const defs = programDefs(
      posLines,
      territories.map((t) => t.code),
    )
    const territoryId = new Map(territories.map((t) => [t.code, t.id]))
    const programIds: number[] = []
    for (const def of defs) {
      const row = await client.query<{ id: number }>(
        `insert into rebate_programs (code, name, kind, status, currency, effective_from, effective_to, rate_per_unit, percent, agreed_price,
                                      tier_mode, tier_basis, tier_rate, baseline_from, baseline_to, claim_window_days, finance_approval_above,
                                      approved_at, published_at)
         values ($1, $2, $3, 'published', 'USD', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1000000, now(), now()) returning id`,
        [
          def.code,
          def.name,
          def.kind,
          def.from,
          def.to,
          def.ratePerUnit,
          def.percent,
          def.agreedPrice,
          def.tierMode ?? 'whole',
          def.tierBasis ?? 'amount',
          def.tierRate ?? 'percent',
          def.baselineFrom,
          def.baselineTo,
          CLAIM_WINDOW_DAYS,
        ],
      )
      const id = row.rows[0]!.id
      programIds.push(id)
      const texts = [...def.families.map((text) => ['families', text]), ...def.partnerTiers.map((text) => ['partnerTiers', text])]
      if (texts.length > 0)
        await client.query(
          `insert into rebate_programs_texts ("order", parent_id, path, text) select o, $1, p, t from unnest($2::text[], $3::text[]) with ordinality as x(p, t, o)`,
          [id, texts.map((t) => t[0]), texts.map((t) => t[1])],
        )
      const rels: [string, number | null, number | null, number | null][] = [
        ...def.regions.map((code): [string, number | null, number | null, number | null] => [
          'regions',
          territoryId.get(code)!,
          null,
          null,
        ]),
        ...def.partners.map((k): [string, number | null, number | null, number | null] => ['partners', null, partnerBase + k - 1, null]),
        ...def.products.map((k): [string, number | null, number | null, number | null] => ['products', null, null, productBase + k - 1]),
      ]
      if (rels.length > 0)
        await client.query(
          `insert into rebate_programs_rels ("order", parent_id, path, territories_id, participants_id, products_id)
           select o, $1, p, t, pa, pr from unnest($2::text[], $3::int[], $4::int[], $5::int[]) with ordinality as x(p, t, pa, pr, o)`,
          [id, rels.map((r) => r[0]), rels.map((r) => r[1]), rels.map((r) => r[2]), rels.map((r) => r[3])],
        )
      if (def.tiers.length > 0)
        await client.query(
          `insert into rebate_programs_tiers (_order, _parent_id, id, "from", rate)
           select o, $1::int, 'bench-tier-' || $1::int || '-' || o, f, r from unnest($2::numeric[], $3::numeric[]) with ordinality as x(f, r, o)`,
          [id, def.tiers.map((t) => t.from), def.tiers.map((t) => t.rate)],
        )
    }
    progress(
      `  50 programs published: ${Object.entries(countBy(defs.map((d) => d.kind)))
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    )

    // Deals: 300, 1–3 product lines each; 90 % approved (some expiring mid-year), the rest submitted or rejected.
    await q(
      'deals',
      `insert into deals (number, partner_id, end_customer, status, currency, expires_on, source)
       select 'BDEAL-' || lpad(d::text, 4, '0'), $1::int + 1 + floor(bench_u(d, 40) * $2::int)::int, 'Bench end customer ' || d,
              (case when bench_u(d, 41) < 0.9 then 'approved' when bench_u(d, 41) < 0.95 then 'submitted' else 'rejected' end)::enum_deals_status,
              'USD', case when bench_u(d, 42) < 0.8 then date '2026-12-31' else date '2026-06-30' end, 'accrue'
         from generate_series(1, $3::int) d`,
      [partnerBase - 1, PARTNERS, DEALS],
    )
    await q(
      null,
      `create unlogged table bench_deal_lines as
       select row_number() over (order by d.id, j)::int as n, d.id as deal_id, d.number, d.partner_id, $1::int + 1 + floor(bench_u(d.id * 10 + j, 43) * $2::int)::int as product_id,
              (5 + floor(bench_u(d.id * 10 + j, 44) * 60))::int as quantity, j
         from deals d cross join generate_series(1, 3) j
        where d.number like 'BDEAL-%' and j <= 1 + floor(bench_u(d.id, 45) * 3)::int`,
      [productBase - 1, PRODUCTS],
    )
    // One line a product, and only products with a list price.
    await q(
      null,
      `delete from bench_deal_lines a using bench_deal_lines b where a.deal_id = b.deal_id and a.product_id = b.product_id and a.j > b.j`,
    )
    await q(null, `delete from bench_deal_lines a where not exists (select 1 from products_prices pp where pp._parent_id = a.product_id)`)
    await q(
      null,
      `create table bench_deal_lines_n as select row_number() over (order by n)::int as n, deal_id, number, partner_id, product_id, quantity from bench_deal_lines`,
    )
    await q(null, `drop table bench_deal_lines`)
    await q(null, `alter table bench_deal_lines_n rename to bench_deal_lines`)
    await q(
      'deal lines',
      `insert into deals_lines (_order, _parent_id, id, product_id, quantity, special_price)
       select row_number() over (partition by b.deal_id order by b.n), b.deal_id, 'bench-deal-line-' || b.n, b.product_id, b.quantity,
              round(pp.public_price * (0.7 + bench_u(b.n, 46) * 0.2)::numeric, 2)
         from bench_deal_lines b join products_prices pp on pp._parent_id = b.product_id`,
    )
    const dealLines = (await client.query<{ n: number }>(`select count(*)::int as n from bench_deal_lines`)).rows[0]!.n

    // POS lines: invoices of 1–5 lines (the i-th line is line ((i-1) mod 5)+1 of invoice ceil(i/5)); 2 % of them are
    // single-line invoices naming a deal (its partner, one of its products); 1 % in EUR; 10 % shipped to a region.
    const lineBase = Number(
      (await client.query<{ base: string }>(`select nextval(pg_get_serial_sequence('pos_lines', 'id'))::text as base`)).rows[0]!.base,
    )
    await client.query(`select setval(pg_get_serial_sequence('pos_lines', 'id'), $1::bigint)`, [lineBase + posLines])
    const dropped = await dropSecondaryIndexes(client, 'pos_lines')
    await q(null, `set session_replication_role = replica`)
    await q(
      'POS lines',
      `insert into pos_lines (id, partner_id, invoice_number, invoice_line, sold_on, end_customer, product_id, quantity, currency, unit_price, unit_cost,
                              region_id, deal_number, natural_key)
       select $1::int + x.i, x.partner_id, x.invoice, x.line, x.sold_on, 'Bench customer ' || (x.i % 997), x.product_id, x.qty, x.currency,
              round(10 + (x.k * 7919) % 1990 + ((x.k * 37) % 100) / 100.0, 2) * (0.7 + round((bench_u(x.i, 57) * 0.35)::numeric, 2)),
              null, x.region_id, x.deal, x.partner_id || '|' || upper(x.invoice) || '|' || x.line
         from (
           select i, coalesce(s.k, d.product_id - $4::int) as k, case when d.n is null then $2::int + 1 + floor(bench_u((i - 1) / 5, 51) * $3::int)::int else d.partner_id end as partner_id,
                  case when d.n is null then 'BINV-' || lpad(((i - 1) / 5 + 1)::text, 7, '0') else 'BDINV-' || lpad(i::text, 7, '0') end as invoice,
                  case when d.n is null then (i - 1) % 5 + 1 else 1 end as line,
                  date '2026-01-01' + floor(bench_u(case when d.n is null then (i - 1) / 5 else i end, 52) * 365)::int as sold_on,
                  coalesce(d.product_id, $4::int + k) as product_id,
                  case when bench_u(i, 53) < 0.6 then 1 + floor(bench_u(i, 54) * 5)::int else 1 + floor(bench_u(i, 54) * 40)::int end as qty,
                  case when bench_u(i, 55) < 0.01 then 'EUR' else 'USD' end as currency,
                  case when bench_u(i, 56) < 0.1 then ($5::int[])[1 + floor(bench_u(i, 58) * cardinality($5::int[]))::int] end as region_id,
                  d.number as deal
             from (select i, case when bench_u(i, 50) < 0.02 then null else 1 + floor(bench_u(i, 59) * $6::int)::int end as k,
                          case when bench_u(i, 50) < 0.02 then 1 + floor(bench_u(i, 60) * $7::int)::int end as dl
                     from generate_series(1, $8::int) i) s
             left join bench_deal_lines d on d.n = s.dl
         ) x
        order by x.i`,
      [lineBase - 1, partnerBase - 1, PARTNERS, productBase - 1, territories.map((t) => t.id), PRODUCTS, dealLines, posLines],
    )
    await q(null, `set session_replication_role = default`)
    await q(`pos_lines: ${dropped.length} indexes rebuilt`, dropped.join(';\n'))
    await q('vacuum analyze', `vacuum analyze participants, products, products_prices, pos_lines, deals, deals_lines, rebate_programs`)
    const counts = (
      await client.query<{ lines: number; deal_lines: number; eur: number; approved_deals: number }>(
        `select count(*)::int as lines, count(*) filter (where deal_number is not null)::int as deal_lines, count(*) filter (where currency = 'EUR')::int as eur,
                (select count(*)::int from deals where number like 'BDEAL-%' and status = 'approved') as approved_deals
           from pos_lines where id > $1`,
        [lineBase - 1],
      )
    ).rows[0]!
    return {
      userId,
      programIds,
      programs: defs,
      partnerIds,
      planted: {
        partners: PARTNERS,
        products: PRODUCTS,
        programs: defs.length,
        deals: DEALS,
        approvedDeals: counts.approved_deals,
        dealLines,
        posLines: counts.lines,
        posLinesWithDeal: counts.deal_lines,
        posLinesInEur: counts.eur,
      },
    }
  } finally {
    client.release()
  }
}

function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const v of values) out[v] = (out[v] ?? 0) + 1
  return out
}

// ----- Eligibility in SQL (the floor and the checks) ---------------------------------------------------------------

/**
 * The eligible (line, program) pairs of the given programs, with the line's list price, as SQL: `fromCol`/`toCol` are
 * the program's date columns (effective or baseline). Written from engine/rebates' rules, not with its code.
 */
function eligibleSql(fromCol: string, toCol: string): string {
  return `
    with prog as materialized (
      select p.id, p.kind::text as kind, p.currency, p.${fromCol} as d_from, p.${toCol} as d_to, coalesce(p.rate_per_unit, 0) as rate,
             coalesce(p.percent, 0) as pct, p.agreed_price as agreed,
             (select array_agg(r.products_id) from rebate_programs_rels r where r.parent_id = p.id and r.path = 'products' and r.products_id is not null) as products,
             (select array_agg(lower(trim(x.text))) from rebate_programs_texts x where x.parent_id = p.id and x.path = 'families') as families,
             (select array_agg(lower(trim(x.text))) from rebate_programs_texts x where x.parent_id = p.id and x.path = 'partnerTiers') as tiers,
             (select array_agg(r.participants_id) from rebate_programs_rels r where r.parent_id = p.id and r.path = 'partners' and r.participants_id is not null) as partners,
             (select array_agg(upper(t.code)) from rebate_programs_rels r join territories t on t.id = r.territories_id where r.parent_id = p.id and r.path = 'regions') as regions
        from rebate_programs p where p.id = any($1::int[]) and p.${fromCol} is not null
    ),
    list as materialized (
      select distinct on (_parent_id, upper(currency)) _parent_id as product_id, upper(currency) as currency, public_price
        from products_prices order by _parent_id, upper(currency), _order
    )
    select p.id as program_id, p.kind, l.id as line_id, l.partner_id, l.product_id, l.quantity, l.unit_price, l.deal_number, lp.public_price as list_price,
           p.rate, p.pct, p.agreed
      from pos_lines l
      join participants pa on pa.id = l.partner_id
      join products pr on pr.id = l.product_id
      left join territories rt on rt.id = l.region_id
      left join territories pt on pt.id = pa.territory_id
      left join list lp on lp.product_id = l.product_id and lp.currency = l.currency
      join prog p on l.sold_on between p.d_from and p.d_to and l.currency = p.currency
     where (p.regions is null or upper(coalesce(rt.code, pt.code)) = any(p.regions))
       and (p.tiers is null or lower(pa.dealer_tier::text) = any(p.tiers))
       and (p.partners is null or l.partner_id = any(p.partners))
       and ((p.products is null and p.families is null) or l.product_id = any(coalesce(p.products, '{}')) or lower(pr.family) = any(coalesce(p.families, '{}')))
       and l.quantity > 0
       and (p.kind not in ('price_exception', 'ship_and_debit') or (lp.public_price is not null and p.agreed is not null))
       and (p.kind <> 'ship_and_debit' or l.unit_price <= p.agreed)
       and (p.kind <> 'deal_registration' or (l.deal_number is not null and lp.public_price is not null))`
}

/**
 * The floor: one statement, every (program, partner)'s eligible lines, units, sales and line-kind rebate (each line
 * rounded half up to the cent), for every program but deal registration (whose unit caps need the window below).
 */
const FLOOR_SQL = `
  create unlogged table bench_floor as
  select e.program_id, e.kind, e.partner_id, count(*)::int as lines, sum(e.quantity) as quantity, sum(e.quantity * e.unit_price) as amount,
         sum(case e.kind
               when 'per_unit' then round(e.quantity * e.rate, 2)
               when 'percent_of_price' then round(e.quantity * e.unit_price * e.pct / 100, 2)
               when 'price_exception' then round(e.quantity * greatest(0, e.list_price - e.agreed), 2)
               when 'ship_and_debit' then round(e.quantity * greatest(0, e.list_price - e.agreed), 2)
             end) as rebate
    from (${eligibleSql('effective_from', 'effective_to')}) e
   where e.kind <> 'deal_registration'
   group by e.program_id, e.kind, e.partner_id`

/** Deal registration: eligible lines with an approved deal of the partner, the deal's units used up in line order. */
const DEAL_SQL = `
  select program_id, count(*)::int as lines, coalesce(sum(amount), 0)::text as amount from (
    select e.program_id, e.q, round(e.q * greatest(0, e.list_price - e.special) + e.q * e.unit_price * e.pct / 100, 2) as amount from (
      select e.program_id, e.quantity, e.unit_price, e.list_price, e.pct, dl.special,
             least(dl.registered, sum(e.quantity) over w) - least(dl.registered, sum(e.quantity) over w - e.quantity) as q
        from (${eligibleSql('effective_from', 'effective_to')}) e
        join deals d on upper(d.number) = upper(e.deal_number) and d.status = 'approved' and d.partner_id = e.partner_id
        join pos_lines l on l.id = e.line_id and l.sold_on <= d.expires_on and l.currency = d.currency
        join lateral (select sum(x.quantity) as registered, (array_agg(x.special_price order by x._order))[1] as special
                        from deals_lines x where x._parent_id = d.id and x.product_id = e.product_id) dl on dl.registered is not null
       where e.kind = 'deal_registration'
      window w as (partition by e.program_id, upper(e.deal_number), e.product_id order by e.line_id)
    ) e
  ) t where q > 0 group by program_id`

// ----- The checks --------------------------------------------------------------------------------------------------

function check(name: string, expected: string | number, actual: string | number, detail?: string): NetworkCheck {
  const ok = String(expected) === String(actual) && !detail
  return { name, ok, expected, actual, ...(detail ? { detail } : {}) }
}

/** The bench's own tier function (engine/rebates' rules, rewritten): whole = the tier reached's rate on the volume; slice = each slice at its rate. */
function tierPay(def: ProgramDef, quantity: Decimal, amount: Decimal): Decimal {
  const tiers = def.tiers.map((t) => ({ from: new Money(t.from), rate: new Money(t.rate) })).sort((a, b) => a.from.comparedTo(b.from))
  const measure = def.tierBasis === 'quantity' ? quantity : amount
  const pay = (rate: Decimal, base: Decimal) => (def.tierRate === 'percent' ? base.times(rate).div(100) : base.times(rate))
  if (def.tierMode === 'whole') {
    const reached = tiers.filter((t) => measure.gte(t.from)).pop()
    return reached ? pay(reached.rate, def.tierRate === 'percent' ? amount : quantity) : new Money(0)
  }
  let total = new Money(0)
  tiers.forEach((tier, i) => {
    if (measure.lte(tier.from)) return
    const upper = tiers[i + 1]?.from
    const top = upper === undefined ? measure : Decimal.min(measure, upper)
    total = total.plus(pay(tier.rate, top.minus(tier.from)))
  })
  return total
}

async function accrualChecks(pool: pg.Pool, setup: Setup): Promise<NetworkCheck[]> {
  const checks: NetworkCheck[] = []
  const ids = setup.programIds
  const byId = new Map(setup.programIds.map((id, i) => [id, setup.programs[i]!]))
  const accrued = (
    await pool.query<{ program_id: number; partner_id: number; n: number; amount: string }>(
      `select program_id, partner_id, count(*)::int as n, sum(amount)::text as amount from rebate_accruals where program_id = any($1::int[]) group by 1, 2`,
      [ids],
    )
  ).rows
  const floor = (
    await pool.query<{
      program_id: number
      kind: string
      partner_id: number
      lines: number
      quantity: string
      amount: string
      rebate: string | null
    }>(`select program_id, kind, partner_id, lines, quantity::text, amount::text, rebate::text from bench_floor`)
  ).rows
  const deal = (await pool.query<{ program_id: number; lines: number; amount: string }>(DEAL_SQL, [ids])).rows

  // Count: every eligible pair accrued once.
  const expectedCount = floor.reduce((s, r) => s + r.lines, 0) + deal.reduce((s, r) => s + r.lines, 0)
  checks.push(
    check(
      'accruals = eligible (line, program) pairs (SQL join)',
      expectedCount,
      accrued.reduce((s, r) => s + r.n, 0),
    ),
  )

  // Line kinds, per program.
  const gotProgram = new Map<number, { n: number; amount: Decimal }>()
  for (const r of accrued) {
    const g = gotProgram.get(r.program_id) ?? { n: 0, amount: new Money(0) }
    gotProgram.set(r.program_id, { n: g.n + r.n, amount: g.amount.plus(r.amount) })
  }
  const wantProgram = new Map<number, { n: number; amount: Decimal }>()
  for (const r of floor) {
    if (r.rebate === null) continue
    const w = wantProgram.get(r.program_id) ?? { n: 0, amount: new Money(0) }
    wantProgram.set(r.program_id, { n: w.n + r.lines, amount: w.amount.plus(r.rebate) })
  }
  for (const r of deal) wantProgram.set(r.program_id, { n: r.lines, amount: new Money(r.amount) })
  let lineWant = new Money(0)
  let lineGot = new Money(0)
  const differ: string[] = []
  for (const [id, def] of byId) {
    if (def.kind === 'volume' || def.kind === 'growth') continue
    const w = wantProgram.get(id) ?? { n: 0, amount: new Money(0) }
    const g = gotProgram.get(id) ?? { n: 0, amount: new Money(0) }
    lineWant = lineWant.plus(w.amount)
    lineGot = lineGot.plus(g.amount)
    if (w.n !== g.n || !w.amount.eq(g.amount))
      differ.push(`${def.code}: expected ${w.n} lines ${w.amount.toFixed(2)}, got ${g.n} ${g.amount.toFixed(2)}`)
  }
  checks.push(
    check(
      'line kinds: accrued total per program (SQL, round half up per line)',
      lineWant.toFixed(2),
      lineGot.toFixed(2),
      differ.length ? `${differ.length} programs differ; ${differ.slice(0, 3).join('; ')}` : undefined,
    ),
  )
  for (const kind of ['per_unit', 'percent_of_price', 'price_exception', 'ship_and_debit', 'deal_registration'] as const) {
    let w = new Money(0)
    let g = new Money(0)
    let n = 0
    for (const [id, def] of byId)
      if (def.kind === kind) {
        w = w.plus(wantProgram.get(id)?.amount ?? 0)
        g = g.plus(gotProgram.get(id)?.amount ?? 0)
        n += gotProgram.get(id)?.n ?? 0
      }
    checks.push(check(`  ${kind} total (${n} accruals)`, w.toFixed(2), g.toFixed(2)))
  }

  // Volume kinds, per partner: the tier function of the partner's total (less its baseline for growth).
  const baselines = new Map<string, { quantity: Decimal; amount: Decimal }>()
  const growthIds = ids.filter((id) => byId.get(id)!.kind === 'growth')
  if (growthIds.length > 0) {
    const rows = (
      await pool.query<{ program_id: number; partner_id: number; quantity: string; amount: string }>(
        `select program_id, partner_id, sum(quantity)::text as quantity, sum(quantity * unit_price)::text as amount
           from (${eligibleSql('baseline_from', 'baseline_to')}) e group by 1, 2`,
        [growthIds],
      )
    ).rows
    for (const r of rows) baselines.set(`${r.program_id}|${r.partner_id}`, { quantity: new Money(r.quantity), amount: new Money(r.amount) })
  }
  const gotPartner = new Map(accrued.map((r) => [`${r.program_id}|${r.partner_id}`, r]))
  for (const kind of ['volume', 'growth'] as const) {
    let want = new Money(0)
    let got = new Money(0)
    let partners = 0
    let crossing = 0
    const bad: string[] = []
    for (const r of floor) {
      const def = byId.get(r.program_id)!
      if (def.kind !== kind) continue
      partners++
      let quantity = new Money(r.quantity)
      let amount = new Money(r.amount)
      if (kind === 'growth') {
        const base = baselines.get(`${r.program_id}|${r.partner_id}`) ?? { quantity: new Money(0), amount: new Money(0) }
        quantity = Decimal.max(0, quantity.minus(base.quantity))
        amount = Decimal.max(0, amount.minus(base.amount))
      }
      const measure = def.tierBasis === 'quantity' ? quantity : amount
      if (def.tiers.filter((t) => measure.gte(t.from)).length > 1) crossing++
      const w = cents(tierPay(def, quantity, amount))
      const a = gotPartner.get(`${r.program_id}|${r.partner_id}`)
      const g = new Money(a?.amount ?? 0)
      want = want.plus(w)
      got = got.plus(g)
      if (!w.eq(g) || (a?.n ?? 0) !== r.lines)
        bad.push(`${def.code} partner #${r.partner_id}: expected ${r.lines} lines ${w.toFixed(2)}, got ${a?.n ?? 0} ${g.toFixed(2)}`)
    }
    checks.push(
      check(
        `${kind}: per-partner total = tier function of its ${kind === 'growth' ? 'growth over the baseline' : 'total'} (TS, ${partners} partners, ${crossing} past the first tier)`,
        want.toFixed(2),
        got.toFixed(2),
        bad.length ? `${bad.length} partners differ; ${bad.slice(0, 3).join('; ')}` : undefined,
      ),
    )
  }
  return checks
}

// ----- The claims --------------------------------------------------------------------------------------------------

type Role = 'approve' | 'review' | 'wrong_program' | 'over_quantity' | 'duplicate'
type ClaimLine = { posLine: number; program: string; quantity: number; claimedAmount?: string; role: Role; programId: number }
type ClaimPlan = { partnerId: number; lines: ClaimLine[] }

/** Claim lines over accrued pairs, ~1,000 a claim of one partner, with the invalid and over-claimed lines mixed in. */
async function planClaims(pool: pg.Pool, setup: Setup, total: number): Promise<{ plans: ClaimPlan[]; planned: Record<Role, number> }> {
  const invalid = Math.floor(total * INVALID_SHARE)
  const wrong = Math.floor(invalid / 3)
  const over = Math.floor(invalid / 3)
  const duplicate = invalid - wrong - over
  const review = Math.floor(total * REVIEW_SHARE)
  const good = total - invalid
  const codeOf = new Map(setup.programIds.map((id, i) => [id, setup.programs[i]!.code]))
  // Distinct accrued pairs (amount > 0 so an over-claim can be told), partners taken one after another in a hashed
  // order, so claims fill up to CLAIM_SIZE lines of one partner. The pairs themselves in a hashed order too.
  const pairs = (
    await pool.query<{ line: number; program: number; partner: number; quantity: number; amount: string; line_quantity: number }>(
      `select a.pos_line_id as line, a.program_id as program, a.partner_id as partner, a.quantity::int as quantity, a.amount::text as amount,
              l.quantity::int as line_quantity
         from rebate_accruals a join pos_lines l on l.id = a.pos_line_id
        where a.program_id = any($1::int[]) and a.amount > 0
        order by bench_u(a.partner_id, 70), bench_u(a.id, 71)
        limit $2`,
      [setup.programIds, good + over],
    )
  ).rows
  if (pairs.length < good + over) progress(`  only ${pairs.length} accrued pairs with an amount: fewer claim lines than asked`)
  const byPartner = new Map<number, ClaimLine[]>()
  pairs.forEach((p, i) => {
    const role: Role = i < review ? 'review' : i < good ? 'approve' : 'over_quantity'
    const line: ClaimLine = {
      posLine: p.line,
      program: codeOf.get(p.program)!,
      programId: p.program,
      quantity: role === 'over_quantity' ? p.line_quantity + 1 : p.quantity,
      role,
      ...(role === 'review' ? { claimedAmount: new Money(p.amount).plus(1).toFixed(2) } : {}),
    }
    byPartner.set(p.partner, [...(byPartner.get(p.partner) ?? []), line])
  })
  // Lines claimed under a program they did not accrue under (outside its products, partners or dates).
  const partners = [...byPartner.keys()]
  const wrongRows = (
    await pool.query<{ line: number; partner: number; program: number }>(
      `select l.id as line, l.partner_id as partner, p.id as program
         from pos_lines l join lateral (select ($1::int[])[1 + floor(bench_u(l.id, 72) * cardinality($1::int[]))::int] as id) p on true
        where l.partner_id = any($2::int[]) and l.currency = 'USD'
          and not exists (select 1 from rebate_accruals a where a.pos_line_id = l.id and a.program_id = p.id)
        order by bench_u(l.id, 73) limit $3`,
      [setup.programIds, partners, wrong],
    )
  ).rows
  for (const w of wrongRows)
    byPartner
      .get(w.partner)!
      .push({ posLine: w.line, program: codeOf.get(w.program)!, programId: w.program, quantity: 1, role: 'wrong_program' })
  // Mix each partner's lines (deterministic), cut them into claims, and claim a few approved lines twice (again at the end of their claim).
  const plans: ClaimPlan[] = []
  const rnd = seededRandom(SEED + 1)
  for (const [partnerId, lines] of byPartner) {
    for (let i = lines.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1))
      ;[lines[i], lines[j]] = [lines[j]!, lines[i]!]
    }
    for (let start = 0; start < lines.length; start += CLAIM_SIZE) plans.push({ partnerId, lines: lines.slice(start, start + CLAIM_SIZE) })
  }
  let left = duplicate
  for (let round = 0; left > 0 && round < 100; round++)
    for (const plan of plans) {
      if (left === 0) break
      const first = plan.lines.find((l, i) => l.role === 'approve' && i % 100 === round)
      if (!first) continue
      plan.lines.push({ ...first, role: 'duplicate' })
      left--
    }
  const planned: Record<Role, number> = { approve: 0, review: 0, wrong_program: 0, over_quantity: 0, duplicate: 0 }
  for (const plan of plans) for (const l of plan.lines) planned[l.role]++
  return { plans, planned }
}

// ----- The benchmark -----------------------------------------------------------------------------------------------

export async function benchRebates(options: RebatesOptions): Promise<RebatesBenchResult> {
  const db = await startBenchDatabase(options.settings)
  try {
    return await run(db.payload, db.pool, options)
  } finally {
    progress('stopping the database and deleting its folder')
    await db.close()
  }
}

async function run(_payload: Payload, pool: pg.Pool, options: RebatesOptions): Promise<RebatesBenchResult> {
  progress(
    `generating ${PARTNERS} partners, ${PRODUCTS} products, 50 programs, ${DEALS} deals and ${options.posLines} POS lines (set-based SQL, not timed)`,
  )
  const write = await timed(() => writeDataSet(pool, options.posLines))
  const setup = write.value
  progress(`bulk write (not timed): ${formatSeconds(write.seconds)}; planted ${JSON.stringify(setup.planted)}`)
  const seedRssMb = peakRssMb()
  await instrument(pool)

  // Step 1: accrue every program on the real path, one transaction per program.
  progress('step 1 "accrue": accrueProgram for each of the 50 programs, one transaction each')
  const perProgram: {
    code: string
    kind: string
    seconds: number
    sqlSeconds: number
    accruals: number
    lines: number
    slowest: string
  }[] = []
  let accruals = 0
  let accrueSql = 0
  const accrueStart = performance.now()
  for (const [i, id] of setup.programIds.entries()) {
    const def = setup.programs[i]!
    const client = await pool.connect()
    const at = performance.now()
    try {
      const recorded = await record(async () => {
        await client.query('begin')
        try {
          const counts = await accrueProgram(client, id)
          await client.query('commit')
          return counts
        } catch (err) {
          await client.query('rollback')
          throw err
        }
      })
      const seconds = (performance.now() - at) / 1000
      const sqlSeconds = recorded.statements.reduce((s, st) => s + st.ms, 0) / 1000
      const slow = [...recorded.statements].sort((a, b) => b.ms - a.ms)[0]
      accruals += recorded.value.accruals
      accrueSql += sqlSeconds
      perProgram.push({
        code: def.code,
        kind: def.kind,
        seconds: round(seconds),
        sqlSeconds: round(sqlSeconds),
        accruals: recorded.value.accruals,
        lines: recorded.value.lines,
        slowest: slow ? `${(slow.ms / 1000).toFixed(3)} s ${label(slow.sql)}` : '-',
      })
      progress(
        `  ${def.code.padEnd(32)} ${def.from}..${def.to} ${formatSeconds(seconds).padStart(10)} (SQL ${formatSeconds(sqlSeconds)}): ${recorded.value.lines} lines read, ${recorded.value.accruals} accruals; slowest ${perProgram.at(-1)!.slowest}; RSS peak ${peakRssMb()} MB`,
      )
    } finally {
      client.release()
    }
  }
  const accrueSeconds = (performance.now() - accrueStart) / 1000
  const accrueRssMb = peakRssMb()
  progress(
    `accrue: ${formatSeconds(accrueSeconds)} for ${accruals} accruals (${Math.round(accruals / accrueSeconds)}/s, ${Math.round(options.posLines / accrueSeconds)} POS lines/s); of it SQL ${formatSeconds(accrueSql)}, the rest in Node`,
  )
  const byKind: Record<string, { seconds: number; sqlSeconds: number; accruals: number; lines: number }> = {}
  for (const p of perProgram) {
    const k = (byKind[p.kind] ??= { seconds: 0, sqlSeconds: 0, accruals: 0, lines: 0 })
    k.seconds = round(k.seconds + p.seconds)
    k.sqlSeconds = round(k.sqlSeconds + p.sqlSeconds)
    k.accruals += p.accruals
    k.lines += p.lines
  }
  for (const [kind, k] of Object.entries(byKind))
    progress(
      `  ${kind.padEnd(18)} ${formatSeconds(k.seconds).padStart(10)} (SQL ${formatSeconds(k.sqlSeconds)}), ${k.lines} lines read, ${k.accruals} accruals`,
    )

  // The accrual floor.
  await pool.query(`analyze rebate_accruals`)
  const floor = await timed(() => pool.query(FLOOR_SQL, [setup.programIds]))
  const floorPairs = (await pool.query<{ n: number }>(`select coalesce(sum(lines), 0)::int as n from bench_floor`)).rows[0]!.n
  progress(
    `accrual floor (one statement: lines × program eligibility, per program and partner): ${formatSeconds(floor.seconds)}, ${floorPairs} eligible pairs`,
  )

  // Step 2: claims.
  const planned = await timed(() => planClaims(pool, setup, options.claims))
  const { plans } = planned.value
  const claimLines = plans.reduce((s, p) => s + p.lines.length, 0)
  progress(
    `step 2 "claims": ${claimLines} claim lines in ${plans.length} claims planned (not timed, ${formatSeconds(planned.seconds)}): ${JSON.stringify(planned.value.planned)}`,
  )
  const submitted: { claimId: number; plan: ClaimPlan; statuses: string[]; approvedTotal: string }[] = []
  let claimsSql = 0
  /** SQL milliseconds of the claims step by statement (its first words). */
  const claimStatements = new Map<string, number>()
  const claimsStart = performance.now()
  for (const plan of plans) {
    const client = await pool.connect()
    try {
      const recorded = await record(async () => {
        await client.query('begin')
        try {
          const claim = await submitClaim(client, {
            partnerId: plan.partnerId,
            userId: setup.userId,
            source: 'rest',
            lines: plan.lines.map((l) => ({
              posLine: l.posLine,
              program: l.program,
              quantity: l.quantity,
              claimedAmount: l.claimedAmount,
            })),
            today: TODAY,
          })
          await client.query('commit')
          return claim
        } catch (err) {
          await client.query('rollback')
          throw err
        }
      })
      claimsSql += recorded.statements.reduce((s, st) => s + st.ms, 0) / 1000
      for (const st of recorded.statements) {
        const name = label(st.sql)
        claimStatements.set(name, (claimStatements.get(name) ?? 0) + st.ms)
      }
      submitted.push({
        claimId: recorded.value.id,
        plan,
        statuses: recorded.value.lines.map((l) => l.status),
        approvedTotal: recorded.value.approvedTotal,
      })
    } finally {
      client.release()
    }
    if (submitted.length % 20 === 0)
      progress(`  ${submitted.length}/${plans.length} claims submitted, ${((performance.now() - claimsStart) / 1000).toFixed(1)} s`)
  }
  const claimsSeconds = (performance.now() - claimsStart) / 1000
  progress(
    `claims: ${formatSeconds(claimsSeconds)} for ${claimLines} lines (${Math.round(claimLines / claimsSeconds)}/s); of it SQL ${formatSeconds(claimsSql)}`,
  )

  progress(
    `  SQL by statement: ${[...claimStatements]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name, ms]) => `${name} ${formatSeconds(ms / 1000)}`)
      .join('; ')}`,
  )

  // The claims' roles, staged for the SQL checks and the validation floor.
  await pool.query(
    `create unlogged table bench_claim_roles (claim_id int, line_number int, pos_line_id int, program_id int, role text, primary key (claim_id, line_number))`,
  )
  {
    const c = [] as number[]
    const n = [] as number[]
    const l = [] as number[]
    const p = [] as number[]
    const r = [] as string[]
    for (const s of submitted)
      s.plan.lines.forEach((line, i) => {
        c.push(s.claimId)
        n.push(i + 1)
        l.push(line.posLine)
        p.push(line.programId)
        r.push(line.role)
      })
    await pool.query(`insert into bench_claim_roles select * from unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::text[])`, [
      c,
      n,
      l,
      p,
      r,
    ])
    await pool.query(`analyze bench_claim_roles`)
  }
  const claimFloor = await timed(() =>
    pool.query(
      `select count(a.id)::int as n, coalesce(sum(a.amount), 0)::text as amount
         from bench_claim_roles c join rebate_accruals a on a.pos_line_id = c.pos_line_id and a.program_id = c.program_id`,
    ),
  )
  progress(`claims floor (one join of the claimed pairs to their accruals): ${formatSeconds(claimFloor.seconds)}`)

  // Checks.
  const checks: NetworkCheck[] = []
  checks.push(...(await accrualChecks(pool, setup)))
  const claimIds = submitted.map((s) => s.claimId)
  const counts = (
    await pool.query<{ status: string; n: number; amount: string }>(
      `select status::text as status, count(*)::int as n, coalesce(sum(amount), 0)::text as amount from rebate_claim_lines where claim_id = any($1::int[]) group by 1`,
      [claimIds],
    )
  ).rows
  const countOf = (status: string) => counts.find((c) => c.status === status)?.n ?? 0
  const other = counts.filter((c) => !['approved', 'rejected', 'needs_review'].includes(c.status)).reduce((s, c) => s + c.n, 0)
  checks.push({
    ...check(
      'claims: approved + rejected + needs_review = claim lines submitted',
      claimLines,
      countOf('approved') + countOf('rejected') + countOf('needs_review'),
    ),
    detail: `approved ${countOf('approved')}, rejected ${countOf('rejected')}, needs_review ${countOf('needs_review')}, other ${other}`,
  })
  const roles = (
    await pool.query<{ role: string; status: string; n: number }>(
      `select r.role, cl.status::text as status, count(*)::int as n
         from bench_claim_roles r left join rebate_claim_lines cl on cl.claim_id = r.claim_id and cl.line_number = r.line_number group by 1, 2 order by 1, 2`,
    )
  ).rows
  const roleStatus = (role: string, status: string) =>
    roles.filter((r) => r.role === role && r.status === status).reduce((s, r) => s + r.n, 0)
  const roleAll = (role: string) => roles.filter((r) => r.role === role).reduce((s, r) => s + r.n, 0)
  const show = (role: string) =>
    roles
      .filter((r) => r.role === role)
      .map((r) => `${r.status ?? 'missing'} ${r.n}`)
      .join(', ')
  for (const role of ['wrong_program', 'over_quantity', 'duplicate'] as const)
    checks.push(
      check(
        `claims: invalid lines (${role}) all rejected`,
        roleAll(role),
        roleStatus(role, 'rejected'),
        roleAll(role) === roleStatus(role, 'rejected') ? undefined : show(role),
      ),
    )
  checks.push(
    check(
      'claims: lines claiming more than the accrual need review',
      roleAll('review'),
      roleStatus('review', 'needs_review'),
      roleAll('review') === roleStatus('review', 'needs_review') ? undefined : show('review'),
    ),
  )
  checks.push(
    check(
      'claims: valid lines approved',
      roleAll('approve'),
      roleStatus('approve', 'approved'),
      roleAll('approve') === roleStatus('approve', 'approved') ? undefined : show('approve'),
    ),
  )
  const approvedWant = (
    await pool.query<{ amount: string }>(
      `select coalesce(sum(a.amount), 0)::text as amount
         from bench_claim_roles r join rebate_accruals a on a.pos_line_id = r.pos_line_id and a.program_id = r.program_id where r.role = 'approve'`,
    )
  ).rows[0]!.amount
  const approvedGot = counts.find((c) => c.status === 'approved')?.amount ?? '0'
  const returned = submitted.reduce((s, x) => s.plus(x.approvedTotal), new Money(0))
  checks.push(
    check(
      "claims: approved total = the claimed accruals' amounts (SQL)",
      new Money(approvedWant).toFixed(2),
      new Money(approvedGot).toFixed(2),
      returned.eq(approvedGot) ? undefined : `submitClaim returned approved totals summing to ${returned.toFixed(2)}`,
    ),
  )
  const claimedAccruals = (
    await pool.query<{ n: number }>(
      `select count(*)::int as n from rebate_accruals a join (select distinct pos_line_id, program_id from bench_claim_roles where role in ('approve', 'review')) r
          on a.pos_line_id = r.pos_line_id and a.program_id = r.program_id where a.status = 'claimed'`,
    )
  ).rows[0]!.n
  checks.push(
    check('claims: accruals of approved and reviewed lines marked claimed', roleAll('approve') + roleAll('review'), claimedAccruals),
  )

  // Where accruing spends its SQL time: the statement loading a whole-year program's lines, under EXPLAIN ANALYZE
  // (without the "not yet accrued" condition, which now finds nothing).
  const plan = await pool.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, buffers) ${posFactSql(`l.sold_on between '2026-01-01'::date and '2026-12-31'::date and l.currency = 'USD'`)} order by l.id`,
  )
  progress('EXPLAIN ANALYZE of the lines a whole-year program loads (modules/rebates/facts.ts posFactSql, as accrueProgram sends it):')
  for (const row of plan.rows) progress(`    ${row['QUERY PLAN']}`)

  for (const c of checks)
    progress(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: expected ${c.expected}, got ${c.actual}${c.detail ? ` (${c.detail})` : ''}`)
  const accrueRatio = floor.seconds > 0 ? accrueSeconds / floor.seconds : null
  const claimsRatio = claimFloor.seconds > 0 ? claimsSeconds / claimFloor.seconds : null
  return {
    workload: 'rebates',
    posLines: options.posLines,
    claimLines,
    claims: plans.length,
    programs: setup.programIds.length,
    accruals,
    accrueSeconds: round(accrueSeconds),
    accrueSqlSeconds: round(accrueSql),
    accrualsPerSecond: Math.round(accruals / accrueSeconds),
    posLinesPerSecond: Math.round(options.posLines / accrueSeconds),
    floorSeconds: round(floor.seconds),
    accrueRatio: accrueRatio === null ? null : round(accrueRatio, 2),
    claimsSeconds: round(claimsSeconds),
    claimsSqlSeconds: round(claimsSql),
    claimLinesPerSecond: Math.round(claimLines / claimsSeconds),
    claimsFloorSeconds: round(claimFloor.seconds),
    claimsRatio: claimsRatio === null ? null : round(claimsRatio, 2),
    accrueByKind: byKind,
    peakRssMb: accrueRssMb,
    seedPeakRssMb: seedRssMb,
    benchPeakRssMb: peakRssMb(),
    checks,
    targets: {
      accrueUnder15s: accrueSeconds <= TARGETS.accrueSeconds,
      claimsUnder10s: claimsSeconds <= TARGETS.claimsSeconds,
      accrueWithin3xFloor: accrueRatio !== null && accrueRatio <= TARGETS.ratio,
      claimsWithin3xFloor: claimsRatio !== null && claimsRatio <= TARGETS.ratio,
    },
  }
}
