/**
 * The KPI step's bulk path: the enabled KPI definitions, every member's value of each (engine/multilevel/kpis.ts over
 * the typed-array network), and one row per member and cycle in `member_cycles`, written with multi-row inserts.
 */
import type { PoolClient } from 'pg'

import { calculateKpi, type KpiDefinition, type KpiMeasure } from '../../engine/multilevel/kpis'
import type { Network } from '../../engine/multilevel/network'
import type { OnProgress } from '../core/progress'
import { loadCycleVolumes, loadNetwork, loadPaidRanks, previousCycleId } from './networkData'
import type { CycleRow } from './pipeline'

type Client = Pick<PoolClient, 'query'>

export type KpiRow = KpiDefinition & { id: number; visible: boolean }

/** Counts, not volumes: stored as whole numbers rather than hundredths. */
const COUNT_MEASURES: readonly KpiMeasure[] = ['active_members', 'active_legs']
export const isCount = (measure: KpiMeasure) => COUNT_MEASURES.includes(measure)

/** The KPI definitions that are switched on, with the rank order they break at and their threshold in hundredths. */
export async function enabledKpis(client: Client): Promise<KpiRow[]> {
  const found = await client.query<{
    id: number
    code: string
    measure: KpiMeasure
    basis: 'qualifying' | 'commissionable'
    scope: 'period' | 'cumulative'
    excludeHeadVolume: boolean | null
    breakAtRank: number | null
    threshold: string | null
    level: string | null
    generation: string | null
    visible: boolean | null
  }>(
    `select k.id, k.code, k.measure::text as measure, k.basis::text as basis, k.scope::text as scope, k.exclude_head_volume as "excludeHeadVolume",
            r."order"::int as "breakAtRank", round(k.minimum_threshold * 100)::text as threshold, k.level::text as level,
            k.generation::text as generation, k.visible
       from kpi_definitions k left join ranks r on r.id = k.break_at_rank_id
      where k.enabled order by k.code`,
  )
  for (const row of found.rows)
    if (!/^[A-Za-z][A-Za-z0-9_]{0,31}$/.test(row.code))
      throw new Error(`KPI code "${row.code}" cannot be read by a rule: fix it in KPI definitions`)
  return found.rows.map((row) => ({
    id: row.id,
    code: row.code,
    measure: row.measure,
    basis: row.basis,
    scope: row.scope,
    visible: row.visible !== false,
    ...(row.excludeHeadVolume ? { excludeHeadVolume: true } : {}),
    ...(row.breakAtRank !== null ? { breakAtRank: row.breakAtRank } : {}),
    ...(row.threshold !== null && row.threshold !== '0' ? { minimumThreshold: Number(row.threshold) } : {}),
    ...(row.level !== null ? { level: Number(row.level) } : {}),
    ...(row.generation !== null ? { generation: Number(row.generation) } : {}),
  }))
}

export type KpiResult = { network: Network; kpis: KpiRow[]; values: Float64Array[]; volumes: Awaited<ReturnType<typeof loadCycleVolumes>> }

/**
 * Every enabled KPI of every member for `cycle`, from the orders booked in it (and before it, for cumulative KPIs).
 * Group and generational volumes break at the rank each member was paid in the previous cycle: this cycle's rank is
 * decided from these KPIs, after them.
 */
export async function calculateKpis(client: Client, cycle: CycleRow, timings: Record<string, number> = {}): Promise<KpiResult> {
  let started = performance.now()
  const lap = (name: string) => {
    const now = performance.now()
    timings[name] = (now - started) / 1000
    started = now
  }
  const network = await loadNetwork(client)
  lap('network')
  const kpis = await enabledKpis(client)
  const volumes = await loadCycleVolumes(
    client,
    network,
    cycle,
    kpis.some((k) => k.scope === 'cumulative'),
  )
  lap('volumes')
  const rank = await loadPaidRanks(client, network, await previousCycleId(client, cycle))
  const values = kpis.map((def) => {
    const personal =
      def.basis === 'qualifying'
        ? def.scope === 'period'
          ? volumes.qualifying
          : volumes.cumulativeQualifying
        : def.scope === 'period'
          ? volumes.commissionable
          : volumes.cumulativeCommissionable
    return calculateKpi(network, def, { personal, activeVolume: volumes.qualifying, returns: volumes.returned, rank })
  })
  lap('calculate')
  return { network, kpis, values, volumes }
}

const CHUNK = 100_000

/**
 * Replaces the cycle's member rows with the calculated KPIs (`calculatedKpis` is kept only for members that
 * "Adjust indicators" changes, so the bulk write builds one JSON object per member). The first group-volume KPI also fills the `groupVolume` column lists sort by.
 */
export async function writeMemberKpis(client: Client, cycleId: number, result: KpiResult, onProgress?: OnProgress): Promise<number> {
  const { network, kpis, values, volumes } = result
  await client.query(`delete from member_cycles where cycle_id = $1`, [cycleId])
  const groupIndex = kpis.findIndex((k) => k.measure === 'group_volume')
  const kpiParams = kpis.map((_, k) => `$${k + 7}::int8[]`)
  const json =
    kpis.length === 0
      ? `'{}'::jsonb`
      : `jsonb_build_object(${kpis
          .map((def, k) => `'${def.code}', ${isCount(def.measure) ? `t.k${k}` : `round(t.k${k}::numeric / 100, 2)`}`)
          .join(', ')})`
  const sql = `insert into member_cycles (cycle_id, participant_id, depth, personal_volume, personal_commissionable, returned_volume, group_volume, kpis)
    select $1, t.id, t.depth, round(t.pq::numeric / 100, 2), round(t.pc::numeric / 100, 2), round(t.rq::numeric / 100, 2),
           ${groupIndex >= 0 ? `round(t.k${groupIndex}::numeric / 100, 2)` : 'null'}, j.kpis
      from unnest($2::int[], $3::int[], $4::int8[], $5::int8[], $6::int8[]${kpiParams.length ? ', ' + kpiParams.join(', ') : ''}) as t(id, depth, pq, pc, rq${kpis.map((_, k) => `, k${k}`).join('')})
      cross join lateral (select ${json} as kpis) j`
  for (let from = 0; from < network.size; from += CHUNK) {
    const to = Math.min(network.size, from + CHUNK)
    const slice = <T extends Float64Array | Int32Array>(array: T) => Array.from(array.subarray(from, to))
    await client.query(sql, [
      cycleId,
      slice(network.ids),
      slice(network.depth),
      slice(volumes.qualifying),
      slice(volumes.commissionable),
      slice(volumes.returned),
      ...values.map((column) => slice(column)),
    ])
    await onProgress?.({ done: to, total: network.size, label: 'writing KPIs' })
  }
  return network.size
}
