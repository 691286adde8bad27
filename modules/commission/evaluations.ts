import { D } from '../../engine/core/decimal'
import type { ComponentKind, Evaluation, EvaluationLine } from '../../engine/commission/components/types'
import { postAmount } from '../../engine/commission/posting'
import type { RunContext } from './context'

export type KeyColumn = { name: string; type: 'int' | 'text' | 'numeric' | 'date' }
export type Evaluated<I> = {
  keys: (string | number | null)[]
  input: I
  evaluation: Evaluation
  rows: number
  /** The approved rule version that priced this input (rule-based kinds), recorded on the evaluation. */
  ruleVersionId?: number
}

/** What an evaluation records of the rule rows behind each of its lines (the `fired` column), in line order. */
export type FiredLines = { label: string; amount: string; rows: EvaluationLine['fired'] }[]

/**
 * Records one evaluation per distinct input combination (`commission_evaluations`, with the inputs the rule saw and
 * its detail) and stages `table(keys…, eval_id, amount)` so lines can join their combination's posted amount in one
 * set-based insert. Problems are added to the run context, with how many rows they affect.
 * An evaluation with several labelled lines (`evaluation.lines`) also stages `table_lines(eval_id, line, description,
 * amount)`, each line rounded on its own (the evaluation's posted amount is their sum), and records the rule version
 * and the rows behind each line.
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
  const post = (amount: Evaluation['amount']) => postAmount(amount, ctx.currency, ctx.version.rounding)
  const linesPosted = evaluated.map((item) => item.evaluation.lines?.map((line) => post(line.amount)))
  const posted = evaluated.map((item, index) =>
    item.evaluation.lines
      ? linesPosted[index]!.reduce((sum, amount) => sum.plus(amount), new D(0)).toFixed(4)
      : post(item.evaluation.amount),
  )
  const fired = evaluated.map((item) =>
    item.evaluation.lines
      ? JSON.stringify(
          item.evaluation.lines.map((line): FiredLines[number] => ({
            label: line.description,
            amount: line.amount.toString(),
            rows: line.fired,
          })),
        )
      : null,
  )
  await client.query(
    `insert into commission_evaluations (id, run_id, component, plan_version_id, inputs, detail, exact, posted, rule_version_id, fired)
     select id, $2, $3, $4, inputs, detail, exact, posted, rule_version, fired
       from unnest($1::int[], $5::jsonb[], $6::jsonb[], $7::text[], $8::text[], $9::int[], $10::jsonb[]) as t(id, inputs, detail, exact, posted, rule_version, fired)`,
    [
      ids,
      ctx.runId,
      kind,
      ctx.version.id,
      evaluated.map((item) => JSON.stringify(item.input)),
      evaluated.map((item) => JSON.stringify(item.evaluation.detail)),
      evaluated.map((item) => item.evaluation.amount.toString()),
      posted,
      evaluated.map((item) => item.ruleVersionId ?? null),
      fired,
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
  if (!evaluated.some((item) => item.evaluation.lines)) return
  const lines = evaluated.flatMap((item, index) =>
    (item.evaluation.lines ?? []).map((line, n) => ({
      id: ids[index]!,
      n: n + 1,
      description: line.description,
      amount: linesPosted[index]![n]!,
    })),
  )
  await client.query(`create temp table ${table}_lines (eval_id int, line int, description text, amount numeric(19,4)) on commit drop`)
  await client.query(`insert into ${table}_lines select * from unnest($1::int[], $2::int[], $3::text[], $4::numeric[])`, [
    lines.map((line) => line.id),
    lines.map((line) => line.n),
    lines.map((line) => line.description),
    lines.map((line) => line.amount),
  ])
  await client.query(`analyze ${table}_lines`)
}
