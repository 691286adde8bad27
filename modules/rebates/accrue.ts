/**
 * Accruing: every eligible point-of-sale line books what each published program owes on it, as it arrives (the POS
 * writer calls this in the import's transaction) and when a program is published (its dates' lines so far). Where
 * each partner stood before — its volume, what it accrued, the program's total, a deal's units — is read from the
 * accruals already booked, so a line accrued today and one accrued next month continue the same running totals.
 */
import type { PoolClient } from 'pg'

import { D } from '../../engine/core/decimal'
import { accrueLines, emptyAccrualState, type Accrual, type PosFact, type Volume } from '../../engine/rebates'
import { compileRule, evaluateMany, type CompiledRule } from '../../engine/rules'
import { approvedRuleVersion } from '../rules'
import { loadPosFacts, loadPrograms, posLinesFrom, programLineFilter, type PosFactWithCode, type ProgramRow } from './facts'

export type AccrualCounts = { lines: number; accruals: number; amount: string }

/** Advisory lock every writer of accruals takes: accruals of one program are written one batch at a time. */
export const ACCRUAL_LOCK = 'accrue.rebates.accruals'

/** Accrues the given new point-of-sale lines under every published program. */
export async function accrueNewLines(client: PoolClient, lineIds: readonly number[]): Promise<AccrualCounts> {
  if (lineIds.length === 0) return { lines: 0, accruals: 0, amount: '0' }
  await client.query('select pg_advisory_xact_lock(hashtext($1))', [ACCRUAL_LOCK])
  const programs = [...(await loadPrograms(client, null)).values()].filter((p) => p.status === 'published')
  if (programs.length === 0) return { lines: lineIds.length, accruals: 0, amount: '0' }
  const lines = await loadPosFacts(client, 'l.id = any($1::int[])', [lineIds])
  return accrueUnder(client, programs, lines)
}

/** Accrues, under one program just published, the lines of its dates that have no accrual under it yet. */
export async function accrueProgram(client: PoolClient, programId: number): Promise<AccrualCounts> {
  await client.query('select pg_advisory_xact_lock(hashtext($1))', [ACCRUAL_LOCK])
  const program = (await loadPrograms(client, [programId])).get(programId)
  if (!program || program.status !== 'published') return { lines: 0, accruals: 0, amount: '0' }
  const filter = programLineFilter(program, 2)
  const lines = await loadPosFacts(
    client,
    `${filter.sql} and not exists (select 1 from rebate_accruals a where a.pos_line_id = l.id and a.program_id = $1)`,
    [programId, ...filter.params],
  )
  return accrueUnder(client, [program], lines)
}

/** Accrues every published deal-registration program again (after deals were approved or synchronised). */
export async function accrueDealPrograms(client: PoolClient): Promise<void> {
  const programs = await client.query<{ id: number }>(
    `select id from rebate_programs where kind = 'deal_registration' and status = 'published'`,
  )
  for (const program of programs.rows) await accrueProgram(client, program.id)
}

async function accrueUnder(client: PoolClient, programs: readonly ProgramRow[], lines: readonly PosFactWithCode[]): Promise<AccrualCounts> {
  let accruals = 0
  let amount = new D(0)
  for (const program of programs) {
    const inDates = lines.filter((line) => line.soldOn >= program.effectiveFrom && line.soldOn <= program.effectiveTo)
    if (inDates.length === 0) continue
    const facts = program.kind === 'rule' ? await withRuleAmounts(client, program, inDates) : inDates
    const state = emptyAccrualState(program.kind === 'growth' ? await baselines(client, program, facts) : new Map())
    await loadStanding(client, program, facts, state)
    const { accruals: booked } = accrueLines(program, facts, state)
    await insertAccruals(client, program, booked, new Map(facts.map((f) => [f.id, f])))
    accruals += booked.length
    for (const a of booked) amount = amount.plus(a.amount)
  }
  return { lines: lines.length, accruals, amount: amount.toFixed() }
}

/** Where the partners of `lines` stood in the program: their accrued volume and amount, the program's total, deal units. */
async function loadStanding(
  client: PoolClient,
  program: ProgramRow,
  lines: readonly PosFact[],
  state: ReturnType<typeof emptyAccrualState>,
): Promise<void> {
  const partners = [...new Set(lines.map((line) => line.partnerId))]
  const standing = await client.query<{ partner: number; quantity: string; amount: string; accrued: string }>(
    `select a.partner_id as partner, sum(a.quantity)::text as quantity, sum(a.quantity * l.unit_price)::text as amount, sum(a.amount)::text as accrued
       from rebate_accruals a join pos_lines l on l.id = a.pos_line_id
      where a.program_id = $1 and a.partner_id = any($2::int[]) group by a.partner_id`,
    [program.id, partners],
  )
  for (const row of standing.rows) {
    state.partners.set(row.partner, { volume: { quantity: new D(row.quantity), amount: new D(row.amount) }, accrued: new D(row.accrued) })
  }
  const total = await client.query<{ total: string }>(
    `select coalesce(sum(amount), 0)::text as total from rebate_accruals where program_id = $1`,
    [program.id],
  )
  state.programAccrued = new D(total.rows[0]!.total)
  if (program.kind === 'deal_registration') {
    const units = await client.query<{ key: string; units: number }>(
      `select upper(l.deal_number) || '|' || l.product_id as key, sum(a.quantity)::int as units
         from rebate_accruals a join pos_lines l on l.id = a.pos_line_id
        where a.program_id = $1 and l.deal_number is not null group by 1`,
      [program.id],
    )
    for (const row of units.rows) state.dealUnits.set(row.key, row.units)
  }
}

/**
 * Growth: each partner's eligible volume in the program's baseline period, summed in SQL over the lines the program's
 * filter admits with the baseline's dates (for a growth program the filter is its whole eligibility).
 */
async function baselines(client: PoolClient, program: ProgramRow, lines: readonly PosFact[]): Promise<Map<number, Volume>> {
  const result = new Map<number, Volume>()
  if (!program.baselineFrom || !program.baselineTo) return result
  const filter = programLineFilter({ ...program, effectiveFrom: program.baselineFrom, effectiveTo: program.baselineTo }, 2)
  const sums = await client.query<{ partner: number; quantity: string; amount: string }>(
    `select l.partner_id as partner, sum(l.quantity)::text as quantity, sum(l.quantity * l.unit_price)::text as amount
       ${posLinesFrom(`${filter.sql} and l.partner_id = any($1::int[]) and l.quantity > 0`)}
      group by l.partner_id`,
    [[...new Set(lines.map((line) => line.partnerId))], ...filter.params],
  )
  for (const row of sums.rows) result.set(row.partner, { quantity: new D(row.quantity), amount: new D(row.amount) })
  return result
}

/** Rule kind: the rule set's amount for each line, from the approved version in force on the line's day. */
async function withRuleAmounts(client: PoolClient, program: ProgramRow, lines: readonly PosFactWithCode[]): Promise<PosFactWithCode[]> {
  if (program.ruleSetId === null) return lines.map((line) => ({ ...line, ruleAmount: null }))
  const compiled = new Map<string, CompiledRule | null>()
  const byDay = new Map<string, PosFactWithCode[]>()
  for (const line of lines) byDay.set(line.soldOn, [...(byDay.get(line.soldOn) ?? []), line])
  const out: PosFactWithCode[] = []
  for (const [day, dayLines] of byDay) {
    const source = await approvedRuleVersion(client, program.ruleSetId, day)
    const key = source ? String(source.id) : 'none'
    if (!compiled.has(key)) compiled.set(key, source ? compileRule(source) : null)
    const rule = compiled.get(key)!
    if (!rule) {
      out.push(...dayLines.map((line) => ({ ...line, ruleAmount: null })))
      continue
    }
    const outcomes = await evaluateMany(
      rule,
      dayLines.map((line) => ({
        sku: line.sku,
        family: line.familyName,
        quantity: line.quantity,
        unitPrice: line.unitPrice.toFixed(),
        unitCost: line.unitCost?.toFixed() ?? null,
        listPrice: line.listPrice?.toFixed() ?? null,
        partner: line.partnerCode,
        partnerTier: line.partnerTier,
        region: line.region,
        soldOn: line.soldOn,
      })),
    )
    dayLines.forEach((line, index) => {
      const outcome = outcomes[index]!
      const amount = 'result' in outcome ? outcome.result.results[0]?.amount : null
      out.push({
        ...line,
        ruleAmount: amount === null || amount === undefined || amount === '' ? null : new D(String(amount)),
        ruleVersionId: source!.id,
      })
    })
  }
  return out.sort((a, b) => a.id - b.id)
}

async function insertAccruals(
  client: PoolClient,
  program: ProgramRow,
  accruals: readonly Accrual[],
  lines: ReadonlyMap<number, PosFactWithCode>,
): Promise<void> {
  for (let start = 0; start < accruals.length; start += 20_000) {
    const batch = accruals.slice(start, start + 20_000)
    await client.query(
      `insert into rebate_accruals (pos_line_id, program_id, partner_id, sold_on, quantity, amount, currency, expires_on, rule_version_id, status, updated_at, created_at)
       select line, $1, partner, sold, qty, amount, $2, expires, version, 'open', now(), now()
         from unnest($3::int[], $4::int[], $5::date[], $6::int[], $7::numeric[], $8::date[], $9::int[]) as t(line, partner, sold, qty, amount, expires, version)
       on conflict (pos_line_id, program_id) do nothing`,
      [
        program.id,
        program.currency,
        batch.map((a) => a.lineId),
        batch.map((a) => a.partnerId),
        batch.map((a) => lines.get(a.lineId)!.soldOn),
        batch.map((a) => a.quantity),
        batch.map((a) => a.amount.toFixed()),
        batch.map((a) => a.expiresOn),
        batch.map((a) => lines.get(a.lineId)!.ruleVersionId ?? null),
      ],
    )
  }
}
