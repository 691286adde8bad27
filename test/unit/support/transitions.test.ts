/**
 * The ticket transitions as the brief states them: open → in progress | waiting on consultant | resolved | closed;
 * in progress → waiting on consultant | resolved; waiting on consultant → in progress | resolved; resolved → closed |
 * in progress (reopen); closed → nothing. The consultant side may only answer (waiting → in progress) and reopen
 * (resolved → in progress). Also the bulk ticket row reader (unknown consultant rejected naming column and code).
 */
import { describe, expect, it } from 'vitest'

import type { CellValue } from '../../../engine/ingest/cells'
import type { RowContext } from '../../../engine/ingest/rows'
import { readTicket, ticketKey } from '../../../engine/ingest/tickets'
import { allowedTransitions, commentProblem, ticketNumber, transitionProblem } from '../../../engine/support/transitions'
import { TICKET_STATUSES, type TicketStatus } from '../../../engine/support/types'

describe('ticket transitions', () => {
  it('staff may make exactly the listed moves', () => {
    const expected: Record<TicketStatus, TicketStatus[]> = {
      open: ['in_progress', 'waiting_on_consultant', 'resolved', 'closed'],
      in_progress: ['waiting_on_consultant', 'resolved'],
      waiting_on_consultant: ['in_progress', 'resolved'],
      resolved: ['closed', 'in_progress'],
      closed: [],
    }
    for (const from of TICKET_STATUSES) {
      expect(allowedTransitions(from, 'staff')).toEqual(expected[from])
      for (const to of TICKET_STATUSES) {
        const problem = transitionProblem(from, to, 'staff')
        if (expected[from].includes(to)) expect(problem, `${from} → ${to}`).toBeNull()
        else expect(problem, `${from} → ${to}`).not.toBeNull()
      }
    }
  })

  it('the consultant may only answer and reopen', () => {
    expect(allowedTransitions('waiting_on_consultant', 'consultant')).toEqual(['in_progress'])
    expect(allowedTransitions('resolved', 'consultant')).toEqual(['in_progress'])
    expect(allowedTransitions('open', 'consultant')).toEqual([])
    expect(allowedTransitions('in_progress', 'consultant')).toEqual([])
    expect(allowedTransitions('closed', 'consultant')).toEqual([])
    expect(transitionProblem('open', 'closed', 'consultant')).toBe('only support staff may move an open ticket to closed')
    expect(transitionProblem('resolved', 'closed', 'consultant')).toBe('only support staff may move a resolved ticket to closed')
    expect(transitionProblem('resolved', 'in_progress', 'consultant')).toBeNull()
    expect(transitionProblem('waiting_on_consultant', 'in_progress', 'consultant')).toBeNull()
  })

  it('says why a move is impossible', () => {
    expect(transitionProblem('closed', 'in_progress', 'staff')).toBe('a closed ticket cannot become in progress (it is final)')
    expect(transitionProblem('in_progress', 'open', 'staff')).toBe(
      'an in progress ticket cannot become open (it may become waiting on consultant, resolved)',
    )
    expect(transitionProblem('resolved', 'resolved', 'staff')).toBe('the ticket is already resolved')
  })

  it('takes comments until the ticket is closed', () => {
    for (const status of ['open', 'in_progress', 'waiting_on_consultant', 'resolved'] as const) expect(commentProblem(status)).toBeNull()
    expect(commentProblem('closed')).toBe('the ticket is closed: open a new ticket')
  })

  it('numbers tickets T- and six digits', () => {
    expect(ticketNumber(1)).toBe('T-000001')
    expect(ticketNumber(42)).toBe('T-000042')
    expect(ticketNumber(1234567)).toBe('T-1234567')
  })
})

const ctx: RowContext = {
  formats: { dateFormats: ['YYYY-MM-DD'], decimalSeparator: '.' },
  lookups: {
    dealerId: () => null,
    carrierId: () => null,
    ratePlanId: () => null,
    clientId: () => null,
    serviceId: () => null,
    consultantId: (code) => ({ 'GLW-02': 12 })[code.toUpperCase()] ?? null,
    ticketQueueId: (code) => ({ MONEY: 3 })[code.toUpperCase()] ?? null,
  },
  fixedCarrierId: null,
  headerOf: (field) => ({ consultantCode: 'Consultant Code', type: 'Type', queueCode: 'Queue', subject: 'Subject' })[field] ?? field,
  asOf: '2026-12-06',
}
const read = (values: Record<string, CellValue>) => readTicket((field) => values[field], ctx)

describe('bulk ticket rows', () => {
  it('reads a row, with the defaults', () => {
    expect(read({ reference: 'INC-1', consultantCode: 'glw-02', type: 'Commissions', subject: ' Missing bonus ' })).toEqual({
      ok: true,
      row: {
        reference: 'INC-1',
        consultantId: 12,
        type: 'commissions',
        subject: 'Missing bonus',
        description: null,
        priority: 'normal',
        queueId: null,
      },
    })
    expect(
      read({
        reference: 'INC-2',
        consultantCode: 'GLW-02',
        type: 'network management',
        subject: 'x',
        priority: 'HIGH',
        queueCode: 'money',
      }),
    ).toMatchObject({
      ok: true,
      row: { type: 'network_management', priority: 'high', queueId: 3 },
    })
  })

  it('rejects an unknown consultant naming the column and the code', () => {
    expect(read({ reference: 'INC-3', consultantCode: 'GLW-99', type: 'incentives', subject: 'x' })).toEqual({
      ok: false,
      errors: [{ column: 'Consultant Code', reason: 'unknown consultant "GLW-99"' }],
    })
  })

  it('rejects an unknown type and queue', () => {
    const result = read({ reference: 'INC-4', consultantCode: 'GLW-02', type: 'billing', subject: 'x', queueCode: 'NOPE' })
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.errors.map((e) => e.column + ': ' + e.reason)).toEqual([
        'Type: "billing" is not one of: network_management, activation, commissions, incentives',
        'Queue: unknown queue "NOPE"',
      ])
  })

  it('keys a ticket by its reference, whatever the case', () => {
    expect(ticketKey({ reference: ' inc-1 ' })).toBe(ticketKey({ reference: 'INC-1' }))
  })
})
