/**
 * The facts engine/rebates decides on, loaded from the database: program terms (with their eligibility lists and
 * tiers), point-of-sale lines with what a program reads of them (the partner's tier and region, the product's family
 * and list price, the deal they name), and deals.
 */
import type { PoolClient } from 'pg'

import { D } from '../../engine/core/decimal'
import type { DealTerms, PosFact, ProgramKind, ProgramTerms, Tier } from '../../engine/rebates'

export type Queryable = Pick<PoolClient, 'query'>

export type ProgramRow = ProgramTerms & {
  status: string
  name: string
  ruleSetId: number | null
  baselineFrom: string | null
  baselineTo: string | null
  financeApprovalAbove: string
}

const dec = (value: string | null) => (value === null ? null : new D(value))

/** Programs by id (all of them when `ids` is null; or those whose code is in `codes`), with their lists and tiers. */
export async function loadPrograms(
  db: Queryable,
  ids: readonly number[] | null,
  codes?: readonly string[],
): Promise<Map<number, ProgramRow>> {
  const rows = await db.query<{
    id: number
    code: string
    name: string
    kind: ProgramKind
    status: string
    currency: string
    effectiveFrom: string
    effectiveTo: string
    ratePerUnit: string | null
    percent: string | null
    agreedPrice: string | null
    tierMode: 'whole' | 'slice' | null
    tierBasis: 'quantity' | 'amount' | null
    tierRate: 'percent' | 'per_unit' | null
    baselineFrom: string | null
    baselineTo: string | null
    ruleSetId: number | null
    fundingCap: string | null
    partnerCap: string | null
    financeApprovalAbove: string | null
    claimWindowDays: number
  }>(
    `select id, code, name, kind::text, status::text, currency, effective_from::text as "effectiveFrom", effective_to::text as "effectiveTo",
            rate_per_unit::text as "ratePerUnit", percent::text, agreed_price::text as "agreedPrice", tier_mode::text as "tierMode",
            tier_basis::text as "tierBasis", tier_rate::text as "tierRate", baseline_from::text as "baselineFrom",
            baseline_to::text as "baselineTo", rule_set_id as "ruleSetId", funding_cap::text as "fundingCap", partner_cap::text as "partnerCap",
            finance_approval_above::text as "financeApprovalAbove", claim_window_days as "claimWindowDays"
       from rebate_programs ${ids !== null ? 'where id = any($1::int[])' : codes ? 'where upper(code) = any($1::text[])' : ''}`,
    ids !== null ? [ids] : codes ? [codes.map((c) => c.toUpperCase())] : [],
  )
  const programs = new Map<number, ProgramRow>()
  for (const row of rows.rows) {
    programs.set(row.id, {
      ...row,
      ratePerUnit: dec(row.ratePerUnit),
      percent: dec(row.percent),
      agreedPrice: dec(row.agreedPrice),
      fundingCap: dec(row.fundingCap),
      partnerCap: dec(row.partnerCap),
      financeApprovalAbove: row.financeApprovalAbove ?? '10000',
      tierMode: row.tierMode ?? 'whole',
      tierBasis: row.tierBasis ?? 'amount',
      tierRate: row.tierRate ?? 'percent',
      claimWindowDays: Number(row.claimWindowDays),
      regions: [],
      partnerTiers: [],
      partnerIds: [],
      productIds: [],
      families: [],
      tiers: [],
    })
  }
  if (programs.size === 0) return programs
  const programIds = [...programs.keys()]
  const rels = await db.query<{
    parent: number
    path: string
    territory: number | null
    participant: number | null
    product: number | null
    code: string | null
  }>(
    `select r.parent_id as parent, r.path, r.territories_id as territory, r.participants_id as participant, r.products_id as product, t.code
       from rebate_programs_rels r left join territories t on t.id = r.territories_id
      where r.parent_id = any($1::int[]) order by r.parent_id, r."order"`,
    [programIds],
  )
  for (const rel of rels.rows) {
    const program = programs.get(rel.parent)!
    if (rel.path === 'regions' && rel.code) (program.regions as string[]).push(rel.code.toUpperCase())
    if (rel.path === 'partners' && rel.participant) (program.partnerIds as number[]).push(rel.participant)
    if (rel.path === 'products' && rel.product) (program.productIds as number[]).push(rel.product)
  }
  const texts = await db.query<{ parent: number; path: string; text: string }>(
    `select parent_id as parent, path, text from rebate_programs_texts where parent_id = any($1::int[]) order by parent_id, "order"`,
    [programIds],
  )
  for (const text of texts.rows) {
    const program = programs.get(text.parent)!
    if (text.path === 'partnerTiers') (program.partnerTiers as string[]).push(text.text.trim().toLowerCase())
    if (text.path === 'families') (program.families as string[]).push(text.text.trim().toLowerCase())
  }
  const tiers = await db.query<{ parent: number; from: string; rate: string }>(
    `select _parent_id as parent, "from"::text as "from", rate::text from rebate_programs_tiers where _parent_id = any($1::int[]) order by _parent_id, _order`,
    [programIds],
  )
  for (const tier of tiers.rows) (programs.get(tier.parent)!.tiers as Tier[]).push({ from: new D(tier.from), rate: new D(tier.rate) })
  return programs
}

type PosRow = {
  id: number
  partnerId: number
  partnerCode: string | null
  partnerTier: string | null
  region: string | null
  productId: number
  sku: string
  family: string | null
  familyName: string | null
  soldOn: string
  quantity: number
  currency: string
  unitPrice: string
  unitCost: string | null
  listPrice: string | null
  dealNumber: string | null
}

/**
 * The select of point-of-sale lines as facts; `where` filters alias `l` (and may use `p` the partner, `pr` the
 * product, `rt`/`pt` the ship-to and partner territories, `lp` the list price). The list price is the product's first
 * price list in the line's currency, joined once rather than looked up per line.
 */
export function posFactSql(where: string): string {
  return `select l.id, l.partner_id as "partnerId", p.code as "partnerCode", lower(p.dealer_tier::text) as "partnerTier",
                 upper(coalesce(rt.code, pt.code)) as region, l.product_id as "productId", pr.code as sku, lower(pr.family) as family, pr.family as "familyName",
                 l.sold_on::text as "soldOn", l.quantity::int as quantity, l.currency, l.unit_price::text as "unitPrice",
                 l.unit_cost::text as "unitCost", lp.price::text as "listPrice", l.deal_number as "dealNumber"
            ${posLinesFrom(where)}`
}

/** The point-of-sale lines with what a program reads of them (aliases as in `posFactSql`), filtered by `where`. */
export function posLinesFrom(where: string): string {
  return `from pos_lines l
            join participants p on p.id = l.partner_id
            join products pr on pr.id = l.product_id
            left join territories rt on rt.id = l.region_id
            left join territories pt on pt.id = p.territory_id
            left join (select distinct on (_parent_id, upper(currency)) _parent_id as product, upper(currency) as currency, public_price as price
                         from products_prices order by _parent_id, upper(currency), _order) lp
              on lp.product = l.product_id and lp.currency = l.currency
           where ${where}`
}

/**
 * The SQL filter (on `posFactSql`'s aliases) for the lines a program could pay on, with its parameters numbered from
 * `first`: its dates and currency, its partner list, tiers, regions, SKUs and families, and what its kind needs. It
 * only narrows what is read; `ineligibility` in engine/rebates stays the decision on each line.
 */
export function programLineFilter(program: ProgramTerms, first: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [program.effectiveFrom, program.effectiveTo, program.currency]
  const next = (value: unknown) => {
    params.push(value)
    return `$${first + params.length - 1}`
  }
  const parts = [`l.sold_on between $${first}::date and $${first + 1}::date`, `l.currency = $${first + 2}`]
  if (program.partnerIds.length > 0) parts.push(`l.partner_id = any(${next(program.partnerIds)}::int[])`)
  if (program.partnerTiers.length > 0) parts.push(`lower(p.dealer_tier::text) = any(${next(program.partnerTiers)}::text[])`)
  if (program.regions.length > 0) parts.push(`upper(coalesce(rt.code, pt.code)) = any(${next(program.regions)}::text[])`)
  if (program.productIds.length > 0 || program.families.length > 0)
    parts.push(`(l.product_id = any(${next(program.productIds)}::int[]) or lower(pr.family) = any(${next(program.families)}::text[]))`)
  if (program.kind === 'deal_registration') parts.push('l.deal_number is not null')
  if (program.kind === 'ship_and_debit' && program.agreedPrice !== null)
    parts.push(`l.unit_price <= ${next(program.agreedPrice.toFixed())}::numeric`)
  return { sql: parts.join(' and '), params }
}

/** Deals by number, with their lines per product. */
export async function loadDeals(db: Queryable, numbers: readonly string[]): Promise<Map<string, DealTerms>> {
  const deals = new Map<string, DealTerms>()
  if (numbers.length === 0) return deals
  const rows = await db.query<{ id: number; number: string; partnerId: number; status: string; expiresOn: string; currency: string }>(
    `select id, upper(number) as number, partner_id as "partnerId", status::text, expires_on::text as "expiresOn", currency
       from deals where upper(number) = any($1::text[])`,
    [numbers.map((n) => n.toUpperCase())],
  )
  const byId = new Map<number, DealTerms>()
  for (const row of rows.rows) {
    const deal: DealTerms = { ...row, lines: new Map() }
    deals.set(row.number, deal)
    byId.set(row.id, deal)
  }
  if (byId.size === 0) return deals
  const lines = await db.query<{ parent: number; product: number; quantity: number; specialPrice: string }>(
    `select _parent_id as parent, product_id as product, quantity::int as quantity, special_price::text as "specialPrice"
       from deals_lines where _parent_id = any($1::int[]) order by _parent_id, _order`,
    [[...byId.keys()]],
  )
  for (const line of lines.rows) {
    const lineMap = byId.get(line.parent)!.lines as Map<number, { quantity: number; specialPrice: InstanceType<typeof D> }>
    const earlier = lineMap.get(line.product)
    lineMap.set(line.product, {
      quantity: (earlier?.quantity ?? 0) + line.quantity,
      specialPrice: earlier?.specialPrice ?? new D(line.specialPrice),
    })
  }
  return deals
}

export type PosFactWithCode = PosFact & {
  partnerCode: string | null
  dealNumber: string | null
  /** The family as the catalog spells it (`family` is lower-cased for matching), for rule sets. */
  familyName: string | null
  ruleVersionId?: number | null
}

/** Point-of-sale lines as facts, in id (arrival) order. */
export async function loadPosFacts(db: Queryable, where: string, params: unknown[]): Promise<PosFactWithCode[]> {
  const rows = await db.query<PosRow>(`${posFactSql(where)} order by l.id`, params)
  const deals = await loadDeals(db, [...new Set(rows.rows.map((row) => row.dealNumber).filter((n): n is string => n !== null))])
  return rows.rows.map((row) => toPosFact(row, deals))
}

export function toPosFact(row: PosRow, deals: ReadonlyMap<string, DealTerms>): PosFactWithCode {
  return {
    ...row,
    quantity: Number(row.quantity),
    unitPrice: new D(row.unitPrice),
    unitCost: dec(row.unitCost),
    listPrice: dec(row.listPrice),
    deal: row.dealNumber === null ? null : (deals.get(row.dealNumber.toUpperCase()) ?? null),
  }
}
