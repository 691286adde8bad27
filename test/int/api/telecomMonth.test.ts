import Decimal from 'decimal.js'
import ExcelJS from 'exceljs'
import createClient, { type Client } from 'openapi-fetch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { paths } from '../../../clients/typescript/accrue-api'
import { startTestApp, type TestApp } from '../../support/app'
import { checkAgainstDocument } from '../../support/openapiCheck'

/**
 * A telecom month driven the way an integrator drives it: only the typed client generated from the OpenAPI document
 * (openapi-fetch over clients/typescript/accrue-api.d.ts) and a scoped API key, no import from the product's code.
 * Master data (a new dealer), a mapping for the carrier's own export, both files imported, the month reconciled,
 * the plan run, approved and locked, statements generated and downloaded, a payment batch created and marked paid.
 * The server runs its own job worker (as `npm start` does); the client follows each job by reading the document.
 *
 * What the dealer earns is worked out by hand from the demo plan ("Telecom dealer plan", seed/commission/data.ts as
 * the plan document states it): a new Unlimited 5G line pays the $60.00 rebate, the $10.00 spiff and $5.00 for its
 * hotspot feature; a new Essentials line $40.00; a port-in $55.00: $170.00, all three verified by the carrier.
 * The dealer's partner (Coastal Connect, directly under the operating company) earns the 5% level-1 override: $8.50.
 */
let app: TestApp
let api: Client<paths>
const DEALER = 'DLR-0901'
const DECEMBER = { start: '2026-12-01', end: '2026-12-31', label: 'Dec 2026' }

function luhn(digits: string): string {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 0) d *= 2
    sum += d > 9 ? d - 9 : d
  }
  return `${digits}${(10 - (sum % 10)) % 10}`
}
const line = (n: number) => ({
  iccid: `8901${String(990_000 + n).padStart(15, '0')}`,
  imei: luhn(`35${String(990_000 + n).padStart(12, '0')}`),
  mdn: String(3_100_000_000 + n),
})

/** The three sales of the month, as the dealer reports them and as the carrier pays them (Vertex's Q4 schedule). */
const SALES = [
  {
    n: 1,
    date: '2026-12-02',
    type: 'new',
    plan: 'VTX-UNL-5G',
    features: 'HOTSPOT',
    paidActivation: '160,00',
    paidFeatures: '20,00',
    paidSpiff: '0,00',
  },
  {
    n: 2,
    date: '2026-12-03',
    type: 'new',
    plan: 'VTX-ESS',
    features: '',
    paidActivation: '110,00',
    paidFeatures: '0,00',
    paidSpiff: '0,00',
  },
  {
    n: 3,
    date: '2026-12-04',
    type: 'port_in',
    plan: 'VTX-UNL-5G',
    features: '',
    paidActivation: '185,00',
    paidFeatures: '0,00',
    paidSpiff: '50,00',
  },
]

/**
 * Payload reads nested query parameters in bracket form (`where[code][equals]=COA`), which openapi-fetch leaves to
 * the caller: this is the whole serializer an integrator needs.
 */
function brackets(query: Record<string, unknown>): string {
  const parts: string[] = []
  const walk = (prefix: string, value: unknown) => {
    if (value === undefined) return
    if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(prefix ? `${prefix}[${key}]` : key, inner)
      return
    }
    parts.push(`${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`)
  }
  walk('', query)
  return parts.join('&')
}

/** Fails with the answer's errors when a call did not succeed, else returns its data. */
function ok<T>(result: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (!result.response.ok || result.data === undefined)
    throw new Error(`${what}: ${result.response.status} ${JSON.stringify(result.error)}`)
  return result.data
}

/** Reads a document until `done` says it has finished (the worker runs the job), at most `seconds`. */
async function until<T>(read: () => Promise<T>, done: (doc: T) => boolean, what: string, seconds = 120): Promise<T> {
  const deadline = Date.now() + seconds * 1000
  for (;;) {
    const doc = await read()
    if (done(doc)) return doc
    if (Date.now() > deadline) throw new Error(`${what} did not finish: ${JSON.stringify(doc).slice(0, 400)}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

async function idOf(
  collection: 'carriers' | 'participants' | 'commission-periods' | 'compensation-plans' | 'import-mappings',
  field: string,
  value: string,
) {
  const page = ok(
    await api.GET(`/${collection}` as '/carriers', { params: { query: { where: { [field]: { equals: value } }, depth: 0 } as never } }),
    `find ${collection} ${value}`,
  )
  const id = page.docs[0]?.id
  if (!id) throw new Error(`${collection} ${field}=${value} not found`)
  return id
}

beforeAll(async () => {
  app = await startTestApp('api_telecom_month', { jobs: true })
  // The one step done with a password: a company admin logs in and creates the integration's key.
  const session = createClient<paths>({ baseUrl: `${app.url}/api` })
  const login = ok(await session.POST('/users/login', { body: { email: 'admin@northwind.example', password: 'demo1234!' } }), 'login')
  const admin = createClient<paths>({ baseUrl: `${app.url}/api`, headers: { authorization: `JWT ${login.token}` } })
  const me = ok(await admin.GET('/users/me'), 'me')
  const key = ok(
    await admin.POST('/api-keys', {
      body: {
        name: 'Month-end integration',
        owner: me.user!.id,
        access: 'read-write',
        collections: ['*'],
        endpoints: ['*'],
        ratePerMinute: 6000,
      },
    }),
    'create key',
  )
  const secret = (key.doc as { secret?: string }).secret
  expect(secret).toMatch(/^acr_/)
  api = createClient<paths>({ baseUrl: `${app.url}/api`, headers: { authorization: `Bearer ${secret}` }, querySerializer: brackets })
  // Every answer of the month is also checked against the OpenAPI document the client was generated from.
  api.use({
    async onResponse({ request, response }) {
      const json = /json/.test(response.headers.get('content-type') ?? '')
      const body = json ? await response.clone().json() : null
      await checkAgainstDocument(app.url, request.method, request.url, response, body, 'throw')
    },
  })
})

afterAll(async () => {
  await app?.close()
})

describe('a telecom month through the typed client', () => {
  let dealer: number
  let run: number

  it('adds the dealer (master data) under its partner', async () => {
    const partner = await idOf('participants', 'code', 'COA')
    const created = ok(
      await api.POST('/participants', {
        body: {
          name: 'Harbor Phones',
          code: DEALER,
          kind: 'dealer',
          parent: partner,
          joinedOn: '2026-11-01',
          minimumPayout: '25.00',
          bankRoutingNumber: '011000015',
          bankAccountNumber: '000123456789',
          bankAccountType: 'checking',
        } as never,
      }),
      'create dealer',
    )
    dealer = created.doc.id
    expect(created.doc.code).toBe(DEALER)
  })

  it('imports the dealer’s sales with the standard template and the carrier’s export with a mapping of its own', async () => {
    const vertex = await idOf('carriers', 'code', 'VTX')
    // The dealer fills the standard template downloaded from the API.
    const standard = await idOf('import-mappings', 'name', 'Dealer sales (standard template)')
    const template = await api.GET('/import-mappings/{id}/template', { params: { path: { id: standard } }, parseAs: 'arrayBuffer' })
    expect(template.response.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(template.data as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
    const cell: Record<string, (s: (typeof SALES)[number]) => string> = {
      'Dealer Code': () => DEALER,
      'Sale Date': (s) => s.date,
      Carrier: () => 'VTX',
      'Activation Type': (s) => s.type,
      MDN: (s) => line(s.n).mdn,
      ICCID: (s) => line(s.n).iccid,
      IMEI: (s) => line(s.n).imei,
      'Rate Plan': (s) => s.plan,
      Features: (s) => s.features,
    }
    const filled = new ExcelJS.Workbook()
    const out = filled.addWorksheet(sheet.name)
    out.addRow(headers)
    for (const sale of SALES) out.addRow(headers.map((h) => cell[h]?.(sale) ?? ''))
    const salesFile = Buffer.from(await filled.xlsx.writeBuffer())

    // The carrier's own export: semicolons, decimal commas, day-first dates, its own headers.
    const mapping = ok(
      await api.POST('/import-mappings', {
        body: {
          name: 'Vertex December export (integration)',
          source: 'carrier_records',
          carrier: vertex,
          csvDelimiter: ';',
          decimalSeparator: ',',
          dateFormats: 'DD.MM.YYYY',
          columns: [
            { field: 'activationDate', header: 'Activated' },
            { field: 'activationType', header: 'Kind' },
            { field: 'mdn', header: 'Phone' },
            { field: 'iccid', header: 'SIM' },
            { field: 'imei', header: 'Device' },
            { field: 'ratePlanCode', header: 'Plan' },
            { field: 'features', header: 'Add-ons' },
            { field: 'dealerCode', header: 'Agent' },
            { field: 'paidActivation', header: 'Paid' },
            { field: 'paidFeatures', header: 'Paid add-ons' },
            { field: 'paidSpiff', header: 'Spiff' },
          ],
        } as never,
      }),
      'create mapping',
    )
    const dayFirst = (iso: string) => iso.split('-').reverse().join('.')
    const carrierFile = Buffer.from(
      [
        'Activated;Kind;Phone;SIM;Device;Plan;Add-ons;Agent;Paid;Paid add-ons;Spiff',
        ...SALES.map((s) =>
          [
            dayFirst(s.date),
            s.type,
            line(s.n).mdn,
            line(s.n).iccid,
            line(s.n).imei,
            s.plan,
            s.features,
            DEALER,
            s.paidActivation,
            s.paidFeatures,
            s.paidSpiff,
          ].join(';'),
        ),
      ].join('\n') + '\n',
    )

    const upload = async (mappingId: number, name: string, data: Buffer, type: string) => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(data)], { type }), name)
      form.append('_payload', JSON.stringify({ mapping: mappingId }))
      const created = ok(
        await api.POST('/imports', {
          body: form as never,
          headers: { 'Idempotency-Key': `upload-${name}` },
          bodySerializer: (body) => body as unknown as FormData,
        }),
        `upload ${name}`,
      )
      return until(
        async () => ok(await api.GET('/imports/{id}', { params: { path: { id: created.doc.id }, query: { depth: 0 } } }), 'read import'),
        (doc) => doc.status === 'completed' || doc.status === 'failed',
        `import ${name}`,
      )
    }
    const sales = await upload(
      standard,
      'harbor-december.xlsx',
      salesFile,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(sales).toMatchObject({ status: 'completed', rowsRead: 3, accepted: 3, rejected: 0 })
    const records = await upload(mapping.doc.id, 'vertex-december.csv', carrierFile, 'text/csv')
    expect(records).toMatchObject({ status: 'completed', rowsRead: 3, accepted: 3, rejected: 0 })
  })

  it('reconciles December: the three sales are verified by the carrier', async () => {
    const vertex = await idOf('carriers', 'code', 'VTX')
    const created = ok(
      await api.POST('/reconciliation-runs', { body: { carrier: vertex, periodStart: DECEMBER.start, periodEnd: DECEMBER.end } as never }),
      'reconcile',
    )
    const done = await until(
      async () =>
        ok(await api.GET('/reconciliation-runs/{id}', { params: { path: { id: created.doc.id }, query: { depth: 0 } } }), 'read run'),
      (doc) => doc.status === 'completed' || doc.status === 'failed',
      'reconciliation',
    )
    expect(done.status).toBe('completed')
    const lines = ok(
      await api.GET('/reconciliation-lines', {
        params: { query: { where: { run: { equals: done.id }, dealer: { equals: dealer } }, depth: 0, limit: 10 } as never },
      }),
      'reconciliation lines',
    )
    // Each sale matched to its carrier record, paid exactly what the schedule prices it at (money has four decimals).
    expect(lines.docs.map((l) => [l.reconClass, l.expected, l.paid])).toEqual(
      expect.arrayContaining([
        ['matched', '180.0000', '180.0000'],
        ['matched', '110.0000', '110.0000'],
        ['matched', '235.0000', '235.0000'],
      ]),
    )
    expect(lines.docs).toHaveLength(3)
  })

  it('runs the plan for December, and the dealer earns what the plan says, to the cent', async () => {
    const plan = await idOf('compensation-plans', 'name', 'Telecom dealer plan')
    const period = await idOf('commission-periods', 'label', DECEMBER.label)
    const created = ok(
      await api.POST('/commission-runs', { body: { plan, period, mode: 'post' } as never, headers: { 'Idempotency-Key': 'december-run' } }),
      'start run',
    )
    run = created.doc.id
    const done = await until(
      async () => ok(await api.GET('/commission-runs/{id}', { params: { path: { id: run }, query: { depth: 0 } } }), 'read run'),
      (doc) => !['queued', 'running'].includes(String(doc.status)),
      'commission run',
    )
    expect(done.status).toBe('awaiting_approval')
    const lines = ok(
      await api.GET('/commission-lines', {
        params: { query: { where: { run: { equals: run }, payee: { equals: dealer } }, depth: 0, limit: 50 } as never },
      }),
      'dealer lines',
    )
    expect(lines.docs.reduce((sum, l) => sum.plus(l.amount), new Decimal(0)).toFixed(2)).toBe('170.00')
    const overrides = ok(
      await api.GET('/commission-lines', {
        params: {
          query: {
            where: { run: { equals: run }, fromParticipant: { equals: dealer }, component: { equals: 'override' } },
            depth: 0,
          } as never,
        },
      }),
      'override lines',
    )
    expect(overrides.docs.map((l) => l.amount)).toEqual(['8.5000'])
    // Why this amount: the line traces to its sale and the plan version that produced it.
    const why = ok(await api.GET('/commission-lines/{id}/why', { params: { path: { id: lines.docs[0]!.id } } }), 'why')
    expect(JSON.stringify(why)).toContain(DEALER)
  })

  it('approves and locks the run, generates statements and downloads the dealer’s PDF', async () => {
    ok(await api.POST('/commission-runs/{id}/approve', { params: { path: { id: run } }, body: {} as never }), 'approve')
    ok(await api.POST('/commission-runs/{id}/lock', { params: { path: { id: run } }, body: {} as never }), 'lock')
    ok(await api.POST('/commission-runs/{id}/statements', { params: { path: { id: run } }, body: {} as never }), 'statements')
    const statement = await until(
      async () =>
        ok(
          await api.GET('/commission-statements', {
            params: { query: { where: { run: { equals: run }, participant: { equals: dealer } }, depth: 0 } as never },
          }),
          'statements',
        ),
      (page) => page.docs.length === 1,
      'statements',
    )
    const pdf = await api.GET('/commission-statements/{id}/pdf', {
      params: { path: { id: statement.docs[0]!.id } },
      parseAs: 'arrayBuffer',
    })
    expect(pdf.response.headers.get('content-type')).toMatch(/pdf/)
    expect(
      Buffer.from(pdf.data as ArrayBuffer)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
  })

  it('pays the month in a batch: the dealer’s payment is its $170.00, and marking it paid twice is refused', async () => {
    const period = await idOf('commission-periods', 'label', DECEMBER.label)
    const created = ok(
      await api.POST('/payment-batches', {
        body: { period, effectiveDate: '2027-01-08' } as never,
        headers: { 'Idempotency-Key': 'december-batch' },
      }),
      'batch',
    )
    // The same request again (a retry after a lost answer) returns the same batch instead of a second one.
    const again = ok(
      await api.POST('/payment-batches', {
        body: { period, effectiveDate: '2027-01-08' } as never,
        headers: { 'Idempotency-Key': 'december-batch' },
      }),
      'batch retry',
    )
    expect(again.doc.id).toBe(created.doc.id)
    const ready = await until(
      async () =>
        ok(await api.GET('/payment-batches/{id}', { params: { path: { id: created.doc.id }, query: { depth: 0 } } }), 'read batch'),
      (doc) => doc.status !== 'queued' && doc.status !== 'paying',
      'payment batch',
    )
    expect(ready.status).toBe('ready')
    const payments = ok(
      await api.GET('/payments', {
        params: { query: { where: { batch: { equals: ready.id }, payee: { equals: dealer } }, depth: 0 } as never },
      }),
      'payments',
    )
    expect(payments.docs.map((p) => p.amount)).toEqual(['170.0000'])
    ok(await api.POST('/payment-batches/{id}/mark-paid', { params: { path: { id: ready.id } }, body: {} as never }), 'mark paid')
    const twice = await api.POST('/payment-batches/{id}/mark-paid', { params: { path: { id: ready.id } }, body: {} as never })
    expect(twice.response.status).toBe(409)
  })
})
