import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload, PayloadRequest } from 'payload'

import { DEMO_TEMPLATES } from '../../engine/billpay/layouts'
import { D } from '../../engine/core/decimal'
import { dbPool } from '../../db/pool'
import { withTransaction } from '../../db/withTransaction'
import { invoiceDropDir } from '../../modules/billpay/collect'
import { moveInvoice } from '../../modules/billpay/events'
import { ingestInvoiceFile } from '../../modules/billpay/ingest'
import { processPendingInvoices } from '../../modules/billpay/process'
import { DEMO_PORTAL } from '../../demo/carrier-portal/demoAccount'
import {
  APPROVAL_RULE_CONTENT,
  APPROVAL_RULE_SET,
  APPROVAL_RULE_TESTS,
  BILLPAY_ACCOUNTS,
  BILLPAY_CARRIERS,
  GL_RULE_CONTENT,
  GL_RULE_SET,
  GL_RULE_TESTS,
  demoDates,
  demoInvoiceSpec,
  demoServices,
  scaledSpec,
  type DemoAccount,
} from './data'
import { invoiceTotals, renderChangedLayoutPdf, renderInvoicePdf, type InvoiceSpec } from './invoicePdf'

/** The steps of the NorthTel billing portal (the carrier-portal stand-in's billing page): sign in, open the invoices, download each. */
export const NORTHTEL_INVOICE_STEPS = [
  { action: 'goto', target: '{{loginUrl}}' },
  { action: 'fill', target: '#username', value: '{{username}}' },
  { action: 'fill', target: '#password', value: '{{password}}' },
  { action: 'click', target: 'button#sign-in' },
  { action: 'failIfPresent', target: '#login-error', failure: 'permanent', value: 'the portal refused the sign-in' },
  { action: 'fill', target: 'input#otp', value: '{{totp}}' },
  { action: 'click', target: 'button#verify' },
  { action: 'failIfPresent', target: '#otp-error', failure: 'permanent', value: 'the portal refused the one-time code' },
  { action: 'goto', target: '/billing/invoices' },
  { action: 'download', target: 'a.invoice-download' },
]

/** The seeds of each account's demo invoices: six of history, then the current one. */
const HISTORY_SEEDS = [11, 12, 13, 14, 15, 16]
const CURRENT_SEED = 21

/** Every demo spec of an account (the inventory must know all their services), from the seeding day. */
export function accountSpecs(account: DemoAccount, today: string): { history: InvoiceSpec[]; current: InvoiceSpec } {
  const dates = demoDates(today)
  return {
    history: dates.history.map((d, i) => demoInvoiceSpec(account, d, HISTORY_SEEDS[i]!)),
    current: demoInvoiceSpec(account, dates.current, CURRENT_SEED),
  }
}

/**
 * Master data, in the demo's transaction: the carriers, the NorthTel invoices connector (the demo portal, its sealed
 * credential), the accounts, the layout templates, the inventory, and the GL and approval rule sets (approved).
 */
export async function writeBillpayDemo(payload: Payload, req: PayloadRequest, today: string): Promise<void> {
  const carriers = new Map<string, number>()
  for (const carrier of BILLPAY_CARRIERS)
    carriers.set(carrier.code, (await payload.create({ collection: 'carriers', data: carrier as never, req })).id as number)
  const credential = await payload.find({ collection: 'portal-credentials', limit: 1, depth: 0, req })
  const connector = await payload.create({
    collection: 'carrier-connectors',
    data: {
      name: 'NorthTel billing portal (invoices)',
      carrier: carriers.get('NTL')!,
      fetches: 'invoices',
      loginUrl: `http://localhost:${DEMO_PORTAL.port}/login`,
      credential: credential.docs[0]!.id,
      steps: NORTHTEL_INVOICE_STEPS,
    } as never,
    req,
  })
  const sets = new Map<string, number>()
  for (const [set, content, testCases] of [
    [GL_RULE_SET, GL_RULE_CONTENT, GL_RULE_TESTS],
    [APPROVAL_RULE_SET, APPROVAL_RULE_CONTENT, APPROVAL_RULE_TESTS],
  ] as const) {
    const created = await payload.create({ collection: 'rule-sets', data: set as never, req })
    const version = await payload.create({
      collection: 'rule-versions',
      data: { ruleSet: created.id, effectiveFrom: '2020-01-01', content, testCases } as never,
      req,
    })
    for (const status of ['submitted', 'approved'] as const)
      await payload.update({ collection: 'rule-versions', id: version.id, data: { status } as never, req })
    sets.set(set.purpose, created.id as number)
  }
  for (const template of DEMO_TEMPLATES) {
    const carrier = BILLPAY_ACCOUNTS.find((a) => template.name.toLowerCase().startsWith(a.layout.slice(0, 5)))?.carrier ?? 'NTL'
    await payload.create({
      collection: 'invoice-templates',
      data: { name: template.name, carrier: carriers.get(carrier)!, definition: template } as never,
      req,
    })
  }
  for (const account of BILLPAY_ACCOUNTS) {
    const { layout: _layout, departments: _departments, lines: _lines, carrier, ...fields } = account
    const created = await payload.create({
      collection: 'carrier-accounts',
      data: {
        ...fields,
        carrier: carriers.get(carrier)!,
        connector: carrier === 'NTL' ? connector.id : undefined,
        glRules: sets.get('invoice_gl'),
        approvalRules: sets.get('invoice_approval'),
        payeeName: BILLPAY_CARRIERS.find((c) => c.code === carrier)!.name,
      } as never,
      req,
    })
    const specs = accountSpecs(account, today)
    for (const service of demoServices(account, [...specs.history, specs.current]))
      await payload.create({ collection: 'service-inventory', data: { ...service, account: created.id } as never, req })
  }
}

/**
 * Six months of paid history per account, read through the real pipeline from PDFs (then recorded as paid before
 * Accrue), so averages and the 2× breaker have something to compare with. Only on the demo's first start.
 */
export async function seedBillpayHistory(payload: Payload, today: string): Promise<number> {
  const pool = dbPool(payload)
  if ((await pool.query(`select 1 from carrier_invoices limit 1`)).rowCount) return 0
  const ids: number[] = []
  for (const account of BILLPAY_ACCOUNTS)
    for (const spec of accountSpecs(account, today).history) {
      const outcome = await ingestInvoiceFile(pool, {
        data: await renderInvoicePdf(spec),
        fileName: `${spec.invoiceNumber}.pdf`,
        source: 'upload',
      })
      ids.push(outcome.invoice)
    }
  await processPendingInvoices(pool, today)
  await withTransaction(pool, {}, async (client) => {
    for (const id of ids) {
      const row = await client.query<{ status: string; total: string; currency: string; method: string }>(
        `select i.status::text as status, i.total_due::text as total, i.currency, a.payment_method::text as method
           from carrier_invoices i join carrier_accounts a on a.id = i.account_id where i.id = $1`,
        [id],
      )
      const invoice = row.rows[0]!
      if (invoice.status === 'approval_needed') await moveInvoice(client, id, 'pending_payment', 'history before Accrue: approved then')
      await client.query(
        `insert into invoice_payments (invoice_id, amount, currency, method, idempotency_key, status, confirmation, worker, submitted_at, confirmed_at, attempts, updated_at, created_at)
         values ($1, $2, $3, $4, $5, 'confirmed', 'paid before Accrue', 'demo-history', now(), now(), 1, now(), now())`,
        [id, invoice.total, invoice.currency, invoice.method, `history-${id}`],
      )
      await moveInvoice(client, id, 'payment_submitted', 'history before Accrue')
      await moveInvoice(client, id, 'paid', 'history before Accrue: paid then')
    }
  })
  return ids.length
}

/**
 * An invoice of the account 2.5 times its six-month average (the history the seed wrote, within the six months before
 * the current statement): within the reading check's 3×, above the payment breaker's 2×.
 */
export function largeInvoiceSpec(account: DemoAccount, today: string): InvoiceSpec {
  const { history, current } = accountSpecs(account, today)
  const [y, m, d] = current.statementDate.split('-').map(Number) as [number, number, number]
  const index = y * 12 + (m - 1) - 6
  const from = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  const totals = history.filter((h) => h.statementDate >= from).map((h) => new D(invoiceTotals(h).totalDue))
  const average = totals.reduce((a, b) => a.plus(b), new D(0)).div(totals.length)
  const factor = average.times('2.5').div(invoiceTotals(current).totalDue).toDecimalPlaces(6)
  return scaledSpec(current, factor.toFixed(), `${current.invoiceNumber}-X`)
}

/** This month's NorthTel invoices on its portal: the usual one, and one 2.5× its average (a payment breaker holds it). */
export async function demoPortalInvoices(today: string): Promise<{ fileName: string; data: Buffer; issued: string; amount: string }[]> {
  const northtel = BILLPAY_ACCOUNTS.find((a) => a.carrier === 'NTL')!
  const specs = [accountSpecs(northtel, today).current, largeInvoiceSpec(northtel, today)]
  return Promise.all(
    specs.map(async (spec) => ({
      fileName: `${spec.invoiceNumber}.pdf`,
      data: await renderInvoicePdf(spec),
      issued: spec.statementDate,
      amount: `${spec.currency} ${invoiceTotals(spec).totalDue}`,
    })),
  )
}

/**
 * This month's files in the drop folder: MetroFiber's and SkyWave's usual invoices, a MetroFiber correction whose
 * lines do not add up (its new charges printed as 100.00), and a NorthTel invoice in a layout the template
 * does not know.
 */
export async function writeDemoDropFolder(today: string): Promise<string[]> {
  const dir = invoiceDropDir()
  await mkdir(dir, { recursive: true })
  const byCarrier = (code: string) =>
    accountSpecs(
      BILLPAY_ACCOUNTS.find((a) => a.carrier === code)!,
      today,
    ).current
  const metro = byCarrier('MFB')
  const wrong = { ...metro, invoiceNumber: `${metro.invoiceNumber}-C` }
  const files: [string, Promise<Buffer>][] = [
    [`${metro.invoiceNumber}.pdf`, renderInvoicePdf(metro)],
    [`${byCarrier('SKW').invoiceNumber}.pdf`, renderInvoicePdf(byCarrier('SKW'))],
    [`${wrong.invoiceNumber}.pdf`, renderInvoicePdf(wrong, { overrideTotals: { newCharges: '100.00' } })],
    [
      `${byCarrier('NTL').invoiceNumber}-NEW.pdf`,
      renderChangedLayoutPdf({ ...byCarrier('NTL'), invoiceNumber: `${byCarrier('NTL').invoiceNumber}-N` }),
    ],
  ]
  for (const [name, data] of files) await writeFile(path.join(dir, name), await data)
  return files.map(([name]) => name)
}
