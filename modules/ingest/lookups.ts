import type { PoolClient } from 'pg'

import type { PriceList, ProductInfo } from '../../engine/ingest/networkOrders'
import type { RowLookups } from '../../engine/ingest/rows'

const norm = (code: string) => code.trim().toUpperCase()

/** The row lookups, and the way back from an id to its code (to show a row as it will be stored). */
export type ImportLookups = Required<RowLookups> & {
  codeOf: { dealer(id: number): string | null; carrier(id: number): string | null; ratePlan(id: number): string | null }
}

/**
 * The master data rows refer to by code, loaded once per import: dealers (participants of kind dealer), carriers
 * (by code, or by a name only one carrier has and no carrier has as its code) and rate plans (per carrier), clients and services. Codes and
 * names match case-insensitively.
 */
export async function loadLookups(client: PoolClient): Promise<ImportLookups> {
  const dealers = new Map<string, number>()
  const carriers = new Map<string, number>()
  const plans = new Map<string, number>()
  for (const row of (
    await client.query<{ id: number; code: string }>(`select id, code from participants where kind = 'dealer' and code is not null`)
  ).rows) {
    dealers.set(norm(row.code), row.id)
  }
  const carrierRows = (await client.query<{ id: number; code: string; name: string | null }>(`select id, code, name from carriers`)).rows
  for (const row of carrierRows) carriers.set(norm(row.code), row.id)
  // A name two carriers share names neither: such a row is an unknown value, to be fixed by a value translation.
  const byName = new Map<string, number[]>()
  for (const row of carrierRows) if (row.name) byName.set(norm(row.name), [...(byName.get(norm(row.name)) ?? []), row.id])
  for (const [name, ids] of byName) if (ids.length === 1 && !carriers.has(name)) carriers.set(name, ids[0]!)
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
  const consultants = new Map<string, number>()
  for (const row of (
    await client.query<{ id: number; code: string }>(
      `select id, code from participants where kind <> 'operating_company' and code is not null`,
    )
  ).rows)
    consultants.set(norm(row.code), row.id)
  const products = await loadProducts(client)
  const territories = new Map<string, number>()
  for (const row of (await client.query<{ id: number; code: string }>(`select id, code from territories where code is not null`)).rows)
    territories.set(norm(row.code), row.id)
  const ticketQueues = new Map<string, number>()
  for (const row of (await client.query<{ id: number; code: string }>(`select id, code from ticket_queues`)).rows)
    ticketQueues.set(norm(row.code), row.id)
  const dealerCodes = new Map<number, string>()
  const planCodes = new Map<number, string>()
  for (const [key, id] of plans) planCodes.set(id, key.slice(key.indexOf('|') + 1))
  for (const [code, id] of dealers) dealerCodes.set(id, code)
  const carrierCodes = new Map(carrierRows.map((row) => [row.id, row.code]))
  return {
    codeOf: {
      dealer: (id) => dealerCodes.get(id) ?? null,
      carrier: (id) => carrierCodes.get(id) ?? null,
      ratePlan: (id) => planCodes.get(id) ?? null,
    },
    clientId: (code) => clients.get(norm(code)) ?? null,
    serviceId: (code) => services.get(norm(code)) ?? null,
    dealerId: (code) => dealers.get(norm(code)) ?? null,
    consultantId: (code) => consultants.get(norm(code)) ?? null,
    product: (code) => products.get(norm(code)) ?? null,
    territoryId: (code) => territories.get(norm(code)) ?? null,
    ticketQueueId: (code) => ticketQueues.get(norm(code)) ?? null,
    carrierId: (code) => carriers.get(norm(code)) ?? null,
    ratePlanId: (carrierId, code) => plans.get(`${carrierId}|${norm(code)}`) ?? null,
  }
}

/** The catalog of network products by code, with each price list keyed by its currency. */
async function loadProducts(client: PoolClient): Promise<Map<string, ProductInfo>> {
  const products = new Map<number, ProductInfo>()
  for (const row of (await client.query<{ id: number; code: string; active: boolean | null }>(`select id, code, active from products`))
    .rows)
    products.set(row.id, { id: row.id, code: row.code, active: row.active !== false, prices: {} })
  const prices = await client.query<PriceList & { product: number; currency: string }>(
    `select _parent_id as product, upper(currency) as currency, coalesce(consultant_price, 0)::text as "consultantPrice",
            coalesce(public_price, 0)::text as "publicPrice", coalesce(vat_percent, 0)::text as "vatPercent"
       from products_prices order by _parent_id, _order`,
  )
  for (const { product, currency, ...list } of prices.rows) {
    const info = products.get(product)
    if (info && !info.prices[currency]) info.prices[currency] = list
  }
  return new Map([...products.values()].map((info) => [norm(info.code), info]))
}
