/**
 * Where rebate facts come from, over real HTTP and files: deals synchronised incrementally from the partner-portal
 * stand-in (and registered in Accrue), a distributor's sell-through file in its own layout dropped in the drop folder,
 * a claim spreadsheet laid out by another tool, and the claim window closing on an accrual.
 *
 * Figures (demo catalog: AP-200 lists at 520.00):
 *   DR-1002 (DIST-EAST, AP-200 at 455.00, 120 units) is "submitted" in the portal. EL-30001/1 sells 10 AP-200 at 500.00
 *   naming it: DEAL-REG-2026 accrues nothing while the deal waits; once the portal approves it and Accrue syncs,
 *   10 × (520.00 − 455.00) + 2 % × 5,000.00 = 650.00 + 100.00 = 750.00.
 *   Westgate's file: WGN-AP100 (its own part number, translated to AP-100 by the mapping) 12 at 339.00 on 11/27/2026 →
 *   Q4-AP-PROMO 12 × 15.00 = 180.00.
 */
import fs from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createDealPortal, type DealInput } from '../../../demo/deal-portal/app'
import { DEMO_DEAL_PORTAL } from '../../../demo/deal-portal/inProcess'
import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { drainJobs } from '../../support/telecom'

let app: TestApp
let ops: Api
let east: Api
let west: Api
let portal: { url: string; server: Server }
const dropDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-pos-drop-'))

async function portalDeals(deals: Partial<DealInput>[]): Promise<void> {
  const res = await fetch(`${portal.url}/__deals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(deals),
  })
  expect(res.status).toBe(200)
}

beforeAll(async () => {
  const { app: portalApp } = createDealPortal({
    clientId: 'accrue-test',
    clientSecret: 'portal-test-secret',
    deals: [
      ...DEMO_DEAL_PORTAL.deals.map((d) => structuredClone(d)),
      { ...structuredClone(DEMO_DEAL_PORTAL.deals[0]!), id: 'DR-1005', partner_code: 'DIST-NORTH', updated_at: '2026-10-20T10:00:00.000Z' },
      {
        ...structuredClone(DEMO_DEAL_PORTAL.deals[0]!),
        id: 'DR-1006',
        lines: [{ sku: 'ZZ-1', quantity: 1, special_price: '1.00' }],
        updated_at: '2026-10-21T10:00:00.000Z',
      },
    ],
  })
  portal = await new Promise((resolve) => {
    const s = portalApp.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, server: s }))
  })
  process.env.ACCRUE_DEAL_PORTAL_URL = portal.url
  process.env.ACCRUE_DEAL_PORTAL_CLIENT_ID = 'accrue-test'
  process.env.ACCRUE_DEAL_PORTAL_CLIENT_SECRET = 'portal-test-secret'
  process.env.ACCRUE_POS_DROP_DIR = dropDir
  app = await startTestApp('rebates_sources')
  ;[ops, east, west] = (await Promise.all(
    ['ops@northwind.example', 'rebates@eastline.example', 'rebates@westgate.example'].map((email) => Api.login(app.url, email)),
  )) as [Api, Api, Api]
}, 240_000)

afterAll(async () => {
  await app?.close()
  await new Promise<void>((resolve) => {
    portal?.server.closeAllConnections()
    portal?.server.close(() => resolve())
  })
  fs.rmSync(dropDir, { recursive: true, force: true })
})

const dealAccrual = async (invoice: string) =>
  (
    await app.sql.query<{ amount: string }>(
      `select a.amount::numeric(12,2)::text as amount from rebate_accruals a join pos_lines l on l.id = a.pos_line_id
         join rebate_programs p on p.id = a.program_id where p.code = 'DEAL-REG-2026' and l.invoice_number = $1`,
      [invoice],
    )
  ).rows.map((r) => r.amount)

describe('deals from the partner portal', () => {
  it('syncs incrementally, keeps every refused deal with its reason, and an approval unlocks the rebate', async () => {
    expect((await east.post('/api/deals/sync', {})).status).toBe(403)
    const sale = await east.post('/api/pos-lines/import', {
      lines: [
        {
          invoiceNumber: 'EL-30001',
          invoiceLine: 1,
          soldOn: '2026-11-26',
          endCustomer: 'Granite State University',
          productCode: 'AP-200',
          quantity: 10,
          currency: 'USD',
          unitPrice: '500.00',
          dealNumber: 'DR-1002',
        },
      ],
    })
    expect(sale.body).toMatchObject({ accepted: 1, inserted: 1 })
    const first = await ops.post('/api/deals/sync', {})
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    // DR-1001 and DR-1004 are in the demo already (updated), DR-1002 and DR-1003 are new, DR-1005 and DR-1006 refused
    expect(first.body).toMatchObject({
      status: 'succeeded',
      fetched: 6,
      created: 2,
      updated: 2,
      rejected: 2,
      cursor: '2026-10-21T10:00:00.000Z',
    })
    const sync = (await ops.get(`/api/deal-syncs/${first.body.id}`)).body
    expect(sync.rejects).toEqual([
      { id: 'DR-1005', reason: 'unknown partner "DIST-NORTH"' },
      { id: 'DR-1006', reason: 'unknown SKU "ZZ-1"' },
    ])
    expect(await dealAccrual('EL-30001')).toEqual([])
    const again = await ops.post('/api/deals/sync', {})
    expect(again.body).toMatchObject({ fetched: 0, created: 0, updated: 0, cursor: '2026-10-21T10:00:00.000Z' })
    await portalDeals([{ id: 'DR-1002', status: 'approved' }])
    const third = await ops.post('/api/deals/sync', {})
    expect(third.body).toMatchObject({ fetched: 1, updated: 1 })
    expect(await dealAccrual('EL-30001')).toEqual(['750.00'])
    const deals = (await west.get('/api/deals?limit=50&depth=0')).body.docs.map((d: any) => d.number)
    expect(deals).toEqual(['DR-1004'])
  })

  it('a portal outage leaves the cursor where it was', async () => {
    await fetch(`${portal.url}/__control`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failNext: 20, failWith: 500 }),
    })
    const failed = await ops.post('/api/deals/sync', {})
    expect(failed.status).toBe(200)
    expect(failed.body.status).toBe('failed')
    await fetch(`${portal.url}/__control`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failNext: 0 }),
    })
    const next = await ops.post('/api/deals/sync', {})
    expect(next.body).toMatchObject({ status: 'succeeded', fetched: 0 })
  })

  it('registers a deal in Accrue that operations decide, and keeps portal deals read-only', async () => {
    const registered = await east.post('/api/deals/register', {
      endCustomer: 'Mystic Seaport Museum',
      expiresOn: '2027-06-30',
      lines: [{ sku: 'AP-100', quantity: 15, specialPrice: '318.00' }],
    })
    expect(registered.status, JSON.stringify(registered.body)).toBe(201)
    expect(registered.body.doc).toMatchObject({ number: 'AD-00001', status: 'submitted' })
    expect(
      (
        await east.post('/api/deals/register', {
          endCustomer: 'X',
          expiresOn: '2027-06-30',
          lines: [{ sku: 'NOPE', quantity: 1, specialPrice: '1.00' }],
        })
      ).body.errors[0].message,
    ).toBe('lines.0.sku: unknown SKU "NOPE"')
    expect((await east.patch(`/api/deals/${registered.body.doc.id}`, { status: 'approved' })).status).toBe(403)
    expect((await ops.patch(`/api/deals/${registered.body.doc.id}`, { status: 'approved' })).status).toBe(200)
    const portalDeal = (await ops.get('/api/deals?where[number][equals]=DR-1001')).body.docs[0]
    expect((await ops.patch(`/api/deals/${portalDeal.id}`, { status: 'rejected' })).status).toBe(400)
  })
})

describe('the point-of-sale drop folder', () => {
  it("imports a distributor's file in its own layout, rejects what it cannot read, and moves the files", async () => {
    const csv = [
      'Inv No,Ln,Inv Date,Ship-to Customer,Mfr Part #,Qty Shipped,Curr,Resale Price,Cost,Deal Reg #',
      'WG-9001,1,11/27/2026,Tahoe Ski Patrol,WGN-AP100,12,USD,339.00,300.00,',
      'WG-9001,2,11/27/2026,Tahoe Ski Patrol,WGN-XX9,3,USD,10.00,,',
      'WG-9002,1,31/11/2026,Reno Airport,AP-200,1,USD,515.00,,',
    ].join('\r\n')
    fs.writeFileSync(path.join(dropDir, 'DIST-WEST_2026-11-27.csv'), csv)
    fs.writeFileSync(path.join(dropDir, 'NOBODY_report.csv'), 'x,y\n1,2\n')
    fs.writeFileSync(path.join(dropDir, 'notes.txt'), 'not a sales file')
    await app.payload.jobs.queue({ task: 'rebateHousekeeping', input: {} })
    await drainJobs(app)
    await drainJobs(app)
    const imports = (await ops.get('/api/imports?sort=-createdAt&limit=1&depth=0')).body.docs[0]
    expect(imports).toMatchObject({
      filename: expect.stringMatching(/^DIST-WEST_2026-11-27/),
      status: 'completed',
      rowsRead: 3,
      accepted: 1,
      rejected: 2,
    })
    const rejects = await app.sql.query<{ reasons: string }>(
      `select reasons from import_rejects where import_id = $1 order by row_number`,
      [imports.id],
    )
    expect(rejects.rows.map((r) => r.reasons)).toEqual([
      expect.stringMatching(/^Mfr Part #: unknown SKU "WGN-XX9"/),
      expect.stringMatching(/^Inv Date: /),
    ])
    const accrual = await app.sql.query<{ amount: string }>(
      `select a.amount::numeric(12,2)::text as amount from rebate_accruals a join pos_lines l on l.id = a.pos_line_id
         join rebate_programs p on p.id = a.program_id where p.code = 'Q4-AP-PROMO' and l.invoice_number = 'WG-9001'`,
    )
    expect(accrual.rows.map((r) => r.amount)).toEqual(['180.00'])
    expect(fs.readdirSync(dropDir).sort()).toEqual(['failed', 'notes.txt', 'processed'])
    expect(fs.readdirSync(path.join(dropDir, 'processed'))).toEqual([expect.stringMatching(/DIST-WEST_2026-11-27\.csv$/)])
    const failed = fs.readdirSync(path.join(dropDir, 'failed')).sort()
    expect(failed).toEqual([expect.stringMatching(/NOBODY_report\.csv$/), expect.stringMatching(/NOBODY_report\.csv\.reason\.txt$/)])
  })
})

describe('a claim spreadsheet from another tool', () => {
  it('finds the header under a title, in any order and case, with extra columns', async () => {
    const book = new ExcelJS.Workbook()
    book.creator = 'Westgate ERP export'
    const sheet = book.addWorksheet('Rebate claim')
    sheet.addRow(['Westgate Networks Supply — rebate claim November 2026'])
    sheet.addRow([])
    sheet.addRow(['PROGRAM', 'invoice number', 'Invoice line', 'Notes', 'Claimed amount'])
    sheet.addRow(['Q4-AP-PROMO', 'WG-7102', 1, 'Mojave Solar One', 450])
    sheet.addRow(['q4-ap-promo', 'WG-7103', 1, 'Cascade Timber', 151.5])
    sheet.addRow(['SD-CB10-WEST', 'WG-7104', 1, '', ''])
    const data = Buffer.from(await book.xlsx.writeBuffer())
    const res = await west.upload('/api/rebate-claims/upload', {}, { name: 'claim-nov.xlsx', data })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.lines.map((l: any) => `${l.reference} ${l.status} ${l.amount} ${l.reason}`)).toEqual([
      'WG-7102/1 approved 450.00 eligible; within the sale, the claim window and the caps',
      'WG-7103/1 needs_review 150.00 claims 151.50; the program pays 150.00',
      'WG-7104/1 rejected 0.00 sold at 21, above the agreed price 19',
    ])
    const csv = 'Invoice Number;Invoice Line;Program\nWG-7102;1;Q4-AP-PROMO\n'
    const dup = await west.upload('/api/rebate-claims/upload', {}, { name: 'again.csv', data: Buffer.from(csv), type: 'text/csv' })
    expect(dup.body.lines[0]).toMatchObject({ status: 'rejected', reason: `already claimed on ${res.body.number}` })
    const bad = await west.upload(
      '/api/rebate-claims/upload',
      {},
      { name: 'wrong.csv', data: Buffer.from('SKU,Qty\nAP-100,1\n'), type: 'text/csv' },
    )
    expect(bad.status).toBe(422)
    expect(bad.body.errors[0].message).toMatch(/^No header row found .*"Invoice Number", "Invoice Line", "Program".*contains "SKU", "Qty"/)
  })
})

describe('the claim window', () => {
  it('expires open accruals whose window closed, and refuses claims on them', async () => {
    await app.sql.query(
      `update rebate_accruals set expires_on = '2026-11-30' where pos_line_id = (select id from pos_lines where invoice_number = 'EL-10003')
          and program_id = (select id from rebate_programs where code = 'Q4-AP-PROMO')`,
    )
    await app.payload.jobs.queue({ task: 'rebateHousekeeping', input: {} })
    await drainJobs(app)
    const res = await east.post('/api/rebate-claims/submit', {
      lines: [{ invoiceNumber: 'EL-10003', invoiceLine: 1, program: 'Q4-AP-PROMO' }],
    })
    expect(res.body.lines[0]).toMatchObject({ status: 'rejected', reason: 'the claim window closed on 2026-11-30' })
    const dash = (await east.get('/api/rebate-accruals/dashboard?from=2026-01-01&to=2026-12-31&currency=USD')).body
    // 18 × 15.00 = 270.00 expired
    expect(dash.totals.expired).toBe('270.00')
  })
})
