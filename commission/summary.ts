import { D } from '../engine/commission/decimal'
import type { RunContext } from './context'

export type RunSummary = {
  lineCount: number
  payees: number
  total: string
  held: string
  byComponent: { component: string; lines: number; total: string; held: string }[]
  topPayees: { payee: number; name: string; total: string }[]
}

/**
 * Totals of the run's lines, checked to tie: the component totals must add up to the run total, and no posted
 * amount may carry more than two decimals. Throws when they do not (the run is then rolled back).
 */
export async function summarizeRun(ctx: RunContext): Promise<RunSummary> {
  const { client, runId } = ctx
  const components = await client.query<{ component: string; lines: number; total: string; held: string }>(
    `select component::text as component, count(*)::int as lines, sum(amount)::text as total, coalesce(sum(amount) filter (where held), 0)::text as held
       from commission_lines where run_id = $1 group by component order by component`,
    [runId],
  )
  const overall = (await client.query<{ lines: number; payees: number; total: string; held: string; unrounded: number }>(
    `select count(*)::int as lines, count(distinct payee_id)::int as payees, coalesce(sum(amount), 0)::text as total,
            coalesce(sum(amount) filter (where held), 0)::text as held, count(*) filter (where amount <> round(amount, 2))::int as unrounded
       from commission_lines where run_id = $1`,
    [runId],
  )).rows[0]!
  if (overall.unrounded > 0) throw new Error(`${overall.unrounded} lines carry more than two decimals; lines are posted rounded`)
  const sumOfComponents = components.rows.reduce((sum, row) => sum.plus(row.total), new D(0))
  if (!sumOfComponents.eq(overall.total)) throw new Error(`component totals (${sumOfComponents.toFixed(4)}) do not tie to the run total (${overall.total})`)
  const mismatched = await client.query<{ n: number }>(
    `select count(distinct l.payee_id)::int as n from commission_lines l join participants p on p.id = l.payee_id where l.run_id = $1 and p.currency <> l.currency`,
    [runId],
  )
  if (mismatched.rows[0]!.n > 0) ctx.problems.push(`${mismatched.rows[0]!.n} payees are paid in another currency than the plan's ${ctx.currency}`)
  if (ctx.problems.length > 0) throw new Error(ctx.problems.join('; '))
  const top = await client.query<{ payee: number; name: string; total: string }>(
    `select l.payee_id as payee, p.name, sum(l.amount)::text as total from commission_lines l join participants p on p.id = l.payee_id
      where l.run_id = $1 group by l.payee_id, p.name order by sum(l.amount) desc limit 10`,
    [runId],
  )
  return {
    lineCount: overall.lines,
    payees: overall.payees,
    total: new D(overall.total).toFixed(4),
    held: new D(overall.held).toFixed(4),
    byComponent: components.rows.map((row) => ({ ...row, total: new D(row.total).toFixed(4), held: new D(row.held).toFixed(4) })),
    topPayees: top.rows.map((row) => ({ ...row, total: new D(row.total).toFixed(4) })),
  }
}
