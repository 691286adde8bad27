/**
 * Incident tickets over real HTTP, for every role that touches them: a consultant opens a ticket (and only for
 * themselves), another consultant cannot see it (404, empty list), the consultant cannot close it, staff move it
 * through in progress → waiting → resolved with comments while the consultant answers and reopens, and the history
 * lists every step with its author and comment. Bulk upload goes through the import machinery (a real xlsx and a
 * CSV) with unknown consultants rejected by row, column and code. Widgets count by status, type and queue per scope.
 *
 * Demo (seed/support/data.ts): T-000001 GLW-02 commissions MONEY waiting on consultant; T-000002 GLW-04 network
 * management NETWORK resolved; T-000003 SUM-PAC-AG1 activation NETWORK open; T-000004 GLW-05 incentives MONEY closed.
 * Marco Silva (consultant@glow.example) is GLW-02, whose subtree holds GLW-04 and GLW-05; Leo Park is SUM-PAC-AG1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { Api, type ApiResponse } from '../../support/http'
import type { TestApp } from '../../support/app'
import { importFile, readXlsx, xlsx } from '../../support/telecom'
import { startSupportApp } from './app'

let app: TestApp
let marco: Api
let leo: Api
let ops: Api
let admin: Api
let finance: Api
let ticketId = 0

const HEADERS = ['Reference', 'Consultant Code', 'Type', 'Subject', 'Description', 'Priority', 'Queue']
const MAPPING = 'Incident tickets (standard layout)'

beforeAll(async () => {
  app = await startSupportApp('support_tickets')
  ;[marco, leo, ops, admin, finance] = (await Promise.all(
    [
      'consultant@glow.example',
      'leo.park@summit.example',
      'ops@northwind.example',
      'admin@northwind.example',
      'finance@northwind.example',
    ].map((email) => Api.login(app.url, email)),
  )) as [Api, Api, Api, Api, Api]
}, 240_000)
afterAll(async () => app?.close())

const participantId = async (code: string) =>
  (await app.sql.query<{ id: number }>(`select id from participants where code = $1`, [code])).rows[0]!.id

/** A multipart POST with plain fields and a file (as the portal's forms send it). */
async function multipart(api: Api, path: string, fields: Record<string, string>, file: { name: string; data: Buffer; type: string }) {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name)
  const res = await fetch(`${api.baseUrl}${path}`, { method: 'POST', headers: { authorization: `JWT ${api.token}` }, body: form })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null } as ApiResponse
}

const move = (api: Api, toStatus: string, comment: string) => api.post(`/api/tickets/${ticketId}/transition`, { toStatus, comment })

describe('a ticket from opening to closing', () => {
  it('a consultant opens a ticket for themselves only, with its fields checked', async () => {
    const opened = await marco.post('/api/tickets/open', {
      type: 'commissions',
      subject: 'Wrong rank on my November statement',
      description: 'It says Consultant, I qualified as Senior.',
      source: 'portal',
    })
    expect(opened.status, JSON.stringify(opened.body)).toBe(201)
    // Four demo tickets before it: T-000005; commissions go to MONEY (the first queue taking them).
    expect(opened.body).toMatchObject({
      number: 'T-000005',
      status: 'open',
      type: 'commissions',
      source: 'portal',
      priority: 'normal',
      consultant: { code: 'GLW-02' },
      queue: { code: 'MONEY' },
      resolvedAt: null,
    })
    ticketId = opened.body.id

    const forLeo = await marco.post('/api/tickets/open', {
      consultant: await participantId('SUM-PAC-AG1'),
      type: 'activation',
      subject: 'x',
    })
    expect(forLeo.status).toBe(403)
    expect(forLeo.body.errors[0]).toEqual({ message: 'you may open tickets for yourself only', field: 'consultant' })
    const badType = await marco.post('/api/tickets/open', { type: 'billing', subject: 'x' })
    expect(badType.status).toBe(400)
    expect(badType.body.errors[0].field).toBe('type')
    const noSubject = await marco.post('/api/tickets/open', { type: 'incentives', subject: '  ' })
    expect(noSubject.status).toBe(400)
    expect(noSubject.body.errors[0].field).toBe('subject')
    expect((await new Api(app.url, null).post('/api/tickets/open', { type: 'incentives', subject: 'x' })).status).toBe(401)
    const count = await app.sql.query<{ n: number }>(`select count(*)::int as n from tickets`)
    expect(count.rows[0]!.n).toBe(5)
  })

  it('another consultant neither reads nor touches it', async () => {
    expect((await leo.get(`/api/tickets/${ticketId}/history`)).status).toBe(404)
    expect((await leo.get(`/api/tickets/${ticketId}`)).status).toBe(404)
    expect((await leo.get(`/api/tickets?where[number][equals]=T-000005&depth=0`)).body.docs).toEqual([])
    expect((await leo.post(`/api/tickets/${ticketId}/comment`, { comment: 'hello' })).status).toBe(404)
    expect((await leo.post(`/api/tickets/${ticketId}/transition`, { toStatus: 'closed', comment: 'x' })).status).toBe(404)
    expect((await leo.get(`/api/ticket-events?where[ticket][equals]=${ticketId}&depth=0`)).body.docs).toEqual([])
  })

  it('the consultant cannot close or take it; finance only reads it', async () => {
    const close = await move(marco, 'closed', 'done')
    expect(close.status).toBe(403)
    expect(close.body.errors[0]).toEqual({ message: 'only support staff may move an open ticket to closed', field: 'toStatus' })
    expect((await move(marco, 'in_progress', 'me')).status).toBe(403)
    expect((await move(finance, 'in_progress', 'x')).status).toBe(403)
    expect((await finance.get(`/api/tickets/${ticketId}/history`)).status).toBe(200)
    expect((await move(ops, 'open', 'x')).status).toBe(409) // already open
    expect((await move(ops, 'pending', 'x')).body.errors[0].field).toBe('toStatus')
  })

  it('staff work it, the consultant answers and reopens, and it closes', async () => {
    expect((await move(ops, 'in_progress', 'Checking the November rank run.')).body.status).toBe('in_progress')
    expect((await move(ops, 'waiting_on_consultant', 'Which month did you qualify?')).body.status).toBe('waiting_on_consultant')
    const silent = await move(marco, 'in_progress', '')
    expect(silent.status).toBe(400)
    expect(silent.body.errors[0].field).toBe('comment')
    expect((await move(marco, 'in_progress', 'I qualified in October.')).body.status).toBe('in_progress')
    const resolved = await move(ops, 'resolved', 'Rank corrected; statement reissued.')
    expect(resolved.body.status).toBe('resolved')
    expect(resolved.body.resolvedAt).not.toBeNull()
    const reopened = await move(marco, 'in_progress', 'The reissued statement still says Consultant.')
    expect(reopened.body).toMatchObject({ status: 'in_progress', resolvedAt: null })
    expect((await move(admin, 'resolved', 'Reissued again with Senior Consultant.')).body.status).toBe('resolved')

    // A comment with a file; too large or of a refused kind, nothing is written.
    const big = await multipart(
      marco,
      `/api/tickets/${ticketId}/comment`,
      { comment: 'big' },
      {
        name: 'big.pdf',
        data: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25),
        type: 'application/pdf',
      },
    )
    // Refused with 413 (the server's body limit for non-upload routes answers first until the ticket routes are
    // listed as upload routes; then the endpoint's own 10 MB check does, naming the file field).
    expect(big.status).toBe(413)
    const exe = await multipart(
      marco,
      `/api/tickets/${ticketId}/comment`,
      { comment: 'exe' },
      {
        name: 'tool.exe',
        data: Buffer.from('MZ\x90\x00binary'),
        type: 'application/x-msdownload',
      },
    )
    expect(exe.status).toBe(400)
    expect(exe.body.errors[0].field).toBe('file')
    const withFile = await multipart(
      marco,
      `/api/tickets/${ticketId}/comment`,
      { comment: 'Thanks, correct now.' },
      {
        name: 'statement-note.txt',
        data: Buffer.from('Senior Consultant since October\n'),
        type: 'text/plain',
      },
    )
    expect(withFile.status, JSON.stringify(withFile.body)).toBe(200)

    expect((await move(ops, 'closed', 'Confirmed.')).body.status).toBe('closed')
    expect((await marco.post(`/api/tickets/${ticketId}/comment`, { comment: 'one more' })).status).toBe(409)
    const closedMove = await move(ops, 'in_progress', 'again')
    expect(closedMove.status).toBe(409)
    expect(closedMove.body.errors[0].message).toBe('a closed ticket cannot become in progress (it is final)')
  })

  it('the history lists every step, oldest first, with author and comment', async () => {
    const history = await marco.get(`/api/tickets/${ticketId}/history`)
    expect(history.status).toBe(200)
    const steps = history.body.events.map((e: any) => [e.kind, e.fromStatus, e.toStatus, e.author?.name ?? null, e.comment])
    expect(steps).toEqual([
      ['opened', null, 'open', 'Marco Silva', 'It says Consultant, I qualified as Senior.'],
      ['transition', 'open', 'in_progress', 'Oscar Operations', 'Checking the November rank run.'],
      ['transition', 'in_progress', 'waiting_on_consultant', 'Oscar Operations', 'Which month did you qualify?'],
      ['transition', 'waiting_on_consultant', 'in_progress', 'Marco Silva', 'I qualified in October.'],
      ['transition', 'in_progress', 'resolved', 'Oscar Operations', 'Rank corrected; statement reissued.'],
      ['transition', 'resolved', 'in_progress', 'Marco Silva', 'The reissued statement still says Consultant.'],
      ['transition', 'in_progress', 'resolved', 'Avery Admin', 'Reissued again with Senior Consultant.'],
      ['comment', null, null, 'Marco Silva', 'Thanks, correct now.'],
      ['transition', 'resolved', 'closed', 'Oscar Operations', 'Confirmed.'],
    ])
    expect(history.body.allowed).toEqual([])
    expect(history.body.canComment).toBe(false)
    const file = history.body.events[7].attachment
    expect(file.filename).toMatch(/^statement-note.*\.txt$/)
    const download = await marco.download(file.url)
    expect(download.status).toBe(200)
    expect(download.data.toString()).toBe('Senior Consultant since October\n')
    expect((await leo.download(file.url)).status).not.toBe(200)
  })

  it('a ticket opened as multipart keeps its file on the opening event', async () => {
    const opened = await multipart(
      leo,
      '/api/tickets/open',
      { type: 'activation', subject: 'Cannot log in to the shop', source: 'portal' },
      {
        name: 'screenshot.png',
        data: Buffer.from(
          '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3f3f1c30000000049454e44ae426082',
          'hex',
        ),
        type: 'image/png',
      },
    )
    expect(opened.status, JSON.stringify(opened.body)).toBe(201)
    expect(opened.body).toMatchObject({ number: 'T-000006', queue: { code: 'NETWORK' }, consultant: { code: 'SUM-PAC-AG1' } })
    const history = (await leo.get(`/api/tickets/${opened.body.id}/history`)).body
    expect(history.events).toHaveLength(1)
    expect(history.events[0].attachment.filename).toMatch(/^screenshot.*\.png$/)
    expect(history.allowed).toEqual([]) // an open ticket: the consultant can only comment
    expect(history.canComment).toBe(true)
  })
})

describe('bulk upload through the import machinery', () => {
  const rejectsOf = async (importId: number) =>
    (
      await app.sql.query<{ row: number; reasons: string }>(
        `select row_number::int as row, reasons from import_rejects where import_id = $1 order by row_number`,
        [importId],
      )
    ).rows

  it('an xlsx with an unknown consultant: that row rejected by column and code, the others opened', async () => {
    const file = await xlsx([
      HEADERS,
      ['INC-100', 'GLW-04', 'network_management', 'Upline shown wrong in the portal', '', 'high', ''],
      ['INC-101', 'GLW-99', 'commissions', 'Bonus missing', 'From the call centre', '', ''],
      ['INC-102', 'glw-02', 'Commissions', 'Deduction not explained', 'Line 4 of the statement', '', 'NETWORK'],
    ])
    const result = await importFile(app, admin, MAPPING, 'tickets.xlsx', file)
    expect(result, result.message ?? '').toMatchObject({ status: 'completed', rowsRead: 3, accepted: 2, rejected: 1, inserted: 2 })
    expect(result.accepted + result.rejected).toBe(result.rowsRead)
    expect(await rejectsOf(result.id)).toEqual([{ row: 3, reasons: 'Consultant Code: unknown consultant "GLW-99"' }])
    const workbook = await admin.download(`/api/imports/${result.id}/rejects`)
    expect(workbook.status).toBe(200)
    const { rows } = await readXlsx(workbook.data)
    expect(rows[0]).toEqual([...HEADERS, 'Errors', 'Source Row'])
    expect(rows[1]!.slice(0, 2)).toEqual(['INC-101', 'GLW-99'])
    expect(rows[1]!.slice(-2)).toEqual(['Consultant Code: unknown consultant "GLW-99"', 3])
    const tickets = await app.sql.query(
      `select t.number, t.natural_key as key, t.source::text as source, t.status::text as status, t.priority::text as priority,
              q.code as queue, p.code as consultant, t.source_row::int as row,
              (select count(*)::int from ticket_events e where e.ticket_id = t.id and e.to_status = 'open') as opened
         from tickets t join participants p on p.id = t.consultant_id left join ticket_queues q on q.id = t.queue_id
        where t.import_id = $1 order by t.number`,
      [result.id],
    )
    // T-000007 and T-000008 follow the six tickets opened before; INC-102 names its queue, INC-100 takes its type's.
    expect(tickets.rows).toEqual([
      {
        number: 'T-000007',
        key: 'ticket|INC-100',
        source: 'bulk',
        status: 'open',
        priority: 'high',
        queue: 'NETWORK',
        consultant: 'GLW-04',
        row: 2,
        opened: 1,
      },
      {
        number: 'T-000008',
        key: 'ticket|INC-102',
        source: 'bulk',
        status: 'open',
        priority: 'normal',
        queue: 'NETWORK',
        consultant: 'GLW-02',
        row: 4,
        opened: 1,
      },
    ])
  })

  it('a CSV: a reference sent before is left alone, an unknown consultant rejected, a new one opened', async () => {
    const csv = [
      HEADERS.join(','),
      'INC-102,GLW-02,commissions,Deduction not explained,Line 4 of the statement,,NETWORK',
      'INC-103,NOPE-1,incentives,Points gone,,,',
      'INC-104,GLW-05,incentives,Points gone,,low,',
    ].join('\n')
    const result = await importFile(app, admin, MAPPING, 'tickets.csv', Buffer.from(csv))
    expect(result, result.message ?? '').toMatchObject({
      status: 'completed',
      rowsRead: 3,
      accepted: 2,
      rejected: 1,
      inserted: 1,
      duplicates: 1,
    })
    expect(result.accepted + result.rejected).toBe(result.rowsRead)
    expect(await rejectsOf(result.id)).toEqual([{ row: 3, reasons: 'Consultant Code: unknown consultant "NOPE-1"' }])
    const added = await app.sql.query(
      `select t.number, q.code as queue, t.priority::text as priority from tickets t join ticket_queues q on q.id = t.queue_id where t.import_id = $1`,
      [result.id],
    )
    expect(added.rows).toEqual([{ number: 'T-000009', queue: 'MONEY', priority: 'low' }])
  })
})

describe('widgets', () => {
  const counts = (list: { key: string | null; count: number }[]) => Object.fromEntries(list.map((c) => [c.key, c.count]))

  it('counts by status, type and queue over what each caller sees', async () => {
    // All nine: T1 GLW-02 commissions MONEY waiting; T2 GLW-04 network NETWORK resolved; T3 AG1 activation NETWORK open;
    // T4 GLW-05 incentives MONEY closed; T5 GLW-02 commissions MONEY closed; T6 AG1 activation NETWORK open;
    // T7 GLW-04 network NETWORK open; T8 GLW-02 commissions NETWORK open; T9 GLW-05 incentives MONEY open.
    const all = (await ops.get('/api/tickets/widgets')).body
    expect(all.total).toBe(9)
    // open T3 T6 T7 T8 T9 = 5; waiting T1 = 1; resolved T2 = 1; closed T4 T5 = 2 (5 + 1 + 1 + 2 = 9)
    expect(counts(all.byStatus)).toEqual({ open: 5, in_progress: 0, waiting_on_consultant: 1, resolved: 1, closed: 2 })
    // network T2 T7 = 2; activation T3 T6 = 2; commissions T1 T5 T8 = 3; incentives T4 T9 = 2
    expect(counts(all.byType)).toEqual({ network_management: 2, activation: 2, commissions: 3, incentives: 2 })
    // NETWORK T2 T3 T6 T7 T8 = 5; MONEY T1 T4 T5 T9 = 4
    expect(counts(all.byQueue)).toEqual({ NETWORK: 5, MONEY: 4 })
    expect((await finance.get('/api/tickets/widgets')).body.total).toBe(9)

    // Marco's subtree (GLW-02, GLW-04, GLW-05): T1 T2 T4 T5 T7 T8 T9 = 7
    const mine = (await marco.get('/api/tickets/widgets')).body
    expect(mine.total).toBe(7)
    expect(counts(mine.byStatus)).toEqual({ open: 3, in_progress: 0, waiting_on_consultant: 1, resolved: 1, closed: 2 })
    expect(counts(mine.byType)).toEqual({ network_management: 2, activation: 0, commissions: 3, incentives: 2 })
    expect(counts(mine.byQueue)).toEqual({ NETWORK: 3, MONEY: 4 })

    // Leo (SUM-PAC-AG1): T3 T6, both open activation in NETWORK
    const leos = (await leo.get('/api/tickets/widgets')).body
    expect(leos.total).toBe(2)
    expect(counts(leos.byStatus)).toEqual({ open: 2, in_progress: 0, waiting_on_consultant: 0, resolved: 0, closed: 0 })
    expect(counts(leos.byQueue)).toEqual({ NETWORK: 2, MONEY: 0 })
    expect((await new Api(app.url, null).get('/api/tickets/widgets')).status).toBe(401)
  })
})
