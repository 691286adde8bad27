import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, describe, expect, it } from 'vitest'

import { createDealPortal, type DealInput, type DealPortalOptions, type DealPortalState } from '../../../demo/deal-portal/app'
import { DEMO_DEAL_PORTAL } from '../../../demo/deal-portal/inProcess'
import {
  DealPortalRejectedError,
  dealPages,
  readDeal,
  type DealPortalConfig,
  type DealRead,
  type DealRecord,
} from '../../../modules/rebates/dealPortal'

/**
 * The deal portal client over real HTTP against the partner portal stand-in: every deal is read across cursor pages in
 * (updated_at, id) order, an incremental read from the last updated_at returns only what changed since, a malformed
 * deal comes back as a rejection with its reason, and 5xx/429 answers are retried.
 */
const CLIENT_ID = 'accrue'
const CLIENT_SECRET = 'deal-test-secret'

const servers: Server[] = []
afterAll(async () => {
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections()
          s.close(() => resolve())
        }),
    ),
  )
})

type Portal = { url: string; state: DealPortalState; post: (path: string, body: unknown) => Promise<unknown>; config: DealPortalConfig }

async function startPortal(options: Partial<DealPortalOptions> = {}, pageSize = 2): Promise<Portal> {
  const { app, state } = createDealPortal({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...options })
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  servers.push(server)
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    state,
    post: async (path, body) => {
      const res = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(res.status).toBe(200)
      return res.json()
    },
    config: { baseUrl: url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, pageSize, baseDelayMs: 5, maxDelayMs: 2000 },
  }
}

const deal = (id: string, partner: string, updatedAt: string, extra: Partial<DealInput> = {}): DealInput => ({
  id,
  partner_code: partner,
  end_customer: `Customer of ${id}`,
  status: 'approved',
  currency: 'USD',
  expires_on: '2027-03-31',
  lines: [{ sku: 'AP-100', quantity: 10, special_price: '310.00' }],
  created_at: updatedAt,
  updated_at: updatedAt,
  ...extra,
})

/** Five deals; DR-1003 and DR-1002 share a timestamp, so the id breaks the tie. */
const FIVE = [
  deal('DR-1005', 'DIST-WEST', '2026-10-05T10:00:00.000Z'),
  deal('DR-1001', 'DIST-EAST', '2026-10-01T10:00:00.000Z'),
  deal('DR-1003', 'DIST-EAST', '2026-10-03T10:00:00.000Z'),
  deal('DR-1002', 'DIST-EAST', '2026-10-03T10:00:00.000Z', { status: 'submitted' }),
  deal('DR-1004', 'DIST-WEST', '2026-10-04T10:00:00.000Z'),
]

async function readAll(config: DealPortalConfig, since: string | null): Promise<DealRead[][]> {
  const pages: DealRead[][] = []
  for await (const page of dealPages(config, since)) pages.push(page)
  return pages
}
const idsOf = (pages: DealRead[][]) => pages.map((p) => p.map((r) => (r.ok ? r.deal.id : `!${r.id}`)))
const okDeals = (pages: DealRead[][]): DealRecord[] => pages.flat().flatMap((r) => (r.ok ? [r.deal] : []))

describe('deal portal client', () => {
  it('reads five deals in three pages of two, ordered by updated_at then id', async () => {
    const portal = await startPortal({ deals: FIVE })
    const pages = await readAll(portal.config, null)
    expect(idsOf(pages)).toEqual([['DR-1001', 'DR-1002'], ['DR-1003', 'DR-1004'], ['DR-1005']])
    expect(portal.state.requests).toBe(3)
    expect(portal.state.tokensIssued).toBe(1)
    expect(okDeals(pages)[1]).toEqual({
      id: 'DR-1002',
      partnerCode: 'DIST-EAST',
      endCustomer: 'Customer of DR-1002',
      status: 'submitted',
      currency: 'USD',
      expiresOn: '2027-03-31',
      lines: [{ sku: 'AP-100', quantity: 10, specialPrice: '310.00' }],
      updatedAt: '2026-10-03T10:00:00.000Z',
    })
  })

  it('an incremental read from the last updated_at returns only the deals changed since, in the order they changed', async () => {
    const portal = await startPortal({ deals: FIVE })
    const first = okDeals(await readAll(portal.config, null))
    const last = first[first.length - 1]!.updatedAt
    expect(last).toBe('2026-10-05T10:00:00.000Z')
    expect(await readAll(portal.config, last)).toEqual([[]])

    await portal.post('/__deals', { id: 'DR-1002', status: 'approved' })
    await portal.post(
      '/__deals',
      deal('DR-1006', 'DIST-WEST', 'ignored', { lines: [{ sku: 'SW-24P', quantity: 3, special_price: 1890.5 }] }),
    )
    const changed = okDeals(await readAll(portal.config, last))
    expect(changed.map((d) => [d.id, d.status])).toEqual([
      ['DR-1002', 'approved'],
      ['DR-1006', 'approved'],
    ])
    // The partial update kept the rest of the deal; a numeric price came back as a two-decimal string.
    expect(changed[0]).toMatchObject({ partnerCode: 'DIST-EAST', lines: [{ sku: 'AP-100', quantity: 10, specialPrice: '310.00' }] })
    expect(changed[1]!.lines).toEqual([{ sku: 'SW-24P', quantity: 3, specialPrice: '1890.50' }])
    expect(changed[1]!.updatedAt > changed[0]!.updatedAt).toBe(true)
  })

  it('changes within the same millisecond still get strictly increasing updated_at', async () => {
    const portal = await startPortal({ now: () => Date.parse('2026-11-01T12:00:00.000Z') })
    const stored = (await portal.post('/__deals', [{ id: 'DR-1' }, { id: 'DR-2' }, { id: 'DR-1', status: 'approved' }])) as DealInput[]
    expect(stored.map((d) => d.updated_at)).toEqual(['2026-11-01T12:00:00.000Z', '2026-11-01T12:00:00.001Z', '2026-11-01T12:00:00.002Z'])
    expect(stored[2]!.created_at).toBe('2026-11-01T12:00:00.000Z')
  })

  it('a malformed deal comes back as a rejection naming every problem, beside the good deals of its page', async () => {
    const portal = await startPortal({ deals: FIVE.slice(0, 1) }, 50)
    await portal.post('/__deals', {
      id: 'DR-2001',
      partner_code: 'DIST-EAST',
      end_customer: 'Broken Clinic',
      status: 'approved',
      currency: 'USD',
      expires_on: '2027-02-30',
      lines: [
        { sku: 'AP-100', quantity: 0, special_price: '310.00' },
        { sku: 'AP-200', quantity: 5, special_price: '12.345' },
      ],
    })
    const pages = await readAll(portal.config, null)
    expect(idsOf(pages)).toEqual([['DR-1005', '!DR-2001']])
    expect(pages[0]![1]).toEqual({
      ok: false,
      id: 'DR-2001',
      reason:
        'expires_on "2027-02-30" is not a YYYY-MM-DD date; line 1: quantity 0 is not a whole number ≥ 1; line 2: special_price "12.345" is not an amount with at most 2 decimals',
    })
  })

  it('500 and 429 answers are retried and no deal is lost', async () => {
    const portal = await startPortal({ deals: FIVE, faults: { failNext: 2, failWith: 500 } })
    const pages = await readAll(portal.config, null)
    expect(idsOf(pages).flat()).toEqual(['DR-1001', 'DR-1002', 'DR-1003', 'DR-1004', 'DR-1005'])
    expect(portal.state.requests).toBe(5)

    await portal.post('/__control', { failNext: 1, failWith: 429 })
    const started = Date.now()
    expect(idsOf(await readAll(portal.config, null)).flat()).toHaveLength(5)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
  })

  it('wrong credentials are refused, not retried', async () => {
    const portal = await startPortal({ deals: FIVE })
    await expect(readAll({ ...portal.config, clientSecret: 'wrong' }, null)).rejects.toBeInstanceOf(DealPortalRejectedError)
    expect(portal.state.requests).toBe(0)
  })

  it('the demo seed holds four well-formed deals for DIST-EAST and DIST-WEST', async () => {
    const portal = await startPortal({ deals: DEMO_DEAL_PORTAL.deals.map((d) => structuredClone(d)) }, 50)
    const reads = (await readAll(portal.config, null)).flat()
    expect(reads.every((r) => r.ok)).toBe(true)
    expect(okDeals([reads]).map((d) => `${d.id} ${d.partnerCode} ${d.status}`)).toEqual([
      'DR-1001 DIST-EAST approved',
      'DR-1002 DIST-EAST submitted',
      'DR-1003 DIST-EAST rejected',
      'DR-1004 DIST-WEST approved',
    ])
  })
})

describe('readDeal', () => {
  it('a deal without an id is rejected with id null', () => {
    expect(readDeal({ partner_code: 'DIST-EAST' })).toMatchObject({ ok: false, id: null })
    expect(readDeal('DR-1')).toEqual({ ok: false, id: null, reason: 'the deal is not an object' })
  })

  it('an unknown status and a lower-case currency are named', () => {
    const read = readDeal({ ...deal('DR-9', 'DIST-EAST', '2026-10-01T00:00:00.000Z'), status: 'won', currency: 'usd' })
    expect(read).toEqual({
      ok: false,
      id: 'DR-9',
      reason: 'status "won" is not one of submitted, approved, rejected, expired; currency "usd" is not a 3-letter code',
    })
  })
})
