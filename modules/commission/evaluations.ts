import type { ComponentKind, Evaluation } from '../../engine/commission/components/types'
import { postAmount } from '../../engine/commission/posting'
import type { RunContext } from './context'

export type KeyColumn = { name: string; type: 'int' | 'text' | 'numeric' | 'date' }
export type Evaluated<I> = { keys: (string | number | null)[]; input: I; evaluation: Evaluation; rows: number }

/**
 * Records one evaluation per distinct input combination (`commission_evaluations`, with the inputs the rule saw and
 * its detail) and stages `table(keys…, eval_id, amount)` so lines can join their combination's posted amount in one
 * set-based insert. Problems are added to the run context, with how many rows they affect.
 */
export async function stageEvaluations<I>(
  ctx: RunContext,
  kind: ComponentKind,
  table: string,
  keys: KeyColumn[],
  evaluated: Evaluated<I>[],
): Promise<void> {
  const { client } = ctx
  const tally = (messages: Map<string, number>, message: string | undefined, rows: number) =>
    message && messages.set(message, (messages.get(message) ?? 0) + rows)
  const problems = new Map<string, number>()
  const warnings = new Map<string, number>()
  for (const item of evaluated) {
    tally(problems, item.evaluation.problem, item.rows)
    tally(warnings, item.evaluation.warning, item.rows)
  }
  const rowsOf = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`
  for (const [message, rows] of problems) ctx.problems.push(`${message} (${rowsOf(rows)})`)
  for (const [message, rows] of warnings) ctx.warnings.push(`${rowsOf(rows)}: ${message}`)
  const ids =
    evaluated.length === 0
      ? []
      : (
          await client.query<{ id: number }>(
            `select nextval(pg_get_serial_sequence('commission_evaluations', 'id'))::int as id from generate_series(1, $1)`,
            [evaluated.length],
          )
        ).rows.map((row) => row.id)
  const posted = evaluated.map((item) => postAmount(item.evaluation.amount, ctx.currency, ctx.version.rounding))
  await client.query(
    `insert into commission_evaluations (id, run_id, component, plan_version_id, inputs, detail, exact, posted)
     select id, $2, $3, $4, inputs, detail, exact, posted from unnest($1::int[], $5::jsonb[], $6::jsonb[], $7::text[], $8::text[]) as t(id, inputs, detail, exact, posted)`,
    [
      ids,
      ctx.runId,
      kind,
      ctx.version.id,
      evaluated.map((item) => JSON.stringify(item.input)),
      evaluated.map((item) => JSON.stringify(item.evaluation.detail)),
      evaluated.map((item) => item.evaluation.amount.toString()),
      posted,
    ],
  )
  const columns = keys.map((key) => `${key.name} ${key.type}`).join(', ')
  await client.query(`create temp table ${table} (${columns}, eval_id int, amount numeric(19,4)) on commit drop`)
  const arrays = keys.map((key, index) => evaluated.map((item) => item.keys[index] ?? null))
  const params = keys.map((key, index) => `$${index + 1}::${key.type}[]`).join(', ')
  await client.query(`insert into ${table} select * from unnest(${params}, $${keys.length + 1}::int[], $${keys.length + 2}::numeric[])`, [
    ...arrays,
    ids,
    posted,
  ])
  await client.query(`analyze ${table}`)
}
