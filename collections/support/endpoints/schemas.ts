/** The shapes the ticket endpoints answer and read, for their OpenAPI docs. */
import { s } from '../../../engine/api'
import { TICKET_PRIORITIES, TICKET_SOURCES, TICKET_STATUSES, TICKET_TYPES } from '../../../engine/support'

const { arr, bool, date, int, nullable, obj, oneOf, str } = s

/** A ticket as the ticket endpoints answer it (TicketRow in modules/support/tickets.ts). */
export const ticketSchema = obj(
  {
    id: int(),
    number: str('The ticket number, e.g. "T-000001".'),
    subject: str(),
    description: nullable(str()),
    consultant: obj({ id: int(), code: nullable(str()), name: nullable(str()) }, 'The consultant the ticket is about.'),
    type: oneOf(TICKET_TYPES),
    typeLabel: str(),
    queue: nullable(obj({ id: int(), code: str(), name: str() })),
    status: oneOf(TICKET_STATUSES),
    statusLabel: str(),
    priority: oneOf(TICKET_PRIORITIES),
    source: oneOf(TICKET_SOURCES),
    resolvedAt: nullable(date()),
    createdAt: date(),
    updatedAt: date(),
  },
  'A support ticket.',
)

const count = (key: ReturnType<typeof str>) => obj({ key, label: str(), count: int() })

export const ticketHistorySchema = obj({
  ticket: ticketSchema,
  events: arr(
    obj({
      id: int(),
      at: date(),
      kind: oneOf(['opened', 'transition', 'comment']),
      fromStatus: nullable(oneOf(TICKET_STATUSES)),
      toStatus: nullable(oneOf(TICKET_STATUSES)),
      author: nullable(obj({ id: int(), name: str() })),
      comment: nullable(str()),
      attachment: nullable(obj({ id: int(), filename: str(), url: str('Where the file is downloaded.') })),
    }),
    'Every event of the ticket, oldest first.',
  ),
  allowed: arr(oneOf(TICKET_STATUSES), 'The statuses the caller may move the ticket to now.'),
  canComment: bool('Whether the caller may comment now.'),
})

export const ticketWidgetsSchema = obj({
  total: int(),
  byStatus: arr(count(oneOf(TICKET_STATUSES)), 'Every status, 0 when none.'),
  byType: arr(count(oneOf(TICKET_TYPES)), 'Every type, 0 when none.'),
  byQueue: arr(
    obj({ key: nullable(str('The queue code; null for tickets in no queue.')), queueId: nullable(int()), label: str(), count: int() }),
    'Every queue, and "No queue" when some tickets have none.',
  ),
})

const attachmentNote =
  ' JSON, or multipart/form-data with the same fields and an optional `file` (10 MB at most: PDF, PNG, JPEG, CSV, TXT or XLSX).'

export const ticketBody = {
  open: obj(
    {
      type: oneOf(TICKET_TYPES),
      subject: str('One line, at most 200 characters.'),
      'description?': str('At most 10,000 characters.'),
      'priority?': oneOf(TICKET_PRIORITIES, 'Default normal.'),
      'consultant?': int('The participant the ticket is about; default the caller’s own participant (required for staff).'),
      'queue?': int('The queue; default the first queue that takes the type.'),
      'source?': oneOf(['portal', 'admin'], 'Where it was opened; any other caller is recorded as api.'),
    },
    'The ticket.' + attachmentNote,
  ),
  transition: obj(
    {
      toStatus: oneOf(TICKET_STATUSES),
      'comment?': str('Required when a consultant answers or reopens; at most 10,000 characters.'),
    },
    'The move.' + attachmentNote,
  ),
  comment: obj({ 'comment?': str('At most 10,000 characters; required unless a file is attached.') }, 'The comment.' + attachmentNote),
}
