/**
 * A JPY plan (0 minor units) and a BHD plan (3 minor units) end to end: lines, statements (data, PDF, xlsx), the
 * payee ledger, the payment batch and the bank CSV. Every amount must carry exactly the currency's decimals and
 * every total must tie to the sum of the lines, to the smallest unit of the currency.
 *
 * The expected amounts are worked out here from the plans' rates, never by the code under test:
 * - JPY (October, verified activations): a rebate of 1010 per activation; overrides of 5 % (level 1) and 1.5 %
 *   (level 2) of the dealer's own commission, i.e. 50.5 and 15.15 per activation below, rounded half-even to the
 *   yen (an odd number of activations gives a .5 that a 2-decimal rounding would keep as ".50").
 * - BHD (November, credit and debit notes of a new Gulf network): notes typed to 4 decimals, posted rounded
 *   half-even to the fils (3 decimals, non-zero third decimal that a 2-decimal rounding would lose).
 */
import { extractText, getDocumentProxy } from 'unpdf'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../../support/app'
import { periodId, runPeriod } from '../../support/commission'
import { Api } from '../../support/http'
import { drainJobs } from '../../support/telecom'

let app: TestApp
let admin: Api
let finance: Api
let october: number
let november: number

/** Integer part of a stored amount that must be whole ("2020.0000" → 2020n); fails on any fraction. */
function whole(stored: string): bigint {
  expect(stored).toMatch(/^-?\d+(\.0+)?$/)
  return BigInt(stored.split('.')[0]!)
}

/** Fils (thousandths) of a stored BHD amount ("8.0980" → 8098n); fails on a non-zero fourth decimal. */
function fils(stored: string): bigint {
  expect(stored).toMatch(/^-?\d+(\.\d{3}0*)?$/)
  const [int = '0', frac = ''] = stored.replace('-', '').split('.')
  const value = BigInt(int) * 1000n + BigInt((frac + '000').slice(0, 3))
  return stored.startsWith('-') ? -value : value
}

/** num / den rounded half-even to an integer (den > 0). */
function halfEven(num: bigint, den: bigint): bigint {
  const q = num / den
  const r = num % den
  if (2n * r > den) return q + 1n
  if (2n * r < den) return q
  return q % 2n === 0n ? q : q + 1n
}

async function createPlan(name: string, currency: string, components: unknown[]): Promise<number> {
  const plan = await admin.post('/api/compensation-plans', { name, currency })
  expect(plan.status).toBe(201)
  const version = await admin.post('/api/plan-versions', {
    plan: plan.body.doc.id,
    effectiveFrom: '2026-01-01',
    status: 'approved',
    rounding: 'half-even',
    components,
  })
  expect(version.status).toBe(201)
  return plan.body.doc.id
}

/** Runs, generates statements, approves and locks a period of a plan; returns the run id. */
async function postAndLock(plan: number, period: number): Promise<number> {
  const run = await runPeriod(app, finance, plan, period)
  expect(run.message).not.toMatch(/failed/)
  expect(run.status).toBe('awaiting_approval')
  expect((await finance.post(`/api/commission-runs/${run.id}/statements`, {})).status).toBe(202)
  await drainJobs(app)
  expect((await finance.post(`/api/commission-runs/${run.id}/approve`, {})).status).toBe(200)
  expect((await admin.post(`/api/commission-runs/${run.id}/lock`, {})).status).toBe(200)
  return run.id
}

/** CSV rows of a batch as objects keyed by the header. */
async function csvRows(batch: number): Promise<Record<string, string>[]> {
  const res = await finance.download(`/api/payment-batches/${batch}/csv`)
  expect(res.status).toBe(200)
  const [header, ...rows] = res.data
    .toString('utf8')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(','))
  return rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]!])))
}

async function statementTexts(statementId: number): Promise<{ pdf: string; xlsx: ExcelJS.Workbook }> {
  const pdf = await finance.download(`/api/commission-statements/${statementId}/pdf`)
  expect(pdf.status).toBe(200)
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.data)), { mergePages: true })
  const book = new ExcelJS.Workbook()
  await book.xlsx.load((await finance.download(`/api/commission-statements/${statementId}/xlsx`)).data as never)
  return { pdf: text, xlsx: book }
}

beforeAll(async () => {
  app = await startTestApp('commission_currencies')
  admin = await Api.login(app.url, 'admin@northwind.example')
  finance = await Api.login(app.url, 'finance@northwind.example')
  await drainJobs(app) // the demo's reconciliation of Vertex, October 2026
  october = await periodId(admin, 'Oct 2026')
  november = await periodId(admin, 'Nov 2026')
})

afterAll(async () => {
  await app?.close()
})

describe('a JPY plan (no minor unit)', () => {
  let runId: number
  let plan: number

  it('posts whole-yen lines: 1010 per activation and half-even overrides of 50.5 and 15.15 per activation below', async () => {
    // Fixture: the demo network is paid in yen for this test (every payee of the run must be paid in the plan's currency).
    await app.sql.query(`update participants set currency = 'JPY', minimum_payout = 0`)
    plan = await createPlan('Yen dealer plan', 'JPY', [
      { blockType: 'upfront', rows: [{ payout: 'rebate', amount: '1010' }] },
      {
        blockType: 'override',
        compress: true,
        levels: [
          { level: 1, percent: '5' },
          { level: 2, percent: '1.5' },
        ],
      },
    ])
    runId = await postAndLock(plan, october)

    const upfront = (
      await app.sql.query(`select payee_id, amount::text as amount from commission_lines where run_id = $1 and component = 'upfront'`, [
        runId,
      ])
    ).rows
    expect(upfront.length).toBeGreaterThan(0)
    for (const line of upfront) expect(line.amount).toBe('1010.0000')
    const activations = new Map<number, bigint>()
    for (const line of upfront) activations.set(line.payee_id, (activations.get(line.payee_id) ?? 0n) + 1n)

    const overrides = (
      await app.sql.query(
        `select from_participant_id as from_id, amount::text as amount, description from commission_lines where run_id = $1 and component = 'override'`,
        [runId],
      )
    ).rows
    expect(overrides.length).toBeGreaterThan(0)
    const percentOf: Record<string, [bigint, bigint]> = { '1': [5n, 100n], '2': [15n, 1000n] }
    let halves = 0
    for (const line of overrides) {
      const level = /^level (\d)/.exec(line.description)![1]!
      const n = activations.get(line.from_id)!
      const [num, den] = percentOf[level]!
      // 1010 × n × rate, rounded half-even to the yen.
      if ((1010n * n * num) % den !== 0n && 2n * ((1010n * n * num) % den) === den) halves += 1
      expect(`level ${level} over ${n} activations: ${whole(line.amount)}`).toBe(
        `level ${level} over ${n} activations: ${halfEven(1010n * n * num, den)}`,
      )
    }
    expect(halves).toBeGreaterThan(0) // at least one override was an exact .5 of a yen
  })

  it('ties the run, the statements (data, PDF, xlsx) and the lines to the yen, shown without decimals', async () => {
    const run = (await finance.get(`/api/commission-runs/${runId}`)).body
    const lineTotal = (await app.sql.query(`select sum(amount)::text as s from commission_lines where run_id = $1`, [runId])).rows[0].s
    expect(whole(run.total)).toBe(whole(lineTotal))
    const statements = (await finance.get(`/api/commission-statements?where[run][equals]=${runId}&limit=200&depth=1`)).body.docs
    expect(statements.reduce((sum: bigint, s: { total: string }) => sum + whole(s.total), 0n)).toBe(whole(lineTotal))
    for (const statement of statements) {
      expect(statement.currency).toBe('JPY')
      for (const group of statement.summary) {
        expect(group.total).toMatch(/^-?\d+$/)
        for (const line of group.lines) expect(line.amount).toMatch(/^-?\d+$/)
        expect(BigInt(group.total)).toBe(
          group.lines.length === group.count
            ? group.lines.reduce((s: bigint, l: { amount: string }) => s + BigInt(l.amount), 0n)
            : BigInt(group.total),
        )
      }
    }
    const top = statements.sort((a: { total: string }, b: { total: string }) => Number(whole(b.total) - whole(a.total)))[0]
    const payeeLines = (
      await app.sql.query(`select amount::text as amount from commission_lines where run_id = $1 and payee_id = $2`, [
        runId,
        top.participant.id,
      ])
    ).rows
    const total = payeeLines.reduce((s: bigint, l: { amount: string }) => s + whole(l.amount), 0n)
    expect(whole(top.total)).toBe(total)
    const { pdf, xlsx } = await statementTexts(top.id)
    expect(pdf).toContain(`JPY ${total.toLocaleString('en-US')}`)
    expect(pdf).not.toMatch(/JPY [\d,]+\.\d/)
    const exactTotal = xlsx
      .getWorksheet('Summary')!
      .getColumn(4)
      .values.filter((v) => typeof v === 'string' && /^-?\d/.test(v)) as string[]
    expect(exactTotal.every((v) => /^-?\d+$/.test(v))).toBe(true)
    expect(exactTotal).toContain(String(total))
  })

  it('pays the batch in whole yen, the bank CSV ties to the payments, NACHA refuses yen, and the ledger balances', async () => {
    const batch = await finance.post('/api/payment-batches', { period: october, effectiveDate: '2026-11-27' })
    expect(batch.status).toBe(201)
    await drainJobs(app)
    const ready = (await finance.get(`/api/payment-batches/${batch.body.doc.id}`)).body
    expect(ready.status).toBe('ready')
    const payments = (
      await app.sql.query(
        `select pay.id, pay.payee_id, pay.amount::text as amount, pay.currency, (select sum(l.amount)::text from payment_items i join commission_lines l on l.id = i.line_id where i.payment_id = pay.id) as lines
         from payments pay where batch_id = $1 order by pay.id`,
        [ready.id],
      )
    ).rows
    expect(payments.length).toBeGreaterThan(0)
    for (const p of payments) {
      expect(p.currency).toBe('JPY')
      expect(whole(p.amount)).toBe(whole(p.lines))
    }
    expect(whole(ready.total)).toBe(payments.reduce((s: bigint, p: { amount: string }) => s + whole(p.amount), 0n))
    const rows = await csvRows(ready.id)
    expect(rows.map((r) => r.payment_id)).toEqual(payments.map((p: { id: number }) => String(p.id)))
    for (const [i, row] of rows.entries()) {
      expect(row.currency).toBe('JPY')
      expect(row.amount).toMatch(/^\d+$/)
      expect(BigInt(row.amount!)).toBe(whole(payments[i].amount))
    }
    const nacha = await finance.download(`/api/payment-batches/${ready.id}/nacha`)
    expect(nacha.status).toBe(422)
    expect(nacha.data.toString('utf8')).toMatch(/NACHA files carry US dollars only; this payment is in \\?"JPY\\?"/)

    const payee = payments[0].payee_id
    const ledger = (await finance.get(`/api/payments/ledger/${payee}`)).body
    expect(ledger).toMatchObject({ currency: 'JPY', balances: true, paid: '0', held: '0', carriedForward: '0', pending: '0' })
    expect(ledger.inPayment).toBe(String(whole(payments[0].amount)))
    expect(ledger.accrued).toBe(ledger.inPayment)
  })
})

describe('a BHD plan (three minor units)', () => {
  const dealers: Record<string, number> = {}
  let runId: number

  it('posts notes rounded half-even to the fils', async () => {
    const plan = await createPlan('Dinar dealer plan', 'BHD', [
      { blockType: 'override', compress: true, levels: [{ level: 1, percent: '5' }] },
    ])
    const root = (await admin.get('/api/participants?where[code][equals]=NW&depth=0')).body.docs[0].id
    const partner = await admin.post('/api/participants', {
      name: 'Gulf Mobile Partners',
      code: 'GULF',
      kind: 'partner',
      parent: root,
      joinedOn: '2026-01-01',
      currency: 'BHD',
    })
    expect(partner.status).toBe(201)
    for (const [code, name, account] of [
      ['GULF-D1', 'Manama Phones', '000111222333'],
      ['GULF-D2', 'Muharraq Mobile', '000444555666'],
    ] as const) {
      const dealer = await admin.post('/api/participants', {
        name,
        code,
        kind: 'dealer',
        parent: partner.body.doc.id,
        joinedOn: '2026-01-01',
        currency: 'BHD',
        bankRoutingNumber: '011000015',
        bankAccountNumber: account,
        bankAccountType: 'checking',
      })
      expect(dealer.status).toBe(201)
      dealers[code] = dealer.body.doc.id
    }
    // 10.1015 → 10.102, -2.0035 → -2.004 (ties to the even fils); 7.0044 → 7.004.
    for (const [code, amount] of [
      ['GULF-D1', '10.1015'],
      ['GULF-D1', '-2.0035'],
      ['GULF-D2', '7.0044'],
    ] as const) {
      const note = await finance.post('/api/commission-notes', {
        participant: dealers[code],
        period: november,
        plan,
        amount,
        reason: 'Dinar adjustment',
      })
      expect(note.status).toBe(201)
    }
    runId = await postAndLock(plan, november)
    const lines = (
      await app.sql.query(
        `select p.code, l.amount::text as amount from commission_lines l join participants p on p.id = l.payee_id where l.run_id = $1 order by p.code, l.amount`,
        [runId],
      )
    ).rows
    expect(lines).toEqual([
      { code: 'GULF-D1', amount: '-2.0040' },
      { code: 'GULF-D1', amount: '10.1020' },
      { code: 'GULF-D2', amount: '7.0040' },
    ])
    const run = (await finance.get(`/api/commission-runs/${runId}`)).body
    expect(fils(run.total)).toBe(15102n) // 10.102 − 2.004 + 7.004
  })

  it('states 3-decimal statements that tie to the fils, in data, PDF and xlsx', async () => {
    const statements = (await finance.get(`/api/commission-statements?where[run][equals]=${runId}&limit=10&depth=1`)).body.docs
    const byCode = Object.fromEntries(statements.map((s: { participant: { code: string } }) => [s.participant.code, s]))
    expect(fils(byCode['GULF-D1'].total)).toBe(8098n)
    expect(fils(byCode['GULF-D1'].payable)).toBe(8098n)
    expect(fils(byCode['GULF-D2'].total)).toBe(7004n)
    expect(byCode['GULF-D1'].summary).toEqual([
      {
        component: 'note',
        label: 'Debit / credit note',
        total: '8.098',
        count: 2,
        lines: expect.arrayContaining([
          { description: 'Dinar adjustment', amount: '-2.004' },
          { description: 'Dinar adjustment', amount: '10.102' },
        ]),
      },
    ])
    const { pdf, xlsx } = await statementTexts(byCode['GULF-D1'].id)
    expect(pdf).toContain('BHD 8.098')
    expect(pdf).toContain('BHD 10.102')
    expect(pdf).toContain('BHD -2.004')
    const sheet = xlsx.getWorksheet('Statement')!
    const exact = sheet.getColumn(7).values.filter((v) => typeof v === 'string' && /^-?\d/.test(v))
    expect(exact).toEqual(expect.arrayContaining(['10.102', '-2.004', '8.098']))
    const rows: ExcelJS.Row[] = []
    sheet.eachRow((row) => rows.push(row))
    const shown = rows.filter((row) => row.getCell(7).value === '10.102').map((row) => row.getCell(6).numFmt)
    expect(shown).toEqual(['#,##0.000'])
  })

  it('pays 8.098 and 7.004 BHD, writes them so in the bank CSV, and the ledger balances to the fils', async () => {
    const batch = await finance.post('/api/payment-batches', { period: november, effectiveDate: '2026-12-04' })
    expect(batch.status).toBe(201)
    await drainJobs(app)
    const ready = (await finance.get(`/api/payment-batches/${batch.body.doc.id}`)).body
    expect(ready.status).toBe('ready')
    const rows = (await csvRows(ready.id)).filter((r) => r.currency === 'BHD')
    expect(rows.map((r) => [r.payee_code, r.amount])).toEqual([
      ['GULF-D1', '8.098'],
      ['GULF-D2', '7.004'],
    ])
    const ledger = (await finance.get(`/api/payments/ledger/${dealers['GULF-D1']}`)).body
    expect(ledger).toEqual({
      participant: dealers['GULF-D1'],
      currency: 'BHD',
      accrued: '8.098',
      paid: '0.000',
      inPayment: '8.098',
      held: '0.000',
      carriedForward: '0.000',
      pending: '0.000',
      balances: true,
    })
    expect((await finance.post(`/api/payment-batches/${ready.id}/mark-paid`, {})).status).toBe(200)
    const paid = (await finance.get(`/api/payments/ledger/${dealers['GULF-D2']}`)).body
    expect(paid).toMatchObject({ currency: 'BHD', accrued: '7.004', paid: '7.004', inPayment: '0.000', balances: true })
  })
})
