/**
 * The payment run: invoices pending payment are paid exactly once, behind the circuit breakers.
 *
 * For each invoice, in one transaction that holds its row (`for update skip locked`, so a second worker takes other
 * invoices): the breakers are checked (a tripped one holds it, with the reason, for a person); otherwise a payment row
 * is written as submitted, under the invoice's idempotency key, and the invoice becomes payment submitted — committed
 * before any money moves. Only then is the provider called, with that key; its answer confirms the payment and the
 * invoice becomes paid. A crash or a timeout between the two leaves the payment submitted: the next run (on any
 * worker) starts by recovering those, asking the provider by idempotency key and paying with the same key when it has
 * nothing — which the provider answers with the payment it already made, never a second one. The database allows one
 * live payment per invoice, whatever the code does. Bank-file accounts are paid by one NACHA CCD file per run, each
 * entry with the invoice number in its addenda record.
 */
import { existsSync } from 'node:fs'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Pool, PoolClient } from 'pg'

import { planRun, tripBreakers, type Breaker, type RunLimits } from '../../engine/billpay/breakers'
import { bankFileProblems, nachaFile, type BatchFileInput, type PaymentInstruction } from '../../engine/payments'
import { withTransaction } from '../../db/withTransaction'
import { achOriginator } from '../payments'
import { historyAverage } from './evaluate'
import { moveInvoice, recordEvent } from './events'
import { invoicesDir } from './files'
import { PaymentOutcomeUnknown, PaymentRefused, ProviderUnavailable, type PaymentProviderClient, type ProviderPayment } from './provider'

export type PayRunOptions = {
  /** YYYY-MM-DD of the run (the past-due breaker compares with it). */
  today: string
  /** Who runs it (a worker id), recorded on each payment. */
  worker: string
  limits: RunLimits
  /** The above-average breaker's factor (default "2"). */
  averageFactor?: string
  provider: PaymentProviderClient
  /** Only these invoices (default: every invoice pending payment). */
  invoices?: number[]
}

export type PayRunSummary = {
  paid: { invoice: number; confirmation: string }[]
  held: { invoice: number; reasons: string[] }[]
  deferred: { invoice: number; reason: string }[]
  failed: { invoice: number; reason: string }[]
  unknown: { invoice: number; reason: string }[]
  recovered: { invoice: number; confirmation: string }[]
  bankFile: string | null
}

type Claimed = {
  invoice: number
  payment: number
  key: string
  amount: string
  currency: string
  invoiceNumber: string
  method: 'provider' | 'bank_file'
  payee: { name: string; accountNumber: string; routing: string | null; remitAccount: string | null }
}

/** Pays what is pending payment, after recovering payments whose outcome a crash or timeout left unknown. */
export async function runPayments(pool: Pool, options: PayRunOptions): Promise<PayRunSummary> {
  const summary: PayRunSummary = { paid: [], held: [], deferred: [], failed: [], unknown: [], recovered: [], bankFile: null }
  await recoverSubmitted(pool, options, summary)
  await recoverBankFiles(pool, options, summary)
  const candidates = await pool.query<{ id: number; totalDue: string; currency: string; dueDate: string }>(
    `select id, total_due::text as "totalDue", currency, due_date::text as "dueDate" from carrier_invoices
      where status = 'pending_payment' and ($1::int[] is null or id = any($1::int[])) order by due_date, id`,
    [options.invoices ?? null],
  )
  const plan = planRun(candidates.rows, options.limits)
  summary.deferred.push(...plan.deferred.map((d) => ({ invoice: d.id, reason: d.reason })))
  const bankFile: Claimed[] = []
  for (const candidate of plan.pay) {
    const claimed = await withTransaction(pool, {}, (client) => claim(client, candidate.id, options, summary))
    if (!claimed) continue
    if (claimed.method === 'bank_file') {
      bankFile.push(claimed)
      continue
    }
    const stop = await payByProvider(pool, claimed, options, summary)
    if (stop) break
  }
  if (bankFile.length) summary.bankFile = await payByBankFile(pool, bankFile, options, summary)
  return summary
}

/** Checks the breakers and, when none trips, writes the payment as submitted; null when held or taken by another worker. */
async function claim(client: PoolClient, invoiceId: number, options: PayRunOptions, summary: PayRunSummary): Promise<Claimed | null> {
  const found = await client.query<{
    id: number
    accountId: number
    totalDue: string
    currency: string
    dueDate: string
    statementDate: string
    invoiceNumber: string
    released: { breakers: Breaker[]; totalDue: string } | null
    method: 'provider' | 'bank_file'
    payeeName: string
    accountNumber: string
    routing: string | null
    remitAccount: string | null
  }>(
    `select i.id, i.account_id as "accountId", i.total_due::text as "totalDue", i.currency, i.due_date::text as "dueDate",
            i.statement_date::text as "statementDate", i.invoice_number as "invoiceNumber", i.released,
            a.payment_method::text as method, coalesce(a.payee_name, c.name) as "payeeName", a.account_number as "accountNumber",
            a.remit_routing as routing, a.remit_account as "remitAccount"
       from carrier_invoices i join carrier_accounts a on a.id = i.account_id join carriers c on c.id = a.carrier_id
      where i.id = $1 and i.status = 'pending_payment'
      for update of i skip locked`,
    [invoiceId],
  )
  const invoice = found.rows[0]
  if (!invoice) return null
  const made = await client.query<{ n: string }>(
    `select count(*)::text as n from invoice_payments where invoice_id = $1 and status in ('submitted', 'confirmed')`,
    [invoiceId],
  )
  const average = await historyAverage(client, invoice.accountId, invoiceId, invoice.statementDate)
  const trips = tripBreakers({
    totalDue: invoice.totalDue,
    dueDate: invoice.dueDate,
    paymentsMade: Number(made.rows[0]!.n),
    markedPaid: false,
    sixMonthAverage: average,
    released: invoice.released,
    today: options.today,
    averageFactor: options.averageFactor ?? '2',
  })
  if (trips.length) {
    const reasons = trips.map((t) => t.reason)
    await moveInvoice(client, invoiceId, 'on_hold', `held by the payment breakers: ${reasons.join('; ')}`, {
      details: { breakers: trips.map((t) => t.breaker), reasons, worker: options.worker },
    })
    summary.held.push({ invoice: invoiceId, reasons })
    return null
  }
  const earlier = await client.query<{ n: string }>(`select count(*)::text as n from invoice_payments where invoice_id = $1`, [invoiceId])
  const attempt = Number(earlier.rows[0]!.n)
  const key = `accrue-invoice-${invoiceId}${attempt ? `-${attempt + 1}` : ''}`
  const payment = await client.query<{ id: number }>(
    `insert into invoice_payments (invoice_id, amount, currency, method, idempotency_key, status, attempts, worker, submitted_at, updated_at, created_at)
     values ($1, $2, $3, $4, $5, 'submitted', 0, $6, now(), now(), now()) returning id`,
    [invoiceId, invoice.totalDue, invoice.currency, invoice.method, key, options.worker],
  )
  await moveInvoice(client, invoiceId, 'payment_submitted', `payment ${key} submitted by ${options.worker}`, {
    kind: 'payment',
    details: { payment: payment.rows[0]!.id, key },
  })
  return {
    invoice: invoiceId,
    payment: payment.rows[0]!.id,
    key,
    amount: invoice.totalDue,
    currency: invoice.currency,
    invoiceNumber: invoice.invoiceNumber,
    method: invoice.method,
    payee: { name: invoice.payeeName, accountNumber: invoice.accountNumber, routing: invoice.routing, remitAccount: invoice.remitAccount },
  }
}

/** Calls the provider for one submitted payment, holding its row; returns true when the run should stop (provider unavailable). */
async function payByProvider(pool: Pool, claimed: Claimed, options: PayRunOptions, summary: PayRunSummary): Promise<boolean> {
  return withTransaction(pool, {}, async (client) => {
    const row = await client.query(`select id from invoice_payments where id = $1 and status = 'submitted' for update skip locked`, [
      claimed.payment,
    ])
    if (!row.rowCount) return false
    try {
      const payment = await options.provider.pay({
        idempotencyKey: claimed.key,
        amount: claimed.amount,
        currency: claimed.currency,
        reference: claimed.invoiceNumber,
        payee: { name: claimed.payee.name, accountNumber: claimed.payee.accountNumber, reference: claimed.invoiceNumber },
        metadata: { invoice: String(claimed.invoice) },
      })
      await settle(client, claimed.invoice, claimed.payment, payment, options.worker)
      if (payment.status === 'succeeded') summary.paid.push({ invoice: claimed.invoice, confirmation: payment.confirmation })
      else summary.unknown.push({ invoice: claimed.invoice, reason: `the provider is still processing payment ${payment.id}` })
      return false
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      await client.query(`update invoice_payments set attempts = attempts + 1, last_error = $2, updated_at = now() where id = $1`, [
        claimed.payment,
        message,
      ])
      if (err instanceof PaymentRefused) {
        // A retry refused after an earlier attempt got through (its answer lost) must not pass for "nothing was paid".
        const made = await options.provider.findByIdempotencyKey(claimed.key).catch(() => undefined)
        if (made === undefined) {
          summary.unknown.push({
            invoice: claimed.invoice,
            reason: `refused (${message}), and the provider could not be asked whether an earlier attempt was paid; the next run asks again`,
          })
          return false
        }
        if (made) {
          await settle(client, claimed.invoice, claimed.payment, made, options.worker)
          if (made.status === 'succeeded') summary.paid.push({ invoice: claimed.invoice, confirmation: made.confirmation })
          return false
        }
        await client.query(`update invoice_payments set status = 'failed' where id = $1`, [claimed.payment])
        await moveInvoice(client, claimed.invoice, 'approval_needed', `the payment provider refused the payment: ${message}`, {
          kind: 'payment',
        })
        summary.failed.push({ invoice: claimed.invoice, reason: message })
        return false
      }
      summary.unknown.push({ invoice: claimed.invoice, reason: `outcome unknown, recovered by the next run: ${message}` })
      await recordEvent(client, claimed.invoice, {
        kind: 'payment',
        reason: `payment ${claimed.key}: outcome unknown (${message}); the next run asks the provider`,
      })
      return err instanceof ProviderUnavailable || (err instanceof PaymentOutcomeUnknown && options.provider.circuitState() === 'open')
    }
  })
}

/** Records the provider's payment: confirmed and the invoice paid when it succeeded; still submitted while it is processing. */
async function settle(client: PoolClient, invoiceId: number, paymentId: number, payment: ProviderPayment, worker: string): Promise<void> {
  await client.query(
    `update invoice_payments set provider_payment_id = $2, confirmation = $3, attempts = attempts + 1, last_error = null, updated_at = now(),
            status = case when $4 then 'confirmed'::enum_invoice_payments_status else status end, confirmed_at = case when $4 then now() else confirmed_at end
      where id = $1`,
    [paymentId, payment.id, payment.confirmation, payment.status === 'succeeded'],
  )
  if (payment.status === 'succeeded')
    await moveInvoice(
      client,
      invoiceId,
      'paid',
      `paid: ${payment.confirmation}${payment.replayed ? ' (the provider had already made it)' : ''}`,
      {
        kind: 'payment',
        details: { providerPayment: payment.id, confirmation: payment.confirmation, replayed: payment.replayed, worker },
      },
    )
}

/** Payments left submitted by a crash or a timeout: asks the provider by key, and pays with the same key when it has none. */
async function recoverSubmitted(pool: Pool, options: PayRunOptions, summary: PayRunSummary): Promise<void> {
  const pending = await pool.query<{ id: number }>(
    `select p.id from invoice_payments p where p.status = 'submitted' and p.method = 'provider' and ($1::int[] is null or p.invoice_id = any($1::int[])) order by p.id`,
    [options.invoices ?? null],
  )
  for (const { id } of pending.rows) {
    const stop = await withTransaction(pool, {}, async (client) => {
      const found = await client.query<{
        invoice: number
        key: string
        amount: string
        currency: string
        invoiceNumber: string
        payeeName: string
        accountNumber: string
      }>(
        `select p.invoice_id as invoice, p.idempotency_key as key, p.amount::text as amount, p.currency, i.invoice_number as "invoiceNumber",
                coalesce(a.payee_name, c.name) as "payeeName", a.account_number as "accountNumber"
           from invoice_payments p join carrier_invoices i on i.id = p.invoice_id join carrier_accounts a on a.id = i.account_id
           join carriers c on c.id = a.carrier_id
          where p.id = $1 and p.status = 'submitted' for update of p skip locked`,
        [id],
      )
      const row = found.rows[0]
      if (!row) return false
      try {
        const payment =
          (await options.provider.findByIdempotencyKey(row.key)) ??
          (await options.provider.pay({
            idempotencyKey: row.key,
            amount: row.amount,
            currency: row.currency,
            reference: row.invoiceNumber,
            payee: { name: row.payeeName, accountNumber: row.accountNumber, reference: row.invoiceNumber },
            metadata: { invoice: String(row.invoice) },
          }))
        await settle(client, row.invoice, id, payment, options.worker)
        if (payment.status === 'succeeded') summary.recovered.push({ invoice: row.invoice, confirmation: payment.confirmation })
        return false
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        await client.query(`update invoice_payments set attempts = attempts + 1, last_error = $2, updated_at = now() where id = $1`, [
          id,
          message,
        ])
        summary.unknown.push({ invoice: row.invoice, reason: `still unknown: ${message}` })
        return err instanceof ProviderUnavailable
      }
    })
    if (stop) return
  }
}

/** Fails bank-file payments nothing was written for, and sends their invoices to a person with the reason. */
async function failBankPayments(
  pool: Pool,
  claimed: readonly Pick<Claimed, 'payment' | 'invoice'>[],
  reason: (c: Pick<Claimed, 'payment' | 'invoice'>) => string,
  summary: PayRunSummary,
): Promise<void> {
  if (claimed.length === 0) return
  await withTransaction(pool, {}, async (client) => {
    for (const c of claimed) {
      const text = reason(c)
      await client.query(`update invoice_payments set status = 'failed', last_error = $2, updated_at = now() where id = $1`, [
        c.payment,
        text,
      ])
      await moveInvoice(client, c.invoice, 'approval_needed', text, { kind: 'payment' })
      summary.failed.push({ invoice: c.invoice, reason: text })
    }
  })
}

/** A letter telling apart the bank files of one day (A–Z, then 0–9), from how many were written that day already. */
async function fileIdModifier(pool: Pool, today: string): Promise<string> {
  const written = await pool.query<{ n: number }>(
    `select count(distinct bank_file)::int as n from invoice_payments where bank_file like $1`,
    [`billpay-${today}-%`],
  )
  return 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[written.rows[0]!.n % 36]!
}

/**
 * Writes one NACHA CCD file for the run's bank-file payments. An entry the bank would refuse (a bad remittance account,
 * a currency other than USD) is failed on its own, with the reason, before anything is written. The file's name is
 * recorded on the payments first, then the file is written under a temporary name and renamed (all or nothing), then
 * the payments are confirmed: a crash after the rename is recovered by the next run from the file on disk.
 */
async function payByBankFile(pool: Pool, claimed: Claimed[], options: PayRunOptions, summary: PayRunSummary): Promise<string | null> {
  const now = new Date()
  const instruction = (c: Claimed): PaymentInstruction => ({
    paymentId: c.payment,
    payeeId: c.invoice,
    payeeCode: c.invoiceNumber.slice(0, 15),
    payeeName: c.payee.name,
    amount: c.amount,
    currency: c.currency,
    routingNumber: c.payee.routing ?? '',
    accountNumber: c.payee.remitAccount ?? '',
    accountType: 'checking',
    addenda: `INV*${c.invoiceNumber}*${c.payee.accountNumber}\\`.slice(0, 80),
  })
  const modifier = await fileIdModifier(pool, options.today)
  const input = (list: Claimed[]): BatchFileInput => ({
    batchId: list[0]!.payment,
    description: 'TELECOM',
    effectiveDate: options.today,
    createdAt: now.toISOString(),
    fileIdModifier: modifier,
    originator: achOriginator(),
    entryClass: 'CCD',
    payments: list.map(instruction),
  })
  const problems = bankFileProblems(input(claimed))
  const bad = new Map<number, string[]>()
  for (const problem of problems)
    if (problem.paymentId !== null)
      bad.set(problem.paymentId, [...(bad.get(problem.paymentId) ?? []), `${problem.field}: ${problem.message}`])
  const batchProblems = problems.filter((p) => p.paymentId === null)
  if (batchProblems.length) {
    await failBankPayments(
      pool,
      claimed,
      () => `the bank file cannot be written: ${batchProblems.map((p) => `${p.field}: ${p.message}`).join('; ')}; nothing was paid`,
      summary,
    )
    return null
  }
  await failBankPayments(
    pool,
    claimed.filter((c) => bad.has(c.payment)),
    (c) => `the bank would refuse this entry (${bad.get(c.payment)!.join('; ')}); nothing was paid`,
    summary,
  )
  const good = claimed.filter((c) => !bad.has(c.payment))
  if (good.length === 0) return null
  const name = `billpay-${options.today}-${modifier}-${now.getTime()}.ach`
  const text = nachaFile(input(good))
  await pool.query(`update invoice_payments set bank_file = $2, updated_at = now() where id = any($1::int[])`, [
    good.map((c) => c.payment),
    name,
  ])
  const dir = path.join(invoicesDir(), 'bank-files')
  try {
    await mkdir(dir, { recursive: true })
    await writeFile(path.join(dir, `${name}.part`), text)
    await rename(path.join(dir, `${name}.part`), path.join(dir, name))
  } catch (err) {
    await failBankPayments(
      pool,
      good,
      () => `the bank file could not be written (${err instanceof Error ? err.message : String(err)}); nothing was paid`,
      summary,
    )
    return null
  }
  await confirmBankPayments(
    pool,
    good.map((c) => ({ payment: c.payment, invoice: c.invoice, invoiceNumber: c.invoiceNumber })),
    name,
    summary.paid,
  )
  return name
}

async function confirmBankPayments(
  pool: Pool,
  payments: { payment: number; invoice: number; invoiceNumber: string }[],
  name: string,
  into: { invoice: number; confirmation: string }[],
): Promise<void> {
  await withTransaction(pool, {}, async (client) => {
    for (const c of payments) {
      await client.query(
        `update invoice_payments set status = 'confirmed', confirmation = $3, confirmed_at = now(), attempts = attempts + 1, updated_at = now() where id = $1 and bank_file = $2`,
        [c.payment, name, `${name}#${c.invoiceNumber}`],
      )
      await moveInvoice(client, c.invoice, 'paid', `paid by bank file ${name} (NACHA CCD)`, {
        kind: 'payment',
        details: { bankFile: name },
      })
      into.push({ invoice: c.invoice, confirmation: `${name}#${c.invoiceNumber}` })
    }
  })
}

/**
 * Bank-file payments a crash left submitted (for more than ten minutes, so a run still writing its file is left alone):
 * confirmed from the file when it was written, else failed (nothing was sent) and given to a person.
 */
async function recoverBankFiles(pool: Pool, options: PayRunOptions, summary: PayRunSummary): Promise<void> {
  const stuck = await pool.query<{ payment: number; invoice: number; invoiceNumber: string; bankFile: string | null }>(
    `select p.id as payment, p.invoice_id as invoice, i.invoice_number as "invoiceNumber", p.bank_file as "bankFile"
       from invoice_payments p join carrier_invoices i on i.id = p.invoice_id
      where p.method = 'bank_file' and p.status = 'submitted' and p.submitted_at < now() - interval '10 minutes'
        and ($1::int[] is null or p.invoice_id = any($1::int[]))`,
    [options.invoices ?? null],
  )
  const byFile = new Map<string, typeof stuck.rows>()
  const unwritten: typeof stuck.rows = []
  for (const row of stuck.rows) {
    if (row.bankFile && existsSync(path.join(invoicesDir(), 'bank-files', row.bankFile)))
      byFile.set(row.bankFile, [...(byFile.get(row.bankFile) ?? []), row])
    else unwritten.push(row)
  }
  for (const [name, rows] of byFile) await confirmBankPayments(pool, rows, name, summary.recovered)
  await failBankPayments(pool, unwritten, () => 'the payment run stopped before its bank file was written; nothing was paid', summary)
}
