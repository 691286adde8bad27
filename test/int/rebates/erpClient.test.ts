import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, describe, expect, it } from 'vitest'

import { createErpStandIn, type ErpOptions, type ErpState } from '../../../demo/erp/app'
import { ErpRejectedError, ErpUnavailableError, erpClient, type ErpConfig, type ErpCreditMemo } from '../../../modules/rebates/erp'

/**
 * The ERP client over real HTTP against the NetSuite-like stand-in: a memo is created once whatever fails on the
 * way (5xx, 429, an answer that never comes after the ERP made the record), refused content is not retried, and the
 * circuit breaker stops calling a failing ERP and lets a call through again once it is healthy.
 */
const CLIENT_ID = 'accrue'
const CLIENT_SECRET = 'erp-test-secret'

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

type Erp = { url: string; state: ErpState; control: (body: unknown) => Promise<void>; config: (extra?: Partial<ErpConfig>) => ErpConfig }

async function startErp(options: Partial<ErpOptions> = {}): Promise<Erp> {
  const { app, state } = createErpStandIn({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...options })
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  servers.push(server)
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    state,
    control: async (body) => {
      const res = await fetch(`${url}/__control`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(res.status).toBe(200)
    },
    config: (extra = {}) => ({
      baseUrl: url,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      baseDelayMs: 10,
      maxDelayMs: 2000,
      ...extra,
    }),
  }
}

const memo = (externalId: string, amounts: string[] = ['1250.10', '99.95']): ErpCreditMemo => ({
  externalId,
  partnerCode: 'DIST-EAST',
  tranDate: '2026-11-30',
  currency: 'USD',
  memo: 'Q4 2026 growth rebate',
  lines: amounts.map((amount, i) => ({ description: `Claim line ${i + 1}`, amount, claimLine: `CL-${i + 1}` })),
})

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (err) {
    return err as Error
  }
  throw new Error('expected the call to fail')
}

describe('ERP client: credit memos are created exactly once', () => {
  it('creates the memo and reads back its ERP id, number, status and total summed to the cent', async () => {
    const erp = await startErp()
    const result = await erpClient(erp.config()).pushCreditMemo(memo('RB-2026-11-0001'))
    expect(result).toEqual({ erpId: '5001', tranId: 'CM1001', status: 'Open', total: '1350.05', created: true })
    expect(erp.state.creditMemos).toHaveLength(1)
    expect(erp.state.creditMemos[0]).toMatchObject({
      externalId: 'RB-2026-11-0001',
      entity: { externalId: 'DIST-EAST' },
      tranDate: '2026-11-30',
      currency: { refName: 'USD' },
      total: '1350.05',
    })
    expect(erp.state.creditMemos[0]!.item.items.map((l) => [l.amount, l.custcol_claim_line])).toEqual([
      ['1250.10', 'CL-1'],
      ['99.95', 'CL-2'],
    ])
  })

  it('a second push of the same external id returns the existing memo with created:false and the ERP still holds one', async () => {
    const erp = await startErp()
    const client = erpClient(erp.config())
    const first = await client.pushCreditMemo(memo('RB-DUP-1'))
    const second = await client.pushCreditMemo(memo('RB-DUP-1'))
    expect(second).toEqual({ erpId: first.erpId, tranId: 'CM1001', status: 'Open', total: '1350.05', created: false })
    expect(erp.state.creditMemos).toHaveLength(1)
  })

  it('the same client instance serves the same connection (one breaker per ERP and client id)', async () => {
    const erp = await startErp()
    expect(erpClient(erp.config())).toBe(erpClient({ ...erp.config(), baseUrl: `${erp.url}/`, timeoutMs: 1 }))
    expect(erpClient(erp.config())).not.toBe(erpClient({ ...erp.config(), clientId: 'other' }))
  })

  it('a 500 on the first attempt is retried and makes one memo', async () => {
    const erp = await startErp({ faults: { failNext: 1, failWith: 500 } })
    const result = await erpClient(erp.config()).pushCreditMemo(memo('RB-500-1'))
    expect(result.created).toBe(true)
    expect(erp.state.creditMemos).toHaveLength(1)
    // POST (500), POST (204), GET of the new memo.
    expect(erp.state.requests).toBe(3)
  })

  it('when the ERP makes the memo but answers too late, the retry reads back that memo instead of making a second', async () => {
    const erp = await startErp()
    await erp.control({ failNext: 1, failWith: 'timeout', delayMs: 3000 })
    const started = Date.now()
    const result = await erpClient(erp.config({ timeoutMs: 300 })).pushCreditMemo(memo('RB-LATE-1', ['410.00']))
    expect(Date.now() - started).toBeLessThan(2500)
    expect(result).toEqual({ erpId: '5001', tranId: 'CM1001', status: 'Open', total: '410.00', created: false })
    expect(erp.state.creditMemos).toHaveLength(1)
    // POST (made, answered late), POST (DUP_RCRD), GET eid:RB-LATE-1.
    expect(erp.state.requests).toBe(3)
  })

  it('a 429 is retried after the Retry-After the ERP asked for', async () => {
    const erp = await startErp({ faults: { failNext: 1, failWith: 429 } })
    const started = Date.now()
    const result = await erpClient(erp.config({ baseDelayMs: 1 })).pushCreditMemo(memo('RB-429-1'))
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(result.created).toBe(true)
    expect(erp.state.creditMemos).toHaveLength(1)
  })

  it('refused content (an amount with three decimals) fails with ErpRejectedError naming the field, and is not retried', async () => {
    const erp = await startErp()
    const err = await rejectionOf(erpClient(erp.config()).pushCreditMemo(memo('RB-BAD-1', ['100.00', '12.345'])))
    expect(err).toBeInstanceOf(ErpRejectedError)
    expect(err.message).toContain('item.items[1].amount')
    expect(err.message).toContain('12.345')
    expect((err as ErpRejectedError).code).toBe('INVALID_FLD_VALUE')
    expect(erp.state.requests).toBe(1)
    expect(erp.state.creditMemos).toHaveLength(0)
  })

  it('an expired token is refreshed once and the call goes through', async () => {
    let clock = Date.parse('2026-11-30T09:00:00Z')
    const erp = await startErp({ now: () => clock, tokenTtlSeconds: 3600 })
    const client = erpClient(erp.config())
    await client.pushCreditMemo(memo('RB-TOK-1'))
    expect(erp.state.tokensIssued).toBe(1)
    clock += 2 * 3600_000 // the ERP's clock passes the token's expiry; the client's cache does not know
    const second = await client.pushCreditMemo(memo('RB-TOK-2'))
    expect(second).toMatchObject({ tranId: 'CM1002', created: true })
    expect(erp.state.tokensIssued).toBe(2)
    expect(erp.state.creditMemos).toHaveLength(2)
  })

  it('wrong client credentials fail as unavailable, naming the credentials, without creating anything', async () => {
    const erp = await startErp()
    const err = await rejectionOf(erpClient(erp.config({ clientId: 'intruder' })).pushCreditMemo(memo('RB-CRED-1')))
    expect(err).toBeInstanceOf(ErpUnavailableError)
    expect(err.message).toContain('refused the client credentials of intruder')
    expect(erp.state.requests).toBe(0)
  })

  it('reads a memo back by external id, and sees it fully applied once the ERP has paid it', async () => {
    const erp = await startErp()
    const client = erpClient(erp.config())
    expect(await client.readCreditMemo('RB-NONE')).toBeNull()
    await client.pushCreditMemo(memo('RB-PAID-1', ['75.25', '24.75']))
    await erp.control({ applyAll: true })
    expect(await client.readCreditMemo('RB-PAID-1')).toEqual({ erpId: '5001', tranId: 'CM1001', status: 'Fully Applied', total: '100.00' })
  })
})

describe('ERP client: circuit breaker', () => {
  it('after 3 consecutive failures calls fail fast without reaching the ERP, and go through again once it is healthy', async () => {
    const erp = await startErp({ faults: { failNext: 20, failWith: 500 } })
    const client = erpClient(erp.config({ breakerThreshold: 3, maxAttempts: 2, halfOpenAfterMs: 300, baseDelayMs: 5 }))

    const first = await rejectionOf(client.pushCreditMemo(memo('RB-CB-1')))
    expect(first).toBeInstanceOf(ErpUnavailableError)
    expect(first.message).toContain('HTTP 500')
    expect(erp.state.requests).toBe(2)
    expect(client.breakerState()).toBe('closed')

    const second = await rejectionOf(client.pushCreditMemo(memo('RB-CB-1')))
    expect(second.message).toBe('the ERP is unavailable (circuit open after 3 failures); the memo will be retried')
    expect(erp.state.requests).toBe(3)
    expect(client.breakerState()).toBe('open')

    for (let i = 0; i < 3; i++) {
      const fast = await rejectionOf(client.pushCreditMemo(memo('RB-CB-1')))
      expect(fast).toBeInstanceOf(ErpUnavailableError)
      expect(fast.message).toContain('circuit open')
    }
    expect(erp.state.requests).toBe(3)

    await erp.control({ failNext: 0 })
    await new Promise((resolve) => setTimeout(resolve, 350))
    const result = await client.pushCreditMemo(memo('RB-CB-1'))
    expect(result).toMatchObject({ tranId: 'CM1001', total: '1350.05', created: true })
    expect(client.breakerState()).toBe('closed')
    expect(erp.state.creditMemos).toHaveLength(1)
  })
})

describe('ERP client: accrual journals', () => {
  const journal = (externalId: string, debit: string, credit: string) => ({
    externalId,
    tranDate: '2026-11-30',
    memo: 'Rebate accrual November 2026',
    lines: [
      { account: '6120', debit, memo: 'Rebate expense' },
      { account: '2150', credit, memo: 'Accrued rebates' },
    ],
  })

  it('a balanced journal is created once; the same external id again is read back', async () => {
    const erp = await startErp()
    const client = erpClient(erp.config())
    expect(await client.pushJournal(journal('ACC-2026-11', '18250.40', '18250.40'))).toEqual({ erpId: '5001', created: true })
    expect(await client.pushJournal(journal('ACC-2026-11', '18250.40', '18250.40'))).toEqual({ erpId: '5001', created: false })
    expect(erp.state.journalEntries).toHaveLength(1)
    expect(erp.state.journalEntries[0]).toMatchObject({ tranId: 'JE501', total: '18250.40' })
  })

  it('debits that differ from credits by a cent are rejected, not retried', async () => {
    const erp = await startErp()
    const err = await rejectionOf(erpClient(erp.config()).pushJournal(journal('ACC-BAD', '100.00', '99.99')))
    expect(err).toBeInstanceOf(ErpRejectedError)
    expect(err.message).toContain('debits 100.00 and credits 99.99 must be equal')
    expect(erp.state.requests).toBe(1)
    expect(erp.state.journalEntries).toHaveLength(0)
  })
})
