import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '../../../seed/network/data'
import { portalSales, type PortalSale } from '../../../modules/portal/sales'
import { salesWorkbook } from '../../../modules/portal/salesWorkbook'
import { startTestApp, type TestApp } from '../../support/app'
import { periodId, planId, runPeriod } from '../../support/commission'
import { Api } from '../../support/http'
import { drainJobs, readXlsx } from '../../support/telecom'

/**
 * A dealer's own sales in the partner portal, on the demo data (Vertex, October 2026, reconciled by the worker; the
 * month's commission run posted): what each sale was paid or why not, the dispute of a discrepancy over real HTTP as
 * the dealer, its parent, another dealer and staff, and the month's export read back from the .xlsx.
 */
let app: TestApp
let admin: Api
let bay: Api // a login of Bay Mobile Store (DLR-0101)
let valley: Api // a login of Valley Cellular (DLR-0102): a sibling dealer, outside Bay's subtree
let pacific: Api // admin@pacific.example: the territory owner above both
const ids = new Map<string, number>()
let bayUser: number
let pacificUser: number

const OCTOBER = '2026-10'

async function createDealerLogin(email: string, code: string): Promise<Api> {
  const res = await admin.post('/api/users', {
    email,
    name: `${code} owner`,
    password: DEMO_PASSWORD,
    participant: ids.get(code),
    roles: ['agent'],
  })
  if (res.status !== 201) throw new Error(`login for ${code}: ${res.status} ${JSON.stringify(res.body)}`)
  return Api.login(app.url, email)
}

beforeAll(async () => {
  app = await startTestApp('portal_sales')
  await drainJobs(app) // the demo reconciliation of Vertex, October 2026
  for (const row of (await app.sql.query<{ id: number; code: string }>('select id, code from participants')).rows) ids.set(row.code, row.id)
  admin = await Api.login(app.url, 'admin@northwind.example')
  const run = await runPeriod(app, admin, await planId(admin, 'Telecom dealer plan'), await periodId(admin, 'Oct 2026'))
  if (run.status !== 'awaiting_approval') throw new Error(`commission run: ${JSON.stringify(run)}`)
  bay = await createDealerLogin('owner@baymobile.example', 'DLR-0101')
  valley = await createDealerLogin('owner@valleycellular.example', 'DLR-0102')
  pacific = await Api.login(app.url, 'admin@pacific.example')
  const users = await app.sql.query<{ id: number; email: string }>('select id, email from users')
  bayUser = users.rows.find((u) => u.email === 'owner@baymobile.example')!.id
  pacificUser = users.rows.find((u) => u.email === 'admin@pacific.example')!.id
})
afterAll(async () => app?.close())

const salesOf = async (code: string, month = OCTOBER): Promise<PortalSale[]> => (await portalSales(app.sql, ids.get(code)!, month)).rows

describe("a dealer's sales in the portal", () => {
  it('are exactly the sales the dealer may read over REST for the month, and nobody else’s', async () => {
    const rows = await salesOf('DLR-0101')
    const rest = await bay.get(
      `/api/dealer-sales?limit=0&depth=0&where[saleDate][greater_than_equal]=2026-10-01&where[saleDate][less_than_equal]=2026-10-31`,
    )
    expect(rest.status).toBe(200)
    expect(rows.length).toBeGreaterThan(10)
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      rest.body.docs.map((d: { id: number }) => d.id).sort((a: number, b: number) => a - b),
    )
    expect(new Set(rows.map((r) => r.dealer.code))).toEqual(new Set(['DLR-0101']))
  })

  it("the territory owner above sees both of its dealers' sales, and no other partner's", async () => {
    const codes = new Set((await salesOf('SUM-PAC')).map((r) => r.dealer.code))
    expect(codes).toEqual(new Set(['DLR-0101', 'DLR-0102']))
  })

  it('each sale carries the class of its reconciliation line in words', async () => {
    const lines = await app.sql.query<{ sale_id: number; recon_class: string }>(
      `select l.sale_id, l.recon_class::text from reconciliation_lines l join dealer_sales s on s.id = l.sale_id
        where s.dealer_id = $1`,
      [ids.get('DLR-0101')],
    )
    const classOf = new Map(lines.rows.map((l) => [l.sale_id, l.recon_class]))
    const rows = await salesOf('DLR-0101')
    const WORDS: Record<string, string> = {
      matched: 'Verified and payable',
      not_with_carrier: 'Not found at the carrier',
      rate_plan_mismatch: "Plan differs from the carrier's record",
      amount_mismatch: 'Amount differs from the schedule',
      duplicate_claim: 'Duplicate of another claim',
      deactivated_in_window: 'Deactivated within the chargeback window',
    }
    for (const row of rows) expect([row.id, row.statusLabel]).toEqual([row.id, WORDS[classOf.get(row.id)!]])
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThan(2)
  })

  it('a verified sale shows the commission posted on it to the dealer, to the cent', async () => {
    const rows = await salesOf('DLR-0101')
    const paid = rows.filter((r) => r.paid)
    expect(paid.length).toBeGreaterThan(0)
    for (const row of paid) {
      const sum = await app.sql.query<{ total: string }>(
        `select to_char(sum(amount), 'FM999990.00') as total from commission_lines where sale_id = $1 and payee_id = $2`,
        [row.id, ids.get('DLR-0101')],
      )
      expect([row.id, row.status, row.paidDisplay]).toEqual([row.id, 'matched', `USD ${sum.rows[0]!.total}`])
    }
  })

  it('an unpaid sale says why, and a sale with a discrepancy points at it', async () => {
    const rows = await salesOf('DLR-0101')
    const unpaid = rows.filter((r) => !r.paid)
    expect(unpaid.length).toBeGreaterThan(0)
    for (const row of unpaid) {
      expect(row.paidDisplay).toBe('Not paid')
      expect(row.reason).toMatch(new RegExp(`^${row.statusLabel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `))
      const posted = await app.sql.query('select 1 from commission_lines where sale_id = $1 and payee_id = $2', [row.id, row.dealer.id])
      expect(posted.rowCount).toBe(0)
      expect(row.discrepancy).not.toBeNull()
    }
  })
})

it("the reason ends with the discrepancy's own detail when the run wrote one", async () => {
  const duplicate = (await salesOf('SUM-PAC')).find((r) => r.status === 'duplicate_claim')!
  expect(duplicate).toBeDefined()
  const detail = 'Sale #1 was reported first and is 0 days from the carrier date; this claim is 2 days off.'
  await app.sql.query('update discrepancies set detail = $2 where id = $1', [duplicate.discrepancy!.id, detail])
  const row = (await salesOf(duplicate.dealer.code!)).find((r) => r.id === duplicate.id)!
  expect(row.reason).toBe('Duplicate of another claim: Another sale claims the same carrier line, and only one claim is paid. ' + detail)
})

describe('disputing a discrepancy (POST /api/discrepancies/:id/dispute)', () => {
  let target: PortalSale
  beforeAll(async () => {
    target = (await salesOf('DLR-0101')).find((r) => !r.paid && r.status === 'not_with_carrier')!
    expect(target).toBeDefined()
    // Staff had closed it: the dealer's dispute opens it again.
    const closed = await admin.patch(`/api/discrepancies/${target.discrepancy!.id}`, {
      status: 'resolved',
      comments: [{ text: 'Checked with Vertex: no such activation.' }],
    })
    expect(closed.status, JSON.stringify(closed.body)).toBe(200)
  })

  it('as the dealer: the comment enters the history with the dealer as author, the time is recorded, resolved opens again', async () => {
    const before = Date.now()
    const res = await bay.post(`/api/discrepancies/${target.discrepancy!.id}/dispute`, {
      comment: 'The customer activated on the 3rd; the carrier has the MDN under our code.',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.discrepancy).toMatchObject({ id: target.discrepancy!.id, status: 'open', reopened: true, comments: 2 })
    const doc = (await admin.get(`/api/discrepancies/${target.discrepancy!.id}?depth=0`)).body
    expect(doc.status).toBe('open')
    expect(doc.comments.map((c: { text: string; author: number }) => [c.text, c.author])).toEqual([
      ['Checked with Vertex: no such activation.', expect.any(Number)],
      ['Dealer dispute: The customer activated on the 3rd; the carrier has the MDN under our code.', bayUser],
    ])
    const disputedAt = Date.parse(doc.dealerDisputedAt)
    expect(disputedAt).toBeGreaterThanOrEqual(before - 1000)
    expect(disputedAt).toBeLessThanOrEqual(Date.now() + 1000)
    const row = (await salesOf('DLR-0101')).find((r) => r.id === target.id)!
    expect(row.discrepancy).toEqual({ id: target.discrepancy!.id, status: 'open', disputedAt: doc.dealerDisputedAt })
  })

  it('as the territory owner above the dealer: allowed, and an open discrepancy stays open', async () => {
    const res = await pacific.post(`/api/discrepancies/${target.discrepancy!.id}/dispute`, { comment: 'We back the dealer on this one.' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.discrepancy).toMatchObject({ status: 'open', reopened: false, comments: 3 })
    expect(res.body.discrepancy.lastComment).toMatchObject({ text: 'Dealer dispute: We back the dealer on this one.', author: pacificUser })
  })

  it('as another dealer, or another partner: 404, and nothing is written', async () => {
    const coastal = await Api.login(app.url, 'admin@coastal.example')
    for (const api of [valley, coastal]) {
      const res = await api.post(`/api/discrepancies/${target.discrepancy!.id}/dispute`, { comment: 'Not mine, but let me try.' })
      expect(res.status).toBe(404)
      expect(res.body.errors[0].message).toBe(`discrepancy ${target.discrepancy!.id} not found`)
    }
    const doc = (await admin.get(`/api/discrepancies/${target.discrepancy!.id}?depth=0`)).body
    expect(doc.comments).toHaveLength(3)
  })

  it('without a comment, or with one too long: 400 in words', async () => {
    for (const body of [{}, { comment: '' }, { comment: '   ' }]) {
      const res = await bay.post(`/api/discrepancies/${target.discrepancy!.id}/dispute`, body)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toBe('a dispute needs a comment saying what is wrong')
    }
    const long = await bay.post(`/api/discrepancies/${target.discrepancy!.id}/dispute`, { comment: 'x'.repeat(2001) })
    expect(long.status).toBe(400)
    expect(long.body.errors[0].message).toBe('the comment is 2001 characters; at most 2000')
  })

  it('staff comment in the admin instead (403); no login is a 401; a path that is no id is a 400', async () => {
    const staff = await admin.post(`/api/discrepancies/${target.discrepancy!.id}/dispute`, { comment: 'x' })
    expect(staff.status).toBe(403)
    expect((await new Api(app.url, null).post(`/api/discrepancies/${target.discrepancy!.id}/dispute`, { comment: 'x' })).status).toBe(401)
    expect((await bay.post('/api/discrepancies/abc/dispute', { comment: 'x' })).status).toBe(400)
  })

  it('the dealer still cannot edit the discrepancy or set the dispute time itself', async () => {
    const res = await bay.patch(`/api/discrepancies/${target.discrepancy!.id}`, {
      dealerDisputedAt: '2020-01-01T00:00:00.000Z',
      status: 'resolved',
    })
    expect(res.status).toBe(403)
  })
})

describe("the month's export", () => {
  it("holds the dealer's sales only, dates as dates and money as numbers in the currency's format", async () => {
    const rows = await salesOf('DLR-0101')
    const { fileName, bytes } = await salesWorkbook(app.sql, ids.get('DLR-0101')!, OCTOBER)
    expect(fileName).toBe('my-sales-2026-10.xlsx')
    const { sheet, rows: cells } = await readXlsx(bytes)
    expect(cells[0]).toEqual([
      'Sale date',
      'Dealer',
      'Dealer code',
      'Carrier',
      'Plan',
      'Activation',
      'MDN',
      'ICCID',
      'Status',
      'Paid',
      'Currency',
      'Why not paid',
      'Discrepancy',
      'Disputed at',
    ])
    const body = cells.slice(1)
    expect(body).toHaveLength(rows.length)
    expect(new Set(body.map((r) => r[2]))).toEqual(new Set(['DLR-0101']))
    // Valley's own lines (some MDNs are claimed by both dealers: duplicate claims) are not in Bay's file.
    const bayMdns = new Set(rows.map((r) => r.mdn))
    const valleyOnly = new Set((await salesOf('DLR-0102')).map((r) => r.mdn).filter((mdn) => !bayMdns.has(mdn)))
    expect(valleyOnly.size).toBeGreaterThan(0)
    expect(body.filter((r) => valleyOnly.has(r[6] as string))).toEqual([])
    body.forEach((cell, i) => {
      const sale = rows[i]!
      expect(cell[0]).toEqual(new Date(`${sale.saleDate}T00:00:00Z`))
      expect([cell[6], cell[8]]).toEqual([sale.mdn, sale.statusLabel])
      if (sale.paid) {
        expect(typeof cell[9]).toBe('number')
        expect((cell[9] as number).toFixed(2)).toBe(sale.paidTotals[0]!.amount)
        expect(sheet.getRow(i + 2).getCell(10).numFmt).toBe('"USD "#,##0.00')
      } else expect([cell[9], cell[11]]).toEqual([undefined, sale.reason])
    })
    const disputed = body.filter((r) => r[13] instanceof Date)
    expect(disputed).toHaveLength(1)
  })
})
