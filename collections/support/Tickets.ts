import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/core/nobody'
import { readOwnSubtree } from '../../access/core/subtree'
import { TICKET_PRIORITIES, TICKET_SOURCES, TICKET_STATUSES, TICKET_TYPE_LABELS, TICKET_TYPES } from '../../engine/support/types'
import { provenanceFields } from '../../fields/core/provenance'
import { commentTicketEndpoint, ticketHistoryEndpoint, ticketWidgetsEndpoint, transitionTicketEndpoint } from './endpoints/actions'
import { openTicketEndpoint } from './endpoints/open'

/**
 * Incident tickets: the affected consultant, type, queue, status and priority. Opened in the portal, the admin, the
 * API or in bulk from a spreadsheet; every status change is a ticket event (who, when, comment). Written only by the
 * support endpoints and the import, which make the checks.
 */
export const Tickets: CollectionConfig = {
  slug: 'tickets',
  lockDocuments: false,
  admin: {
    useAsTitle: 'number',
    group: 'Support',
    defaultColumns: ['number', 'subject', 'consultant', 'type', 'queue', 'status', 'priority', 'updatedAt'],
    listSearchableFields: ['number', 'subject'],
  },
  access: { read: readOwnSubtree('consultant.path'), create: nobody, update: nobody, delete: nobody },
  endpoints: [openTicketEndpoint, ticketWidgetsEndpoint, transitionTicketEndpoint, commentTicketEndpoint, ticketHistoryEndpoint],
  fields: [
    { name: 'number', type: 'text', required: true, unique: true, admin: { description: 'e.g. T-000042.' } },
    { name: 'subject', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    { name: 'consultant', type: 'relationship', relationTo: 'participants', required: true, index: true },
    { name: 'type', type: 'select', required: true, options: TICKET_TYPES.map((value) => ({ value, label: TICKET_TYPE_LABELS[value] })) },
    { name: 'queue', type: 'relationship', relationTo: 'ticket-queues' },
    { name: 'status', type: 'select', required: true, defaultValue: 'open', index: true, options: [...TICKET_STATUSES] },
    { name: 'priority', type: 'select', required: true, defaultValue: 'normal', options: [...TICKET_PRIORITIES] },
    { name: 'source', type: 'select', required: true, defaultValue: 'admin', options: [...TICKET_SOURCES] },
    { name: 'openedBy', type: 'relationship', relationTo: 'users' },
    { name: 'assignee', type: 'relationship', relationTo: 'users' },
    { name: 'resolvedAt', type: 'date' },
    ...provenanceFields,
    { name: 'actions', type: 'ui', admin: { components: { Field: '/components/support/TicketActions#TicketActions' } } },
  ],
}
