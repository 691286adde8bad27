import type { PoolClient } from 'pg'

import type { RowLookups } from '../../engine/ingest/rows'

const norm = (code: string) => code.trim().toUpperCase()

/**
 * The master data rows refer to by code, loaded once per import: dealers (participants of kind dealer), carriers
 * and rate plans (per carrier), clients and services. Codes match case-insensitively.
 */
export async function loadLookups(client: PoolClient): Promise<RowLookups> {
  const dealers = new Map<string, number>()
  const carriers = new Map<string, number>()
  const plans = new Map<string, number>()
  for (const row of (
    await client.query<{ id: number; code: string }>(`select id, code from participants where kind = 'dealer' and code is not null`)
  ).rows) {
    dealers.set(norm(row.code), row.id)
  }
  for (const row of (await client.query<{ id: number; code: string }>(`select id, code from carriers`)).rows)
    carriers.set(norm(row.code), row.id)
  for (const row of (
    await client.query<{ id: number; code: string; carrier: number }>(`select id, code, carrier_id as carrier from rate_plans`)
  ).rows) {
    plans.set(`${row.carrier}|${norm(row.code)}`, row.id)
  }
  const clients = new Map<string, number>()
  for (const row of (
    await client.query<{ id: number; code: string }>(
      `select id, client_code as code from prospects where status = 'client' and client_code is not null`,
    )
  ).rows)
    clients.set(norm(row.code), row.id)
  const services = new Map<string, number>()
  for (const row of (await client.query<{ id: number; code: string }>(`select id, code from services`)).rows)
    services.set(norm(row.code), row.id)
  return {
    clientId: (code) => clients.get(norm(code)) ?? null,
    serviceId: (code) => services.get(norm(code)) ?? null,
    dealerId: (code) => dealers.get(norm(code)) ?? null,
    carrierId: (code) => carriers.get(norm(code)) ?? null,
    ratePlanId: (carrierId, code) => plans.get(`${carrierId}|${norm(code)}`) ?? null,
  }
}
