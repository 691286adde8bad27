/**
 * Claims: a partner's lines are validated the moment they arrive, in one transaction under one lock, so the same
 * point-of-sale line claimed twice — in one claim, in two, or by two processes at the same moment — is paid once:
 * the first holds it, the next is rejected naming the claim that holds it. Facts are read in bulk (one query per
 * kind of fact, not per line), decided by engine/rebates `decideClaimLine`, and written in bulk.
 */
import type { PoolClient } from 'pg'

import { D } from '../../engine/core/decimal'
import { decideClaimLine, statusAfterValidation, type ClaimLineDecision, type ClaimLineStatus } from '../../engine/rebates'
import { loadDeals, loadPrograms, posFactSql, toPosFact, type PosFactWithCode, type ProgramRow } from './facts'

/** The lock claims are written and decided under: one claim decision at a time, so nothing is claimed twice. */
export const CLAIM_LOCK = 'accrue.rebates.claims'

/** Lines one claim takes. */
export const MAX_CLAIM_LINES = 100_000

export type ClaimLineInput = {
  posLine?: unknown
  invoiceNumber?: unknown
  invoiceLine?: unknown
  program?: unknown
  quantity?: unknown
  claimedAmount?: unknown
}

export type ClaimSource = 'portal' | 'rest' | 'spreadsheet'

export type SubmittedLine = {
  lineNumber: number
  reference: string
  status: ClaimLineStatus
  reason: string
  amount: string
  quantity: number
}
export type SubmittedClaim = {
  id: number
  number: string
  status: string
  currency: string
  claimedTotal: string
  approvedTotal: string
  counts: Record<'approved' | 'rejected' | 'needs_review', number>
  lines: SubmittedLine[]
}

export class ClaimInputError extends Error {}

type Parsed = {
  lineNumber: number
  reference: string
  posLineId: number | null
  key: string | null
  programKey: string
  quantity: number | null
  claimedAmount: InstanceType<typeof D> | null
  problem: string | null
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim())

function parseLine(raw: unknown, index: number, partnerId: number): Parsed {
  const lineNumber = index + 1
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      lineNumber,
      reference: `line ${lineNumber}`,
      posLineId: null,
      key: null,
      programKey: '',
      quantity: null,
      claimedAmount: null,
      problem: 'is not an object of fields',
    }
  }
  const input = raw as ClaimLineInput
  const programKey = text(input.program).toUpperCase()
  const idText = text(input.posLine)
  const posLineId = /^\d{1,9}$/.test(idText) ? Number(idText) : null
  const invoice = text(input.invoiceNumber)
  const invoiceLine = text(input.invoiceLine)
  const reference =
    posLineId !== null && !invoice ? `POS line #${posLineId}` : `${invoice.slice(0, 60) || '?'}/${invoiceLine.slice(0, 12) || '?'}`
  let problem: string | null = null
  if (!programKey) problem = 'program: name the program (its code)'
  else if (idText !== '' && posLineId === null) problem = `posLine: "${idText.slice(0, 40)}" is not a line id`
  else if (posLineId === null && (!invoice || !/^\d{1,9}$/.test(invoiceLine)))
    problem = 'name the point-of-sale line: invoiceNumber and invoiceLine (or posLine, its id)'
  const quantityText = text(input.quantity)
  let quantity: number | null = null
  if (quantityText !== '') {
    if (!/^\d{1,9}$/.test(quantityText) || Number(quantityText) < 1)
      problem ??= `quantity: "${quantityText.slice(0, 40)}" is not a whole number of units above 0`
    else quantity = Number(quantityText)
  }
  let claimedAmount: InstanceType<typeof D> | null = null
  const amountText = text(input.claimedAmount)
  if (amountText !== '') {
    if (!/^-?\d{1,13}(\.\d{1,6})?$/.test(amountText))
      problem ??= `claimedAmount: "${amountText.slice(0, 40)}" is not an amount (digits, a point for decimals)`
    else claimedAmount = new D(amountText)
  }
  return {
    lineNumber,
    reference,
    posLineId,
    key: posLineId === null ? `${partnerId}|${invoice.toUpperCase()}|${Number(invoiceLine)}` : null,
    programKey,
    quantity,
    claimedAmount,
    problem,
  }
}

/**
 * Submits and validates a claim of `partnerId`. Lines name a point-of-sale line of the partner (`posLine` id, or
 * `invoiceNumber` + `invoiceLine`), a program (`program`: its code), optionally the units (default: the whole line) and the amount
 * the partner expects (`claimedAmount`). Every line is kept with its decision and reason.
 */
export async function submitClaim(
  client: PoolClient,
  input: { partnerId: number; userId: number | null; source: ClaimSource; lines: readonly ClaimLineInput[]; today: string },
): Promise<SubmittedClaim> {
  if (input.lines.length === 0) throw new ClaimInputError('a claim needs at least one line')
  if (input.lines.length > MAX_CLAIM_LINES)
    throw new ClaimInputError(`a claim takes at most ${MAX_CLAIM_LINES.toLocaleString('en-US')} lines`)
  await client.query('select pg_advisory_xact_lock(hashtext($1))', [CLAIM_LOCK])
  const parsed = (input.lines as readonly unknown[]).map((line, index) => parseLine(line, index, input.partnerId))

  // The point-of-sale lines, by id and by natural key — only the partner's.
  const ids = parsed.flatMap((p) => (p.posLineId === null ? [] : [p.posLineId]))
  const keys = parsed.flatMap((p) => (p.key === null ? [] : [p.key]))
  const posRows = await client.query(
    `${posFactSql('l.partner_id = $1 and (l.id = any($2::int[]) or l.natural_key = any($3::varchar[]))')}`.replace(
      'l.deal_number as "dealNumber"',
      'l.deal_number as "dealNumber", l.natural_key as "naturalKey", l.invoice_number || \'/\' || l.invoice_line::int as "invoiceRef"',
    ),
    [input.partnerId, ids, keys],
  )
  const deals = await loadDeals(client, [...new Set(posRows.rows.map((r) => r.dealNumber).filter(Boolean))] as string[])
  const byId = new Map<number, PosFactWithCode>()
  const byKey = new Map<string, PosFactWithCode>()
  const invoiceRef = new Map<number, string>()
  for (const row of posRows.rows) {
    const fact = toPosFact(row, deals)
    byId.set(fact.id, fact)
    byKey.set(row.naturalKey, fact)
    invoiceRef.set(fact.id, row.invoiceRef)
  }
  const lineOf = (p: Parsed) => (p.posLineId !== null ? (byId.get(p.posLineId) ?? null) : (byKey.get(p.key!) ?? null))

  // Programs by code.
  const named = [...new Set(parsed.map((p) => p.programKey).filter((key) => key && !/^\d+$/.test(key)))]
  const numbered = [
    ...new Set(
      parsed
        .map((p) => p.programKey)
        .filter((key) => /^\d+$/.test(key))
        .map(Number),
    ),
  ]
  const programs = [
    ...(await loadPrograms(client, null, named)).values(),
    ...(numbered.length ? (await loadPrograms(client, numbered)).values() : []),
  ]
  const programByKey = new Map<string, ProgramRow>()
  for (const program of programs) {
    programByKey.set(program.code.toUpperCase(), program)
    programByKey.set(String(program.id), program)
  }

  // Accruals of the named (line, program) pairs, what other claims hold of them, and the programs' claimed totals.
  const pairs = parsed.flatMap((p) => {
    const line = lineOf(p)
    const program = programByKey.get(p.programKey)
    return line && program ? [{ line: line.id, program: program.id }] : []
  })
  const accruals = await client.query<{
    line: number
    program: number
    amount: string
    quantity: number
    expiresOn: string
    status: string
  }>(
    `select a.pos_line_id as line, a.program_id as program, a.amount::text, a.quantity::int as quantity, a.expires_on::text as "expiresOn", a.status::text
       from rebate_accruals a join unnest($1::int[], $2::int[]) as t(line, program) on a.pos_line_id = t.line and a.program_id = t.program`,
    [pairs.map((p) => p.line), pairs.map((p) => p.program)],
  )
  const accrualOf = new Map(accruals.rows.map((row) => [`${row.line}|${row.program}`, row]))
  const held = await client.query<{ line: number; program: number; quantity: number; amount: string; claims: string[] }>(
    `select cl.pos_line_id as line, cl.program_id as program, sum(cl.quantity)::int as quantity, sum(cl.amount)::text as amount,
            array_agg(distinct c.number) as claims
       from rebate_claim_lines cl join rebate_claims c on c.id = cl.claim_id
       join unnest($1::int[], $2::int[]) as t(line, program) on cl.pos_line_id = t.line and cl.program_id = t.program
      where cl.status <> 'rejected' group by 1, 2`,
    [pairs.map((p) => p.line), pairs.map((p) => p.program)],
  )
  const heldOf = new Map(
    held.rows.map((row) => [`${row.line}|${row.program}`, { quantity: row.quantity, amount: new D(row.amount), claims: row.claims }]),
  )
  const nothingHeld = () => ({ quantity: 0, amount: new D(0), claims: [] as string[] })
  // What the programs with a cap have already committed (programs without one need no running total).
  const capped = [...new Set(pairs.map((p) => p.program))].filter((id) => {
    const program = programs.find((p) => p.id === id)
    return program !== undefined && (program.fundingCap !== null || program.partnerCap !== null)
  })
  const totals = await client.query<{ program: number; partner: number; amount: string }>(
    `select program_id as program, partner_id as partner, sum(amount)::text as amount from rebate_claim_lines
      where status in ('approved', 'needs_review', 'disputed') and program_id = any($1::int[]) group by 1, 2`,
    [capped],
  )
  const programClaimed = new Map<number, InstanceType<typeof D>>()
  const partnerClaimed = new Map<string, InstanceType<typeof D>>()
  for (const row of totals.rows) {
    programClaimed.set(row.program, (programClaimed.get(row.program) ?? new D(0)).plus(row.amount))
    partnerClaimed.set(`${row.program}|${row.partner}`, new D(row.amount))
  }

  // Decide each line, in order, each seeing what the earlier lines of this claim took.
  let currency: string | null = null
  const decided: (Parsed & ClaimLineDecision & { posLineId: number | null; programId: number | null; quantity: number })[] = []
  for (const p of parsed) {
    const line = lineOf(p)
    // A line named by its id reads as its invoice and line number, as the partner knows it.
    if (line && p.posLineId !== null) p.reference = invoiceRef.get(line.id) ?? p.reference
    const program = programByKey.get(p.programKey) ?? null
    const quantity = p.quantity ?? line?.quantity ?? 0
    let decision: ClaimLineDecision
    if (p.problem) decision = { status: 'rejected', reason: p.problem, amount: new D(0) }
    else if (!program) decision = { status: 'rejected', reason: `no program "${p.programKey}"`, amount: new D(0) }
    else if (currency !== null && program.currency !== currency)
      decision = {
        status: 'rejected',
        reason: `program ${program.code} pays in ${program.currency}; this claim is in ${currency}`,
        amount: new D(0),
      }
    else {
      const pairKey = line ? `${line.id}|${program.id}` : ''
      const accrual = accrualOf.get(pairKey) ?? null
      decision = decideClaimLine({
        reference: p.reference,
        line,
        program,
        accrual: accrual
          ? { amount: new D(accrual.amount), quantity: accrual.quantity, expiresOn: accrual.expiresOn, status: accrual.status }
          : null,
        accrualSkip: null,
        quantity,
        claimedAmount: p.claimedAmount,
        claimedElsewhere: heldOf.get(pairKey) ?? nothingHeld(),
        claimedOn: input.today,
        programClaimed: programClaimed.get(program.id) ?? new D(0),
        partnerClaimed: partnerClaimed.get(`${program.id}|${input.partnerId}`) ?? new D(0),
      })
      if (decision.status !== 'rejected' && line) {
        currency ??= program.currency
        const earlier = heldOf.get(pairKey) ?? nothingHeld()
        heldOf.set(pairKey, {
          quantity: earlier.quantity + quantity,
          amount: earlier.amount.plus(decision.amount),
          claims: [...earlier.claims, 'an earlier line of this claim'],
        })
        programClaimed.set(program.id, (programClaimed.get(program.id) ?? new D(0)).plus(decision.amount))
        const partnerKey = `${program.id}|${input.partnerId}`
        partnerClaimed.set(partnerKey, (partnerClaimed.get(partnerKey) ?? new D(0)).plus(decision.amount))
      }
    }
    decided.push({ ...p, ...decision, posLineId: line?.id ?? null, programId: program?.id ?? null, quantity })
  }
  currency ??= programByKey.get(parsed[0]!.programKey)?.currency ?? 'USD'

  const status = statusAfterValidation(decided)
  const payable = decided.filter((d) => d.status !== 'rejected')
  const claimedTotal = payable.reduce((sum, d) => sum.plus(d.amount), new D(0))
  const approvedTotal = decided.filter((d) => d.status === 'approved').reduce((sum, d) => sum.plus(d.amount), new D(0))
  const now = new Date().toISOString()
  const claim = await client.query<{ id: number; number: string }>(
    `insert into rebate_claims (number, partner_id, status, source, currency, claimed_total, approved_total, submitted_by_id, submitted_at, history, updated_at, created_at)
     values ((select 'CL-' || case when n < 1000000 then lpad(n::text, 6, '0') else n::text end
                from (select coalesce(max(id), 0) + 1 as n from rebate_claims) next), $1, $2, $3, $4, $5, $6, $7, $8, $9, now(), now())
     returning id, number`,
    [
      input.partnerId,
      status,
      input.source,
      currency,
      claimedTotal.toFixed(),
      approvedTotal.toFixed(),
      input.userId,
      now,
      JSON.stringify([{ at: now, by: input.userId, action: 'submitted', note: `${decided.length} line(s) validated: ${status}` }]),
    ],
  )
  const { id, number } = claim.rows[0]!
  for (let start = 0; start < decided.length; start += 10_000) {
    const batch = decided.slice(start, start + 10_000)
    await client.query(
      `insert into rebate_claim_lines (claim_id, line_number, partner_id, pos_line_id, program_id, reference, quantity, claimed_amount, amount, status, reason, updated_at, created_at)
       select $1, n, $2, pos, prog, ref, qty, claimed, amount, status::enum_rebate_claim_lines_status, reason, now(), now()
         from unnest($3::int[], $4::int[], $5::int[], $6::varchar[], $7::numeric[], $8::numeric[], $9::numeric[], $10::text[], $11::varchar[])
           as t(n, pos, prog, ref, qty, claimed, amount, status, reason)`,
      [
        id,
        input.partnerId,
        batch.map((d) => d.lineNumber),
        batch.map((d) => d.posLineId),
        batch.map((d) => d.programId),
        batch.map((d) => (d.programKey ? `${d.reference} · ${d.programKey}` : d.reference)),
        batch.map((d) => d.quantity),
        batch.map((d) => d.claimedAmount?.toFixed() ?? null),
        batch.map((d) => d.amount.toFixed()),
        batch.map((d) => d.status),
        batch.map((d) => d.reason),
      ],
    )
  }
  // The accruals the claim's lines now hold: open → claimed, by the pairs just written (markAccruals re-derives
  // the state after later decisions).
  const holding = decided.filter((d) => d.status !== 'rejected' && d.posLineId !== null && d.programId !== null)
  await client.query(
    `update rebate_accruals a set status = 'claimed', updated_at = now()
       from unnest($1::int[], $2::int[]) as t(line, program)
      where a.pos_line_id = t.line and a.program_id = t.program and a.status = 'open'`,
    [holding.map((d) => d.posLineId), holding.map((d) => d.programId)],
  )
  const counts = { approved: 0, rejected: 0, needs_review: 0 }
  for (const d of decided) counts[d.status]++
  return {
    id,
    number,
    status,
    currency,
    claimedTotal: claimedTotal.toFixed(2),
    approvedTotal: approvedTotal.toFixed(2),
    counts,
    lines: decided.map((d) => ({
      lineNumber: d.lineNumber,
      reference: d.reference,
      status: d.status,
      reason: d.reason,
      amount: d.amount.toFixed(2),
      quantity: d.quantity,
    })),
  }
}

/**
 * Puts the accruals of a claim's lines in step with them: held by a line that is not rejected → claimed; no longer
 * held by any → open again (unless expired or credited).
 */
export async function markAccruals(client: Pick<PoolClient, 'query'>, claimId: number): Promise<void> {
  await client.query(
    `update rebate_accruals a set status = case when exists (
        select 1 from rebate_claim_lines o where o.pos_line_id = a.pos_line_id and o.program_id = a.program_id and o.status <> 'rejected')
        then 'claimed'::enum_rebate_accruals_status else 'open'::enum_rebate_accruals_status end, updated_at = now()
      where a.status in ('open', 'claimed')
        and (a.pos_line_id, a.program_id) in (select pos_line_id, program_id from rebate_claim_lines where claim_id = $1 and pos_line_id is not null)`,
    [claimId],
  )
}

/** Recomputes a claim's totals from its lines. */
export async function refreshClaimTotals(client: Pick<PoolClient, 'query'>, claimId: number): Promise<void> {
  await client.query(
    `update rebate_claims c set
        claimed_total = coalesce((select sum(amount) from rebate_claim_lines where claim_id = c.id and status <> 'rejected'), 0),
        approved_total = coalesce((select sum(amount) from rebate_claim_lines where claim_id = c.id and status = 'approved'), 0),
        updated_at = now()
      where c.id = $1`,
    [claimId],
  )
}
