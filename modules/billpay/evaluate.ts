/**
 * An invoice's evaluation, run when it is read and again after every correction: its charges allocated to GL codes
 * and cost centres (inventory, account defaults, the GL rule set's version in force on the statement date), its
 * sanity checks, and — when everything holds — the approval limit that decides whether a person must approve it.
 * The allocations are rewritten each time; the failed checks are stored on the invoice for the reviewer.
 */
import type { PoolClient } from 'pg'

import {
  allocateCharges,
  glInput,
  sanityChecks,
  serviceKey,
  type AccountDefaults,
  type ChargeToAllocate,
  type GlDecision,
  type InventoryItem,
  type InvoiceHeader,
} from '../../engine/billpay'
import { D } from '../../engine/core/decimal'
import { compileRule, evaluateRule, type CompiledRule } from '../../engine/rules'
import { approvedRuleVersion } from '../rules'

export type Failure = { check: string; message: string }

/** Checks a reviewer must fix before approving; the others (limit, history, unread parts) are what approval is for. */
export const BLOCKING_CHECKS = ['account', 'required', 'lines_sum', 'balance', 'duplicate', 'allocation'] as const

export type Evaluation = { failures: Failure[]; blocking: boolean }

type InvoiceRow = InvoiceHeader & { id: number; accountId: number | null; problems: unknown }
type AccountRow = AccountDefaults & {
  id: number
  carrier: string
  accountNumber: string
  currency: string
  glRules: number | null
  approvalRules: number | null
  historyFactor: string
}

const HEADER_SQL = `account_number as "accountNumber", invoice_number as "invoiceNumber", statement_date::text as "statementDate",
  due_date::text as "dueDate", currency, previous_balance::text as "previousBalance", payments::text as payments,
  new_charges::text as "newCharges", taxes::text as taxes, total_due::text as "totalDue"`

/** Compiled rule versions by id (an approved version never changes), shared by every evaluation of the process. */
const compiled = new Map<number, CompiledRule>()
/** Rule answers by version and input, so a run of many invoices asks the engine once per distinct charge. */
const answers = new Map<string, Record<string, unknown> | null>()
const MAX_ANSWERS = 200_000

async function ruleAnswer(rule: CompiledRule, versionId: number, input: Record<string, unknown>): Promise<Record<string, unknown> | null> {
  const key = `${versionId}:${JSON.stringify(input)}`
  if (answers.has(key)) return answers.get(key)!
  const outcome = await evaluateRule(rule, input)
  const result = 'result' in outcome ? ((outcome.result.results[0] as Record<string, unknown> | undefined) ?? null) : null
  if (answers.size >= MAX_ANSWERS) answers.clear()
  answers.set(key, result)
  return result
}

/** The rule set to use: the account's, else the only one of the purpose (null when there is none, or several). */
async function ruleSetFor(client: PoolClient, chosen: number | null, purpose: string): Promise<number | null> {
  if (chosen) return chosen
  const sets = await client.query<{ id: number }>(`select id from rule_sets where purpose = $1::text::enum_rule_sets_purpose limit 2`, [
    purpose,
  ])
  return sets.rows.length === 1 ? sets.rows[0]!.id : null
}

async function versionFor(client: PoolClient, ruleSetId: number | null, day: string) {
  if (ruleSetId === null) return null
  const source = await approvedRuleVersion(client, ruleSetId, day)
  if (!source) return null
  if (!compiled.has(source.id)) compiled.set(source.id, compileRule(source))
  return { id: source.id, name: `${source.ruleSet} v${source.version}`, rule: compiled.get(source.id)! }
}

/** Evaluates one invoice inside the caller's transaction and stores its allocations and failed checks. */
export async function evaluateInvoice(client: PoolClient, invoiceId: number, today: string): Promise<Evaluation> {
  const invoice = (
    await client.query<InvoiceRow>(`select id, account_id as "accountId", problems, ${HEADER_SQL} from carrier_invoices where id = $1`, [
      invoiceId,
    ])
  ).rows[0]
  if (!invoice) throw new Error(`invoice ${invoiceId} does not exist`)
  await client.query(`delete from invoice_allocations where invoice_id = $1`, [invoiceId])
  const failures: Failure[] = []
  const lines = (
    await client.query<{
      id: number
      lineNo: number
      serviceId: string | null
      description: string | null
      chargeType: string | null
      amount: string
      glCode: string | null
      costCentre: string | null
    }>(
      `select id, line_no::int as "lineNo", service_id as "serviceId", description, charge_type as "chargeType", amount::text as amount,
              gl_code as "glCode", cost_centre as "costCentre"
         from invoice_lines where invoice_id = $1 order by line_no`,
      [invoiceId],
    )
  ).rows
  const parseProblems = Array.isArray(invoice.problems) ? invoice.problems.length : 0
  const account = invoice.accountId === null ? null : await loadAccount(client, invoice.accountId)
  if (!account)
    failures.push({
      check: 'account',
      message: `no carrier account has the number ${invoice.accountNumber ?? '(not read)'}: set the account up, then process the invoice again`,
    })
  const currency = invoice.currency ?? account?.currency ?? 'USD'
  if (account) {
    const allocation = await allocate(client, invoice, lines, account, currency, today)
    failures.push(...allocation)
  }
  const history = account && invoice.statementDate ? await historyAverage(client, account.id, invoiceId, invoice.statementDate) : null
  failures.unshift(
    ...sanityChecks({
      header: invoice,
      lines: lines.map((line) => ({ lineNo: line.lineNo, amount: line.amount })),
      duplicateOf: null,
      historyAverage: history,
      historyFactor: account?.historyFactor ?? '3',
      parseProblems,
    }),
  )
  if (account && failures.length === 0 && invoice.totalDue !== null) {
    const limit = await approvalLimit(client, account, invoice, currency, today)
    if (limit) failures.push(limit)
  }
  await client.query(`update carrier_invoices set checks = $2, updated_at = now() where id = $1`, [invoiceId, JSON.stringify(failures)])
  return { failures, blocking: failures.some((f) => (BLOCKING_CHECKS as readonly string[]).includes(f.check)) }
}

async function loadAccount(client: PoolClient, accountId: number): Promise<AccountRow | null> {
  const row = (
    await client.query<Omit<AccountRow, 'sharedSplits'>>(
      `select a.id, c.code as carrier, a.account_number as "accountNumber", a.currency, a.default_cost_centre as "costCentre", a.location,
              a.gl_rules_id as "glRules", a.approval_rules_id as "approvalRules", coalesce(a.history_factor, '3') as "historyFactor"
         from carrier_accounts a join carriers c on c.id = a.carrier_id where a.id = $1`,
      [accountId],
    )
  ).rows[0]
  if (!row) return null
  const splits = await client.query<{ costCentre: string; percent: string }>(
    `select cost_centre as "costCentre", percent from carrier_accounts_shared_splits where _parent_id = $1 order by _order`,
    [accountId],
  )
  return { ...row, sharedSplits: splits.rows }
}

async function loadInventory(client: PoolClient, keys: string[]): Promise<Map<string, InventoryItem>> {
  const inventory = new Map<string, InventoryItem>()
  if (keys.length === 0) return inventory
  const items = await client.query<{
    id: number
    key: string
    serviceId: string
    kind: 'line' | 'circuit'
    department: string | null
    costCentre: string | null
    location: string | null
  }>(
    `select id, service_key as key, service_id as "serviceId", kind::text as kind, department, cost_centre as "costCentre", location
       from service_inventory where service_key = any($1::text[])`,
    [keys],
  )
  const splits = await client.query<{ parent: number; costCentre: string; percent: string }>(
    `select _parent_id as parent, cost_centre as "costCentre", percent from service_inventory_splits where _parent_id = any($1::int[]) order by _parent_id, _order`,
    [items.rows.map((item) => item.id)],
  )
  for (const item of items.rows)
    inventory.set(item.key, {
      ...item,
      splits: splits.rows.filter((s) => s.parent === item.id).map(({ costCentre, percent }) => ({ costCentre, percent })),
    })
  return inventory
}

/** Allocates the invoice's charges and taxes; returns the allocation problems as failures. */
async function allocate(
  client: PoolClient,
  invoice: InvoiceRow,
  lines: {
    id: number
    lineNo: number
    serviceId: string | null
    description: string | null
    chargeType: string | null
    amount: string
    glCode: string | null
    costCentre: string | null
  }[],
  account: AccountRow,
  currency: string,
  today: string,
): Promise<Failure[]> {
  const charges: (ChargeToAllocate & { override: GlDecision | null; lineId: number | null })[] = lines.map((line) => ({
    lineNo: line.lineNo,
    lineId: line.id,
    serviceId: line.serviceId,
    chargeType: line.chargeType,
    description: line.description ?? '',
    amount: line.amount,
    override: line.glCode ? { glCode: line.glCode, costCentre: line.costCentre } : null,
    costCentreOverride: line.costCentre,
  }))
  if (invoice.taxes !== null && !new D(invoice.taxes).isZero())
    charges.push({
      lineNo: null,
      lineId: null,
      serviceId: null,
      chargeType: 'TAX',
      description: 'Taxes',
      amount: invoice.taxes,
      override: null,
    })
  const inventory = await loadInventory(client, [...new Set(lines.flatMap((line) => (line.serviceId ? [serviceKey(line.serviceId)] : [])))])
  const context = { ...account, carrier: account.carrier, accountNumber: account.accountNumber }
  const version = await versionFor(client, await ruleSetFor(client, account.glRules, 'invoice_gl'), invoice.statementDate ?? today)
  const decisions = new Map<ChargeToAllocate, GlDecision>()
  for (const charge of charges) {
    const item = charge.serviceId === null ? null : (inventory.get(serviceKey(charge.serviceId)) ?? null)
    let decision: GlDecision = { glCode: null, costCentre: null }
    if (charge.override) decision = charge.override
    else if (version) {
      const answer = await ruleAnswer(version.rule, version.id, glInput(charge, item, context))
      const glCode = answer?.glCode
      decision = {
        glCode: typeof glCode === 'string' && glCode.trim() ? glCode.trim() : null,
        costCentre: typeof answer?.costCentre === 'string' && answer.costCentre.trim() ? answer.costCentre.trim() : null,
      }
      if (charge.costCentreOverride) decision.costCentre = charge.costCentreOverride
    }
    decisions.set(charge, decision)
  }
  const { allocations, problems } = allocateCharges(charges, currency, inventory, context, (_input, charge) => decisions.get(charge)!)
  const failures: Failure[] = problems.map((p) => ({ check: 'allocation', message: p.message }))
  if (!version && charges.some((c) => !c.override))
    failures.unshift({ check: 'allocation', message: 'no approved GL rule set applies to this account on the statement date' })
  if (allocations.length) {
    const lineIds = new Map(charges.map((c) => [c.lineNo, c.lineId]))
    const overridden = new Set(charges.filter((c) => c.override).map((c) => c.lineNo))
    await client.query(
      `insert into invoice_allocations (invoice_id, line_id, line_no, gl_code, cost_centre, percent, amount, currency, month, rule_version_id, updated_at, created_at)
       select $1, t.line, t.line_no, t.gl, t.cc, t.pct, t.amount, $2, date_trunc('month', coalesce($3::date, $4::date))::date, t.version, now(), now()
         from unnest($5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::numeric[], $11::int[]) as t(line, line_no, gl, cc, pct, amount, version)`,
      [
        invoice.id,
        currency,
        invoice.statementDate,
        today,
        allocations.map((a) => lineIds.get(a.lineNo) ?? null),
        allocations.map((a) => a.lineNo),
        allocations.map((a) => a.glCode),
        allocations.map((a) => a.costCentre),
        allocations.map((a) => a.percent),
        allocations.map((a) => a.amount),
        allocations.map((a) => (overridden.has(a.lineNo) ? null : (version?.id ?? null))),
      ],
    )
  }
  return failures
}

/** The average total due of the account's approved invoices (pending payment, submitted or paid) of the six months before `statementDate`. */
export async function historyAverage(
  client: Pick<PoolClient, 'query'>,
  accountId: number,
  invoiceId: number,
  statementDate: string,
): Promise<string | null> {
  const found = await client.query<{ average: string | null }>(
    `select avg(total_due)::text as average from carrier_invoices
      where account_id = $1 and id <> $2 and duplicate_of_id is null and total_due is not null
        and status in ('pending_payment', 'payment_submitted', 'paid')
        and statement_date >= $3::date - interval '6 months' and statement_date < $3::date`,
    [accountId, invoiceId, statementDate],
  )
  return found.rows[0]?.average ?? null
}

/** The approval rule's verdict: null when the invoice is within its auto-pay limit, else why a person must approve it. */
async function approvalLimit(
  client: PoolClient,
  account: AccountRow,
  invoice: InvoiceRow,
  currency: string,
  today: string,
): Promise<Failure | null> {
  const version = await versionFor(
    client,
    await ruleSetFor(client, account.approvalRules, 'invoice_approval'),
    invoice.statementDate ?? today,
  )
  if (!version)
    return { check: 'limit', message: 'no approved approval-limit rule set applies: a person approves every invoice of this account' }
  const answer = await ruleAnswer(version.rule, version.id, {
    carrier: account.carrier,
    accountNumber: account.accountNumber,
    location: account.location,
    totalDue: invoice.totalDue,
    currency,
  })
  const limit = answer?.autoPayLimit
  if (limit === null || limit === undefined || limit === '')
    return {
      check: 'limit',
      message: `no row of ${version.name} covers ${account.carrier} at ${account.location ?? 'no location'}: a person approves it`,
    }
  if (new D(invoice.totalDue!).gt(String(limit)))
    return {
      check: 'limit',
      message: `the total due ${new D(invoice.totalDue!).toFixed(2)} is above the auto-pay limit ${new D(String(limit)).toFixed(2)} (${version.name})`,
    }
  return null
}
