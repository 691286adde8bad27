/**
 * What the pipeline steps read in bulk, as typed arrays indexed like the network: the tree itself, each member's
 * volumes for a cycle (whole hundredths), and the previous cycle's ranks. One query each, rows read as arrays, so a
 * ten-million-member network loads without an object per member.
 */
import type { PoolClient } from 'pg'

import { buildNetwork, indexOfIds, type Network } from '../../engine/multilevel/network'
import type { CycleRow } from './pipeline'

type Client = Pick<PoolClient, 'query'>

/** The participant tree as a network, or an error listing why it is not one tree (named members, at most 20 reasons). */
export async function loadNetwork(client: Client): Promise<Network> {
  const found = await client.query<[number, number]>({
    text: `select id, coalesce(parent_id, 0) from participants order by id`,
    rowMode: 'array',
  })
  const n = found.rows.length
  const ids = new Int32Array(n)
  const parents = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const row = found.rows[i]!
    ids[i] = row[0]
    parents[i] = row[1]
  }
  const built = buildNetwork(ids, parents)
  if (built.network) return built.network
  // Only a broken network pays for names: the problems name the members involved.
  const names = new Map(
    (await client.query<{ id: number; name: string }>(`select id, name from participants`)).rows.map((row) => [row.id, row.name]),
  )
  const named = buildNetwork(ids, parents, (id) => names.get(id) ?? `#${id}`)
  const problems = named.network ? built.problems : named.problems
  throw new Error(`the network is not one tree (one root, no cycles, every parent known): ${problems.map((p) => p.message).join('; ')}`)
}

/** Each member's volumes for a cycle, whole hundredths, by network index. */
export type CycleVolumes = {
  /** Period, net of returns. */
  qualifying: Float64Array
  commissionable: Float64Array
  /** Every cycle up to this one's end, net of returns. */
  cumulativeQualifying: Float64Array
  cumulativeCommissionable: Float64Array
  /** Qualifying volume returned in the period (positive). */
  returned: Float64Array
  /** Order lines read (orders and returns of the period). */
  lines: number
}

/**
 * Sums every member's order lines in PostgreSQL (one grouped scan; the whole history only when a cumulative KPI
 * needs it, the cycle alone otherwise) and places them by network index. Volumes are
 * stored to the hundredth, so `* 100` is a whole number and the sums in the engine are exact.
 */
export async function loadCycleVolumes(
  client: Client,
  network: Network,
  cycle: Pick<CycleRow, 'startsOn' | 'endsOn'>,
  cumulative = true,
): Promise<CycleVolumes> {
  const n = network.size
  const volumes: CycleVolumes = {
    qualifying: new Float64Array(n),
    commissionable: new Float64Array(n),
    cumulativeQualifying: new Float64Array(n),
    cumulativeCommissionable: new Float64Array(n),
    returned: new Float64Array(n),
    lines: 0,
  }
  const found = await client.query<[number, string, string, string, string, string, string]>({
    text: `select consultant_id,
                  coalesce(round(sum(qualifying_volume) filter (where booked_on >= $1::date) * 100), 0)::text,
                  coalesce(round(sum(commissionable_volume) filter (where booked_on >= $1::date) * 100), 0)::text,
                  round(sum(qualifying_volume) * 100)::text,
                  round(sum(commissionable_volume) * 100)::text,
                  coalesce(round(-sum(qualifying_volume) filter (where booked_on >= $1::date and kind = 'return') * 100), 0)::text,
                  (count(*) filter (where booked_on >= $1::date))::text
             from network_orders where booked_on <= $2::date ${cumulative ? '' : 'and booked_on >= $1::date'} group by consultant_id`,
    values: [cycle.startsOn, cycle.endsOn],
    rowMode: 'array',
  })
  const indexOf = indexOfIds(network)
  for (const row of found.rows) {
    const i = indexOf(row[0])
    if (i < 0) throw new Error(`orders name participant #${row[0]}, who is not in the network`)
    volumes.qualifying[i] = Number(row[1])
    volumes.commissionable[i] = Number(row[2])
    volumes.cumulativeQualifying[i] = Number(row[3])
    volumes.cumulativeCommissionable[i] = Number(row[4])
    volumes.returned[i] = Number(row[5])
    volumes.lines += Number(row[6])
  }
  return volumes
}

/**
 * The regular cycle before `cycle` whose ranks were decided (the last one ending before it starts), or null: what
 * grace, honorary ranks and group breaks read as "last cycle". Advance cycles never count: their ranks are provisional.
 */
export async function previousCycleId(client: Client, cycle: Pick<CycleRow, 'id' | 'startsOn'>): Promise<number | null> {
  const found = await client.query<{ id: number }>(
    `select p.id from commission_periods p
      where p.ends_on < $1::date and p.id <> $2 and p.cycle = 'regular'
        and exists (select 1 from member_cycles m where m.cycle_id = p.id and m.rank_source is not null)
      order by p.ends_on desc limit 1`,
    [cycle.startsOn, cycle.id],
  )
  return found.rows[0]?.id ?? null
}

/** Rank orders of one cycle's paid rank per member (0 = none), by network index. */
export async function loadPaidRanks(client: Client, network: Network, cycleId: number | null): Promise<Int32Array> {
  const ranks = new Int32Array(network.size)
  if (cycleId === null) return ranks
  const found = await client.query<[number, number]>({
    text: `select m.participant_id, r."order" from member_cycles m join ranks r on r.id = m.paid_rank_id where m.cycle_id = $1`,
    values: [cycleId],
    rowMode: 'array',
  })
  const indexOf = indexOfIds(network)
  for (const [id, order] of found.rows) {
    const i = indexOf(id)
    if (i >= 0) ranks[i] = order
  }
  return ranks
}

/** Whole hundredths as exact decimal text: 12345 → "123.45", -5 → "-0.05". */
export function centsText(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  const units = Math.floor(abs / 100)
  const rest = abs - units * 100
  return `${sign}${units}.${rest < 10 ? '0' : ''}${rest}`
}
