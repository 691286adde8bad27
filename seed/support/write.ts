import type { Payload, PayloadRequest } from 'payload'

import { pgClientOf } from '../../db/transaction'
import { standardColumns } from '../../engine/ingest'
import { commentTicket, openTicket, transitionTicket, type TicketUser } from '../../modules/support'
import { DEMO_TICKETS, TICKET_MAPPING_NAME, TICKET_QUEUES } from './data'

/**
 * The support demo: the two queues, the standard bulk-upload mapping for tickets, and four tickets opened and worked
 * through the ticket functions (so their numbers, queues and histories are what real use gives). Runs inside the
 * seed's transaction (`req`); the network's participants and logins must exist.
 */
export async function writeSupportDemo(payload: Payload, req: PayloadRequest): Promise<void> {
  for (const queue of TICKET_QUEUES) await payload.create({ collection: 'ticket-queues', data: queue as never, req })
  await payload.create({
    collection: 'import-mappings',
    data: {
      name: TICKET_MAPPING_NAME,
      source: 'tickets',
      csvDelimiter: 'auto',
      decimalSeparator: '.',
      dateFormats: 'YYYY-MM-DD',
      columns: standardColumns('tickets', false) as never,
    } as never,
    req,
  })
  const client = await pgClientOf(req)
  const users = new Map<string, TicketUser>()
  const userOf = async (email: string): Promise<TicketUser> => {
    const known = users.get(email)
    if (known) return known
    const found = await client.query<{ id: number; participantId: number | null; roles: string[] }>(
      `select u.id, u.participant_id as "participantId", coalesce(array_agg(r.value::text) filter (where r.value is not null), '{}') as roles
         from users u left join users_roles r on r.parent_id = u.id where u.email = $1 group by u.id`,
      [email],
    )
    const row = found.rows[0]
    if (!row) throw new Error(`support demo: no login ${email}`)
    const user = { id: row.id, roles: row.roles, participantId: row.participantId }
    users.set(email, user)
    return user
  }
  for (const ticket of DEMO_TICKETS) {
    const consultant = await client.query<{ id: number }>(`select id from participants where code = $1`, [ticket.consultant])
    const opened = await openTicket(client, {
      consultant: consultant.rows[0]!.id,
      type: ticket.type,
      subject: ticket.subject,
      description: ticket.description,
      priority: ticket.priority,
      source: ticket.source,
      user: await userOf(ticket.openedBy),
    })
    for (const step of ticket.steps) {
      const user = await userOf(step.by)
      if (step.to) await transitionTicket(client, { ticketId: opened.id, toStatus: step.to, comment: step.comment, user })
      else await commentTicket(client, { ticketId: opened.id, comment: step.comment, user })
    }
  }
}
