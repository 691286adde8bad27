import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { approvedRuleVersion } from '../../../modules/rules/versions'
import { startTestApp, type TestApp } from '../../support/app'
import { Api, fieldErrorOf } from '../../support/http'
import { decisionTable } from '../../support/rules'
import { drainJobs } from '../../support/telecom'

/**
 * Rule sets and their versions over real HTTP, as business users work them: a company user writes a dealer plan as a
 * decision table with test cases, a save refuses what does not fit the purpose (naming node, row and field), a failing
 * test blocks submission, the last editor cannot approve (maker-checker), another company admin does, and the approved
 * version is frozen. Every expected amount is written by hand from the table below.
 */

/** Flat upgrade and downgrade amounts, a base rebate on new lines and port-ins, and a port-in bonus on top of it. */
const dealerPlan = decisionTable({
  name: 'Rates',
  inputs: ['activationType'],
  outputs: ['label', 'amount'],
  rows: [
    ['"new", "port_in"', '"Base rebate"', '40'],
    ['"port_in"', '"Port-in bonus"', '15'],
    ['"upgrade"', '"Upgrade"', '25'],
    ['"downgrade"', '"Downgrade"', '-10.50'],
  ],
})

const passingCases = [
  { name: 'Upgrade pays a flat 25', inputs: { activationType: 'upgrade' }, expected: [{ label: 'Upgrade', amount: '25' }] },
  { name: 'Downgrade takes back 10.50', inputs: { activationType: 'downgrade' }, expected: [{ label: 'Downgrade', amount: '-10.5' }] },
  {
    name: 'Port-in pays base and bonus',
    inputs: { activationType: 'port_in' },
    expected: [
      { label: 'Base rebate', amount: 40 },
      { label: 'Port-in bonus', amount: 15 },
    ],
  },
]
/** The port-in case with a wrong bonus (20 instead of 15). */
const failingCases = [
  passingCases[0]!,
  {
    ...passingCases[2]!,
    expected: [
      { label: 'Base rebate', amount: 40 },
      { label: 'Port-in bonus', amount: 20 },
    ],
  },
]

const PURPOSE_INPUTS = [
  'activationType',
  'carrier',
  'dealer',
  'dealerRegion',
  'dealerTenureMonths',
  'dealerTier',
  'featureCount',
  'features',
  'periodActivations',
  'previousRatePlan',
  'ratePlan',
  'saleDate',
]

let app: TestApp
let admin: Api
let ops: Api
let finance: Api
let secondAdmin: Api
let ruleSetId: number
let versionId: number

beforeAll(async () => {
  app = await startTestApp('rules_governance')
  await drainJobs(app)
  admin = await Api.login(app.url, 'admin@northwind.example')
  ops = await Api.login(app.url, 'ops@northwind.example')
  finance = await Api.login(app.url, 'finance@northwind.example')
  const nw = await app.sql.query<{ id: number }>(`select id from participants where code = 'NW'`)
  const created = await admin.post('/api/users', {
    email: 'second.admin@northwind.example',
    name: 'Second Admin',
    password: 'a-long-enough-password',
    participant: nw.rows[0]!.id,
    roles: ['company_admin'],
  })
  expect(created.status).toBe(201)
  secondAdmin = await Api.login(app.url, 'second.admin@northwind.example', 'a-long-enough-password')
})
afterAll(async () => app?.close())

describe('rule sets', () => {
  it('a company user creates a rule set of a purpose', async () => {
    const res = await ops.post('/api/rule-sets', { name: 'Dealer plan', purpose: 'commission_amount', description: 'Summit dealers' })
    expect([res.status, res.body.doc?.purpose]).toEqual([201, 'commission_amount'])
    ruleSetId = res.body.doc.id
  })

  it('partner and agent logins cannot read rule sets, versions, sample inputs or try a rule', async () => {
    for (const email of ['admin@summit.example', 'leo.park@summit.example']) {
      const api = await Api.login(app.url, email)
      expect([email, (await api.get('/api/rule-sets')).status]).toEqual([email, 403])
      expect([email, (await api.get('/api/rule-versions')).status]).toEqual([email, 403])
      expect([email, (await api.get('/api/rule-versions/sample-inputs?purpose=commission_amount')).status]).toEqual([email, 403])
      const tried = await api.post('/api/rule-versions/try', { purpose: 'commission_amount', content: dealerPlan, inputs: {} })
      expect([email, tried.status]).toEqual([email, 403])
    }
  })
})

describe('saving a draft', () => {
  it('refuses an output column the purpose does not return, naming the node and the field', async () => {
    const content = decisionTable({
      name: 'Rates',
      inputs: ['activationType'],
      outputs: ['label', 'amount', 'bonus'],
      rows: [['"upgrade"', '"Upgrade"', '25', '5']],
    })
    const res = await ops.post('/api/rule-versions', { ruleSet: ruleSetId, effectiveFrom: '2026-10-01', content })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)).toEqual({
      path: 'content',
      message: 'Rates: output column "bonus" sets "bonus", which is not an output of this purpose (it returns: label, amount)',
    })
  })

  it('refuses an expression that does not parse, naming the node, the row and the column', async () => {
    const content = decisionTable({
      name: 'Rates',
      inputs: ['activationType'],
      outputs: ['label', 'amount'],
      rows: [
        ['"upgrade"', '"Upgrade"', '25'],
        ['"downgrade"', '"Downgrade"', '10 +'],
      ],
    })
    const res = await ops.post('/api/rule-versions', { ruleSet: ruleSetId, effectiveFrom: '2026-10-01', content })
    expect(res.status).toBe(400)
    const error = fieldErrorOf(res.body)
    expect(error?.path).toBe('content')
    expect(error?.message).toMatch(/^Rates: row 2, output "amount": "10 \+" cannot be read: /)
  })

  it('refuses a test case input the purpose does not provide, on the case row', async () => {
    const res = await ops.post('/api/rule-versions', {
      ruleSet: ruleSetId,
      effectiveFrom: '2026-10-01',
      content: dealerPlan,
      testCases: [{ name: 'Typo', inputs: { activation_type: 'upgrade' }, expected: [{ amount: 25 }] }],
    })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.path).toBe('testCases.0.inputs')
    expect(fieldErrorOf(res.body)?.message).toMatch(/^test case 1: "activation_type" is not an input of this purpose/)
  })

  it('saves a draft with a failing test case and shows which failed and why', async () => {
    const res = await ops.post('/api/rule-versions', {
      ruleSet: ruleSetId,
      effectiveFrom: '2026-10-01',
      content: dealerPlan,
      testCases: failingCases,
    })
    expect(res.status).toBe(201)
    versionId = res.body.doc.id
    expect([res.body.doc.version, res.body.doc.title, res.body.doc.status]).toEqual([1, 'Dealer plan v1 from 2026-10-01', 'draft'])
    const results = res.body.doc.testResults
    expect([results.passed, results.failed]).toEqual([1, 1])
    expect(results.outcomes.map((o: { name: string; passed: boolean }) => [o.name, o.passed])).toEqual([
      ['Upgrade pays a flat 25', true],
      ['Port-in pays base and bonus', false],
    ])
    expect(results.outcomes[1].message).toContain('expected label Port-in bonus, amount 20 but no result matched')
  })
})

describe('submitting and approving', () => {
  it('a failing test case blocks submission, naming the case', async () => {
    const res = await ops.patch(`/api/rule-versions/${versionId}`, { status: 'submitted' })
    expect(res.status).toBe(400)
    expect(fieldErrorOf(res.body)?.path).toBe('testCases.1.expected')
    expect(fieldErrorOf(res.body)?.message).toMatch(
      /^Dealer plan v1 cannot be submitted: test case "Port-in pays base and bonus" fails: expected label Port-in bonus, amount 20/,
    )
  })

  it('a client cannot forge who edited or approved a version', async () => {
    const res = await admin.patch(`/api/rule-versions/${versionId}`, {
      testCases: passingCases,
      lastEditedBy: null,
      approvedBy: 1,
      testResults: { passed: 99 },
    })
    expect(res.status).toBe(200)
    const me = (await admin.get('/api/users/me')).body.user.id
    expect([res.body.doc.lastEditedBy?.id ?? res.body.doc.lastEditedBy, res.body.doc.approvedBy ?? null]).toEqual([me, null])
    expect([res.body.doc.testResults.passed, res.body.doc.testResults.failed]).toEqual([3, 0])
  })

  it('the editor submits once every test passes; a submitted version is withdrawn before it is edited', async () => {
    expect((await admin.patch(`/api/rule-versions/${versionId}`, { status: 'submitted' })).status).toBe(200)
    const edit = await admin.patch(`/api/rule-versions/${versionId}`, { effectiveFrom: '2026-09-01' })
    expect(edit.status).toBe(400)
    expect(fieldErrorOf(edit.body)).toEqual({
      path: 'effectiveFrom',
      message: 'Dealer plan v1 is submitted for approval and cannot be edited; withdraw it to draft first (set its status to draft)',
    })
  })

  it('the last editor cannot approve (maker-checker), nor can a company user', async () => {
    const byEditor = await admin.patch(`/api/rule-versions/${versionId}`, { status: 'approved' })
    expect([byEditor.status, fieldErrorOf(byEditor.body)]).toEqual([
      400,
      { path: 'status', message: 'you edited Dealer plan v1 last; another user must approve it (maker-checker)' },
    ])
    const byUser = await ops.patch(`/api/rule-versions/${versionId}`, { status: 'approved' })
    expect([byUser.status, fieldErrorOf(byUser.body)?.message]).toEqual([400, 'only a company admin or finance approves a rule version'])
  })

  it('another company admin approves; the tests ran again and the change is in the audit trail', async () => {
    const res = await secondAdmin.patch(`/api/rule-versions/${versionId}`, { status: 'approved' })
    expect([res.status, res.body.doc?.status]).toEqual([200, 'approved'])
    const second = (await secondAdmin.get('/api/users/me')).body.user.id
    expect(res.body.doc.approvedBy?.id ?? res.body.doc.approvedBy).toBe(second)
    expect([res.body.doc.testResults.passed, res.body.doc.testResults.failed]).toEqual([3, 0])
    const audit = await app.sql.query<{ action: string; n: number }>(
      `select action::text as action, count(*)::int as n from audit_events where collection_slug = 'rule-versions' and document_id = $1 group by 1 order by 1`,
      [String(versionId)],
    )
    expect(audit.rows).toEqual([
      { action: 'create', n: 1 },
      { action: 'update', n: 3 },
    ])
  })

  it('an approved version is frozen, cannot be deleted, and its rule set keeps its purpose and cannot be deleted', async () => {
    const edit = await finance.patch(`/api/rule-versions/${versionId}`, { notes: 'tweak' })
    expect([edit.status, fieldErrorOf(edit.body)]).toEqual([
      400,
      {
        path: 'notes',
        message:
          'Dealer plan v1 is approved and frozen: its notes can no longer be changed; create a new version with a later effective date',
      },
    ])
    const deleted = await admin.delete(`/api/rule-versions/${versionId}`)
    expect(deleted.status).toBe(400)
    expect(JSON.stringify(deleted.body)).toContain('Dealer plan v1 from 2026-10-01 is approved and cannot be deleted')
    const setDeleted = await admin.delete(`/api/rule-sets/${ruleSetId}`)
    expect(setDeleted.status).toBe(400)
    expect(JSON.stringify(setDeleted.body)).toContain('this rule set cannot be deleted: Dealer plan v1 from 2026-10-01 was approved')
  })

  it('a run reads the approved version in force on the day', async () => {
    expect(await approvedRuleVersion(app.sql, ruleSetId, '2026-09-30')).toBeNull()
    const found = await approvedRuleVersion(app.sql, ruleSetId, '2026-10-15')
    expect([found?.id, found?.ruleSet, found?.version, found?.purpose]).toEqual([versionId, 'Dealer plan', 1, 'commission_amount'])
  })

  it('a draft can be deleted; a draft cannot jump to approved', async () => {
    const draft = await ops.post('/api/rule-versions', {
      ruleSet: ruleSetId,
      effectiveFrom: '2026-11-01',
      content: dealerPlan,
      testCases: passingCases,
    })
    expect([draft.status, draft.body.doc?.version]).toEqual([201, 2])
    const skip = await secondAdmin.patch(`/api/rule-versions/${draft.body.doc.id}`, { status: 'approved' })
    expect(fieldErrorOf(skip.body)?.message).toBe(
      'Dealer plan v2 is draft; it cannot go to approved directly (draft → submitted → approved → retired)',
    )
    expect((await ops.delete(`/api/rule-versions/${draft.body.doc.id}`)).status).toBe(200)
  })
})

describe('replacing an approved version', () => {
  it('a second version of the same day waits until the first is retired; finance approves it; runs then read it', async () => {
    const created = await ops.post('/api/rule-versions', {
      ruleSet: ruleSetId,
      effectiveFrom: '2026-10-01',
      content: dealerPlan,
      testCases: passingCases,
    })
    expect([created.status, created.body.doc?.title]).toEqual([201, 'Dealer plan v2 from 2026-10-01'])
    const id = created.body.doc.id
    expect((await ops.patch(`/api/rule-versions/${id}`, { status: 'submitted' })).status).toBe(200)
    const early = await finance.patch(`/api/rule-versions/${id}`, { status: 'approved' })
    expect([early.status, fieldErrorOf(early.body)?.message]).toEqual([
      400,
      'Dealer plan v1 from 2026-10-01 is already approved from 2026-10-01; retire it first, or give this version another effective date',
    ])
    const byFinance = await finance.patch(`/api/rule-versions/${versionId}`, { status: 'retired' })
    expect(fieldErrorOf(byFinance.body)?.message).toBe('only a company admin retires an approved version')
    const retired = await admin.patch(`/api/rule-versions/${versionId}`, { status: 'retired' })
    expect([retired.status, retired.body.doc?.status, typeof retired.body.doc?.retiredAt]).toEqual([200, 'retired', 'string'])
    expect((await finance.patch(`/api/rule-versions/${id}`, { status: 'approved' })).status).toBe(200)
    expect((await approvedRuleVersion(app.sql, ruleSetId, '2026-10-15'))?.version).toBe(2)
  })

  it('duplicating an approved version starts the next version as a draft with the same rule and tests', async () => {
    const approved = await approvedRuleVersion(app.sql, ruleSetId, '2026-10-15')
    const copy = await ops.post(`/api/rule-versions/${approved!.id}/duplicate`, {})
    expect(copy.status).toBe(200)
    expect([
      copy.body.doc.status,
      copy.body.doc.version,
      copy.body.doc.title,
      copy.body.doc.testCases.length,
      copy.body.doc.approvedBy ?? null,
    ]).toEqual(['draft', 3, 'Dealer plan v3 from 2026-10-01', 3, null])
  })
})

describe('deleting a rule set', () => {
  it('a company admin deletes a set nothing of which was approved, with its draft and submitted versions; a company user cannot', async () => {
    const set = await ops.post('/api/rule-sets', { name: 'Scratch', purpose: 'commission_amount' })
    const draft = await ops.post('/api/rule-versions', {
      ruleSet: set.body.doc.id,
      effectiveFrom: '2026-10-01',
      content: dealerPlan,
      testCases: passingCases,
    })
    const submitted = await ops.post('/api/rule-versions', {
      ruleSet: set.body.doc.id,
      effectiveFrom: '2026-11-01',
      content: dealerPlan,
      testCases: passingCases,
    })
    expect((await ops.patch(`/api/rule-versions/${submitted.body.doc.id}`, { status: 'submitted' })).status).toBe(200)
    expect((await ops.delete(`/api/rule-versions/${submitted.body.doc.id}`)).status).toBe(400)
    expect((await ops.delete(`/api/rule-sets/${set.body.doc.id}`)).status).toBe(403)
    expect((await admin.delete(`/api/rule-sets/${set.body.doc.id}`)).status).toBe(200)
    const left = await app.sql.query(`select id from rule_versions where id = any($1)`, [[draft.body.doc.id, submitted.body.doc.id]])
    expect(left.rows).toEqual([])
  })
})

describe('trying a rule', () => {
  it('a stored version answers the port-in with the base rebate and the bonus, naming the rows that fired', async () => {
    const res = await finance.post(`/api/rule-versions/${versionId}/try`, { inputs: { activationType: 'port_in' } })
    expect(res.status).toBe(200)
    expect(res.body.outcome.results).toEqual([
      { label: 'Base rebate', amount: '40' },
      { label: 'Port-in bonus', amount: '15' },
    ])
    expect(res.body.outcome.fired.map((f: { node: string; row: number }) => [f.node, f.row])).toEqual([
      ['Rates', 1],
      ['Rates', 2],
    ])
  })

  it("the editor's unsaved draft answers too, and one that breaks the purpose is a 422 naming the problem", async () => {
    const ok = await ops.post('/api/rule-versions/try', {
      purpose: 'commission_amount',
      content: dealerPlan,
      inputs: { activationType: 'downgrade' },
    })
    expect([ok.status, ok.body.outcome.results, ok.body.problems]).toEqual([200, [{ label: 'Downgrade', amount: '-10.5' }], []])
    const none = await ops.post('/api/rule-versions/try', {
      purpose: 'commission_amount',
      content: dealerPlan,
      inputs: { activationType: 'feature_add' },
    })
    expect(none.status).toBe(200)
    expect(none.body.outcome.error).toContain('no row applies')
    const bad = decisionTable({
      name: 'Rates',
      inputs: ['activationType'],
      outputs: ['label', 'amount', 'bonus'],
      rows: [['"upgrade"', '"Upgrade"', '25', '5']],
    })
    const refused = await ops.post('/api/rule-versions/try', { purpose: 'commission_amount', content: bad, inputs: {} })
    expect(refused.status).toBe(422)
    expect(refused.body.problems[0].message).toBe(
      'Rates: output column "bonus" sets "bonus", which is not an output of this purpose (it returns: label, amount)',
    )
    const typo = await ops.post('/api/rule-versions/try', {
      purpose: 'commission_amount',
      content: dealerPlan,
      inputs: { activation: 'new' },
    })
    expect([typo.status, typo.body.problems[0].path]).toEqual([400, 'inputs.activation'])
  })

  it('offers sample inputs from real verified sales, newest first, with exactly the purpose inputs', async () => {
    const res = await ops.get('/api/rule-versions/sample-inputs?purpose=commission_amount&limit=5')
    expect(res.status).toBe(200)
    expect(res.body.samples.length).toBe(5)
    // The newest verified sale of the seed: Harbor Wireless (DLR-0201, Northeast, joined 2021-11-30) downgrading a VTX
    // line from VTX-BIZ to VTX-ESS on 2026-10-31, 4 years and 11 months after it joined.
    const { periodActivations, ...first } = res.body.samples[0].inputs
    expect(first).toEqual({
      carrier: 'VTX',
      ratePlan: 'VTX-ESS',
      activationType: 'downgrade',
      previousRatePlan: 'VTX-BIZ',
      features: [],
      featureCount: 0,
      dealer: 'DLR-0201',
      dealerTier: 'standard',
      dealerRegion: 'US-NE',
      dealerTenureMonths: 59,
      saleDate: '2026-10-31',
    })
    const october = await app.sql.query<{ n: number }>(
      `select count(distinct s.id)::int as n from dealer_sales s join participants p on p.id = s.dealer_id
         join reconciliation_lines rl on rl.sale_id = s.id and rl.recon_class = 'matched'
         join reconciliation_runs rr on rr.id = rl.run_id and rr.status = 'completed'
        where p.code = 'DLR-0201' and s.sale_date between '2026-10-01' and '2026-10-31'`,
    )
    expect(periodActivations).toBe(october.rows[0]!.n)
    for (const sample of res.body.samples) expect(Object.keys(sample.inputs).sort()).toEqual(PURPOSE_INPUTS)
    const dates = res.body.samples.map((s: { inputs: { saleDate: string } }) => s.inputs.saleDate)
    expect([...dates].sort().reverse()).toEqual(dates)
    expect((await ops.get('/api/rule-versions/sample-inputs?purpose=nope')).status).toBe(400)
    expect((await ops.get('/api/rule-versions/sample-inputs?purpose=commission_amount&limit=0')).status).toBe(400)
  })
})
