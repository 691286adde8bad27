import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { periodId, runPeriod } from '../../support/commission'
import { Api } from '../../support/http'
import { drainJobs, importFile, readXlsx } from '../../support/telecom'

/*
 * The scenario, built over REST as people do it:
 * - A (Leo Park, agent of Summit): returned by his manager, resubmitted, approved at every level, sent and accepted;
 *   billed in October; paid by a default rule (Summit 10 %), a relationship rule (Pacific 7.5 %), a territory rule
 *   (Dana 8 %) and the agent's own proposed 12 %, with one national advertising program of 1 %.
 * - B (Leo): approved by Dana, rejected by the territory owner.  D (Leo): a draft.
 * - C (Coastal's partner admin): submitted, waiting for the operating company.
 * Times are then set in the database to known values (the flow only stamps "now").
 */
let app: TestApp
let admin: Api
let agent: Api
const proposals = { A: 0, B: 0, C: 0, D: 0 }

const code = new Map<string, number>()
async function participant(c: string): Promise<number> {
  if (!code.has(c)) code.set(c, (await app.sql.query(`select id from participants where code = $1`, [c])).rows[0].id)
  return code.get(c)!
}

async function newProposal(author: Api, company: string, territoryCode: string, terms: unknown[] = []): Promise<number> {
  const territory = (await author.get(`/api/territories?where[code][equals]=${territoryCode}&depth=0`)).body.docs[0].id
  const prospect = await author.post('/api/prospects', {
    company,
    territory,
    contacts: [{ name: 'Jo Reyes', email: `jo@${company.split(' ')[0]!.toLowerCase()}.example` }],
  })
  expect(prospect.status).toBe(201)
  const service = (await author.get('/api/services?where[code][equals]=MGD-MOB&depth=0')).body.docs[0].id
  const proposal = await author.post('/api/proposals', { prospect: prospect.body.doc.id, services: [{ service, quantity: 2 }], terms })
  expect(proposal.status).toBe(201)
  return proposal.body.doc.id
}

async function act(api: Api, id: number, action: string, expected: string, comment?: string): Promise<any> {
  const res = await api.post(`/api/proposals/${id}/${action}`, comment ? { comment } : {})
  expect(res.body.status, JSON.stringify(res.body)).toBe(expected)
  return res.body
}

/** Sets a proposal's creation time and its history times: `hours[i]` after `base` for the i-th step, in order. */
async function setTimes(id: number, createdDaysAgo: number, baseDaysAgo: number, steps: [string, number][]): Promise<void> {
  const history = (await app.sql.query(`select _order, action from proposals_history where _parent_id = $1 order by _order`, [id])).rows
  expect(history.map((h) => h.action)).toEqual(steps.map(([action]) => action))
  await app.sql.query(`update proposals set created_at = now() - make_interval(days => $2) where id = $1`, [id, createdDaysAgo])
  for (const [i, h] of history.entries()) {
    await app.sql.query(
      `update proposals_history set at = now() - make_interval(days => $3) + make_interval(secs => $4) where _parent_id = $1 and _order = $2`,
      [id, h._order, baseDaysAgo, steps[i]![1] * 3600],
    )
  }
}

beforeAll(async () => {
  app = await startTestApp('proposal_reports')
  admin = await Api.login(app.url, 'admin@northwind.example')
  agent = await Api.login(app.url, 'leo.park@summit.example')
  const manager = await Api.login(app.url, 'dana.ruiz@summit.example')
  const owner = await Api.login(app.url, 'admin@pacific.example')
  const partner = await Api.login(app.url, 'admin@summit.example')
  const coastal = await Api.login(app.url, 'admin@coastal.example')

  proposals.A = await newProposal(agent, 'Redwood Logistics', 'US-W', [
    { participant: await participant('SUM-PAC-AG1'), kind: 'percent', rate: '12' },
  ])
  await act(agent, proposals.A, 'submit', 'submitted')
  await act(manager, proposals.A, 'return', 'returned', 'Add the fleet tracking service')
  await act(agent, proposals.A, 'submit', 'submitted')
  for (const approver of [manager, owner, partner]) await act(approver, proposals.A, 'approve', 'submitted')
  await act(admin, proposals.A, 'approve', 'approved')
  const sent = await act(admin, proposals.A, 'send', 'sent')
  const token = String(sent.link).replace('/respond/', '')
  expect((await new Api(app.url, null).post('/api/proposals/respond', { token, decision: 'accept' })).body.status).toBe('accepted')

  proposals.B = await newProposal(agent, 'Cedar Freight', 'US-W')
  await act(agent, proposals.B, 'submit', 'submitted')
  await act(manager, proposals.B, 'approve', 'submitted')
  await act(owner, proposals.B, 'reject', 'rejected', 'Margins too thin')
  proposals.D = await newProposal(agent, 'Pine Dental', 'US-W')
  proposals.C = await newProposal(coastal, 'Harbor Foods', 'US-NE')
  await act(coastal, proposals.C, 'submit', 'submitted')

  await setTimes(proposals.A, 40, 39, [
    ['created', -1],
    ['submit', 0],
    ['return', 2],
    ['submit', 5],
    ['approve', 6],
    ['approve', 10],
    ['approve', 34],
    ['approve', 36],
    ['send', 37],
    ['accept', 40],
  ])
  await setTimes(proposals.B, 5, 4, [
    ['created', -1],
    ['submit', 0],
    ['approve', 3],
    ['reject', 3.5],
  ])
  await setTimes(proposals.C, 100, 99, [
    ['created', -1],
    ['submit', 0],
  ])

  // October billing of A's client, the rules, the demo's advertising program, and the payout run.
  const client = (await admin.get(`/api/proposals/${proposals.A}?depth=1`)).body.prospect
  const csv = [
    'Client Code,Service Code,Charged On,Frequency,Charged,Commissionable,Non-commissionable',
    `${client.clientCode},MGD-MOB,2026-10-01,monthly,900.00,900.00,0.00`,
    `${client.clientCode},FLEET-TRK,2026-10-05,weekly,95.00,80.00,15.00`,
  ].join('\n')
  expect(await importFile(app, admin, 'Billing engine export (standard template)', 'billing-october.csv', Buffer.from(csv))).toMatchObject({
    accepted: 2,
    rejected: 0,
  })
  const territory = (await admin.get('/api/territories?where[code][equals]=US-W&depth=0')).body.docs[0].id
  // The demo data's default rule (10 %), National print program (1 %) and "Proposal commissions" plan apply.
  for (const rule of [
    { scope: 'relationship', parent: await participant('SUM'), child: await participant('SUM-PAC'), kind: 'percent', rate: '7.5' },
    { scope: 'territory', territory, child: await participant('SUM-PAC-AM1'), kind: 'percent', rate: '8' },
  ])
    expect((await admin.post('/api/commission-rules', rule)).status).toBe(201)
  const plan = (await admin.get('/api/compensation-plans?where[name][equals]=Proposal commissions&depth=0')).body.docs[0].id
  const run = await runPeriod(app, admin, plan, await periodId(admin, 'Oct 2026'))
  expect(run.status).toBe('awaiting_approval')
  await drainJobs(app)
}, 300_000)
afterAll(async () => app?.close())

describe('proposal reports over REST', () => {
  it('proposals by status and age: whole days since creation in their buckets, oldest per status', async () => {
    const res = await admin.get('/api/proposals/reports/status-age')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ report: 'status-age', title: 'Proposals by status and age', scope: { kind: 'all' } })
    const rows = res.body.rows.filter((r: { count: number }) => r.count > 0)
    expect(rows).toEqual([
      { status: 'draft', count: 1, buckets: { '0-7': 1, '8-30': 0, '31-90': 0, 'over-90': 0 }, oldestDays: 0 },
      { status: 'submitted', count: 1, buckets: { '0-7': 0, '8-30': 0, '31-90': 0, 'over-90': 1 }, oldestDays: 100 },
      { status: 'rejected', count: 1, buckets: { '0-7': 1, '8-30': 0, '31-90': 0, 'over-90': 0 }, oldestDays: 5 },
      { status: 'accepted', count: 1, buckets: { '0-7': 0, '8-30': 0, '31-90': 1, 'over-90': 0 }, oldestDays: 40 },
    ])
    expect(res.body.total).toEqual({ count: 4, buckets: { '0-7': 2, '8-30': 0, '31-90': 1, 'over-90': 1 }, oldestDays: 100 })
  })

  it('approval turnaround per level: the return and the approval after the resubmit are two level-1 decisions, timed from each arrival', async () => {
    const res = await admin.get('/api/proposals/reports/turnaround')
    expect(res.status).toBe(200)
    const [level1, ...others] = res.body.rows
    // Level 1: A returned after 2 h, A approved 1 h after its resubmit, B approved after 3 h; C (Coastal) waits there for Northwind.
    expect(level1).toMatchObject({
      level: 1,
      approvers: 'Agent manager / Operating company',
      decisions: 3,
      approved: 2,
      returned: 1,
      rejected: 0,
      averageHours: 2,
      medianHours: 2,
      maxHours: 3,
      waiting: 1,
    })
    expect(level1.longestWaitHours).toBeGreaterThanOrEqual(99 * 24)
    expect(level1.longestWaitHours).toBeLessThan(99 * 24 + 0.1)
    expect(others).toEqual([
      {
        level: 2,
        approvers: 'Territory owner',
        decisions: 2,
        approved: 1,
        returned: 0,
        rejected: 1,
        averageHours: 2.25,
        medianHours: 2.25,
        maxHours: 4,
        waiting: 0,
        longestWaitHours: null,
      },
      {
        level: 3,
        approvers: 'Partner',
        decisions: 1,
        approved: 1,
        returned: 0,
        rejected: 0,
        averageHours: 24,
        medianHours: 24,
        maxHours: 24,
        waiting: 0,
        longestWaitHours: null,
      },
      {
        level: 4,
        approvers: 'Operating company',
        decisions: 1,
        approved: 1,
        returned: 0,
        rejected: 0,
        averageHours: 2,
        medianHours: 2,
        maxHours: 2,
        waiting: 0,
        longestWaitHours: null,
      },
    ])
    // 2, 1, 3, 4, 0.5, 24, 2 h: average 36.5 / 7 = 5.214…, median 2
    expect(res.body.total).toEqual({ decisions: 7, averageHours: 5.21, medianHours: 2, maxHours: 24, waiting: 1 })
  })

  it('commission by participant, rule scope and service ties to the cent, in JSON and in the workbook', async () => {
    const res = await admin.get('/api/proposals/reports/commission')
    expect(res.status).toBe(200)
    expect(res.body.period).toBeNull()
    expect(res.body.rows.map((r: any) => [r.payeeCode, r.scope, r.serviceCode, r.lines, r.amount])).toEqual([
      ['SUM-PAC-AM1', 'territory', 'FLEET-TRK', 1, '6.40'], // 8 % of 80.00
      ['SUM-PAC-AM1', 'territory', 'MGD-MOB', 1, '72.00'], // 8 % of 900.00
      ['SUM-PAC-AG1', 'proposal', 'FLEET-TRK', 1, '9.60'], // the agent's proposed 12 %
      ['SUM-PAC-AG1', 'proposal', 'MGD-MOB', 1, '108.00'],
      ['SUM-PAC', 'relationship', 'FLEET-TRK', 1, '6.00'], // 7.5 %
      ['SUM-PAC', 'relationship', 'MGD-MOB', 1, '67.50'],
      ['SUM', 'default', 'FLEET-TRK', 1, '8.00'], // 10 %
      ['SUM', 'default', 'MGD-MOB', 1, '90.00'],
    ])
    expect(res.body.totals).toEqual([{ currency: 'USD', lines: 8, amount: '367.50' }])

    const file = await admin.download('/api/proposals/reports/commission?format=xlsx')
    expect(file.status).toBe(200)
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="proposal-report-commission.xlsx"')
    const { rows, sheet } = await readXlsx(file.data)
    expect(rows[0]).toEqual(['Commission by participant, rule scope and service'])
    const header = rows.findIndex((r) => r[0] === 'Participant')
    expect(rows[header]).toEqual(['Participant', 'Code', 'Rule scope', 'Service', 'Currency', 'Lines', 'Amount'])
    expect(rows[header + 1]).toEqual(['Dana Ruiz', 'SUM-PAC-AM1', 'territory', 'Fleet tracking', 'USD', 1, 6.4])
    expect(rows.length).toBe(header + 1 + 8 + 1) // the 8 rows, then one total row (one currency)
    const total = rows.find((r) => r[0] === 'Total')!
    expect(total).toEqual(['Total', undefined, undefined, undefined, 'USD', 8, 367.5])
    expect(total[6]).toBe(Number(res.body.totals[0].amount))
    expect(sheet.getRow(rows.indexOf(total) + 1).getCell(7).numFmt).toBe('#,##0.00')
  })

  it('advertising deductions by program and payee, with the program total, to the cent', async () => {
    const res = await admin.get('/api/proposals/reports/advertising')
    expect(res.body.rows.map((r: any) => [r.programName, r.payeeCode, r.amount])).toEqual([
      ['National print', 'SUM-PAC-AM1', '-0.78'], // 1 % of 78.40 = 0.784
      ['National print', 'SUM-PAC-AG1', '-1.18'], // 1 % of 117.60 = 1.176
      ['National print', 'SUM-PAC', '-0.74'], // 1 % of 73.50 = 0.735, half-even
      ['National print', 'SUM', '-0.98'],
    ])
    const programId = (await app.sql.query(`select id from advertising_programs where name = 'National print'`)).rows[0].id
    expect(res.body.programs).toEqual([{ programId, programName: 'National print', payees: 4, currency: 'USD', lines: 4, amount: '-3.68' }])
    expect(res.body.totals).toEqual([{ currency: 'USD', lines: 4, amount: '-3.68' }])
    const { rows } = await readXlsx((await admin.download('/api/proposals/reports/advertising?format=xlsx')).data)
    expect(rows.find((r) => r[0] === 'Subtotal National print')).toEqual([
      'Subtotal National print',
      '4 participants',
      undefined,
      'USD',
      4,
      -3.68,
    ])
    expect(rows.find((r) => r[0] === 'Total')).toEqual(['Total', undefined, undefined, 'USD', 4, Number(res.body.totals[0].amount)])
  })

  it('the status and turnaround workbooks carry the same totals as the JSON', async () => {
    const status = await readXlsx((await admin.download('/api/proposals/reports/status-age?format=xlsx')).data)
    expect(status.rows.find((r) => r[0] === 'Total')).toEqual(['Total', 4, 2, 0, 1, 1, 100])
    const turnaround = await readXlsx((await admin.download('/api/proposals/reports/turnaround?format=xlsx')).data)
    expect(turnaround.rows.find((r) => r[0] === 'Total')).toEqual(['Total', undefined, 7, 5, 1, 1, 5.21, 2, 24, 1])
  })

  it('a period limits the money reports to that period', async () => {
    const october = await periodId(admin, 'Oct 2026')
    const inOctober = await admin.get(`/api/proposals/reports/commission?period=${october}`)
    expect(inOctober.body.period).toEqual({ id: october, label: 'Oct 2026' })
    expect(inOctober.body.totals).toEqual([{ currency: 'USD', lines: 8, amount: '367.50' }])
    const inSeptember = await admin.get(`/api/proposals/reports/advertising?period=${await periodId(admin, 'Sep 2026')}`)
    expect(inSeptember.body).toMatchObject({ rows: [], programs: [], totals: [] })
    expect((await admin.get('/api/proposals/reports/commission?period=abc')).status).toBe(400)
    expect((await admin.get('/api/proposals/reports/commission?period=999999')).body.errors[0].message).toBe(
      'commission period 999999 not found',
    )
  })

  it('each user sees their own subtree: Summit’s partner sees Summit’s rows, Dana only hers and her agent’s, Coastal none of Summit’s', async () => {
    const partner = await Api.login(app.url, 'admin@summit.example')
    const summit = await partner.get('/api/proposals/reports/commission')
    expect(summit.body.scope).toEqual({ kind: 'subtree', participantId: await participant('SUM'), participant: 'Summit Wireless Partners' })
    expect(summit.body.totals).toEqual([{ currency: 'USD', lines: 8, amount: '367.50' }])
    expect((await partner.get('/api/proposals/reports/advertising')).body.totals).toEqual([{ currency: 'USD', lines: 4, amount: '-3.68' }])
    expect((await partner.get('/api/proposals/reports/status-age')).body.total.count).toBe(3) // A, B, D; not Coastal's C
    const summitTurnaround = (await partner.get('/api/proposals/reports/turnaround')).body
    expect(summitTurnaround.rows[0]).toMatchObject({ level: 1, approvers: 'Agent manager', decisions: 3, waiting: 0 })

    const manager = await Api.login(app.url, 'dana.ruiz@summit.example')
    const dana = await manager.get('/api/proposals/reports/commission')
    expect(dana.body.rows.map((r: any) => r.payeeCode)).toEqual(['SUM-PAC-AM1', 'SUM-PAC-AM1', 'SUM-PAC-AG1', 'SUM-PAC-AG1'])
    expect(dana.body.totals).toEqual([{ currency: 'USD', lines: 4, amount: '196.00' }]) // 78.40 + 117.60
    expect((await manager.get('/api/proposals/reports/advertising')).body.totals).toEqual([{ currency: 'USD', lines: 2, amount: '-1.96' }])

    const coastal = await Api.login(app.url, 'admin@coastal.example')
    expect((await coastal.get('/api/proposals/reports/commission')).body).toMatchObject({ rows: [], totals: [] })
    expect((await coastal.get('/api/proposals/reports/advertising')).body).toMatchObject({ rows: [], programs: [], totals: [] })
    const coastalStatus = (await coastal.get('/api/proposals/reports/status-age')).body
    expect(coastalStatus.rows.filter((r: { count: number }) => r.count > 0).map((r: { status: string }) => r.status)).toEqual(['submitted'])
    const coastalTurnaround = (await coastal.get('/api/proposals/reports/turnaround')).body
    expect(coastalTurnaround.rows.map((r: any) => [r.level, r.approvers, r.decisions, r.waiting])).toEqual([[1, 'Operating company', 0, 1]])
    const { rows } = await readXlsx((await coastal.download('/api/proposals/reports/commission?format=xlsx')).data)
    expect(rows.find((r) => r[0] === 'Total')).toEqual(['Total', 'no lines'])
  })

  it('refuses without a login and names the reports for an unknown one', async () => {
    expect((await new Api(app.url, null).get('/api/proposals/reports/commission')).status).toBe(401)
    const unknown = await admin.get('/api/proposals/reports/pipeline')
    expect(unknown.status).toBe(404)
    expect(unknown.body.errors[0].message).toBe(
      'there is no proposal report "pipeline"; the reports are status-age, turnaround, commission, advertising',
    )
    expect((await admin.get('/api/proposals/reports/commission?format=pdf')).status).toBe(400)
  })
})
