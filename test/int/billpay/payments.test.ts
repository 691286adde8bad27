import fs from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createErpStandIn, type ErpState } from '../../../demo/erp/app'
import { createPaymentProviderStandIn } from '../../../demo/payment-provider/app'
import { D } from '../../../engine/core/decimal'
import { BILLPAY_ACCOUNTS, scaledSpec } from '../../../seed/billpay/data'
import { invoiceTotals, renderInvoicePdf, type InvoiceSpec } from '../../../seed/billpay/invoicePdf'
import { accountSpecs, largeInvoiceSpec, seedBillpayHistory } from '../../../seed/billpay/write'
import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { drainJobs } from '../../support/telecom'

/**
 * Paying carrier invoices exactly once, over real HTTP against the payment provider stand-in: a run pays each invoice
 * pending payment once (bank-file accounts in a NACHA CCD file), a second run and two runs at once pay nothing more, a
 * provider that charges and then never answers leaves the payment submitted until the next run finds it by its
 * idempotency key, and the breakers hold an invoice at more than twice its account's average or past its due date.
 * Charges are counted by the provider itself.
 */
const API_KEY = 'sk_test_billpay'
let app: TestApp
let admin: Api
let provider: Server
let providerUrl = ''
let erp: Server
let erpState: ErpState
const today = new Date().toISOString().slice(0, 10)
const account = (code: string) => BILLPAY_ACCOUNTS.find((a) => a.carrier === code)!
const ids = new Map<string, number>()

beforeAll(async () => {
  process.env.INVOICES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-invoices-'))
  const { app: providerApp } = createPaymentProviderStandIn({ apiKey: API_KEY })
  provider = await new Promise<Server>((resolve) => {
    const s = providerApp.listen(0, '127.0.0.1', () => resolve(s))
  })
  providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`
  const erpStandIn = createErpStandIn({ clientId: 'accrue', clientSecret: 'erp-billpay' })
  erpState = erpStandIn.state
  erp = await new Promise<Server>((resolve) => {
    const s = erpStandIn.app.listen(0, '127.0.0.1', () => resolve(s))
  })
  Object.assign(process.env, {
    ACCRUE_ERP_URL: `http://127.0.0.1:${(erp.address() as AddressInfo).port}`,
    ACCRUE_ERP_CLIENT_ID: 'accrue',
    ACCRUE_ERP_CLIENT_SECRET: 'erp-billpay',
    PAYMENT_PROVIDER_URL: providerUrl,
    PAYMENT_PROVIDER_API_KEY: API_KEY,
    PAYMENT_PROVIDER_TIMEOUT_MS: '1500',
    PAYMENT_PROVIDER_MAX_ATTEMPTS: '2',
    PAYMENT_PROVIDER_BASE_DELAY_MS: '20',
  })
  app = await startTestApp('billpay_payments')
  await seedBillpayHistory(app.payload, today)
  admin = await Api.login(app.url, 'finance@northwind.example')
}, 180_000)
afterAll(async () => {
  await app?.close()
  for (const server of [provider, erp]) {
    server?.closeAllConnections()
    await new Promise<void>((resolve) => server?.close(() => resolve()))
  }
})

async function arrive(name: string, spec: InvoiceSpec): Promise<number> {
  const res = await admin.post('/api/carrier-invoices/upload', {
    fileName: `${spec.invoiceNumber}.pdf`,
    contentBase64: (await renderInvoicePdf(spec)).toString('base64'),
  })
  expect(res.status).toBe(201)
  ids.set(name, res.body.invoice)
  return res.body.invoice
}

async function charges(): Promise<{ count: number; payments: { reference: string; amount: string; idempotencyKey: string }[] }> {
  return (await fetch(`${providerUrl}/__payments`)).json() as never
}

async function statusOf(id: number): Promise<string> {
  return (await app.sql.query(`select status::text as status from carrier_invoices where id = $1`, [id])).rows[0].status
}

async function faults(body: unknown): Promise<void> {
  const res = await fetch(`${providerUrl}/__faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(200)
}

describe('bill payment: paying exactly once, behind breakers', () => {
  it('pays each invoice pending payment once, bank-file accounts in a NACHA CCD file, and holds one at more than twice its average', async () => {
    const ntl = accountSpecs(account('NTL'), today).current
    const skw = accountSpecs(account('SKW'), today).current
    const mfb = accountSpecs(account('MFB'), today).current
    const large = largeInvoiceSpec(account('NTL'), today)
    await arrive('ntl', ntl)
    await arrive('skw', skw)
    await arrive('mfb', mfb)
    await arrive('large', large)
    await drainJobs(app)
    for (const name of ['ntl', 'skw', 'mfb', 'large']) expect(await statusOf(ids.get(name)!)).toBe('pending_payment')

    const run = await admin.post('/api/carrier-invoices/pay-run', {})
    expect(run.status).toBe(200)
    expect(run.body.paid.map((p: { invoice: number }) => p.invoice).sort()).toEqual([ids.get('ntl'), ids.get('skw'), ids.get('mfb')].sort())
    expect(run.body.held).toEqual([
      { invoice: ids.get('large'), reasons: [expect.stringMatching(/more than 2× the account's six-month average/)] },
    ])
    expect(await statusOf(ids.get('large')!)).toBe('on_hold')

    const made = await charges()
    expect(made.count).toBe(2)
    const byReference = new Map(made.payments.map((p) => [p.reference, p]))
    expect(new D(byReference.get(ntl.invoiceNumber)!.amount).eq(invoiceTotals(ntl).totalDue)).toBe(true)
    expect(new D(byReference.get(skw.invoiceNumber)!.amount).eq(invoiceTotals(skw).totalDue)).toBe(true)

    const file = fs.readFileSync(path.join(process.env.INVOICES_DIR!, 'bank-files', run.body.bankFile), 'utf8').split('\n')
    const batch = file.find((r) => r.startsWith('5'))!
    expect(batch.slice(50, 53)).toBe('CCD')
    const entry = file.find((r) => r.startsWith('6'))!
    expect(entry.slice(29, 39)).toBe(new D(invoiceTotals(mfb).totalDue).times(100).toFixed(0).padStart(10, '0'))
    expect(
      file
        .find((r) => r.startsWith('7'))!
        .slice(3, 83)
        .trim(),
    ).toBe(`INV*${mfb.invoiceNumber}*${mfb.accountNumber}\\`)
  })

  it('pays nothing more on a second run, nor on two runs at once after the hold is released', async () => {
    const again = await admin.post('/api/carrier-invoices/pay-run', {})
    expect(again.body.paid).toEqual([])
    expect((await charges()).count).toBe(2)

    const large = ids.get('large')!
    const refused = await admin.post(`/api/carrier-invoices/${large}/release`, {})
    expect(refused.status).toBe(400)
    const released = await admin.post(`/api/carrier-invoices/${large}/release`, {
      reason: 'new sites connected this month, confirmed with NorthTel',
    })
    expect(released.status).toBe(200)
    expect(released.body.invoice.status).toBe('pending_payment')

    const [a, b] = await Promise.all([admin.post('/api/carrier-invoices/pay-run', {}), admin.post('/api/carrier-invoices/pay-run', {})])
    expect([...a.body.paid, ...b.body.paid].map((p: { invoice: number }) => p.invoice)).toEqual([large])
    expect((await charges()).count).toBe(3)
    expect(await statusOf(large)).toBe('paid')
    const payments = await app.sql.query(`select status::text as status from invoice_payments where invoice_id = $1`, [large])
    expect(payments.rows).toEqual([{ status: 'confirmed' }])
  })

  it('leaves a payment submitted when the provider charges and never answers, and the next run finds it by its key', async () => {
    const base = accountSpecs(account('SKW'), today).current
    const id = await arrive('lost', scaledSpec(base, '1', `${base.invoiceNumber}-L`))
    await drainJobs(app)
    await faults({ mode: 'timeout_after_charge', count: 5 })
    const lost = await admin.post('/api/carrier-invoices/pay-run', {})
    expect(lost.body.paid).toEqual([])
    expect(lost.body.unknown.map((u: { invoice: number }) => u.invoice)).toEqual([id])
    expect(await statusOf(id)).toBe('payment_submitted')
    expect((await charges()).count).toBe(4)

    await faults({ mode: 'none' })
    const recovered = await admin.post('/api/carrier-invoices/pay-run', {})
    expect(recovered.body.recovered.map((r: { invoice: number }) => r.invoice)).toEqual([id])
    expect(await statusOf(id)).toBe('paid')
    expect((await charges()).count).toBe(4)
  })

  it('holds an invoice whose due date has passed, and keeps a run within its limits', async () => {
    const base = accountSpecs(account('SKW'), today).current
    const late = await arrive('late', { ...scaledSpec(base, '0.9', `${base.invoiceNumber}-P`), dueDate: base.statementDate })
    const first = await arrive('first', scaledSpec(base, '0.8', `${base.invoiceNumber}-A`))
    const second = await arrive('second', scaledSpec(base, '0.7', `${base.invoiceNumber}-B`))
    await drainJobs(app)
    const run = await admin.post('/api/carrier-invoices/pay-run', { maxInvoices: 2 })
    expect(run.body.held).toEqual([{ invoice: late, reasons: [expect.stringMatching(/due date .* has passed/)] }])
    expect(run.body.paid).toHaveLength(1)
    expect(run.body.deferred).toEqual([{ invoice: expect.any(Number), reason: "the run's limit of 2 invoices was reached" }])
    expect([first, second]).toContain(run.body.paid[0].invoice)
  })

  it('reports spend per carrier and a journal that balances, posted to the ERP once per voucher', async () => {
    const month = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7)
    const report = await admin.get(`/api/carrier-invoices/report?from=${month}&to=${month}`)
    expect(report.status).toBe(200)
    const ntl = accountSpecs(account('NTL'), today).current
    const large = largeInvoiceSpec(account('NTL'), today)
    const expectedNtl = [ntl, large].reduce((s, spec) => s.plus(invoiceTotals(spec).newCharges).plus(spec.taxes), new D(0))
    const ntlSpend = report.body.byCarrier.find((r: { carrier: string }) => r.carrier === 'NTL')
    expect(new D(ntlSpend.amount).eq(expectedNtl)).toBe(true)
    const journal = await admin.get(`/api/carrier-invoices/journal?month=${month}`)
    const debit = journal.body.lines.reduce((s: InstanceType<typeof D>, l: { debit: string }) => s.plus(l.debit), new D(0))
    const credit = journal.body.lines.reduce((s: InstanceType<typeof D>, l: { credit: string }) => s.plus(l.credit), new D(0))
    expect(debit.eq(credit)).toBe(true)
    expect(debit.gt(0)).toBe(true)
    const pushed = await admin.post(`/api/carrier-invoices/journal?month=${month}`, {})
    expect(pushed.status).toBe(200)
    const vouchers = new Set(journal.body.lines.map((l: { voucher: string }) => l.voucher))
    expect(pushed.body.vouchers).toHaveLength(vouchers.size)
    expect(erpState.journalEntries).toHaveLength(vouchers.size)
    const again = await admin.post(`/api/carrier-invoices/journal?month=${month}`, {})
    expect(again.body.vouchers.every((v: { created: boolean }) => !v.created)).toBe(true)
    expect(erpState.journalEntries).toHaveLength(vouchers.size)
    const xlsx = await admin.download(`/api/carrier-invoices/report?from=${month}&to=${month}&format=xlsx`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.data as never)
    expect(book.worksheets.map((w) => w.name)).toEqual(['By carrier', 'By cost centre', 'By GL code', 'By status', 'By age', 'Exceptions'])
  })
})
