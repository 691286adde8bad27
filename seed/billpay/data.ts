/**
 * The bill payment demo: three carriers with one account each (NorthTel collected from its portal and paid through
 * the payment provider, MetroFiber paid by NACHA CCD bank file, SkyWave in euros), their layout templates, the
 * inventory of their lines and circuits, the GL rule set and the approval limits, six months of paid history, and
 * this month's invoices waiting on the portal and in the drop folder (one whose lines do not add up, one in a changed
 * layout, one at more than twice its account's average).
 */
import { D } from '../../engine/core/decimal'
import { tableGraph } from '../../engine/rules'
import { sampleInvoiceSpec, type InvoiceLayout, type InvoiceSpec } from './invoicePdf'

export const BILLPAY_CARRIERS = [
  { code: 'NTL', name: 'NorthTel Communications', currency: 'USD', dateToleranceDays: 0, chargebackWindowDays: 0 },
  { code: 'MFB', name: 'MetroFiber Networks', currency: 'USD', dateToleranceDays: 0, chargebackWindowDays: 0 },
  { code: 'SKW', name: 'SkyWave Mobile', currency: 'EUR', dateToleranceDays: 0, chargebackWindowDays: 0 },
] as const

export type DemoAccount = {
  carrier: string
  layout: InvoiceLayout
  name: string
  accountNumber: string
  currency: string
  defaultCostCentre: string
  location: string
  sharedSplits: { costCentre: string; percent: string }[]
  paymentMethod: 'provider' | 'bank_file'
  remitRouting?: string
  remitAccount?: string
  /** Inventory: department and cost centre of its services, in turn. */
  departments: { department: string; costCentre: string }[]
  /** Lines on each demo invoice. */
  lines: number
}

export const BILLPAY_ACCOUNTS: DemoAccount[] = [
  {
    carrier: 'NTL',
    layout: 'northtel',
    name: 'NorthTel — head office voice and mobile',
    accountNumber: 'NT-10482215',
    currency: 'USD',
    defaultCostCentre: 'CC-100',
    location: 'HQ',
    sharedSplits: [
      { costCentre: 'CC-100', percent: '50' },
      { costCentre: 'CC-200', percent: '30' },
      { costCentre: 'CC-300', percent: '20' },
    ],
    paymentMethod: 'provider',
    departments: [
      { department: 'Sales', costCentre: 'CC-200' },
      { department: 'Support', costCentre: 'CC-300' },
      { department: 'Finance', costCentre: 'CC-100' },
    ],
    lines: 40,
  },
  {
    carrier: 'MFB',
    layout: 'metrofiber',
    name: 'MetroFiber — data centre circuits',
    accountNumber: 'MF-20931776',
    currency: 'USD',
    defaultCostCentre: 'CC-400',
    location: 'DC1',
    sharedSplits: [],
    paymentMethod: 'bank_file',
    remitRouting: '021000021',
    remitAccount: '9876543210',
    departments: [{ department: 'IT', costCentre: 'CC-400' }],
    lines: 30,
  },
  {
    carrier: 'SKW',
    layout: 'skywave',
    name: 'SkyWave — Berlin office mobiles',
    accountNumber: '4412345',
    currency: 'EUR',
    defaultCostCentre: 'CC-500',
    location: 'BER',
    sharedSplits: [],
    paymentMethod: 'provider',
    departments: [{ department: 'Sales', costCentre: 'CC-500' }],
    lines: 24,
  },
]

/** An invoice of a demo account: the generator's realistic lines, with the account's own number and the given dates. */
export function demoInvoiceSpec(account: DemoAccount, dates: { statementDate: string; dueDate: string }, seed: number): InvoiceSpec {
  const spec = sampleInvoiceSpec(account.layout, seed, account.lines)
  return {
    ...spec,
    accountNumber: account.accountNumber,
    invoiceNumber: `${account.carrier}-${dates.statementDate.slice(0, 7).replace('-', '')}-${String(seed).padStart(4, '0')}`,
    statementDate: dates.statementDate,
    dueDate: dates.dueDate,
    previousBalance: '0.00',
    payments: '0.00',
  }
}

/** The same invoice with every line scaled by `factor` (to the cent, half up): e.g. a bill twice as large as usual. */
export function scaledSpec(spec: InvoiceSpec, factor: string, invoiceNumber: string): InvoiceSpec {
  const lines = spec.lines.map((line) => ({
    ...line,
    amount: new D(line.amount).times(factor).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2),
  }))
  const taxes = new D(spec.taxes).times(factor).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2)
  return { ...spec, invoiceNumber, lines, taxes }
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/**
 * The demo's dates, from the day the demo is seeded: six monthly statements of paid history (the 5th of each of the six
 * months before), and the current statement dated yesterday, due in three weeks (so no demo invoice is past due).
 */
export function demoDates(today: string): {
  history: { statementDate: string; dueDate: string }[]
  current: { statementDate: string; dueDate: string }
} {
  const [y, m] = today.split('-').map(Number) as [number, number]
  const history = [6, 5, 4, 3, 2, 1].map((back) => {
    const index = y * 12 + (m - 1) - back
    const statementDate = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-05`
    return { statementDate, dueDate: addDays(statementDate, 23) }
  })
  const statementDate = addDays(today, -1)
  return { history, current: { statementDate, dueDate: addDays(today, 21) } }
}

/** Every service of the account's demo invoices (the generator draws them per seed), for the inventory. */
export function demoServices(
  account: DemoAccount,
  specs: InvoiceSpec[],
): { serviceId: string; kind: 'line' | 'circuit'; department: string; costCentre: string }[] {
  const seen = new Map<string, { serviceId: string; kind: 'line' | 'circuit'; department: string; costCentre: string }>()
  for (const spec of specs)
    for (const line of spec.lines) {
      if (!line.serviceId || seen.has(line.serviceId)) continue
      const home = account.departments[seen.size % account.departments.length]!
      seen.set(line.serviceId, { serviceId: line.serviceId, kind: account.layout === 'metrofiber' ? 'circuit' : 'line', ...home })
    }
  return [...seen.values()]
}

export const GL_RULE_SET = {
  name: 'Telecom GL coding',
  purpose: 'invoice_gl',
  description:
    'Which GL account each carrier charge is booked to, by charge type (each carrier’s codes) and service kind. Anything else goes to a person.',
}

/** First row that fits decides; no row fits: the charge goes to review. */
export const GL_RULE_CONTENT = tableGraph({
  name: 'GL code by charge',
  hitPolicy: 'first',
  inputs: ['chargeType', 'serviceKind'],
  outputs: ['glCode'],
  rows: [
    ['"TAX"', '', '"6490"'],
    ['"MRC", "LOOP"', '"circuit"', '"6420"'],
    ['"MRC", "GRUND"', '', '"6410"'],
    ['"LOOP"', '', '"6420"'],
    ['"USAGE", "VERB"', '', '"6430"'],
    ['"OCC", "EINM"', '', '"6440"'],
    ['"SURCHARGE", "SUR", "ZUSCHL"', '', '"6450"'],
    ['"CRD", "GUTS"', '', '"6410"'],
  ],
})

export const GL_RULE_TESTS = [
  { name: 'Circuit monthly charge', inputs: { chargeType: 'MRC', serviceKind: 'circuit' }, expected: [{ glCode: '6420' }] },
  { name: 'Mobile line monthly charge', inputs: { chargeType: 'MRC', serviceKind: 'line' }, expected: [{ glCode: '6410' }] },
  { name: 'Taxes', inputs: { chargeType: 'TAX', serviceKind: null }, expected: [{ glCode: '6490' }] },
]

export const APPROVAL_RULE_SET = {
  name: 'Invoice auto-pay limits',
  purpose: 'invoice_approval',
  description: 'How much of an invoice is paid without a person, by carrier and site.',
}

export const APPROVAL_RULE_CONTENT = tableGraph({
  name: 'Auto-pay limit',
  hitPolicy: 'first',
  inputs: ['carrier', 'location'],
  outputs: ['autoPayLimit'],
  rows: [
    ['"NTL"', '"HQ"', '60000'],
    ['"MFB"', '', '150000'],
    ['"SKW"', '', '20000'],
  ],
})

export const APPROVAL_RULE_TESTS = [
  {
    name: 'NorthTel at HQ',
    inputs: { carrier: 'NTL', location: 'HQ', totalDue: '100', currency: 'USD' },
    expected: [{ autoPayLimit: 60000 }],
  },
]
