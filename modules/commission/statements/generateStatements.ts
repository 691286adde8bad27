import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'

import { statementsDir } from '../../core/uploadDir'
import { statementBreakdown, summarizeStatement } from '../../../engine/commission/statement'
import type { OnProgress } from '../../core/progress'
import { renderStatementPdf } from './renderPdf'
import { renderStatementXlsx } from './renderXlsx'
import { statementData } from './statementData'
import { dbPool } from '../../../db/pool'

/** Writes a file atomically (temp name, then rename), so a reader never gets half a statement. */
async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  await writeFile(`${file}.part`, bytes)
  await rename(`${file}.part`, file)
}

/**
 * Generates the PDF and xlsx statement of every payee of a run, with live progress, and records each statement's
 * totals. The statements' totals are checked to add up to the run total before the job reports success. Progress
 * goes to `onProgress` every ten statements and at the end.
 */
export async function generateStatements(payload: Payload, runId: number, onProgress: OnProgress): Promise<number> {
  const pool = dbPool(payload)
  const run = (
    await pool.query<{ period_id: number; total: string | null; title: string }>(
      `select period_id, total::text as total, title from commission_runs where id = $1`,
      [runId],
    )
  ).rows[0]
  if (!run) throw new Error(`commission run ${runId} does not exist`)
  const payees = (
    await pool.query<{ payee_id: number }>(`select distinct payee_id from commission_lines where run_id = $1 order by payee_id`, [runId])
  ).rows
  const dir = statementsDir()
  await mkdir(dir, { recursive: true })
  const generatedAt = new Date().toISOString()
  // A statement recorded without its files (imported history) keeps its date when its files are rendered.
  const dated = new Map(
    (
      await pool.query<{ participant_id: number; generated_at: Date }>(
        `select participant_id, generated_at from commission_statements where run_id = $1 and pdf_file is null and generated_at is not null`,
        [runId],
      )
    ).rows.map((row) => [row.participant_id, row.generated_at.toISOString()]),
  )
  const client = await pool.connect()
  // A connection cut while checked out (the database stopping after a shutdown's grace) fails the query in hand; without
  // a listener the client's 'error' event would end the whole process instead.
  const ignoreCut = (): void => {}
  client.on('error', ignoreCut)
  try {
    let done = 0
    for (const { payee_id: payee } of payees) {
      const input = await statementData(client, runId, payee, dated.get(payee) ?? generatedAt)
      const summary = summarizeStatement(input)
      const base = `statement-run${runId}-participant${payee}`
      await writeAtomically(path.join(dir, `${base}.pdf`), await renderStatementPdf(input))
      await writeAtomically(path.join(dir, `${base}.xlsx`), await renderStatementXlsx(input))
      await client.query(
        `insert into commission_statements (title, run_id, period_id, participant_id, currency, total, held, payable, line_count, generated_at, pdf_file, xlsx_file, summary, updated_at, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now(), now())
         on conflict (run_id, participant_id) do update set title = excluded.title, total = excluded.total, held = excluded.held, payable = excluded.payable,
           line_count = excluded.line_count, generated_at = excluded.generated_at, pdf_file = excluded.pdf_file, xlsx_file = excluded.xlsx_file, summary = excluded.summary, updated_at = now()`,
        [
          `${input.participant.name} · ${input.period.label}`,
          runId,
          run.period_id,
          payee,
          input.currency,
          summary.total,
          summary.held,
          summary.payable,
          summary.lineCount,
          dated.get(payee) ?? generatedAt,
          `${base}.pdf`,
          `${base}.xlsx`,
          JSON.stringify(statementBreakdown(summary)),
        ],
      )
      done += 1
      if (done % 10 === 0 || done === payees.length)
        await onProgress({ done, total: payees.length, label: `${done} of ${payees.length} statements` })
    }
    const tie = (
      await client.query<{ ok: boolean; statements: string }>(
        `select coalesce(sum(total), 0) = coalesce($2::numeric, 0) as ok, coalesce(sum(total), 0)::text as statements from commission_statements where run_id = $1`,
        [runId, run.total],
      )
    ).rows[0]!
    if (!tie.ok) throw new Error(`statements of run ${runId} add up to ${tie.statements}, not the run total ${run.total ?? '0'}`)
    return payees.length
  } finally {
    client.off('error', ignoreCut)
    client.release()
  }
}
