/**
 * Deal registrations: synchronised incrementally from the partner portal (the system of record), registered by
 * partners in Accrue's portal, and decided by channel operations when registered here. A deal from the portal keeps
 * the portal's status (Accrue never overrides the system of record); each sync starts after the last change the
 * previous successful one read, and every deal it cannot take is kept in the sync's rejects with the reason.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, Payload } from 'payload'
import type { PoolClient } from 'pg'

import { currentUser, hasRole } from '../../access/core/user'
import { dbPool } from '../../db/pool'
import { pgClientOf } from '../../db/transaction'
import { withTransaction } from '../../db/withTransaction'
import { fieldError } from '../../hooks/core/fieldError'
import { accrueDealPrograms } from './accrue'
import { dealPages, type DealRecord } from './dealPortal'
import { dealPortalConfig } from './erpConfig'

/** Deals registered in Accrue are decided here (approve/reject) by channel operations; deals from the portal are read-only. */
export const decideDealHook: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation }) => {
  if (operation !== 'update' || !req.user) return data
  if (originalDoc?.source === 'portal')
    throw fieldError('deals', 'status', 'this deal comes from the partner portal (the system of record): change it there')
  const changed = Object.keys(data).filter(
    (key) => !['status', 'updatedAt'].includes(key) && JSON.stringify(data[key]) !== JSON.stringify(originalDoc?.[key]),
  )
  if (changed.length > 0)
    throw fieldError(
      'deals',
      changed[0]!,
      'only the status of a registered deal is decided here; the partner registers a new deal for other terms',
    )
  if (data.status && data.status !== originalDoc?.status) {
    if (originalDoc?.status !== 'submitted') throw fieldError('deals', 'status', `the deal is already ${String(originalDoc?.status)}`)
    if (!hasRole(currentUser(req), 'company_admin', 'company_user')) throw fieldError('deals', 'status', 'channel operations decide deals')
    data.decidedBy = (req.user as { id: number }).id
  }
  return data
}

export type SyncResult = {
  id: number
  status: 'succeeded' | 'failed'
  fetched: number
  created: number
  updated: number
  rejected: number
  cursor: string | null
  error?: string
}

const SYNC_LOCK = 'accrue.rebates.deal-sync'

/** One incremental sync from the partner portal. */
export async function syncDeals(payload: Payload): Promise<SyncResult> {
  const pool = dbPool(payload)
  return withTransaction(pool, { lock: SYNC_LOCK }, async (client) => {
    const last = await client.query<{ cursor: string | null }>(
      `select cursor from deal_syncs where status = 'succeeded' and cursor is not null order by id desc limit 1`,
    )
    const since = last.rows[0]?.cursor ?? null
    let cursor = since
    const counts = { fetched: 0, created: 0, updated: 0 }
    const rejects: { id: string | null; reason: string }[] = []
    try {
      for await (const page of dealPages(dealPortalConfig(), since)) {
        for (const read of page) {
          counts.fetched++
          if (!read.ok) {
            rejects.push({ id: read.id, reason: read.reason })
            continue
          }
          const outcome = await upsertDeal(client, read.deal)
          if (typeof outcome === 'string') rejects.push({ id: read.deal.id, reason: outcome })
          else counts[outcome.created ? 'created' : 'updated']++
          if (cursor === null || read.deal.updatedAt > cursor) cursor = read.deal.updatedAt
        }
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      // The deals written so far stay (each is whole); the cursor does not move, so the next sync reads them again.
      const failed = await client.query<{ id: number }>(
        `insert into deal_syncs (status, since, cursor, fetched, created, updated, rejected, rejects, error, updated_at, created_at)
         values ('failed', $1, $1, $2, $3, $4, $5, $6, $7, now(), now()) returning id`,
        [since, counts.fetched, counts.created, counts.updated, rejects.length, JSON.stringify(rejects), message],
      )
      return { id: failed.rows[0]!.id, status: 'failed', ...counts, rejected: rejects.length, cursor: since, error: message }
    }
    if (counts.created + counts.updated > 0) await accrueDealPrograms(client)
    const done = await client.query<{ id: number }>(
      `insert into deal_syncs (status, since, cursor, fetched, created, updated, rejected, rejects, updated_at, created_at)
       values ('succeeded', $1, $2, $3, $4, $5, $6, $7, now(), now()) returning id`,
      [since, cursor, counts.fetched, counts.created, counts.updated, rejects.length, JSON.stringify(rejects)],
    )
    return { id: done.rows[0]!.id, status: 'succeeded', ...counts, rejected: rejects.length, cursor }
  })
}

/** Writes one deal from the portal; a reason when it names a partner or SKU Accrue does not know. */
async function upsertDeal(client: PoolClient, deal: DealRecord): Promise<{ created: boolean } | string> {
  const partner = await client.query<{ id: number }>(`select id from participants where upper(code) = upper($1)`, [deal.partnerCode])
  if (!partner.rows[0]) return `unknown partner "${deal.partnerCode}"`
  const skus = await client.query<{ id: number; code: string }>(
    `select id, upper(code) as code from products where upper(code) = any($1::text[])`,
    [deal.lines.map((line) => line.sku.toUpperCase())],
  )
  const productOf = new Map(skus.rows.map((row) => [row.code, row.id]))
  const unknown = deal.lines.filter((line) => !productOf.has(line.sku.toUpperCase())).map((line) => line.sku)
  if (unknown.length > 0) return `unknown SKU ${unknown.map((s) => `"${s}"`).join(', ')}`
  const existing = await client.query<{ id: number; source: string }>(
    `select id, source::text from deals where upper(number) = upper($1)`,
    [deal.id],
  )
  if (existing.rows[0] && existing.rows[0].source !== 'portal')
    return `deal ${deal.id} was registered in Accrue; the portal cannot overwrite it`
  const saved = await client.query<{ id: number; inserted: boolean }>(
    `insert into deals (number, partner_id, end_customer, status, currency, expires_on, source, external_updated_at, updated_at, created_at)
     values ($1, $2, $3, $4, $5, $6, 'portal', $7, now(), now())
     on conflict (number) do update set partner_id = excluded.partner_id, end_customer = excluded.end_customer, status = excluded.status,
       currency = excluded.currency, expires_on = excluded.expires_on, external_updated_at = excluded.external_updated_at, updated_at = now()
     returning id, (xmax = 0) as inserted`,
    [deal.id.toUpperCase(), partner.rows[0].id, deal.endCustomer, deal.status, deal.currency, deal.expiresOn, deal.updatedAt],
  )
  const { id, inserted } = saved.rows[0]!
  await client.query(`delete from deals_lines where _parent_id = $1`, [id])
  for (const [order, line] of deal.lines.entries()) {
    await client.query(
      `insert into deals_lines (_order, _parent_id, id, product_id, quantity, special_price) values ($1, $2, $3, $4, $5, $6)`,
      [order + 1, id, `${id}-${order + 1}`, productOf.get(line.sku.toUpperCase()), line.quantity, line.specialPrice],
    )
  }
  return { created: inserted }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A deal a partner registers in Accrue's portal; `problem` names the field when it cannot be taken. */
export async function registerDealFor(
  payload: Payload,
  partnerId: number,
  fields: Record<string, unknown>,
): Promise<{ doc: { id: number; number: string; status: string } } | { problem: string }> {
  const endCustomer = String(fields.endCustomer ?? '')
    .trim()
    .slice(0, 200)
  if (!endCustomer) return { problem: 'endCustomer: who the deal is with' }
  const expiresOn = String(fields.expiresOn ?? '')
  if (!DAY.test(expiresOn)) return { problem: 'expiresOn: a day as YYYY-MM-DD' }
  if (expiresOn < new Date().toISOString().slice(0, 10)) return { problem: `expiresOn: ${expiresOn} is in the past` }
  const currency = String(fields.currency ?? 'USD').toUpperCase()
  if (!/^[A-Z]{3}$/.test(currency)) return { problem: `currency: "${currency}" is not an ISO 4217 code` }
  if (!Array.isArray(fields.lines) || fields.lines.length === 0) return { problem: 'lines: at least one { sku, quantity, specialPrice }' }
  const pool = dbPool(payload)
  const lines: { product: number; quantity: number; specialPrice: string }[] = []
  for (const [index, raw] of (fields.lines as Record<string, unknown>[]).entries()) {
    const sku = String(raw?.sku ?? '').trim()
    const product = (await pool.query<{ id: number }>(`select id from products where upper(code) = upper($1)`, [sku])).rows[0]
    if (!product) return { problem: `lines.${index}.sku: unknown SKU "${sku}"` }
    const quantity = Number(raw?.quantity)
    if (!Number.isSafeInteger(quantity) || quantity < 1) return { problem: `lines.${index}.quantity: a whole number of units above 0` }
    const price = String(raw?.specialPrice ?? '').trim()
    if (!/^\d{1,13}(\.\d{1,4})?$/.test(price)) return { problem: `lines.${index}.specialPrice: an amount like 310.00` }
    lines.push({ product: product.id, quantity, specialPrice: price })
  }
  // Numbered after the highest Accrue deal; two registrations at the same moment: the second takes the next number.
  for (let attempt = 0; ; attempt++) {
    const next = await pool.query<{ n: number }>(
      `select coalesce(max(substr(number, 4)::int), 0) + 1 + $1 as n from deals where source = 'accrue' and number ~ '^AD-[0-9]+$'`,
      [attempt],
    )
    try {
      const doc = await payload.create({
        collection: 'deals',
        data: {
          number: `AD-${String(next.rows[0]!.n).padStart(5, '0')}`,
          partner: partnerId,
          endCustomer,
          status: 'submitted',
          currency,
          expiresOn,
          lines,
          source: 'accrue',
        } as never,
        overrideAccess: true,
      })
      return { doc: { id: doc.id as number, number: String(doc.number), status: String(doc.status) } }
    } catch (err) {
      if (attempt >= 4 || !/unique|already|number/i.test(err instanceof Error ? err.message : String(err))) throw err
    }
  }
}

/** A deal just approved unlocks the deal-registration programs' accruals on the sales that named it. */
export const accrueOnDealApproval: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (doc.status === 'approved' && previousDoc?.status !== 'approved') await accrueDealPrograms(await pgClientOf(req))
  return doc
}
