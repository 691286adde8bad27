/**
 * Processing: an ingested invoice is read (PDF by its layout template, CSV, EDI 811), matched to its carrier account,
 * recognised as a duplicate or not, its lines written, and evaluated (./evaluate.ts): it ends in pending payment when
 * every check holds and it is within its auto-pay limit, else in approval needed with the reasons, or rejected as a
 * duplicate. "processing" is committed first, so open pages see it while the file is read. Nothing here throws a
 * file's content at the caller: an unexpected failure puts the invoice in error with the reason.
 */
import type { Pool, PoolClient } from 'pg'

import type { LayoutTemplate } from '../../engine/billpay/templates'
import type { ParsedInvoice } from '../../engine/billpay/types'
import { withTransaction } from '../../db/withTransaction'
import { readCsvInvoice } from './csvInvoice'
import { evaluateInvoice } from './evaluate'
import { moveInvoice, recordEvent } from './events'
import { readInvoiceFile } from './files'
import { readPdfInvoice } from './readPdf'
import { readX12Invoice } from './x12Invoice'

/** Reading an invoice again would make two live invoices of one account and number. */
export class InvoiceConflict extends Error {}

export type ProcessOutcome = { invoice: number; status: string; reason: string | null }

/** The enabled layout templates, as stored. */
export async function loadTemplates(pool: Pick<Pool, 'query'>): Promise<LayoutTemplate[]> {
  const rows = await pool.query<{ definition: LayoutTemplate; name: string }>(
    `select name, definition from invoice_templates where enabled order by id`,
  )
  return rows.rows.map((row) => ({ ...row.definition, name: row.definition.name ?? row.name }))
}

/** Reads a file by its kind; never throws. */
export async function readInvoice(data: Buffer, fileType: string, templates: LayoutTemplate[]): Promise<ParsedInvoice> {
  if (fileType === 'pdf') return readPdfInvoice(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), templates)
  if (fileType === 'x12_811') return readX12Invoice(data.toString('utf8'))
  if (fileType === 'csv') return readCsvInvoice(data.toString('utf8'))
  return {
    ...Object.fromEntries(
      [
        'accountNumber',
        'invoiceNumber',
        'statementDate',
        'dueDate',
        'currency',
        'previousBalance',
        'payments',
        'newCharges',
        'taxes',
        'totalDue',
      ].map((k) => [k, null]),
    ),
    format: 'pdf',
    lines: [],
    pages: 0,
    template: null,
    problems: [{ where: 'file', message: 'the file is neither a PDF, a CSV nor an EDI X12 interchange' }],
  } as unknown as ParsedInvoice
}

/** Takes the next invoice waiting to be read (skipping ones another worker holds) and processes it; null when none waits. */
export async function processNextInvoice(pool: Pool, templates: LayoutTemplate[], today: string): Promise<ProcessOutcome | null> {
  const claimed = await withTransaction(pool, {}, async (client) => {
    // Waiting to be read, or left in processing for ten minutes by a worker that stopped (a crash, a killed job).
    const next = await client.query<{ id: number; status: string }>(
      `select id, status::text as status from carrier_invoices
        where status = 'pending_ingestion' or (status = 'processing' and updated_at < now() - interval '10 minutes')
        order by id for update skip locked limit 1`,
    )
    const row = next.rows[0]
    if (row === undefined) return null
    if (row.status === 'processing') {
      await client.query(`update carrier_invoices set updated_at = now() where id = $1`, [row.id])
      await recordEvent(client, row.id, { kind: 'status', reason: 'read again: the worker reading it stopped before it finished' })
    } else await moveInvoice(client, row.id, 'processing', 'reading the file')
    return row.id
  })
  if (claimed === null) return null
  return readAndEvaluate(pool, claimed, templates, today)
}

/** Processes every invoice waiting to be read; returns what became of each. */
export async function processPendingInvoices(
  pool: Pool,
  today: string,
  onEach?: (outcome: ProcessOutcome) => void,
): Promise<ProcessOutcome[]> {
  const templates = await loadTemplates(pool)
  const outcomes: ProcessOutcome[] = []
  for (;;) {
    const outcome = await processNextInvoice(pool, templates, today)
    if (!outcome) return outcomes
    outcomes.push(outcome)
    onEach?.(outcome)
  }
}

/** Reads an invoice already marked processing, and evaluates it; an unexpected failure puts it in error. */
export async function readAndEvaluate(pool: Pool, invoiceId: number, templates: LayoutTemplate[], today: string): Promise<ProcessOutcome> {
  try {
    const file = await pool.query<{ sha: string; type: string }>(
      `select file_sha256 as sha, file_type::text as type from carrier_invoices where id = $1`,
      [invoiceId],
    )
    const parsed = await readInvoice(await readInvoiceFile(file.rows[0]!.sha), file.rows[0]!.type, templates)
    return await withTransaction(pool, {}, (client) => storeAndEvaluate(client, invoiceId, parsed, today))
  } catch (err) {
    const reason = `processing failed: ${err instanceof Error ? err.message : String(err)}`
    await withTransaction(pool, {}, async (client) => {
      await client.query(`update carrier_invoices set parsed_at = now() where id = $1`, [invoiceId])
      await moveInvoice(client, invoiceId, 'error', reason)
    })
    return { invoice: invoiceId, status: 'error', reason }
  }
}

function normalizedAccount(text: string): string {
  return text.replace(/[^0-9A-Za-z]/g, '').toUpperCase()
}

async function storeAndEvaluate(client: PoolClient, invoiceId: number, parsed: ParsedInvoice, today: string): Promise<ProcessOutcome> {
  const current = (
    await client.query<{ accountId: number | null; carrierId: number | null }>(
      `select account_id as "accountId", carrier_id as "carrierId" from carrier_invoices where id = $1 for update`,
      [invoiceId],
    )
  ).rows[0]!
  const problems = [...parsed.problems]
  let accountId = current.accountId
  let carrierId = current.carrierId
  if (accountId !== null && parsed.accountNumber) {
    // Sent for an account (its portal, a REST caller's `account`): the file's own account number must agree.
    const given = await client.query<{ number: string }>(`select account_number as number from carrier_accounts where id = $1`, [accountId])
    const number = given.rows[0]?.number ?? ''
    if (normalizedAccount(number) !== normalizedAccount(parsed.accountNumber)) {
      problems.push({
        where: 'header.accountNumber',
        message: `the file is for account ${parsed.accountNumber}, not ${number} it was sent for; matched by the file's number`,
      })
      accountId = null
      carrierId = null
    }
  }
  if (accountId === null && parsed.accountNumber) {
    const found = await client.query<{ id: number }>(
      `select id from carrier_accounts where regexp_replace(upper(account_number), '[^0-9A-Z]', '', 'g') = $1 and ($2::int is null or carrier_id = $2) limit 2`,
      [normalizedAccount(parsed.accountNumber), carrierId],
    )
    if (found.rows.length === 1) accountId = found.rows[0]!.id
    else if (found.rows.length > 1)
      problems.push({
        where: 'header.accountNumber',
        message: `account number ${parsed.accountNumber} belongs to several carriers' accounts`,
      })
  }
  if (accountId !== null) await client.query(`select pg_advisory_xact_lock(hashtext($1))`, [`accrue.billpay.account.${accountId}`])
  const duplicate =
    accountId !== null && parsed.invoiceNumber
      ? (
          await client.query<{ id: number }>(
            `select id from carrier_invoices where account_id = $1 and invoice_number = $2 and duplicate_of_id is null and status <> 'rejected' and id <> $3 limit 1`,
            [accountId, parsed.invoiceNumber, invoiceId],
          )
        ).rows[0]
      : undefined
  await client.query(
    `update carrier_invoices set account_id = $2,
            carrier_id = coalesce((select carrier_id from carrier_accounts where id = $2), (select carrier_id from invoice_templates where name = $15), carrier_id),
            account_number = $3, invoice_number = $4, statement_date = $5, due_date = $6,
            currency = coalesce($7, (select currency from carrier_accounts where id = $2)), previous_balance = $8, payments = $9,
            new_charges = $10, taxes = $11, total_due = $12, problems = $13, pages = $14, template = $15, line_count = $16,
            duplicate_of_id = $17, parsed_at = now(), updated_at = now()
      where id = $1`,
    [
      invoiceId,
      accountId,
      parsed.accountNumber,
      parsed.invoiceNumber,
      parsed.statementDate,
      parsed.dueDate,
      parsed.currency,
      parsed.previousBalance,
      parsed.payments,
      parsed.newCharges,
      parsed.taxes,
      parsed.totalDue,
      JSON.stringify(problems),
      parsed.pages,
      parsed.template,
      parsed.lines.length,
      duplicate?.id ?? null,
    ],
  )
  // The allocations go with the lines they point at; evaluateInvoice writes them again.
  await client.query(`delete from invoice_allocations where invoice_id = $1`, [invoiceId])
  await client.query(`delete from invoice_lines where invoice_id = $1`, [invoiceId])
  const lines = parsed.lines
  for (let start = 0; start < lines.length; start += 5_000) {
    const batch = lines.slice(start, start + 5_000)
    await client.query(
      `insert into invoice_lines (invoice_id, line_no, service_id, description, charge_type, amount, page, box, corrected, updated_at, created_at)
       select $1, t.line_no, t.service, t.description, t.charge_type, t.amount, t.page, t.box, false, now(), now()
         from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::int[], $8::jsonb[]) as t(line_no, service, description, charge_type, amount, page, box)`,
      [
        invoiceId,
        batch.map((l) => l.lineNo),
        batch.map((l) => l.serviceId),
        batch.map((l) => l.description),
        batch.map((l) => l.chargeType),
        batch.map((l) => l.amount),
        batch.map((l) => l.page),
        batch.map((l) => (l.box ? JSON.stringify(l.box) : null)),
      ],
    )
  }
  if (duplicate) {
    const reason = `a duplicate: invoice ${parsed.invoiceNumber} of this account arrived before as invoice #${duplicate.id}; it is kept here and never paid`
    await moveInvoice(client, invoiceId, 'rejected', reason, { details: { duplicateOf: duplicate.id } })
    return { invoice: invoiceId, status: 'rejected', reason }
  }
  const evaluation = await evaluateInvoice(client, invoiceId, today)
  const status = evaluation.failures.length === 0 ? 'pending_payment' : 'approval_needed'
  const reason =
    evaluation.failures.length === 0
      ? 'every check holds and it is within its auto-pay limit'
      : evaluation.failures.map((f) => f.message).join('; ')
  await moveInvoice(client, invoiceId, status, reason, {
    details: { lines: lines.length, problems: problems.length, template: parsed.template, failures: evaluation.failures },
  })
  return { invoice: invoiceId, status, reason }
}

/** Sends an invoice back to be read again (after a template fix, or a new account): its status becomes processing. */
export async function reprocessInvoice(pool: Pool, invoiceId: number, actor: number | null, today: string): Promise<ProcessOutcome> {
  await withTransaction(pool, {}, async (client) => {
    const live = await client.query<{ id: number }>(
      `select other.id from carrier_invoices me join carrier_invoices other
          on other.account_id = me.account_id and other.invoice_number = me.invoice_number and other.id <> me.id
       where me.id = $1 and me.duplicate_of_id is null and other.duplicate_of_id is null and other.status <> 'rejected' limit 1`,
      [invoiceId],
    )
    if (live.rows[0])
      throw new InvoiceConflict(`invoice #${live.rows[0].id} of the same account and number is live; read that one again instead`)
    await moveInvoice(client, invoiceId, 'processing', 'read again on request', { actor })
    await recordEvent(client, invoiceId, {
      kind: 'correction',
      reason: 'the file is read again with the current templates and accounts',
      actor,
    })
  })
  return readAndEvaluate(pool, invoiceId, await loadTemplates(pool), today)
}
