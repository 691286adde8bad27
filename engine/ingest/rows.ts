/**
 * One file row to one fact row, or to the list of reasons it cannot be: every reason names the file's column.
 * Nothing is coerced silently: a value is parsed under the mapping's rules or the row is rejected.
 */
import { ACTIVATION_TYPES, LINE_STATUSES, normalizeFeatures, type ActivationType, type LineStatus } from '../telecom'

import { D } from '../core/decimal'
import { isCurrencyCode } from '../core/money'
import { parseChoice, parseDate, parseDecimal, parseIdentifier, parseText, type CellValue } from './cells'
import { CHARGE_FREQUENCIES, chargeProblems, type Charge } from '../proposals'
import { SOURCE_FIELDS, type ImportSource, type TargetField } from './fields'
import { readPosLine } from './posLines'
import { readTicket } from './tickets'
import { lineAmount, ORDER_KINDS, type OrderKind, type ProductInfo } from './networkOrders'
import { TRANSLATABLE_FIELDS, ValueMap } from './valueMaps'

export type RowFormats = { dateFormats: string[]; decimalSeparator: '.' | ',' }

/** Master data the row refers to by code, resolved by the caller (the engine never reads the database). */
export type RowLookups = {
  dealerId(code: string): number | null
  carrierId(code: string): number | null
  ratePlanId(carrierId: number, code: string): number | null
  /** Clients (prospects that became clients) by their client code. */
  clientId(code: string): number | null
  serviceId(code: string): number | null
  /** Network orders: consultants (any participant but the operating company) by code. Absent: none known. */
  consultantId?(code: string): number | null
  /** Network orders: products by code (SKU), active or not, with their price lists. Absent: none known. */
  product?(code: string): ProductInfo | null
  /** Point-of-sale lines: territories (regions) by code. Absent: none known. */
  territoryId?(code: string): number | null
  /** Tickets: ticket queues by code. Absent: none known. */
  ticketQueueId?(code: string): number | null
}

export type RowContext = {
  formats: RowFormats
  lookups: RowLookups
  /** The carrier every row of this file belongs to, when the mapping fixes it. */
  fixedCarrierId: number | null
  /** Its code, to name it when a row's carrier column says another carrier. */
  fixedCarrierCode?: string | null
  /** Point-of-sale lines: the partner (distributor) every row of this file belongs to, when the mapping fixes it. */
  fixedPartnerId?: number | null
  /** The mapping's value translations (none: only the built-in spellings). */
  values?: ValueMap
  /** The file's header text for a field (to name columns in reasons). */
  headerOf(field: string): string
  /** Today, for "not in the future" checks (YYYY-MM-DD). */
  asOf: string
}

export type LineKeys = { mdn: string; iccid: string; imei: string }

export type DealerSaleRow = LineKeys & {
  dealerId: number
  saleDate: string
  carrierId: number
  activationType: ActivationType
  ratePlanId: number
  features: string
  customerAccount: string
}

export type CarrierRecordRow = LineKeys & {
  carrierId: number
  dealerId: number | null
  activationDate: string
  activationType: ActivationType
  ratePlanId: number
  features: string
  customerAccount: string
  lineStatus: LineStatus
  deactivationDate: string | null
  paidActivation: string
  paidFeatures: string
  paidSpiff: string
  /** Activation + features + spiff, exact. */
  paidTotal: string
}

/** A problem with one cell. `unknown` is set when the cell holds a value nothing knows (a translation can fix it). */
export type RowError = { column: string; reason: string; unknown?: { field: string; value: string } }

/** Appended to an unknown value's reason: what the user can do about it. */
export const TRANSLATION_HINT = "add it to the mapping's value translations"

export type RowResult<T> = { ok: true; row: T } | { ok: false; errors: RowError[] }

export type Cells = (field: string) => CellValue | undefined

export const isBlank = (value: CellValue | undefined) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

/** Reads fields one by one, collecting every problem of the row rather than stopping at the first. */
export class RowReader {
  readonly errors: RowError[] = []
  constructor(
    private readonly fields: TargetField[],
    private readonly cells: Cells,
    private readonly ctx: RowContext,
  ) {
    this.values = ctx.values ?? new ValueMap()
  }

  readonly values: ValueMap

  private fail(field: string, reason: string): null {
    this.errors.push({ column: this.ctx.headerOf(field), reason })
    return null
  }

  /** An unknown value: rejected naming the column and the value as the file has it. */
  unknown(field: string, value: string, reason: string): null {
    this.errors.push({ column: this.ctx.headerOf(field), reason: `${reason}: ${TRANSLATION_HINT}`, unknown: { field, value } })
    return null
  }

  private raw(name: string): CellValue | undefined {
    return this.cells(name)
  }

  private required(name: string): boolean {
    return this.fields.find((field) => field.name === name)?.required ?? false
  }

  /** The cell's trimmed text, or null (with an error when the field is required) when blank. */
  text(name: string): string | null {
    if (isBlank(this.raw(name)) && this.required(name)) return this.fail(name, 'is empty')
    return this.optionalText(name)
  }

  /** The cell's trimmed text, or null when blank, even for a required field. */
  optionalText(name: string): string | null {
    const value = this.raw(name)
    if (isBlank(value)) return null
    const parsed = parseText(value ?? null)
    return parsed.ok ? parsed.value : this.fail(name, parsed.reason)
  }

  date(name: string): string | null {
    const value = this.raw(name)
    if (isBlank(value)) return this.required(name) ? this.fail(name, 'is empty') : null
    const parsed = parseDate(value ?? null, { dateFormats: this.ctx.formats.dateFormats })
    if (!parsed.ok) return this.fail(name, parsed.reason)
    if (parsed.value > this.ctx.asOf) return this.fail(name, `${parsed.value} is in the future`)
    return parsed.value
  }

  amount(name: string): string {
    const value = this.raw(name)
    if (isBlank(value)) return '0'
    const parsed = parseDecimal(value ?? null, { decimalSeparator: this.ctx.formats.decimalSeparator })
    if (!parsed.ok) return this.fail(name, parsed.reason) ?? '0'
    const [, decimals = ''] = parsed.value.split('.')
    if (decimals.length > 4) return this.fail(name, `${parsed.value} has more than 4 decimal places`) ?? '0'
    if (parsed.value.replace(/^-/, '').split('.')[0]!.length > 15) return this.fail(name, `${parsed.value} is too large`) ?? '0'
    return parsed.value
  }

  identifier(name: 'mdn' | 'iccid' | 'imei'): string {
    const value = this.raw(name)
    if (isBlank(value)) return ''
    const parsed = parseIdentifier(value ?? null, name)
    return parsed.ok ? parsed.value : (this.fail(name, parsed.reason) ?? '')
  }

  /** One of `options`: the built-in spellings and the mapping's translations of the field are understood too. */
  choice<T extends string>(name: string, options: readonly T[], aliases: Record<string, T> = this.values.aliases<T>(name)): T | null {
    const value = this.raw(name)
    if (isBlank(value)) return this.required(name) ? this.fail(name, 'is empty') : null
    const parsed = parseChoice(value ?? null, options, aliases)
    if (parsed.ok) return parsed.value as T
    const text = parseText(value ?? null)
    return text.ok && name in TRANSLATABLE_FIELDS ? this.unknown(name, text.value, parsed.reason) : this.fail(name, parsed.reason)
  }

  features(name: string): string {
    const text = this.text(name)
    return text ? normalizeFeatures(text.split(/[,;|]/).map((code) => this.values.translate(name, code.trim()))) : ''
  }

  /** Resolves a code (as the mapping translates it) through a lookup; an unknown code is an error naming the value. */
  resolve(name: string, what: string, find: (code: string) => number | null, scope = ''): number | null {
    const value = this.text(name)
    if (value === null) return null
    const id = find(this.values.translate(name, value))
    if (id !== null) return id
    const reason = `unknown ${what} "${value}"${scope}`
    return name in TRANSLATABLE_FIELDS ? this.unknown(name, value, reason) : this.fail(name, reason)
  }

  keys(): LineKeys {
    const keys = { mdn: this.identifier('mdn'), iccid: this.identifier('iccid'), imei: this.identifier('imei') }
    const identifierFailed = this.errors.some((error) =>
      ['mdn', 'iccid', 'imei'].some((field) => error.column === this.ctx.headerOf(field)),
    )
    if (!identifierFailed && keys.mdn === '' && keys.iccid === '' && keys.imei === '') {
      this.fail('iccid', 'is empty, and so are IMEI and MDN: a line needs at least one of them')
    }
    return keys
  }
}

/**
 * The row's carrier. When the mapping fixes the carrier, a carrier column (if mapped) may be empty or name that carrier;
 * a row that names another carrier is rejected, never silently moved to the mapping's.
 */
function carrierOf(reader: RowReader, ctx: RowContext): number | null {
  if (ctx.fixedCarrierId === null) return reader.resolve('carrierCode', 'carrier', ctx.lookups.carrierId)
  const raw = reader.optionalText('carrierCode')
  if (raw === null) return ctx.fixedCarrierId
  const named = reader.resolve('carrierCode', 'carrier', ctx.lookups.carrierId)
  if (named === null || named === ctx.fixedCarrierId) return named
  reader.errors.push({
    column: ctx.headerOf('carrierCode'),
    reason: `"${raw}" is another carrier than this mapping's (${ctx.fixedCarrierCode ?? `carrier #${ctx.fixedCarrierId}`}); import its rows with that carrier's mapping`,
  })
  return null
}

function ratePlanOf(reader: RowReader, ctx: RowContext, carrierId: number | null): number | null {
  if (carrierId === null) return null
  return reader.resolve('ratePlanCode', 'rate plan', (code) => ctx.lookups.ratePlanId(carrierId, code), ' for this carrier')
}

export function readDealerSale(cells: Cells, ctx: RowContext): RowResult<DealerSaleRow> {
  const reader = new RowReader(SOURCE_FIELDS.dealer_sales, cells, ctx)
  const dealerId = reader.resolve('dealerCode', 'dealer', ctx.lookups.dealerId)
  const saleDate = reader.date('saleDate')
  const carrierId = carrierOf(reader, ctx)
  const activationType = reader.choice('activationType', ACTIVATION_TYPES)
  const keys = reader.keys()
  const ratePlanId = ratePlanOf(reader, ctx, carrierId)
  const features = reader.features('features')
  const customerAccount = reader.text('customerAccount') ?? ''
  if (
    reader.errors.length > 0 ||
    dealerId === null ||
    saleDate === null ||
    carrierId === null ||
    activationType === null ||
    ratePlanId === null
  ) {
    return { ok: false, errors: reader.errors }
  }
  return { ok: true, row: { dealerId, saleDate, carrierId, activationType, ...keys, ratePlanId, features, customerAccount } }
}

export function readCarrierRecord(cells: Cells, ctx: RowContext): RowResult<CarrierRecordRow> {
  const reader = new RowReader(SOURCE_FIELDS.carrier_records, cells, ctx)
  const carrierId = carrierOf(reader, ctx)
  const activationDate = reader.date('activationDate')
  const activationType = reader.choice('activationType', ACTIVATION_TYPES)
  const keys = reader.keys()
  const ratePlanId = ratePlanOf(reader, ctx, carrierId)
  const features = reader.features('features')
  const customerAccount = reader.text('customerAccount') ?? ''
  const dealerId = reader.resolve('dealerCode', 'dealer', ctx.lookups.dealerId)
  const deactivationDate = reader.date('deactivationDate')
  const status = reader.choice('lineStatus', LINE_STATUSES)
  const lineStatus: LineStatus = status ?? (deactivationDate ? 'deactivated' : 'active')
  if (deactivationDate !== null && activationDate !== null && deactivationDate < activationDate) {
    reader.errors.push({
      column: ctx.headerOf('deactivationDate'),
      reason: `${deactivationDate} is before the activation date ${activationDate}`,
    })
  }
  if (
    lineStatus === 'deactivated' &&
    deactivationDate === null &&
    !reader.errors.some((e) => e.column === ctx.headerOf('deactivationDate'))
  ) {
    reader.errors.push({ column: ctx.headerOf('deactivationDate'), reason: 'is empty, but the line status says deactivated' })
  }
  const paidActivation = reader.amount('paidActivation')
  const paidFeatures = reader.amount('paidFeatures')
  const paidSpiff = reader.amount('paidSpiff')
  if (reader.errors.length > 0 || carrierId === null || activationDate === null || activationType === null || ratePlanId === null) {
    return { ok: false, errors: reader.errors }
  }
  return {
    ok: true,
    row: {
      carrierId,
      dealerId,
      activationDate,
      activationType,
      ...keys,
      ratePlanId,
      features,
      customerAccount,
      lineStatus,
      deactivationDate,
      paidActivation,
      paidFeatures,
      paidSpiff,
      paidTotal: new D(paidActivation).plus(paidFeatures).plus(paidSpiff).toFixed(),
    },
  }
}

/** An imported billing line is one charge of the billing engine, as the proposal engine defines it. */
export type BillingLineRow = Charge

/** One charge of the billing engine: its client and service by code, and parts that add up to the charge. */
export function readBillingLine(cells: Cells, ctx: RowContext): RowResult<BillingLineRow> {
  const reader = new RowReader(SOURCE_FIELDS.billing_lines, cells, ctx)
  const clientId = reader.resolve('clientCode', 'client', ctx.lookups.clientId)
  const serviceId = reader.resolve('serviceCode', 'service', ctx.lookups.serviceId)
  const chargedOn = reader.date('chargedOn')
  const frequency = reader.choice('frequency', CHARGE_FREQUENCIES, {
    week: 'weekly',
    month: 'monthly',
    fortnightly: 'biweekly',
    'bi-weekly': 'biweekly',
  })
  const charged = reader.amount('charged')
  const commissionable = reader.amount('commissionable')
  const nonCommissionable = reader.amount('nonCommissionable')
  if (reader.errors.length > 0 || clientId === null || serviceId === null || chargedOn === null || frequency === null)
    return { ok: false, errors: reader.errors }
  const row = { clientId, serviceId, chargedOn, frequency, charged, commissionable, nonCommissionable }
  // The billing rules (parts add up to the charge, same sign) are the engine's, stated once.
  const problems = chargeProblems(row)
  if (problems.length > 0)
    return { ok: false, errors: problems.map((problem) => ({ column: ctx.headerOf(problem.field), reason: problem.message })) }
  return { ok: true, row }
}

export function billingLineKey(row: BillingLineRow): string {
  return [row.clientId, row.serviceId, row.chargedOn, row.frequency].join('|')
}

/** The natural key of a fact: the same sale or record in two files (or twice in one) has the same key. */
export function dealerSaleKey(row: DealerSaleRow): string {
  return [row.dealerId, row.carrierId, row.activationType, row.iccid, row.imei, row.mdn, row.saleDate].join('|')
}

export function carrierRecordKey(row: CarrierRecordRow): string {
  return [row.carrierId, row.activationType, row.iccid, row.imei, row.mdn, row.activationDate].join('|')
}

/**
 * An order or return line of a consultant (or of a customer buying through one). Orders carry their price: the unit
 * price (default the consultant price of the product's price list in the line's currency), the discount per unit and
 * the amount with VAT; their volumes are the writer's (a product's rule set may derive them). A return names the order
 * line it returns; its figures are a share of that line's, taken by the writer once it has found it.
 */
export type NetworkOrderRow = {
  orderNumber: string
  line: number
  kind: OrderKind
  bookedOn: string
  consultantId: number
  customer: string
  productId: number
  quantity: number
  currency: string
  unitPrice: string
  discount: string
  /** VAT included, discount deducted; for a return the writer replaces it with its share of the order's. */
  amount: string
  returnOfOrder: string | null
  returnOfLine: number | null
}

/** A whole number above 0 in a numeric column, or null (with the reason) when it is not one. */
export function wholeNumber(reader: RowReader, ctx: RowContext, name: string, cells: Cells): number | null {
  if (isBlank(cells(name))) return null
  const errorsBefore = reader.errors.length
  const text = reader.amount(name)
  if (reader.errors.length > errorsBefore) return null
  const value = new D(text)
  if (!value.isInteger() || value.lte(0) || value.gt(1_000_000_000)) {
    reader.errors.push({ column: ctx.headerOf(name), reason: `${text} is not a whole number above 0` })
    return null
  }
  return value.toNumber()
}

/** A price per unit: a decimal of at least 0, or `fallback` when the cell is blank. */
export function unitAmount(reader: RowReader, ctx: RowContext, name: string, cells: Cells, fallback: string | null): string | null {
  if (isBlank(cells(name))) return fallback
  const errorsBefore = reader.errors.length
  const text = reader.amount(name)
  if (reader.errors.length > errorsBefore) return null
  if (new D(text).isNegative()) {
    reader.errors.push({ column: ctx.headerOf(name), reason: `${text} is negative` })
    return null
  }
  return text
}

export function readNetworkOrder(cells: Cells, ctx: RowContext): RowResult<NetworkOrderRow> {
  const reader = new RowReader(SOURCE_FIELDS.network_orders, cells, ctx)
  const fail = (field: string, reason: string) => reader.errors.push({ column: ctx.headerOf(field), reason })
  const orderNumber = reader.text('orderNumber')
  const line = isBlank(cells('line')) ? (fail('line', 'is empty'), null) : wholeNumber(reader, ctx, 'line', cells)
  const kind: OrderKind | null = isBlank(cells('kind')) ? 'order' : reader.choice('kind', ORDER_KINDS)
  const bookedOn = reader.date('bookedOn')
  const consultantId = reader.resolve('consultantCode', 'consultant', (code) => ctx.lookups.consultantId?.(code) ?? null)
  const customer = reader.text('customer') ?? ''

  const productCode = reader.text('productCode')
  const product = productCode === null ? null : (ctx.lookups.product?.(productCode) ?? null)
  if (productCode !== null && product === null) fail('productCode', `unknown product "${productCode}"`)
  // A return may take back a product no longer sold; a new order may not.
  if (product && !product.active && kind === 'order') fail('productCode', `product ${product.code} is inactive: it cannot be ordered`)

  const quantity = isBlank(cells('quantity')) ? (fail('quantity', 'is empty'), null) : wholeNumber(reader, ctx, 'quantity', cells)

  const currencyText = reader.text('currency')
  let currency: string | null = null
  if (currencyText !== null) {
    const code = currencyText.toUpperCase()
    if (!isCurrencyCode(code)) fail('currency', `"${currencyText}" is not an ISO 4217 currency code (three letters, e.g. USD)`)
    else if (product && !product.prices[code]) {
      const known = Object.keys(product.prices)
      fail('currency', `product ${product.code} has no ${code} price list (${known.length ? `it has ${known.join(', ')}` : 'it has none'})`)
    } else currency = code
  }
  const prices = product && currency ? product.prices[currency] : undefined

  const unitPrice = unitAmount(reader, ctx, 'unitPrice', cells, prices?.consultantPrice ?? null)
  const discount = unitAmount(reader, ctx, 'discount', cells, '0')
  if (unitPrice !== null && discount !== null && new D(discount).gt(unitPrice))
    fail('discount', `${discount} is more than the unit price ${unitPrice}`)

  const returnOfOrder = reader.text('returnOfOrder')
  const returnOfLine = wholeNumber(reader, ctx, 'returnOfLine', cells)
  if (kind === 'order' && (returnOfOrder !== null || returnOfLine !== null)) {
    fail(
      returnOfOrder !== null ? 'returnOfOrder' : 'returnOfLine',
      'an order cannot name a returned order: set the kind to return, or empty this cell',
    )
  }
  if (kind === 'return' && returnOfOrder === null) fail('returnOfOrder', 'is empty: a return names the order it returns')

  if (
    reader.errors.length > 0 ||
    orderNumber === null ||
    line === null ||
    kind === null ||
    bookedOn === null ||
    consultantId === null ||
    product === null ||
    quantity === null ||
    currency === null ||
    prices === undefined ||
    unitPrice === null ||
    discount === null
  ) {
    return { ok: false, errors: reader.errors }
  }
  return {
    ok: true,
    row: {
      orderNumber,
      line,
      kind,
      bookedOn,
      consultantId,
      customer,
      productId: product.id,
      quantity,
      currency,
      unitPrice,
      discount,
      amount: lineAmount({ unitPrice, discount, vatPercent: prices.vatPercent, quantity, currency }),
      returnOfOrder: kind === 'return' ? returnOfOrder : null,
      returnOfLine: kind === 'return' ? (returnOfLine ?? line) : null,
    },
  }
}

/** An order line is known by its order number, line number and kind (an order and its return may share a number). */
export function networkOrderKey(row: NetworkOrderRow): string {
  return [row.orderNumber, row.line, row.kind].join('|')
}

export const READERS = {
  dealer_sales: readDealerSale,
  carrier_records: readCarrierRecord,
  billing_lines: readBillingLine,
  network_orders: readNetworkOrder,
  pos_lines: readPosLine,
  tickets: readTicket,
} satisfies Record<ImportSource, unknown> satisfies Record<ImportSource, unknown>

/**
 * Whether a rejected row does not fit the header at all: fewer than half of the required fields the file has a column
 * for hold a value that reads, or a code or choice that is merely unknown (a total line, a row count, "End of report"
 * under the data). A row with a wrong plan code or a bad date fits: most of its required values are in their place.
 * `mapped` says whether the file has the field's column.
 */
export function doesNotFitHeader(
  source: ImportSource,
  errors: readonly RowError[],
  cells: Cells,
  mapped: (field: string) => boolean,
  headerOf: (field: string) => string,
): boolean {
  const required = SOURCE_FIELDS[source].filter((field) => field.required && mapped(field.name))
  if (required.length === 0) return false
  const failed = new Set(errors.filter((error) => !error.unknown).map((error) => error.column))
  const fitting = required.filter((field) => !isBlank(cells(field.name)) && !failed.has(headerOf(field.name)))
  return fitting.length * 2 < required.length
}

/** Rejection reasons as one line for the rejects workbook: "Sale Date: ... ; Rate Plan: ...". */
export function describeErrors(errors: readonly RowError[]): string {
  return errors.map((error) => `${error.column}: ${error.reason}`).join('; ')
}
