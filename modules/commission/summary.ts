import { D } from '../../engine/core/decimal'
import { minorUnits } from '../../engine/core/money'
import type { RunContext } from './context'

export type RunSummary = {
  /** The plan's currency; every amount below is in it (absent from summaries saved before it was recorded). */
  currency?: string
  lineCount: number
  payees: number
  total: string
  held: string
  byComponent: { component: string; lines: number; total: string; held: string }[]
  topPayees: { payee: number; name: string; total: string }[]
}

type Group = { component: string | null; payee: number | null; lines: number; total: string; held: string; unrounded: number }

/**
 * Totals of the run's staged lines in one pass (per component, per payee and overall), checked to tie: the
 * component totals must add up to the run total, no posted amount may carry more decimals than the minor units of
 * the plan's currency (JPY 0, USD 2, BHD 3), and every payee
 * must be paid in the plan's currency. Throws when they do not (the run is then rolled back).
 */
export async function summarizeRun(ctx: RunContext): Promise<RunSummary> {
  const { client } = ctx
  const scale = minorUnits(ctx.currency)
  const groups = (
    await client.query<Group>(
      `select component, payee_id as payee, count(*)::int as lines, coalesce(sum(amount), 0)::text as total,
            coalesce(sum(amount) filter (where held), 0)::text as held, count(*) filter (where amount <> round(amount, $1::int))::int as unrounded
       from run_lines group by grouping sets ((component), (payee_id), ())`,
      [scale],
    )
  ).rows
  const overall = groups.find((g) => g.component === null && g.payee === null)!
  const components = groups.filter((g) => g.component !== null).sort((a, b) => (a.component! < b.component! ? -1 : 1))
  const payees = groups.filter((g) => g.payee !== null)
  if (overall.unrounded > 0)
    throw new Error(`${overall.unrounded} lines carry more than the ${scale} decimals of ${ctx.currency}; lines are posted rounded`)
  const sumOfComponents = components.reduce((sum, row) => sum.plus(row.total), new D(0))
  if (!sumOfComponents.eq(overall.total))
    throw new Error(`component totals (${sumOfComponents.toFixed(4)}) do not tie to the run total (${overall.total})`)
  const payeeIds = payees.map((p) => p.payee!)
  const mismatched = await client.query<{ n: number }>(
    `select count(*)::int as n from participants where id = any($1::int[]) and currency <> $2`,
    [payeeIds, ctx.currency],
  )
  if (mismatched.rows[0]!.n > 0)
    ctx.problems.push(`${mismatched.rows[0]!.n} payees are paid in another currency than the plan's ${ctx.currency}`)
  if (ctx.problems.length > 0) throw new Error(ctx.problems.join('; '))
  const top = payees
    .map((p) => ({ payee: p.payee!, total: new D(p.total) }))
    .sort((a, b) => b.total.comparedTo(a.total))
    .slice(0, 10)
  const names = new Map(
    (
      await client.query<{ id: number; name: string }>(`select id, name from participants where id = any($1::int[])`, [
        top.map((t) => t.payee),
      ])
    ).rows.map((r) => [r.id, r.name]),
  )
  return {
    currency: ctx.currency,
    lineCount: overall.lines,
    payees: payees.length,
    total: new D(overall.total).toFixed(4),
    held: new D(overall.held).toFixed(4),
    byComponent: components.map((row) => ({
      component: row.component!,
      lines: row.lines,
      total: new D(row.total).toFixed(4),
      held: new D(row.held).toFixed(4),
    })),
    topPayees: top.map((t) => ({ payee: t.payee, name: names.get(t.payee) ?? '', total: t.total.toFixed(4) })),
  }
}
