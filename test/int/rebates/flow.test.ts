/**
 * Promotions and rebates over real HTTP against the demo data, a real PostgreSQL and the ERP stand-in: the demo's
 * sell-through accrues under every program kind (each figure worked by hand below), a distributor claims, lines are
 * validated with their reasons, one is disputed, answered and resolved, operations then finance approve, the credit
 * memo reaches the ERP once although the first push times out after the ERP made it, and the dashboard, the accrual
 * journal and the memo agree to the cent.
 *
 * Demo catalog (USD list): AP-100 350.00, AP-200 520.00 (family Access points), SW-24P 1,200.00 (Switches), CB-10 25.00.
 * DIST-EAST is gold in US-NE; DIST-WEST silver in US-W. Accruals, by program (lines in arrival order):
 *
 *   Q4-AP-PROMO (15.00 a unit of access points, Oct–Dec): EL-10001/1 24 → 360.00; EL-10002/2 30 → 450.00;
 *     EL-10003/1 18 → 270.00; EL-10004/1 16 → 240.00; WG-7102/1 30 → 450.00; WG-7103/1 10 → 150.00. Total 1,920.00.
 *   SW-NE-3PCT (3 % of SW-24P sold in US-NE): EL-10002/1 6 × 1,180.00 = 7,080.00 → 212.40; EL-10005/1 4 × 1,195.00
 *     = 4,780.00 → 143.40 (DIST-WEST's switches are in US-W). Total 355.80.
 *   PE-AP200-EAST (AP-200 at 470.00 for DIST-EAST): EL-10002/2 30 × (520.00 − 470.00) = 1,500.00.
 *   SD-CB10-WEST (CB-10 in US-W resold at or below 19.00): WG-7101/2 200 at 18.50 → 200 × (25.00 − 19.00) = 1,200.00;
 *     WG-7104/1 at 21.00 is above the agreed price: nothing. Total 1,200.00.
 *   VOL-2026-GOLD (gold only: DIST-EAST; whole volume at the tier reached: 0 %, from 20,000 1 %, from 50,000 2 %):
 *     running sales 7,896.00 → 9,336.00 → 16,416.00 (all 0) → 31,566.00 (1 %: 315.66) → 37,776.00 (377.76: +62.10)
 *     → 43,040.00 (430.40: +52.64) → 47,820.00 (478.20: +47.80). Total 478.20 = 1 % of 47,820.00.
 *   GROW-Q4-WEST (DIST-WEST, 5 % of Q4 sales above the Q3 baseline 6,980.00 + 2,398.00 = 9,378.00):
 *     running 8,720.00 (0) → 12,420.00 (5 % × 3,042.00 = 152.10) → 22,620.00 (662.10: +510.00) → 27,770.00 (919.60:
 *     +257.50) → 30,290.00 (1,045.60: +126.00). Total 1,045.60.
 *   DEAL-REG-2026 ((list − deal price) a unit + 2 % of the sale): EL-10001/1 DR-1001 (AP-100 at 310.00, 40 units)
 *     24 × 40.00 + 2 % × 7,896.00 = 960.00 + 157.92 = 1,117.92; EL-10004/1 16 (the 16 units left) × 40.00 + 2 % ×
 *     5,264.00 = 640.00 + 105.28 = 745.28; WG-7101/1 DR-1004 (SW-24P at 1,050.00) 8 × 150.00 + 2 % × 8,720.00 =
 *     1,200.00 + 174.40 = 1,374.40. Total 3,237.60.
 *   All: 9,737.20 (DIST-EAST 5,517.20, DIST-WEST 4,220.00). October (by sale date) 7,974.58; November 1,762.62.
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { Document, Page, renderToBuffer, Text } from '@react-pdf/renderer'
import React from 'react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createErpStandIn, type ErpState } from '../../../demo/erp/app'
import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { decisionTable } from '../../support/rules'
import { drainJobs } from '../../support/telecom'

let app: TestApp
let ops: Api
let finance: Api
let admin: Api
let east: Api
let west: Api
let erp: { url: string; state: ErpState; server: Server }

async function control(body: unknown): Promise<void> {
  const res = await fetch(`${erp.url}/__control`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status).toBeLessThan(300)
}

beforeAll(async () => {
  const { app: erpApp, state } = createErpStandIn({ clientId: 'accrue-test', clientSecret: 'erp-test-secret' })
  const server = await new Promise<Server>((resolve) => {
    const s = erpApp.listen(0, '127.0.0.1', () => resolve(s))
  })
  erp = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, state, server }
  process.env.ACCRUE_ERP_URL = erp.url
  process.env.ACCRUE_ERP_CLIENT_ID = 'accrue-test'
  process.env.ACCRUE_ERP_CLIENT_SECRET = 'erp-test-secret'
  process.env.ACCRUE_ERP_TIMEOUT_MS = '400'
  process.env.ACCRUE_ERP_MAX_ATTEMPTS = '2'
  process.env.ACCRUE_ERP_BASE_DELAY_MS = '50'
  app = await startTestApp('rebates_flow')
  ;[ops, finance, admin, east, west] = (await Promise.all(
    [
      'ops@northwind.example',
      'finance@northwind.example',
      'admin@northwind.example',
      'rebates@eastline.example',
      'rebates@westgate.example',
    ].map((email) => Api.login(app.url, email)),
  )) as [Api, Api, Api, Api, Api]
}, 240_000)

afterAll(async () => {
  await app?.close()
  await new Promise<void>((resolve) => {
    erp?.server.closeAllConnections()
    erp?.server.close(() => resolve())
  })
})

async function accrualsByProgram(): Promise<Record<string, string>> {
  const rows = await app.sql.query<{ code: string; total: string }>(
    `select p.code, sum(a.amount)::numeric(12,2)::text as total from rebate_accruals a join rebate_programs p on p.id = a.program_id group by p.code`,
  )
  return Object.fromEntries(rows.rows.map((r) => [r.code, r.total]))
}

let claimId = 0
let claimNumber = ''
const lineIds: Record<number, number> = {}

describe('accruals of the demo sell-through', () => {
  it('accrues every program kind to the cent, and nothing for the draft', async () => {
    expect(await accrualsByProgram()).toEqual({
      'Q4-AP-PROMO': '1920.00',
      'SW-NE-3PCT': '355.80',
      'PE-AP200-EAST': '1500.00',
      'SD-CB10-WEST': '1200.00',
      'VOL-2026-GOLD': '478.20',
      'GROW-Q4-WEST': '1045.60',
      'DEAL-REG-2026': '3237.60',
    })
    const vol = await app.sql.query<{ invoice: string; amount: string }>(
      `select l.invoice_number || '/' || l.invoice_line::int as invoice, a.amount::numeric(12,2)::text as amount
         from rebate_accruals a join pos_lines l on l.id = a.pos_line_id join rebate_programs p on p.id = a.program_id
        where p.code = 'VOL-2026-GOLD' order by l.id`,
    )
    expect(vol.rows.map((r) => `${r.invoice} ${r.amount}`)).toEqual([
      'EL-10001/1 0.00',
      'EL-10001/2 0.00',
      'EL-10002/1 0.00',
      'EL-10002/2 315.66',
      'EL-10003/1 62.10',
      'EL-10004/1 52.64',
      'EL-10005/1 47.80',
    ])
  })

  it('shows a program for named partners to them alone', async () => {
    const eastPrograms = (await east.get('/api/rebate-programs?limit=50&depth=0')).body.docs.map((p: any) => p.code)
    const westPrograms = (await west.get('/api/rebate-programs?limit=50&depth=0')).body.docs.map((p: any) => p.code)
    expect(eastPrograms).toContain('PE-AP200-EAST')
    expect(westPrograms).not.toContain('PE-AP200-EAST')
    expect(eastPrograms).not.toContain('GROW-Q4-WEST')
    expect(westPrograms).toContain('GROW-Q4-WEST')
    expect(westPrograms).not.toContain('Q1-2027-SW')
  })

  it('shows each partner only its own accruals', async () => {
    const mine = await west.get('/api/rebate-accruals?limit=100&depth=1')
    expect(mine.status).toBe(200)
    expect(mine.body.totalDocs).toBeGreaterThan(0)
    expect(new Set(mine.body.docs.map((d: any) => d.partner.code))).toEqual(new Set(['DIST-WEST']))
    const dash = await west.get('/api/rebate-accruals/dashboard?from=2026-01-01&to=2026-12-31&currency=USD')
    expect(dash.body.totals.accrued).toBe('4220.00')
  })
})

describe('a claim from the portal to the ERP', () => {
  it('validates each line with its reason', async () => {
    const res = await east.post('/api/rebate-claims/submit', {
      source: 'portal',
      lines: [
        { invoiceNumber: 'EL-10001', invoiceLine: 1, program: 'Q4-AP-PROMO' },
        { invoiceNumber: 'EL-10002', invoiceLine: 2, program: 'Q4-AP-PROMO' },
        { invoiceNumber: 'EL-10003', invoiceLine: 1, program: 'Q4-AP-PROMO' },
        { invoiceNumber: 'EL-10004', invoiceLine: 1, program: 'Q4-AP-PROMO' },
        { invoiceNumber: 'EL-10002', invoiceLine: 2, program: 'PE-AP200-EAST' },
        { invoiceNumber: 'EL-10001', invoiceLine: 1, program: 'DEAL-REG-2026' },
        { invoiceNumber: 'EL-10004', invoiceLine: 1, program: 'DEAL-REG-2026' },
        { invoiceNumber: 'EL-10002', invoiceLine: 1, program: 'SW-NE-3PCT', claimedAmount: '250.00' },
        { invoiceNumber: 'EL-10001', invoiceLine: 2, program: 'Q4-AP-PROMO' },
        { invoiceNumber: 'EL-10003', invoiceLine: 1, program: 'Q4-AP-PROMO', quantity: 20 },
        { invoiceNumber: 'EL-10003', invoiceLine: 1, program: 'Q4-AP-PROMO' },
        { invoiceNumber: 'WG-7102', invoiceLine: 1, program: 'Q4-AP-PROMO' },
        { invoiceNumber: 'EL-10002', invoiceLine: 2, program: 'VOL-2026-GOLD' },
        { invoiceNumber: 'EL-10005', invoiceLine: 1, program: 'Q1-2027-SW' },
      ],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    claimId = res.body.id
    claimNumber = res.body.number
    expect(res.body.status).toBe('in_review')
    expect(res.body.lines.map((l: any) => `${l.lineNumber} ${l.status} ${l.amount} ${l.reason}`)).toEqual([
      '1 approved 360.00 eligible; within the sale, the claim window and the caps',
      '2 approved 450.00 eligible; within the sale, the claim window and the caps',
      '3 approved 270.00 eligible; within the sale, the claim window and the caps',
      '4 approved 240.00 eligible; within the sale, the claim window and the caps',
      '5 approved 1500.00 eligible; within the sale, the claim window and the caps',
      '6 approved 1117.92 eligible; within the sale, the claim window and the caps',
      '7 approved 745.28 eligible; within the sale, the claim window and the caps',
      '8 needs_review 212.40 claims 250.00; the program pays 212.40',
      '9 rejected 0.00 product CB-10 is outside the program',
      '10 rejected 0.00 claims 20 units; the sale was 18',
      '11 rejected 0.00 already claimed on an earlier line of this claim',
      '12 rejected 0.00 no point-of-sale line WG-7102/1 of the partner',
      '13 approved 315.66 eligible; within the sale, the claim window and the caps',
      '14 rejected 0.00 program Q1-2027-SW is draft, not published',
    ])
    // 360 + 450 + 270 + 240 + 1,500 + 1,117.92 + 745.28 + 315.66 = 4,998.86 approved; + 212.40 in review = 5,211.26
    expect(res.body.approvedTotal).toBe('4998.86')
    expect(res.body.claimedTotal).toBe('5211.26')
    const lines = await ops.get(`/api/rebate-claim-lines?where[claim][equals]=${claimId}&limit=50&depth=0`)
    for (const line of lines.body.docs) lineIds[line.lineNumber] = line.id
  })

  it('keeps the claim from other partners', async () => {
    expect((await west.get(`/api/rebate-claims/${claimId}`)).status).toBe(404)
    expect((await west.post(`/api/rebate-claim-lines/${lineIds[9]}/dispute`, { comment: 'not mine' })).status).toBe(404)
    const board = await west.get('/api/rebate-claims/board')
    expect(board.body.columns.flatMap((c: any) => c.cards.map((card: any) => card.number))).not.toContain(claimNumber)
  })

  it('takes a dispute with its attachment, an answer and a resolution, each in the thread', async () => {
    const pdf = await renderToBuffer(
      React.createElement(
        Document,
        null,
        React.createElement(Page, null, React.createElement(Text, null, 'Delivery note DN-5521: 60 × CB-10')),
      ),
    )
    const disputed = await east.upload(
      `/api/rebate-claim-lines/${lineIds[9]}/dispute`,
      { comment: 'The cables were sold with the access points of the same project.' },
      { name: 'delivery-note.pdf', data: pdf, type: 'application/pdf' },
    )
    expect(disputed.status, JSON.stringify(disputed.body)).toBe(200)
    expect(disputed.body).toMatchObject({ status: 'disputed', dispute: 'open' })
    const refused = await ops.post(`/api/rebate-claims/${claimId}/approve`, {})
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toBe('2 line(s) still need review or are in dispute')
    expect(
      (await ops.post(`/api/rebate-claim-lines/${lineIds[9]}/answer`, { comment: 'Cables are not access points; checking with finance.' }))
        .status,
    ).toBe(200)
    const resolved = await ops.post(`/api/rebate-claim-lines/${lineIds[9]}/decide`, {
      outcome: 'reject',
      comment: 'The promotion pays access points only; cables stay out.',
    })
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200)
    expect(resolved.body).toMatchObject({ status: 'rejected', dispute: 'resolved' })
    const thread = await east.get(`/api/rebate-claim-messages?where[line][equals]=${lineIds[9]}&sort=createdAt&depth=1`)
    expect(thread.body.docs.map((m: any) => m.kind)).toEqual(['dispute', 'answer', 'resolution'])
    expect(thread.body.docs[0].attachment.filename).toMatch(/delivery-note.*\.pdf$/)
    const file = await east.download(thread.body.docs[0].attachment.url)
    expect(file.status).toBe(200)
    expect((await west.download(thread.body.docs[0].attachment.url)).status).not.toBe(200)
    const accepted = await ops.post(`/api/rebate-claim-lines/${lineIds[8]}/decide`, {
      outcome: 'accept',
      comment: 'Pays the program rate.',
    })
    expect(accepted.body).toMatchObject({ status: 'approved', amount: '212.40' })
  })

  it('goes to finance above the threshold; finance approves; the memo reaches the ERP once though the first try timed out', async () => {
    expect((await finance.post(`/api/rebate-claims/${claimId}/approve`, {})).status).toBe(403)
    const opsApproved = await ops.post(`/api/rebate-claims/${claimId}/approve`, {})
    // 4,998.86 + 212.40 = 5,211.26 > Q4-AP-PROMO's 5,000.00
    expect(opsApproved.body).toMatchObject({ status: 'finance_review', memo: null })
    expect((await ops.post(`/api/rebate-claims/${claimId}/approve`, {})).status).toBe(403)
    await control({ failNext: 1, failWith: 'timeout', delayMs: 1500 })
    const approved = await finance.post(`/api/rebate-claims/${claimId}/approve`, {})
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    expect(approved.body.status).toBe('approved')
    expect(approved.body.memo).toMatchObject({ number: `CM-${claimNumber.slice(3)}`, amount: '5211.2600', status: 'pending' })
    await drainJobs(app)
    const memo = (await finance.get(`/api/credit-memos/${approved.body.memo.id}`)).body
    expect(memo).toMatchObject({ status: 'issued', erpNumber: 'CM1001' })
    expect(erp.state.creditMemos).toHaveLength(1)
    const inErp = erp.state.creditMemos[0]!
    expect(inErp.externalId).toBe(memo.number)
    expect(inErp.total).toBe('5211.26')
    expect((await east.get(`/api/rebate-claims/${claimId}`)).body.status).toBe('credited')
  })

  it('a memo the ERP refuses to take while down waits, and goes once when pushed again', async () => {
    const claim = await west.post('/api/rebate-claims/submit', {
      lines: [{ invoiceNumber: 'WG-7103', invoiceLine: 1, program: 'Q4-AP-PROMO' }],
    })
    expect(claim.body.lines[0]).toMatchObject({ status: 'approved', amount: '150.00' })
    await control({ failNext: 50, failWith: 503 })
    const approved = await ops.post(`/api/rebate-claims/${claim.body.id}/approve`, {})
    expect(approved.body.status, JSON.stringify(approved.body)).toBe('approved')
    await drainJobs(app)
    const waiting = (await finance.get(`/api/credit-memos/${approved.body.memo.id}`)).body
    expect(waiting.status).toBe('pending')
    expect(waiting.attempts).toBeGreaterThanOrEqual(1)
    expect(waiting.lastError).toMatch(/unavailable|503/i)
    await control({ failNext: 0 })
    const pushed = await finance.post(`/api/credit-memos/${approved.body.memo.id}/push`, {})
    expect(pushed.body).toMatchObject({ status: 'issued' })
    expect(erp.state.creditMemos.filter((m) => m.externalId === waiting.number)).toHaveLength(1)
    expect(erp.state.creditMemos).toHaveLength(2)
  })

  it('ties the dashboard, the journal and the memos to the cent', async () => {
    const dash = (await finance.get('/api/rebate-accruals/dashboard?from=2026-01-01&to=2026-12-31&currency=USD')).body
    // claimed = approved = paid: the first claim's 5,211.26 and Westgate's 150.00 = 5,361.26; unclaimed 9,737.20 − 5,361.26
    expect(dash.totals).toEqual({
      accrued: '9737.20',
      claimed: '5361.26',
      approved: '5361.26',
      paid: '5361.26',
      unclaimed: '4375.94',
      expired: '0.00',
    })
    expect(dash.memos).toMatchObject({ issued: 2, issuedAmount: '5361.26' })
    const eastDash = (await east.get('/api/rebate-accruals/dashboard?from=2026-01-01&to=2026-12-31&currency=USD')).body
    // 5,517.20 − 5,211.26 = 305.94: the other volume shares 62.10 + 52.64 + 47.80 and EL-10005's 143.40
    expect(eastDash.totals).toMatchObject({ accrued: '5517.20', paid: '5211.26', unclaimed: '305.94' })

    const october = (await finance.get('/api/rebate-accruals/journal?period=2026-10&currency=USD')).body
    expect(october.opening).toBe('0.00')
    expect(october.totals).toEqual({ debit: '7974.58', credit: '7974.58' })
    expect(october.closing).toBe('7974.58')
    const memoDate = (await finance.get(`/api/credit-memos?limit=1&sort=createdAt`)).body.docs[0].memoDate.slice(0, 7)
    const released = (await finance.get(`/api/rebate-accruals/journal?period=${memoDate}&currency=USD`)).body
    const receivable = released.lines
      .filter((l: any) => l.account === '1200')
      .reduce((s: number, l: any) => s + Math.round(Number(l.credit) * 100), 0)
    expect(receivable).toBe(536126)
    expect(released.totals.debit).toBe(released.totals.credit)
    const erpBody = (await finance.get(`/api/rebate-accruals/journal?period=2026-10&currency=USD&format=erp`)).body
    expect(erpBody.externalId).toBe('ACCRUAL-USD-2026-10')
    const xlsx = await finance.download('/api/rebate-accruals/journal?period=2026-10&currency=USD&format=xlsx')
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/)
    const posted = await finance.post('/api/rebate-accruals/journal?period=2026-10&currency=USD', {})
    expect(posted.body).toMatchObject({ externalId: 'ACCRUAL-USD-2026-10', created: true })
    expect((await finance.post('/api/rebate-accruals/journal?period=2026-10&currency=USD', {})).body.created).toBe(false)
  })

  it('drills down from the memo to the point-of-sale invoice lines', async () => {
    const memo = (await east.get(`/api/credit-memos?where[claim][equals]=${claimId}`)).body.docs[0]
    const drill = (await east.get(`/api/credit-memos/${memo.id}/drilldown`)).body
    expect(drill.memo.claim.number).toBe(claimNumber)
    expect(drill.lines).toHaveLength(14)
    expect(drill.lines[4]).toMatchObject({
      program: 'PE-AP200-EAST',
      amount: '1500.0000',
      posLine: { invoiceNumber: 'EL-10002', invoiceLine: 2, sku: 'AP-200', quantity: 30 },
    })
    expect(drill.invoices.find((i: any) => i.invoiceNumber === 'EL-10002').lines.map((l: any) => `${l.line} ${l.sku}`)).toEqual([
      '1 SW-24P',
      '2 AP-200',
    ])
    expect((await west.get(`/api/credit-memos/${memo.id}/drilldown`)).status).toBe(404)
  })
})

describe('bad input', () => {
  it('claims the same line from two processes at once: exactly one wins', async () => {
    const body = { lines: [{ invoiceNumber: 'WG-7102', invoiceLine: 1, program: 'Q4-AP-PROMO' }] }
    const [a, b] = await Promise.all([west.post('/api/rebate-claims/submit', body), west.post('/api/rebate-claims/submit', body)])
    const statuses = [a.body.lines[0].status, b.body.lines[0].status].sort()
    expect(statuses).toEqual(['approved', 'rejected'])
    const loser = a.body.lines[0].status === 'rejected' ? a.body : b.body
    const winner = loser === a.body ? b.body : a.body
    expect(loser.lines[0].reason).toBe(`already claimed on ${winner.number}`)
  })

  it('reads POS lines over REST: unknown SKUs, duplicates and changed lines each with a reason, nothing lost', async () => {
    const line = {
      invoiceNumber: 'EL-20001',
      invoiceLine: 1,
      soldOn: '2026-11-25',
      endCustomer: 'North Shore Clinic',
      productCode: 'AP-100',
      quantity: 5,
      currency: 'USD',
      unitPrice: '339.00',
    }
    const res = await east.post('/api/pos-lines/import', {
      lines: [
        line,
        line,
        { ...line, invoiceLine: 2, productCode: 'AP-999' },
        { ...line, invoiceLine: 3, quantity: 0 },
        { ...line, invoiceLine: 4, partnerCode: 'DIST-WEST' },
      ],
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ read: 5, accepted: 2, rejected: 3, inserted: 1, duplicates: 1 })
    expect(res.body.rejects.map((r: any) => `${r.index} ${r.field}: ${r.reason}`)).toEqual([
      expect.stringMatching(/^2 productCode: unknown SKU "AP-999"/),
      '3 quantity: 0 is not a whole number above 0',
      "4 partnerCode: is another partner than this mapping's: import its rows with that partner's mapping",
    ])
    // 5 × 15.00 under Q4-AP-PROMO, and 5 × 339.00 = 1,695.00 more volume for DIST-EAST (49,515.00: still 1 %) → 16.95
    expect(res.body.accruals).toBe(2)
    const again = await east.post('/api/pos-lines/import', { lines: [{ ...line, quantity: 6 }] })
    expect(again.body).toMatchObject({ read: 1, accepted: 0, rejected: 1 })
    expect(again.body.rejects[0].reason).toMatch(/already received with other values/)
  })

  it('refuses a claim line for a product outside the program and a quantity above the sale, and a partner claiming for another', async () => {
    const res = await east.post('/api/rebate-claims/submit', {
      lines: [
        { invoiceNumber: 'EL-10005', invoiceLine: 1, program: 'PE-AP200-EAST' },
        { invoiceNumber: 'EL-10005', invoiceLine: 1, program: 'SW-NE-3PCT', quantity: 5 },
      ],
    })
    expect(res.body.status).toBe('rejected')
    expect(res.body.lines.map((l: any) => l.reason)).toEqual(['product SW-24P is outside the program', 'claims 5 units; the sale was 4'])
    expect(
      (await east.post('/api/rebate-claims/submit', { partner: 'DIST-WEST', lines: [{ posLine: 1, program: 'Q4-AP-PROMO' }] })).status,
    ).toBe(403)
    expect((await east.post('/api/rebate-claims/submit', { lines: [] })).status).toBe(400)
  })
})

describe('programs under governance', () => {
  it('drafts, submits, approves by another person, publishes and accrues the lines already in its dates', async () => {
    const product = (await ops.get('/api/products?where[code][equals]=CB-10')).body.docs[0].id
    const created = await ops.post('/api/rebate-programs', {
      code: 'CB-Q4-050',
      name: 'Cable promotion: 0.50 a unit',
      kind: 'per_unit',
      currency: 'USD',
      effectiveFrom: '2026-10-01',
      effectiveTo: '2026-12-31',
      products: [product],
      ratePerUnit: '0.50',
      claimWindowDays: 90,
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id
    expect((await ops.patch(`/api/rebate-programs/${id}`, { status: 'published' })).status).toBe(400)
    expect((await ops.patch(`/api/rebate-programs/${id}`, { status: 'submitted' })).status).toBe(200)
    const selfApproval = await ops.patch(`/api/rebate-programs/${id}`, { status: 'approved' })
    expect(selfApproval.status).toBe(400)
    expect(JSON.stringify(selfApproval.body)).toMatch(/only company_admin or finance may approve/)
    expect((await finance.patch(`/api/rebate-programs/${id}`, { ratePerUnit: '5.00' })).status).toBe(400)
    expect((await finance.patch(`/api/rebate-programs/${id}`, { status: 'approved' })).status).toBe(200)
    expect((await east.get(`/api/rebate-programs/${id}`)).status).toBe(404)
    expect((await ops.patch(`/api/rebate-programs/${id}`, { status: 'published' })).status).toBe(200)
    // CB-10 in Q4: EL-10001/2 60, WG-7101/2 200, WG-7104/1 120 → 380 × 0.50 = 190.00
    expect((await accrualsByProgram())['CB-Q4-050']).toBe('190.00')
    expect((await east.get(`/api/rebate-programs/${id}`)).status).toBe(200)
    const selfApprove = await admin.post('/api/rebate-programs', {
      code: 'CB-Q4-X',
      name: 'x',
      kind: 'per_unit',
      currency: 'USD',
      effectiveFrom: '2026-10-01',
      effectiveTo: '2026-12-31',
      ratePerUnit: '1',
      claimWindowDays: 90,
    })
    const x = selfApprove.body.doc.id
    expect((await admin.patch(`/api/rebate-programs/${x}`, { status: 'submitted' })).status).toBe(200)
    const own = await admin.patch(`/api/rebate-programs/${x}`, { status: 'approved' })
    expect(JSON.stringify(own.body)).toMatch(/maker-checker/)
  })
})

describe('no way around the checks', () => {
  it('ignores a forged submitter, so the maker still cannot approve', async () => {
    const created = await admin.post('/api/rebate-programs', {
      code: 'FORGED-1',
      name: 'Forged',
      kind: 'per_unit',
      currency: 'USD',
      effectiveFrom: '2026-10-01',
      effectiveTo: '2026-12-31',
      ratePerUnit: '1',
      claimWindowDays: 90,
    })
    const id = created.body.doc.id
    expect((await admin.patch(`/api/rebate-programs/${id}`, { status: 'submitted' })).status).toBe(200)
    const finId = (await finance.get('/api/users/me')).body.user.id
    await admin.patch(`/api/rebate-programs/${id}`, { submittedBy: finId, lastEditedBy: finId })
    const own = await admin.patch(`/api/rebate-programs/${id}`, { status: 'approved' })
    expect(own.status).toBe(400)
    expect(JSON.stringify(own.body)).toMatch(/maker-checker/)
  })

  it('refuses to pay a disputed line again for units another claim already holds', async () => {
    // SW-NE-3PCT on EL-10005/1 (4 units, 143.40): claimed for 5 units (rejected), then for 4 (approved)
    const over = await east.post('/api/rebate-claims/submit', {
      lines: [{ invoiceNumber: 'EL-10005', invoiceLine: 1, program: 'SW-NE-3PCT', quantity: 5 }],
    })
    const whole = await east.post('/api/rebate-claims/submit', {
      lines: [{ invoiceNumber: 'EL-10005', invoiceLine: 1, program: 'SW-NE-3PCT' }],
    })
    expect(whole.body.lines[0]).toMatchObject({ status: 'approved', amount: '143.40' })
    const line = (await ops.get(`/api/rebate-claim-lines?where[claim][equals]=${over.body.id}&depth=0`)).body.docs[0]
    expect((await east.post(`/api/rebate-claim-lines/${line.id}/dispute`, { comment: 'It was 4 units, our typo.' })).status).toBe(200)
    const accept = await ops.post(`/api/rebate-claim-lines/${line.id}/decide`, { outcome: 'accept', comment: 'typo' })
    expect(accept.status).toBe(409)
    expect(accept.body.errors[0].message).toBe('other claims already hold every unit of the accrual: name the amount to pay, if any')
  })

  it('keeps one person from submitting a claim for a partner and approving it, and finance from approving over an open dispute', async () => {
    const forWest = await ops.post('/api/rebate-claims/submit', {
      partner: 'DIST-WEST',
      lines: [
        { invoiceNumber: 'WG-7101', invoiceLine: 1, program: 'DEAL-REG-2026' },
        { invoiceNumber: 'WG-7104', invoiceLine: 1, program: 'SD-CB10-WEST' },
      ],
    })
    expect(forWest.body.lines.map((l: any) => l.status)).toEqual(['approved', 'rejected'])
    const self = await ops.post(`/api/rebate-claims/${forWest.body.id}/approve`, {})
    expect(self.status).toBe(403)
    expect(self.body.errors[0].message).toBe('you submitted this claim for the partner: another person approves it')
    // 1,374.40 ≤ 10,000.00: an admin (not the submitter) approves it straight away
    const west1 = await west.post('/api/rebate-claims/submit', {
      lines: [
        { invoiceNumber: 'WG-7101', invoiceLine: 2, program: 'SD-CB10-WEST' },
        { invoiceNumber: 'WG-7104', invoiceLine: 1, program: 'Q4-AP-PROMO' },
      ],
    })
    expect(west1.body.lines.map((l: any) => `${l.status} ${l.amount}`)).toEqual(['approved 1200.00', 'rejected 0.00'])
    await app.sql.query(`update rebate_programs set finance_approval_above = 1000 where code = 'SD-CB10-WEST'`)
    expect((await ops.post(`/api/rebate-claims/${west1.body.id}/approve`, {})).body.status).toBe('finance_review')
    const rejected = (await ops.get(`/api/rebate-claim-lines?where[claim][equals]=${west1.body.id}&where[status][equals]=rejected&depth=0`))
      .body.docs[0]
    expect(
      (await west.post(`/api/rebate-claim-lines/${rejected.id}/dispute`, { comment: 'Cable kit counts as an access point accessory.' }))
        .status,
    ).toBe(200)
    expect((await ops.get(`/api/rebate-claims/${west1.body.id}`)).body.status).toBe('in_review')
    const fin = await finance.post(`/api/rebate-claims/${west1.body.id}/approve`, {})
    expect(fin.status).toBe(403)
    expect((await finance.post(`/api/rebate-claim-lines/${rejected.id}/dispute`, { comment: 'x' })).status).toBe(403)
  })

  it('answers malformed claim lines and dates with a reason, never a 500', async () => {
    const res = await east.post('/api/rebate-claims/submit', {
      lines: [
        null,
        { posLine: '99999999999', program: 'Q4-AP-PROMO' },
        { program: 'Q4-AP-PROMO', invoiceNumber: 'EL-10001', invoiceLine: 1, quantity: '1e9' },
      ],
    })
    expect(res.status).toBe(200)
    expect(res.body.lines.map((l: any) => l.reason)).toEqual([
      'is not an object of fields',
      'posLine: "99999999999" is not a line id',
      'quantity: "1e9" is not a whole number of units above 0',
    ])
    expect((await finance.get('/api/rebate-accruals/dashboard?from=2026-02-31&to=2026-12-31')).status).toBe(400)
  })
})

describe('a program calculated by a rule set', () => {
  it('accrues what the approved rule version says, and records the version', async () => {
    const set = await ops.post('/api/rule-sets', { name: 'Switch kicker', purpose: 'rebate_line' })
    expect(set.status, JSON.stringify(set.body)).toBe(201)
    const version = await ops.post('/api/rule-versions', {
      ruleSet: set.body.doc.id,
      effectiveFrom: '2026-01-01',
      content: decisionTable({
        hitPolicy: 'first',
        inputs: ['family', 'quantity'],
        outputs: ['amount'],
        rows: [
          ['"Switches"', '>= 5', 'quantity * 12'],
          ['"Switches"', '', '20'],
        ],
      }),
      testCases: [
        { name: 'Six switches', inputs: { family: 'Switches', quantity: 6 }, expected: [{ amount: '72' }] },
        { name: 'Four switches', inputs: { family: 'Switches', quantity: 4 }, expected: [{ amount: '20' }] },
      ],
    })
    expect([version.status, JSON.stringify(version.body.errors ?? null)]).toEqual([201, 'null'])
    expect((await ops.patch(`/api/rule-versions/${version.body.doc.id}`, { status: 'submitted' })).status).toBe(200)
    expect((await admin.patch(`/api/rule-versions/${version.body.doc.id}`, { status: 'approved' })).status).toBe(200)
    const program = await ops.post('/api/rebate-programs', {
      code: 'RULE-SW',
      name: 'Switch kicker (rule set)',
      kind: 'rule',
      currency: 'USD',
      effectiveFrom: '2026-10-01',
      effectiveTo: '2026-12-31',
      ruleSet: set.body.doc.id,
      claimWindowDays: 90,
    })
    expect(program.status, JSON.stringify(program.body)).toBe(201)
    for (const [api, status] of [
      [ops, 'submitted'],
      [finance, 'approved'],
      [ops, 'published'],
    ] as const)
      expect((await api.patch(`/api/rebate-programs/${program.body.doc.id}`, { status })).status).toBe(200)
    // Q4 switches: EL-10002/1 6 units → 6 × 12 = 72.00; EL-10005/1 4 → 20.00; WG-7101/1 8 → 96.00. Total 188.00.
    expect((await accrualsByProgram())['RULE-SW']).toBe('188.00')
    const versions = await app.sql.query(
      `select distinct a.rule_version_id as v from rebate_accruals a join rebate_programs p on p.id = a.program_id where p.code = 'RULE-SW'`,
    )
    expect(versions.rows).toEqual([{ v: version.body.doc.id }])
  })
})
