import { calculateKpis, writeMemberKpis } from '../kpis'
import type { StepRunner } from '../pipeline'

/**
 * Return indicators: every return booked in the cycle must return no more than its order line (after earlier returns
 * of that line); totals the returned volume. Imports refuse over-returns; this catches any written another way.
 */
export const returnIndicators: StepRunner = {
  async run({ client, cycle }) {
    const over = await client.query<{ order_number: string; line: string; ordered: string; returned: string }>(
      `select o.order_number, o.line::text, o.quantity::text as ordered, sum(r.quantity)::text as returned
         from network_orders r join network_orders o on o.id = r.return_of_id
        where r.kind = 'return' and o.id in (select return_of_id from network_orders where kind = 'return' and booked_on between $1 and $2)
        group by o.id, o.order_number, o.line, o.quantity having sum(r.quantity) > o.quantity limit 10`,
      [cycle.startsOn, cycle.endsOn],
    )
    if (over.rows.length > 0)
      throw new Error(
        `returns exceed their orders: ${over.rows.map((r) => `order ${r.order_number} line ${r.line} (${r.ordered} ordered, ${r.returned} returned)`).join('; ')}`,
      )
    const totals = (
      await client.query<{ n: number; members: number; volume: string }>(
        `select count(*)::int as n, count(distinct consultant_id)::int as members, coalesce(-sum(qualifying_volume), 0)::text as volume
           from network_orders where kind = 'return' and booked_on between $1 and $2`,
        [cycle.startsOn, cycle.endsOn],
      )
    ).rows[0]!
    return {
      detail: `${totals.n} returns by ${totals.members} members take back ${totals.volume} of qualifying volume in ${cycle.label}`,
      counts: { returns: totals.n, members: totals.members, volume: totals.volume },
    }
  },
}

/** Calculate indicators: every enabled KPI of every member, from the cycle's orders net of returns. */
export const calculateIndicators: StepRunner = {
  async run({ client, cycle, onProgress }) {
    const timings: Record<string, number> = {}
    const result = await calculateKpis(client, cycle, timings)
    const started = performance.now()
    const members = await writeMemberKpis(client, cycle.id, result, onProgress)
    timings.write = (performance.now() - started) / 1000
    return {
      detail: `${result.kpis.length} KPIs (${result.kpis.map((k) => k.code).join(', ') || 'none enabled'}) for ${members} members from ${result.volumes.lines} order lines`,
      counts: {
        members,
        kpis: result.kpis.length,
        orderLines: result.volumes.lines,
        seconds: Object.values(timings)
          .reduce((a, b) => a + b, 0)
          .toFixed(2),
      },
    }
  },
}

/**
 * Adjust indicators: each member's KPIs become the calculated values plus the sum of the cycle's manual adjustments
 * (audited when they were entered). Re-running starts from the calculated values again, so nothing is added twice.
 */
export const adjustIndicators: StepRunner = {
  async run({ client, cycle }) {
    // Members adjusted by an earlier run go back to their calculated KPIs first.
    const reset = await client.query(
      `update member_cycles set kpis = calculated_kpis, calculated_kpis = null where cycle_id = $1 and calculated_kpis is not null`,
      [cycle.id],
    )
    const unknown = await client.query<{ code: string; name: string }>(
      `select k.code, p.name from kpi_adjustments a join kpi_definitions k on k.id = a.kpi_id join participants p on p.id = a.participant_id
        where a.cycle_id = $1 and (not coalesce(k.enabled, false) or not exists (select 1 from member_cycles m where m.cycle_id = $1 and m.participant_id = a.participant_id))
        limit 5`,
      [cycle.id],
    )
    if (unknown.rows.length > 0)
      throw new Error(
        `adjustments cannot apply: ${unknown.rows.map((r) => `"${r.code}" of ${r.name}`).join(', ')} (the KPI is switched off, or the member has no figures this cycle)`,
      )
    const applied = await client.query<{ n: number }>(
      `with sums as (
         select s.participant_id, jsonb_object_agg(k.code, s.delta) as deltas, sum(s.n)::int as n
           from (select participant_id, kpi_id, sum(delta) as delta, count(*) as n from kpi_adjustments where cycle_id = $1 group by participant_id, kpi_id) s
           join kpi_definitions k on k.id = s.kpi_id
          group by s.participant_id)
       update member_cycles m
          set calculated_kpis = m.kpis,
              kpis = m.kpis || (select jsonb_object_agg(d.key, coalesce((m.kpis ->> d.key)::numeric, 0) + d.value::numeric) from jsonb_each_text(s.deltas) d)
         from sums s where m.cycle_id = $1 and m.participant_id = s.participant_id
       returning s.n`,
      [cycle.id],
    )
    const adjustments = applied.rows.reduce((sum, row) => sum + row.n, 0)
    return {
      detail: `${adjustments} adjustments applied to ${applied.rowCount ?? 0} members${reset.rowCount ? ` (${reset.rowCount} members reset to their calculated KPIs first)` : ''}`,
      counts: { adjustments, members: applied.rowCount ?? 0 },
    }
  },
}

/** Integrate indicators: the cycle's settlement totals of every KPI across the network, kept on the run. */
export const integrateIndicators: StepRunner = {
  async run({ client, cycle }) {
    const totals = await client.query<{ code: string; total: string; members: number }>(
      `select e.key as code, sum(e.value::numeric)::text as total, count(*) filter (where e.value::numeric <> 0)::int as members
         from member_cycles m cross join lateral jsonb_each_text(m.kpis) e where m.cycle_id = $1 group by e.key order by e.key`,
      [cycle.id],
    )
    if (totals.rows.length === 0) throw new Error('no KPIs for this cycle: run "Calculate indicators" first')
    const counts = Object.fromEntries(totals.rows.map((r) => [r.code, r.total]))
    return { detail: `settled: ${totals.rows.map((r) => `${r.code} ${r.total} (${r.members} members)`).join(', ')}`, counts }
  },
}
