import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { linkSecret } from '../../../modules/proposals/responseLink'
import { previousMonthEnd } from '../../../engine/commission/calendar'
import { signLink } from '../../../engine/proposals/signedLink'
import { startTestApp, type TestApp } from '../../support/app'
import { Api, fieldErrorOf } from '../../support/http'
import { drainJobs, importFile } from '../../support/telecom'
import { periodId, runPeriod } from '../../support/commission'

let app: TestApp
let agent: Api
const ids = new Map<string, number>()

async function participant(code: string): Promise<number> {
  if (!ids.has(code)) ids.set(code, (await app.sql.query(`select id from participants where code = $1`, [code])).rows[0].id)
  return ids.get(code)!
}

beforeAll(async () => {
  app = await startTestApp('proposals')
  agent = await Api.login(app.url, 'leo.park@summit.example')
})
afterAll(async () => app?.close())

async function newProposal(): Promise<{ prospect: number; proposal: number }> {
  const territory = (await agent.get('/api/territories?where[code][equals]=US-W&depth=0')).body.docs[0].id
  const prospect = await agent.post('/api/prospects', {
    company: 'Redwood Logistics',
    territory,
    contacts: [{ name: 'Jo Reyes', email: 'jo@redwood.example' }],
  })
  expect(prospect.status).toBe(201)
  const service = (await agent.get('/api/services?where[code][equals]=MGD-MOB&depth=0')).body.docs[0].id
  const proposal = await agent.post('/api/proposals', {
    prospect: prospect.body.doc.id,
    services: [{ service, quantity: 2 }],
    terms: [{ participant: await participant('SUM-PAC-AG1'), kind: 'percent', rate: '10' }],
  })
  expect(proposal.status).toBe(201)
  return { prospect: prospect.body.doc.id, proposal: proposal.body.doc.id }
}

describe('a proposal climbs the chain and the prospect accepts through a signed link', () => {
  it('an agent creates a prospect and a proposal: the prospect becomes "proposal", the chain is the agent\u2019s ancestors', async () => {
    const { prospect, proposal } = await newProposal()
    expect((await agent.get(`/api/prospects/${prospect}`)).body.status).toBe('proposal')
    const doc = (await agent.get(`/api/proposals/${proposal}?depth=0`)).body
    expect(doc).toMatchObject({
      status: 'draft',
      level: -1,
      chain: [await participant('SUM-PAC-AM1'), await participant('SUM-PAC'), await participant('SUM'), await participant('NW')],
    })
    expect(doc.services[0].price).toBe('450.0000')
  })

  it('climbs one level per approval, refuses out of turn and self-approval, returns to the author, and is accepted by the prospect', async () => {
    const { prospect, proposal } = await newProposal()
    const manager = await Api.login(app.url, 'dana.ruiz@summit.example')
    const territoryOwner = await Api.login(app.url, 'admin@pacific.example')
    const partner = await Api.login(app.url, 'admin@summit.example')
    const admin = await Api.login(app.url, 'admin@northwind.example')
    expect((await manager.post(`/api/proposals/${proposal}/approve`, {})).body.errors[0].message).toMatch(
      /^cannot approve this proposal: it is draft/,
    )
    expect((await agent.post(`/api/proposals/${proposal}/submit`, {})).body).toMatchObject({
      status: 'submitted',
      waitingFor: await participant('SUM-PAC-AM1'),
    })
    expect((await agent.post(`/api/proposals/${proposal}/approve`, {})).body.errors[0].message).toMatch(/own proposal/)
    const outOfTurn = await partner.post(`/api/proposals/${proposal}/approve`, {})
    expect(outOfTurn.status).toBe(409)
    expect(outOfTurn.body.errors[0].message).toMatch(/not your turn/)
    expect((await manager.post(`/api/proposals/${proposal}/return`, {})).status).toBe(409) // a return needs a comment
    expect((await manager.post(`/api/proposals/${proposal}/return`, { comment: 'Add the help desk service' })).body.status).toBe('returned')
    expect((await agent.post(`/api/proposals/${proposal}/submit`, {})).body.status).toBe('submitted')
    expect((await manager.post(`/api/proposals/${proposal}/approve`, { comment: 'ok' })).body).toMatchObject({
      status: 'submitted',
      waitingFor: await participant('SUM-PAC'),
    })
    // The agent cannot read the participants above its manager, but sees whose turn it is: the name is kept on the proposal.
    expect((await agent.get(`/api/participants/${await participant('SUM-PAC')}`)).status).toBe(404)
    expect((await agent.get(`/api/proposals/${proposal}?depth=0`)).body.waitingForName).toBe('Pacific Territory LLC')
    expect((await territoryOwner.post(`/api/proposals/${proposal}/approve`, {})).body.waitingFor).toBe(await participant('SUM'))
    expect((await partner.post(`/api/proposals/${proposal}/approve`, {})).body.waitingFor).toBe(await participant('NW'))
    expect((await admin.post(`/api/proposals/${proposal}/approve`, {})).body.status).toBe('approved')
    // The agent's proposed 10 % became this proposal's own rule at approval.
    const fixed = (await admin.get(`/api/commission-rules?where[proposal][equals]=${proposal}&depth=0`)).body.docs
    expect(fixed.map((r: { scope: string; child: number; kind: string; rate: string }) => [r.scope, r.child, r.kind, r.rate])).toEqual([
      ['proposal', await participant('SUM-PAC-AG1'), 'percent', '10'],
    ])
    const sent = await admin.post(`/api/proposals/${proposal}/send`, {})
    expect(sent.body.status).toBe('sent')
    const token = String(sent.body.link).replace('/respond/', '')

    const anonymous = new Api(app.url, null)
    const shown = await anonymous.get(`/api/proposals/respond?token=${token}`)
    expect(shown.status).toBe(200)
    // What the prospect sees is the offer, never the commission terms or the approval history.
    expect(Object.keys(shown.body).sort()).toEqual(['company', 'proposal', 'respondBy', 'services', 'status', 'title'])
    expect(shown.body.services).toEqual([
      { name: 'Managed mobility (per 25 lines)', billing: 'monthly', quantity: 2, price: '450.0000', currency: 'USD' },
    ])
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')
    expect((await anonymous.post('/api/proposals/respond', { token: tampered, decision: 'accept' })).body.errors[0].message).toBe(
      'this link has been altered and is not valid',
    )
    const expired = signLink({ proposalId: proposal, action: 'respond', expiresAt: '2020-01-01T00:00:00.000Z' }, linkSecret(app.payload))
    expect((await anonymous.post('/api/proposals/respond', { token: expired, decision: 'accept' })).body.errors[0].message).toBe(
      'this link has expired; ask your contact for a new one',
    )
    expect((await anonymous.post('/api/proposals/respond', { token, decision: 'accept' })).body.status).toBe('accepted')
    expect((await anonymous.post('/api/proposals/respond', { token, decision: 'decline' })).status).toBe(409)
    expect((await agent.get(`/api/prospects/${prospect}`)).body.status).toBe('client')
    const history = (await admin.get(`/api/proposals/${proposal}?depth=0`)).body.history.map(
      (h: { action: string; comment: string | null }) => h.action,
    )
    expect(history).toEqual(['created', 'submit', 'return', 'submit', 'approve', 'approve', 'approve', 'approve', 'send', 'accept'])
  })

  it('the flow\u2019s own fields are not the author\u2019s to write, and a quantity is whole', async () => {
    const { proposal } = await newProposal()
    const forged = await agent.patch(`/api/proposals/${proposal}`, { waitingForName: 'Somebody else', status: 'approved' })
    expect(forged.body.doc).toMatchObject({ status: 'draft', waitingForName: null })
    const service = (await agent.get('/api/services?where[code][equals]=MGD-MOB&depth=0')).body.docs[0].id
    const half = await agent.patch(`/api/proposals/${proposal}`, { services: [{ service, quantity: 1.5 }] })
    expect(fieldErrorOf(half.body)).toEqual({
      path: 'services.0.quantity',
      message: 'service line 1: the quantity is a whole number of units (got 1.5)',
    })
  })

  it('an accept and a decline sent at the same moment: exactly one is recorded, and the prospect follows it', async () => {
    const { prospect, proposal } = await newProposal()
    await app.sql.query(`update proposals set status = 'sent' where id = $1`, [proposal])
    const token = signLink(
      { proposalId: proposal, action: 'respond', expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
      linkSecret(app.payload),
    )
    const anonymous = new Api(app.url, null)
    const answers = await Promise.all(
      ['accept', 'decline', 'accept', 'decline'].map((decision) => anonymous.post('/api/proposals/respond', { token, decision })),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409])
    const winner = answers.find((a) => a.status === 200)!.body.status
    const stored = (
      await app.sql.query(
        `select p.status::text as proposal, r.status::text as prospect from proposals p join prospects r on r.id = p.prospect_id where p.id = $1`,
        [proposal],
      )
    ).rows[0]
    expect(stored).toEqual({ proposal: winner, prospect: winner === 'accepted' ? 'client' : 'proposal' })
    const history = (
      await app.sql.query(`select action from proposals_history where _parent_id = $1 order by _order`, [proposal])
    ).rows.map((r) => r.action)
    expect(history).toEqual(['created', winner === 'accepted' ? 'accept' : 'decline'])
    expect(prospect).toBeGreaterThan(0)
  })

  it('only the author edits, only while a draft, and another partner never sees it', async () => {
    const { proposal } = await newProposal()
    const manager = await Api.login(app.url, 'dana.ruiz@summit.example')
    expect(fieldErrorOf((await manager.patch(`/api/proposals/${proposal}`, { terms: [] })).body)?.message).toBe(
      'only the author edits a proposal; approvers approve, return or reject it',
    )
    expect((await agent.patch(`/api/proposals/${proposal}`, { status: 'approved', terms: [] })).body.doc.status).toBe('draft')
    const coastal = await Api.login(app.url, 'admin@coastal.example')
    expect((await coastal.get(`/api/proposals/${proposal}`)).status).toBe(404)
    expect((await coastal.post(`/api/proposals/${proposal}/approve`, {})).status).toBe(404)
  })
})

describe('commission rules and advertising programs', () => {
  it('refuses a negative rate, a percentage above 100 and a relationship rule without its parent, naming the field', async () => {
    const admin = await Api.login(app.url, 'admin@northwind.example')
    const negative = await admin.post('/api/commission-rules', { scope: 'default', kind: 'percent', rate: '-5' })
    expect(fieldErrorOf(negative.body)).toEqual({ path: 'rate', message: 'the rate must not be negative (got -5)' })
    const over = await admin.post('/api/commission-rules', { scope: 'default', kind: 'percent', rate: '120' })
    expect(fieldErrorOf(over.body)?.path).toBe('rate')
    const orphan = await admin.post('/api/commission-rules', {
      scope: 'relationship',
      child: await participant('SUM-PAC'),
      kind: 'percent',
      rate: '5',
    })
    expect(fieldErrorOf(orphan.body)).toEqual({ path: 'parent', message: 'a relationship rule needs a parent' })
    expect(
      (
        await admin.post('/api/commission-rules', {
          scope: 'relationship',
          parent: await participant('SUM'),
          child: await participant('SUM-PAC'),
          kind: 'percent',
          rate: '7.5',
        })
      ).status,
    ).toBe(201)
    const partner = await Api.login(app.url, 'admin@summit.example')
    expect((await partner.post('/api/commission-rules', { scope: 'default', kind: 'percent', rate: '5' })).status).toBe(403)
  })

  it('a territory program names its territory; only company admins start programs', async () => {
    const admin = await Api.login(app.url, 'admin@northwind.example')
    const missing = await admin.post('/api/advertising-programs', {
      name: 'West radio',
      kind: 'territory',
      percent: '2',
      startsOn: '2026-11-01',
    })
    expect(missing.status).toBe(400)
    const territory = (await admin.get('/api/territories?where[code][equals]=US-W&depth=0')).body.docs[0].id
    expect(
      (
        await admin.post('/api/advertising-programs', {
          name: 'West radio',
          kind: 'territory',
          territory,
          percent: '2',
          startsOn: '2026-11-01',
        })
      ).status,
    ).toBe(201)
    expect(
      (await admin.post('/api/advertising-programs', { name: 'National TV', kind: 'national', percent: '1.5', startsOn: '2026-11-01' }))
        .status,
    ).toBe(201)
    const finance = await Api.login(app.url, 'finance@northwind.example')
    expect(
      (await finance.post('/api/advertising-programs', { name: 'x', kind: 'national', percent: '1', startsOn: '2026-11-01' })).status,
    ).toBe(403)
  })
})

describe('billing input', () => {
  it('imports the billing engine’s charges of a client through the import machinery, refusing parts that do not add up', async () => {
    const { prospect, proposal } = await newProposal()
    const admin = await Api.login(app.url, 'admin@northwind.example')
    const sql = app.sql
    // Fast-forward the approval (the flow itself is tested above): the prospect accepts.
    await sql.query(`update proposals set status = 'sent' where id = $1`, [proposal])
    const token = signLink(
      { proposalId: proposal, action: 'respond', expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
      linkSecret(app.payload),
    )
    expect((await new Api(app.url, null).post('/api/proposals/respond', { token, decision: 'accept' })).body.status).toBe('accepted')
    const client = (await admin.get(`/api/prospects/${prospect}`)).body
    expect(client).toMatchObject({ status: 'client', clientCode: `CL-${String(prospect).padStart(5, '0')}` })
    const csv = [
      'Client Code,Service Code,Charged On,Frequency,Charged,Commissionable,Non-commissionable',
      `${client.clientCode},MGD-MOB,2026-10-01,monthly,900.00,900.00,0.00`,
      `${client.clientCode},FLEET-TRK,2026-10-05,weekly,95.00,80.00,15.00`,
      `${client.clientCode},FLEET-TRK,2026-10-12,weekly,95.00,80.00,10.00`,
      `CL-99999,HELPDESK,2026-10-14,biweekly,180.00,180.00,0.00`,
    ].join('\n')
    const imported = await importFile(app, admin, 'Billing engine export (standard template)', 'billing-october.csv', Buffer.from(csv))
    await drainJobs(app)
    expect(imported).toMatchObject({ rowsRead: 4, accepted: 2, rejected: 2 })
    const rows = (
      await sql.query(
        `select s.code, b.charged_on::text as on, b.commissionable::text as c from billing_lines b join services s on s.id = b.service_id order by b.charged_on`,
      )
    ).rows
    expect(rows).toEqual([
      { code: 'MGD-MOB', on: '2026-10-01', c: '900.0000' },
      { code: 'FLEET-TRK', on: '2026-10-05', c: '80.0000' },
    ])
    const rejects = (await sql.query(`select reasons from import_rejects order by row_number`)).rows.map((r) => r.reasons)
    expect(rejects).toEqual([
      'Commissionable: commissionable 80 + non-commissionable 10 = 90.0000, but the charge is 95 (a difference of 5.0000)',
      'Client Code: unknown client "CL-99999"',
    ])
  })
})

/** The demo data's plan that pays proposal commissions (its approved version: proposal commission + advertising). */
async function proposalPlanId(admin: Api): Promise<number> {
  const plans = (await admin.get('/api/compensation-plans?where[name][equals]=Proposal commissions&depth=0')).body.docs
  expect(plans).toHaveLength(1)
  return plans[0].id
}

describe('monthly payout of accepted proposals', () => {
  it('pays every member of the chain by the most specific rule, with each advertising deduction as its own line, to the cent', async () => {
    const admin = await Api.login(app.url, 'admin@northwind.example')
    const territory = (await admin.get('/api/territories?where[code][equals]=US-W&depth=0')).body.docs[0].id
    const proposal = (await app.sql.query(`select id from proposals where status = 'accepted' order by updated_at desc limit 1`)).rows[0].id
    // Rules as management set them: everyone 10 % by default (the demo data's rule); Summit pays Pacific 7.5 % (the
    // relationship rule of the test above); West territory owners pay their agent managers 8 %; this proposal pays its
    // agent 12 %. Advertising: the demo's National print (1 %) and a West program started here.
    for (const rule of [
      { scope: 'territory', territory, child: await participant('SUM-PAC-AM1'), kind: 'percent', rate: '8' },
      { scope: 'proposal', proposal, child: await participant('SUM-PAC-AG1'), kind: 'percent', rate: '12' },
    ])
      expect((await admin.post('/api/commission-rules', rule)).status).toBe(201)
    expect(
      (await admin.get('/api/commission-rules?where[scope][equals]=default&depth=0')).body.docs.map((r: { rate: string }) => r.rate),
    ).toEqual(['10'])
    expect(
      (
        await admin.post('/api/advertising-programs', {
          name: 'West billboards',
          kind: 'territory',
          territory,
          percent: '2',
          startsOn: '2026-10-01',
        })
      ).status,
    ).toBe(201)
    const planId = await proposalPlanId(admin)

    const run = await runPeriod(app, admin, planId, await periodId(admin, 'Oct 2026'))
    expect({ status: run.status, message: run.message }).toMatchObject({ status: 'awaiting_approval' })
    const lines = (
      await app.sql.query(
        `select p.code, l.component::text as component, sum(l.amount)::text as amount, string_agg(distinct r.scope::text, ',') as scope
         from commission_lines l join participants p on p.id = l.payee_id left join commission_rules r on r.id = l.rule_id
        where l.run_id = $1 group by p.code, l.component, l.description order by p.code, l.component::text, l.description`,
        [run.id],
      )
    ).rows.map((r) => [r.code, r.component, r.amount, r.scope])
    // Billed in October: 900.00 + 80.00 commissionable.
    expect(lines).toEqual([
      ['SUM', 'advertising', '-0.9800', null], // National print 1 % of 98.00
      ['SUM', 'advertising', '-1.9600', null], // West billboards 2 % of 98.00
      ['SUM', 'proposal_commission', '8.0000', 'default'], // FLEET-TRK: 10 % of 80.00
      ['SUM', 'proposal_commission', '90.0000', 'default'], // MGD-MOB: 10 % of 900.00
      ['SUM-PAC', 'advertising', '-0.7400', null], // 1 % of 73.50 = 0.735 → 0.74 (half-even)
      ['SUM-PAC', 'advertising', '-1.4700', null],
      ['SUM-PAC', 'proposal_commission', '6.0000', 'relationship'],
      ['SUM-PAC', 'proposal_commission', '67.5000', 'relationship'],
      ['SUM-PAC-AG1', 'advertising', '-1.1800', null], // 1 % of 117.60
      ['SUM-PAC-AG1', 'advertising', '-2.3500', null],
      ['SUM-PAC-AG1', 'proposal_commission', '9.6000', 'proposal'],
      ['SUM-PAC-AG1', 'proposal_commission', '108.0000', 'proposal'],
      ['SUM-PAC-AM1', 'advertising', '-0.7800', null],
      ['SUM-PAC-AM1', 'advertising', '-1.5700', null], // 2 % of 78.40 = 1.568
      ['SUM-PAC-AM1', 'proposal_commission', '6.4000', 'territory'],
      ['SUM-PAC-AM1', 'proposal_commission', '72.0000', 'territory'],
    ])
    const second = await admin.post('/api/commission-runs', { plan: planId, period: await periodId(admin, 'Oct 2026'), mode: 'post' })
    expect(fieldErrorOf(second.body)).toEqual({
      path: 'period',
      message: `Proposal commissions was already run for Oct 2026 (run #${run.id}, awaiting approval): a second payout run for the same period is refused; open that run to run it again while the period is open`,
    })
  })

  it('refuses a rule that would make a live proposal pay more than it earns down the chain', async () => {
    const admin = await Api.login(app.url, 'admin@northwind.example')
    const proposal = (await app.sql.query(`select id from proposals where status = 'accepted' order by updated_at desc limit 1`)).rows[0].id
    // Chain of the proposal: default 10 % (Summit), relationship 7.5 % (Pacific), the agent's proposal rule 12 %.
    const tooMuch = await admin.post('/api/commission-rules', {
      scope: 'proposal',
      proposal,
      child: await participant('SUM-PAC-AM1'),
      kind: 'percent',
      rate: '75',
    })
    expect(fieldErrorOf(tooMuch.body)).toEqual({
      path: 'rate',
      message: `with this rule, proposal #${proposal} (Redwood Logistics) would pay more than it earns down the chain: the chain pays USD 940.50 in total (percent shares USD 940.50 + fixed amounts USD 0.00), more than the commissionable USD 900.00 by USD 40.50`,
    })
    expect(
      (
        await admin.post('/api/commission-rules', {
          scope: 'proposal',
          proposal,
          child: await participant('SUM-PAC-AM1'),
          kind: 'percent',
          rate: '70',
        })
      ).status,
    ).toBe(201)
  })

  it('a schedule runs a plan for the month before its day, once: not again when it was run by hand, never for a month missing from the calendar', async () => {
    const admin = await Api.login(app.url, 'admin@northwind.example')
    const plan = await admin.post('/api/compensation-plans', { name: 'Scheduled proposal commissions', currency: 'USD' })
    await admin.post('/api/plan-versions', {
      plan: plan.body.doc.id,
      effectiveFrom: '2026-01-01',
      status: 'approved',
      components: [{ blockType: 'proposal_commission' }, { blockType: 'advertising' }],
    })
    const { scheduledRun } = await import('../../../modules/commission/scheduledRun')
    const now = new Date('2026-11-05T06:00:00Z')
    const first = await scheduledRun(app.payload, plan.body.doc.id, 999_001, now)
    expect(typeof first).toBe('number')
    const created = (await admin.get(`/api/commission-runs/${first}?depth=1`)).body
    expect(created.period.label).toBe('Oct 2026')
    expect(await scheduledRun(app.payload, plan.body.doc.id, 999_001, now)).toBe(first) // a retry of the same job
    expect(await scheduledRun(app.payload, plan.body.doc.id, 999_002, now)).toBe('already-run') // next slot, or run by hand
    const handRun = (await app.sql.query(`select id from commission_runs where title = 'Proposal commissions · Oct 2026'`)).rows[0].id
    expect(handRun).toBeGreaterThan(0)
    const proposalsPlan = (await app.sql.query(`select id from compensation_plans where name = 'Proposal commissions'`)).rows[0].id
    expect(await scheduledRun(app.payload, proposalsPlan, 999_003, now)).toBe('already-run')
    // A month missing from the calendar is refused by name; an older month is never paid in its place.
    const runsBefore = (await app.sql.query(`select count(*)::int as n from commission_runs`)).rows[0].n
    await expect(scheduledRun(app.payload, plan.body.doc.id, 999_004, new Date('2031-02-05T06:00:00Z'))).rejects.toThrow(
      'no regular monthly period ends on 2031-01-31: generate the calendar for that month first',
    )
    expect((await app.sql.query(`select count(*)::int as n from commission_runs`)).rows[0].n).toBe(runsBefore)

    // Through the queue, as a `schedules` row with task commissionRun and input {"plan": id} starts it: today's
    // previous month, generated as a company admin would when the demo calendar (2026–2027) does not reach it.
    const monthEnd = previousMonthEnd(new Date().toISOString().slice(0, 10))
    expect(
      (await admin.post('/api/commission-periods/generate', { frequency: 'monthly', from: `${monthEnd.slice(0, 8)}01`, count: 1 })).status,
    ).toBe(200)
    const queued = await admin.post('/api/compensation-plans', { name: 'Queued proposal commissions', currency: 'USD' })
    await admin.post('/api/plan-versions', {
      plan: queued.body.doc.id,
      effectiveFrom: '2026-01-01',
      status: 'approved',
      components: [{ blockType: 'proposal_commission' }],
    })
    await app.payload.jobs.queue({ task: 'commissionRun', input: { plan: queued.body.doc.id } })
    await drainJobs(app)
    const runs = (await admin.get(`/api/commission-runs?where[plan][equals]=${queued.body.doc.id}&depth=0`)).body.docs
    const lastEnded = (
      await app.sql.query(`select label from commission_periods where frequency = 'monthly' and cycle = 'regular' and ends_on = $1::date`, [
        monthEnd,
      ])
    ).rows[0].label
    expect(runs.map((r: { status: string; title: string }) => [r.title, r.status])).toEqual([
      [`Queued proposal commissions · ${lastEnded}`, 'awaiting_approval'],
    ])
  })
})
