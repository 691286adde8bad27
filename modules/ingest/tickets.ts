/**
 * The writer of tickets uploaded in bulk. A ticket is known by its reference (the natural key): uploaded again it is
 * left alone and counted as already present (the ticket lives on in the support desk, not in the file). New tickets
 * are numbered like any other, go to their row's queue or the first queue taking their type, and get their "opened"
 * event, in the import's transaction.
 */
import type { PoolClient } from 'pg'

import type { TicketRow } from '../../engine/ingest/tickets'
import { nextTicketNumbers, queueForType, writeOpenedEvents } from '../support'
import type { Provenance, WriteCounts } from './factWriters'

/** Writes a batch of ticket rows; the import's rows already carry the consultant checked by the reader. */
export async function writeTickets(client: PoolClient, rows: { row: TicketRow; provenance: Provenance }[]): Promise<WriteCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 }
  const present = await client.query<{ key: string }>(`select natural_key as key from tickets where natural_key = any($1::varchar[])`, [
    rows.map((r) => r.provenance.naturalKey),
  ])
  const known = new Set(present.rows.map((r) => r.key))
  const fresh = rows.filter((r) => !known.has(r.provenance.naturalKey))
  if (fresh.length === 0) return { inserted: 0, updated: 0, unchanged: rows.length }
  const queues = new Map<string, number | null>()
  for (const { row } of fresh) if (row.queueId === null && !queues.has(row.type)) queues.set(row.type, await queueForType(client, row.type))
  const numbers = await nextTicketNumbers(client, fresh.length)
  const inserted = await client.query<{ id: number; consultantId: number; description: string | null }>(
    `insert into tickets (number, subject, description, consultant_id, type, queue_id, status, priority, source, import_id, source_row, natural_key)
     select n, s, d, c, t::enum_tickets_type, q, 'open', p::enum_tickets_priority, 'bulk', i, r, k
       from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::int[], $5::text[], $6::int[], $7::text[], $8::int[], $9::numeric[], $10::varchar[])
         as x(n, s, d, c, t, q, p, i, r, k)
     on conflict (natural_key) do nothing
     returning id, consultant_id as "consultantId", description`,
    [
      numbers,
      fresh.map((r) => r.row.subject),
      fresh.map((r) => r.row.description),
      fresh.map((r) => r.row.consultantId),
      fresh.map((r) => r.row.type),
      fresh.map((r) => r.row.queueId ?? queues.get(r.row.type) ?? null),
      fresh.map((r) => r.row.priority),
      fresh.map((r) => r.provenance.importId),
      fresh.map((r) => r.provenance.sourceRow),
      fresh.map((r) => r.provenance.naturalKey),
    ],
  )
  await writeOpenedEvents(
    client,
    inserted.rows.map((t) => ({ id: t.id, consultantId: t.consultantId, comment: t.description })),
  )
  return { inserted: inserted.rows.length, updated: 0, unchanged: rows.length - inserted.rows.length }
}
