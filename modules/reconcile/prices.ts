import type { PoolClient } from 'pg'

import { priceLine, versionInForce } from '../../engine/telecom'
import type { ActivationType, ScheduleLine, ScheduleVersion } from '../../engine/telecom'

/** The carrier's approved payout schedule versions with their lines. */
export async function loadScheduleVersions(client: PoolClient, carrierId: number, currency: string): Promise<ScheduleVersion[]> {
  const versions = await client.query<{ id: number; version: number; effectiveFrom: string }>(
    `select id, version::int as version, effective_from::text as "effectiveFrom"
       from payout_schedules where carrier_id = $1 and status = 'approved' order by effective_from`,
    [carrierId],
  )
  const lines = await client.query<{
    parent: number
    kind: ScheduleLine['kind']
    activationType: ActivationType | null
    ratePlanId: number | null
    featureCode: string | null
    amount: string
  }>(
    `select _parent_id as parent, kind, activation_type as "activationType", rate_plan_id as "ratePlanId", feature_code as "featureCode", amount::text as amount
       from payout_schedules_lines where _parent_id = any($1::int[])`,
    [versions.rows.map((v) => v.id)],
  )
  return versions.rows.map((version) => ({
    ...version,
    currency,
    lines: lines.rows.filter((line) => line.parent === version.id).map(({ parent: _parent, ...line }) => line),
  }))
}

/**
 * Prices every distinct (day, plan, activation type, features) combination found on either side of the run (`params`:
 * carrier, start, end, tolerance, as in matching.ts), once
 * each, with the schedule version in force on that day, into the temp table `run_prices` the matching joins to.
 * A month of a million lines has a few thousand combinations, so the pricing rules stay in the engine at no cost.
 */
export async function buildPriceTable(client: PoolClient, versions: readonly ScheduleVersion[], params: unknown[]): Promise<number> {
  const combos = await client.query<{ d: string; plan: number; t: ActivationType; features: string }>(
    `select d::text as d, plan, t, features from (
       select sale_date as d, rate_plan_id as plan, activation_type::text as t, coalesce(features, '') as features
         from dealer_sales where carrier_id = $1 and sale_date between $2::date and $3::date
       union
       select activation_date, rate_plan_id, activation_type::text, coalesce(features, '')
         from carrier_records where carrier_id = $1 and activation_date between $2::date - $4::int and $3::date + $4::int) c`,
    params,
  )
  const priced = combos.rows.map((combo) => {
    const version = versionInForce(versions, combo.d)
    const price = priceLine(version, {
      ratePlanId: combo.plan,
      activationType: combo.t,
      features: combo.features ? combo.features.split(',') : [],
    })
    return { ...combo, total: price.total, versionId: price.scheduleVersionId }
  })
  await client.query(
    `create temp table run_prices (d date, plan int, t text, features varchar, total numeric(19,4), version_id int, primary key (d, plan, t, features)) on commit drop`,
  )
  await client.query(
    `insert into run_prices select * from unnest($1::date[], $2::int[], $3::text[], $4::varchar[], $5::numeric[], $6::int[])`,
    [
      priced.map((p) => p.d),
      priced.map((p) => p.plan),
      priced.map((p) => p.t),
      priced.map((p) => p.features),
      priced.map((p) => p.total),
      priced.map((p) => p.versionId),
    ],
  )
  await client.query(`analyze run_prices`)
  return priced.length
}
