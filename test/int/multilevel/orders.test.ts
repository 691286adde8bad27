import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { Api } from '../../support/http'
import { decisionTable } from '../../support/rules'
import { drainJobs, importFile, readXlsx } from '../../support/telecom'

/**
 * Network orders and returns through the import machinery (an ERP's Spanish xlsx export, a semicolon CSV with decimal
 * commas) and the integrators' endpoint, with one product whose volumes are given per unit and one whose volumes an
 * approved "order volumes" rule derives. Every expected figure is worked out by hand in the comments.
 *
 * SKU-CREAM (direct): USD price list consultant 20.00, public 30.00, VAT 19 %; per unit VQ 12.50, VC 10.00.
 * SKU-SERUM (rule):   USD price list consultant 40.00, public 55.00, VAT 19 %; the rule (from 2026-11-01):
 *   VQ = consultantPrice × (1 + VAT/100) × quantity          (consultant price with VAT, the discount not deducted)
 *   VC = (publicPrice × (1 + VAT/100) − discount) × quantity  (public price with VAT, minus the discount)
 * Amount of a line = (unitPrice − discount) × (1 + VAT/100) × quantity, unitPrice defaulting to the consultant price.
 */

const VOLUMES_RULE = decisionTable({
  name: 'Volumes',
  hitPolicy: 'first',
  inputs: ['product'],
  outputs: ['qualifyingVolume', 'commissionableVolume'],
  rows: [['', 'consultantPrice * (1 + vatPercent / 100) * quantity', '(publicPrice * (1 + vatPercent / 100) - discount) * quantity']],
})

const SPANISH_COLUMNS = [
  { field: 'orderNumber', header: 'Pedido' },
  { field: 'line', header: 'Línea' },
  { field: 'kind', header: 'Tipo' },
  { field: 'bookedOn', header: 'Fecha' },
  { field: 'consultantCode', header: 'Consultora' },
  { field: 'customer', header: 'Cliente' },
  { field: 'productCode', header: 'Producto' },
  { field: 'quantity', header: 'Cantidad' },
  { field: 'currency', header: 'Moneda' },
  { field: 'unitPrice', header: 'Precio' },
  { field: 'discount', header: 'Descuento' },
  { field: 'returnOfOrder', header: 'Pedido devuelto' },
  { field: 'returnOfLine', header: 'Línea devuelta' },
]
const HEADERS = SPANISH_COLUMNS.map((column) => column.header)

let app: TestApp
let admin: Api
let ops: Api
let ruleVersionId: number

type Stored = { order: string; line: number; kind: string; qty: number; amount: string; vq: string; vc: string; returnOf: string | null }

async function stored(orderNumbers: string[]): Promise<Stored[]> {
  const rows = await app.sql.query<Stored>(
    `select o.order_number as order, o.line::int as line, o.kind::text as kind, o.quantity::int as qty, o.amount::numeric(19,2)::text as amount,
            o.qualifying_volume::numeric(19,2)::text as vq, o.commissionable_volume::numeric(19,2)::text as vc,
            r.order_number || ' line ' || r.line as "returnOf"
       from network_orders o left join network_orders r on r.id = o.return_of_id
      where o.order_number = any($1) order by o.order_number, o.line, o.kind`,
    [orderNumbers],
  )
  return rows.rows
}

async function rejects(importId: number): Promise<{ row: number; reasons: string }[]> {
  const rows = await app.sql.query(`select row_number::int as row, reasons from import_rejects where import_id = $1 order by row_number`, [
    importId,
  ])
  return rows.rows
}

async function createMapping(body: Record<string, unknown>): Promise<number> {
  const res = await admin.post('/api/import-mappings', body)
  if (res.status !== 201) throw new Error(`mapping refused: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc.id
}

beforeAll(async () => {
  app = await startTestApp('multilevel_orders')
  await drainJobs(app)
  admin = await Api.login(app.url, 'admin@northwind.example')
  ops = await Api.login(app.url, 'ops@northwind.example')

  const ruleSet = await ops.post('/api/rule-sets', { name: 'Order volumes', purpose: 'order_volumes' })
  expect(ruleSet.status).toBe(201)
  const version = await ops.post('/api/rule-versions', {
    ruleSet: ruleSet.body.doc.id,
    effectiveFrom: '2026-11-01',
    content: VOLUMES_RULE,
    testCases: [
      {
        name: 'Two serums with 5 off each',
        inputs: {
          product: 'SKU-SERUM',
          quantity: 2,
          consultantPrice: 40,
          publicPrice: 55,
          vatPercent: 19,
          unitPrice: 40,
          discount: 5,
          currency: 'USD',
        },
        expected: [{ qualifyingVolume: '95.2', commissionableVolume: '120.9' }],
      },
    ],
  })
  expect([version.status, JSON.stringify(version.body.errors ?? null)]).toEqual([201, 'null'])
  ruleVersionId = version.body.doc.id
  const submitted = await ops.patch(`/api/rule-versions/${ruleVersionId}`, { status: 'submitted' })
  expect([submitted.status, JSON.stringify(submitted.body.errors ?? null)]).toEqual([200, 'null'])
  const approved = await admin.patch(`/api/rule-versions/${ruleVersionId}`, { status: 'approved' })
  expect([approved.status, approved.body.doc?.status]).toEqual([200, 'approved'])

  const cream = await admin.post('/api/products', {
    code: 'SKU-CREAM',
    name: 'Night cream 50 ml',
    prices: [{ currency: 'USD', consultantPrice: '20.00', publicPrice: '30.00', vatPercent: '19' }],
    volumeSource: 'direct',
    qualifyingVolume: '12.50',
    commissionableVolume: '10.00',
  })
  expect(cream.status).toBe(201)
  const serum = await admin.post('/api/products', {
    code: 'SKU-SERUM',
    name: 'Serum 30 ml',
    prices: [{ currency: 'USD', consultantPrice: '40.00', publicPrice: '55.00', vatPercent: '19' }],
    volumeSource: 'rule',
    volumeRule: ruleSet.body.doc.id,
  })
  expect(serum.status).toBe(201)

  await createMapping({
    name: 'ERP pedidos (xlsx)',
    source: 'network_orders',
    decimalSeparator: ',',
    dateFormats: 'DD/MM/YYYY',
    columns: SPANISH_COLUMNS,
  })
  await createMapping({
    name: 'ERP pedidos (csv)',
    source: 'network_orders',
    csvDelimiter: ';',
    decimalSeparator: ',',
    dateFormats: 'DD/MM/YYYY',
    columns: SPANISH_COLUMNS,
  })
})

afterAll(async () => {
  await app?.close()
})

/** A row of the Spanish export, in header order. */
function pedido(values: Partial<Record<string, unknown>>): unknown[] {
  return HEADERS.map((header) => values[header] ?? null)
}

async function ordersXlsx(): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Pedidos')
  sheet.addRow(HEADERS)
  const day = (d: number) => new Date(Date.UTC(2026, 10, d))
  const base = { Tipo: 'order', Fecha: day(3), Consultora: 'CNS-001', Moneda: 'USD' }
  for (const row of [
    { ...base, Pedido: 'SO-100', Línea: 1, Producto: 'SKU-CREAM', Cantidad: 3 },
    { ...base, Pedido: 'SO-100', Línea: 2, Producto: 'SKU-SERUM', Cantidad: 2, Descuento: 5, Cliente: 'Lucía Pérez' },
    { ...base, Pedido: 'SO-101', Línea: 1, Consultora: 'SUM-PAC-AG1', Producto: 'SKU-SERUM', Cantidad: 3 },
    { ...base, Pedido: 'SO-102', Línea: 1, Consultora: 'NW', Producto: 'SKU-CREAM', Cantidad: 1 },
    { ...base, Pedido: 'RT-1', Línea: 1, Tipo: 'return', Fecha: day(20), Producto: 'SKU-CREAM', Cantidad: 1, 'Pedido devuelto': 'SO-100' },
    { ...base, Pedido: 'RT-2', Línea: 1, Tipo: 'return', Fecha: day(21), Producto: 'SKU-CREAM', Cantidad: 3, 'Pedido devuelto': 'SO-100' },
    { ...base, Pedido: 'RT-3', Línea: 1, Tipo: 'return', Fecha: day(21), Producto: 'SKU-CREAM', Cantidad: 1, 'Pedido devuelto': 'SO-999' },
  ])
    sheet.addRow(pedido(row))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe('importing orders and returns from a file', () => {
  let first: number

  it('the template lists consultants, products and order kinds under the mapping headers', async () => {
    const id = (await admin.get(`/api/import-mappings?where[name][equals]=${encodeURIComponent('ERP pedidos (xlsx)')}&depth=0`)).body
      .docs[0].id
    const res = await admin.download(`/api/import-mappings/${id}/template`)
    expect(res.status).toBe(200)
    const { sheet, rows } = await readXlsx(res.data)
    expect(rows[0]).toEqual(HEADERS)
    const lists = sheet.workbook.getWorksheet('Lists')!
    const listOf = (cell: string) => {
      const formula = String(sheet.getCell(cell).dataValidation?.formulae?.[0])
      const [, column, , last] = /^Lists!\$([A-Z]+)\$2:\$([A-Z]+)\$(\d+)$/.exec(formula)!
      return Array.from({ length: Number(last) - 1 }, (_, i) => String(lists.getCell(`${column}${i + 2}`).value))
    }
    expect(listOf('C2')).toEqual(['order', 'return'])
    expect(listOf('E2')).toContain('CNS-001')
    expect(listOf('E2')).not.toContain('NW')
    expect(listOf('G2')).toEqual(expect.arrayContaining(['SKU-CREAM', 'SKU-SERUM']))
    expect(listOf('G2')).toHaveLength((await app.sql.query(`select id from products where active`)).rowCount!)
  })

  it('an ERP xlsx with Spanish headers: orders get their volumes (direct and by rule), returns their negative share, bad rows a reason', async () => {
    const result = await importFile(app, admin, 'ERP pedidos (xlsx)', 'pedidos-noviembre.xlsx', await ordersXlsx())
    first = result.id
    expect(result).toMatchObject({ status: 'completed', rowsRead: 7, accepted: 4, rejected: 3, inserted: 4 })
    expect(await stored(['SO-100', 'SO-101', 'RT-1'])).toEqual([
      // A return of 1 of the 3 units of SO-100 line 1: −71.40 / 3 = −23.80, VQ −37.50 / 3 = −12.50, VC −30.00 / 3 = −10.00.
      { order: 'RT-1', line: 1, kind: 'return', qty: 1, amount: '-23.80', vq: '-12.50', vc: '-10.00', returnOf: 'SO-100 line 1' },
      // Direct: amount 20.00 × 1.19 × 3 = 71.40; VQ 12.50 × 3 = 37.50; VC 10.00 × 3 = 30.00.
      { order: 'SO-100', line: 1, kind: 'order', qty: 3, amount: '71.40', vq: '37.50', vc: '30.00', returnOf: null },
      // Rule: amount (40 − 5) × 1.19 × 2 = 83.30; VQ 40 × 1.19 × 2 = 95.20; VC (55 × 1.19 − 5) × 2 = (65.45 − 5) × 2 = 120.90.
      { order: 'SO-100', line: 2, kind: 'order', qty: 2, amount: '83.30', vq: '95.20', vc: '120.90', returnOf: null },
      // Rule: amount 40 × 1.19 × 3 = 142.80; VQ 40 × 1.19 × 3 = 142.80; VC 55 × 1.19 × 3 = 65.45 × 3 = 196.35.
      { order: 'SO-101', line: 1, kind: 'order', qty: 3, amount: '142.80', vq: '142.80', vc: '196.35', returnOf: null },
    ])
    const versions = await app.sql.query(
      `select order_number || '/' || line as ref, volume_rule_version_id as v from network_orders where kind = 'order' and order_number in ('SO-100', 'SO-101') order by 1`,
    )
    expect(versions.rows).toEqual([
      { ref: 'SO-100/1', v: null },
      { ref: 'SO-100/2', v: ruleVersionId },
      { ref: 'SO-101/1', v: ruleVersionId },
    ])
    expect(await rejects(result.id)).toEqual([
      { row: 5, reasons: 'Consultora: unknown consultant "NW"' },
      { row: 7, reasons: 'Cantidad: return of 3 units is larger than order SO-100 line 1 (3 units, 1 returned before)' },
      { row: 8, reasons: 'Pedido devuelto: order SO-999 line 1 is not in Accrue: import the order before its return' },
    ])
  })

  it('the rejected rows download as a workbook with their reasons', async () => {
    const download = await admin.download(`/api/imports/${first}/rejects`)
    expect(download.status).toBe(200)
    const { rows } = await readXlsx(download.data)
    expect(rows[0]).toEqual([...HEADERS, 'Errors', 'Source Row'])
    expect(rows.slice(1).map((row) => [row[0], row[HEADERS.length]])).toEqual([
      ['SO-102', 'Consultora: unknown consultant "NW"'],
      ['RT-2', 'Cantidad: return of 3 units is larger than order SO-100 line 1 (3 units, 1 returned before)'],
      ['RT-3', 'Pedido devuelto: order SO-999 line 1 is not in Accrue: import the order before its return'],
    ])
  })

  it('importing the same file again changes nothing', async () => {
    const before = await stored(['SO-100', 'SO-101', 'RT-1'])
    const again = await importFile(app, admin, 'ERP pedidos (xlsx)', 'pedidos-noviembre-otra-vez.xlsx', await ordersXlsx())
    expect(again).toMatchObject({ status: 'completed', rowsRead: 7, accepted: 4, rejected: 3, inserted: 0, updated: 0, duplicates: 4 })
    expect(await stored(['SO-100', 'SO-101', 'RT-1'])).toEqual(before)
    const count = await app.sql.query(
      `select count(*)::int as n from network_orders where order_number in ('SO-100', 'SO-101', 'SO-102', 'RT-1', 'RT-2', 'RT-3')`,
    )
    expect(count.rows[0].n).toBe(4)
  })

  it('a semicolon CSV with decimal commas: a partial return, then one more than is left', async () => {
    const csv = [
      HEADERS.join(';'),
      'SO-200;1;order;05/11/2026;CNS-001;Ana Gómez;SKU-CREAM;2;USD;19,99;2,50;;',
      'RT-200;1;return;10/11/2026;CNS-001;;SKU-CREAM;1;USD;;;SO-200;1',
      'RT-201;1;return;12/11/2026;CNS-001;;SKU-CREAM;2;USD;;;SO-200;1',
      'RT-202;1;return;12/11/2026;SUM-PAC-AG1;;SKU-CREAM;1;USD;;;SO-200;1',
    ].join('\n')
    const result = await importFile(app, admin, 'ERP pedidos (csv)', 'pedidos.csv', Buffer.from(csv))
    expect(result).toMatchObject({ status: 'completed', rowsRead: 4, accepted: 2, rejected: 2 })
    expect(await stored(['SO-200', 'RT-200'])).toEqual([
      // Half of 41.63 is 20.815, to the cent half-even 20.82; VQ 25.00 / 2, VC 20.00 / 2.
      { order: 'RT-200', line: 1, kind: 'return', qty: 1, amount: '-20.82', vq: '-12.50', vc: '-10.00', returnOf: 'SO-200 line 1' },
      // (19.99 − 2.50) × 1.19 × 2 = 17.49 × 2.38 = 41.6262 → 41.63; VQ 12.50 × 2 = 25.00; VC 10.00 × 2 = 20.00.
      { order: 'SO-200', line: 1, kind: 'order', qty: 2, amount: '41.63', vq: '25.00', vc: '20.00', returnOf: null },
    ])
    expect(await rejects(result.id)).toEqual([
      { row: 4, reasons: 'Cantidad: return of 2 units is larger than order SO-200 line 1 (2 units, 1 returned before)' },
      { row: 5, reasons: 'Consultora: order SO-200 line 1 is of consultant CNS-001, not this one' },
    ])
  })
})

describe('POST /api/network-orders/import', () => {
  const LINES = [
    // Rule: amount (40 − 5) × 1.19 = 41.65; VQ 40 × 1.19 = 47.60; VC 65.45 − 5 = 60.45.
    {
      orderNumber: 'API-1',
      line: 1,
      bookedOn: '2026-11-04',
      consultantCode: 'CNS-001',
      productCode: 'SKU-SERUM',
      quantity: 1,
      currency: 'USD',
      discount: '5',
    },
    {
      orderNumber: 'API-2',
      line: 1,
      bookedOn: '2026-11-04',
      consultantCode: 'CNS-001',
      productCode: 'SKU-NOPE',
      quantity: 1,
      currency: 'USD',
    },
    {
      orderNumber: 'API-3',
      line: 1,
      bookedOn: '2026-10-15',
      consultantCode: 'CNS-001',
      productCode: 'SKU-SERUM',
      quantity: 1,
      currency: 'USD',
    },
    {
      orderNumber: 'API-R1',
      line: 1,
      kind: 'return',
      bookedOn: '2026-11-05',
      consultantCode: 'CNS-001',
      productCode: 'SKU-SERUM',
      quantity: 1,
      currency: 'USD',
      returnOfOrder: 'API-1',
    },
    { orderNumber: 'API-4', line: 1, bookedOn: '2026-11-04', consultantCode: 'CNS-001', productCode: 'SKU-CREAM', qty: 2, currency: 'USD' },
  ]

  it('a company user sends lines: the good ones are stored as an import would, each bad one named by index and field', async () => {
    const res = await ops.post('/api/network-orders/import', { lines: LINES })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      read: 5,
      accepted: 2,
      rejected: 3,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejects: [
        { index: 1, field: 'productCode', reason: 'unknown product "SKU-NOPE"' },
        {
          index: 2,
          field: 'productCode',
          reason: 'product SKU-SERUM: rule set "Order volumes" has no approved version in force on 2026-10-15',
        },
        { index: 4, field: 'qty', reason: 'is not a field of a network order line' },
      ],
    })
    expect(await stored(['API-1', 'API-R1'])).toEqual([
      { order: 'API-1', line: 1, kind: 'order', qty: 1, amount: '41.65', vq: '47.60', vc: '60.45', returnOf: null },
      { order: 'API-R1', line: 1, kind: 'return', qty: 1, amount: '-41.65', vq: '-47.60', vc: '-60.45', returnOf: 'API-1 line 1' },
    ])
  })

  it('the same lines again change nothing', async () => {
    const res = await admin.post('/api/network-orders/import', { lines: LINES })
    expect(res.body).toMatchObject({ read: 5, accepted: 2, rejected: 3, inserted: 0, updated: 0, unchanged: 2 })
  })

  it('another return of the same unit is refused as larger than what is left', async () => {
    const res = await ops.post('/api/network-orders/import', { lines: [{ ...LINES[3], orderNumber: 'API-R2' }] })
    expect(res.body.rejects).toEqual([
      { index: 0, field: 'quantity', reason: 'return of 1 unit is larger than order API-1 line 1 (1 unit, 1 returned before)' },
    ])
  })

  it('partners and people of the network get 403; a body without lines 400', async () => {
    for (const email of ['admin@summit.example', 'leo.park@summit.example']) {
      const api = await Api.login(app.url, email)
      expect([email, (await api.post('/api/network-orders/import', { lines: LINES })).status]).toEqual([email, 403])
    }
    expect((await ops.post('/api/network-orders/import', { orders: [] })).status).toBe(400)
    const count = await app.sql.query(`select count(*)::int as n from network_orders where order_number like 'API-%'`)
    expect(count.rows[0].n).toBe(2)
  })
})
