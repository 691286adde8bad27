/**
 * Point-of-sale (sell-through) rows: a distributor's or reseller's invoice lines to its customers. Read like every
 * source (each problem named by column); the partner comes from the row or from the mapping (a distributor's own
 * layout), never both disagreeing.
 */
import { D } from '../core/decimal'
import { isCurrencyCode } from '../core/money'
import { isBlank, RowReader, unitAmount, wholeNumber, type Cells, type RowContext, type RowResult } from './rows'
import { SOURCE_FIELDS } from './fields'

export type PosLineRow = {
  partnerId: number
  invoiceNumber: string
  invoiceLine: number
  soldOn: string
  endCustomer: string
  productId: number
  quantity: number
  currency: string
  unitPrice: string
  unitCost: string | null
  regionId: number | null
  dealNumber: string | null
}

export function readPosLine(cells: Cells, ctx: RowContext): RowResult<PosLineRow> {
  const reader = new RowReader(SOURCE_FIELDS.pos_lines, cells, ctx)
  const fail = (field: string, reason: string) => reader.errors.push({ column: ctx.headerOf(field), reason })
  const fixed = ctx.fixedPartnerId ?? null
  let partnerId: number | null = null
  if (isBlank(cells('partnerCode'))) {
    if (fixed === null) fail('partnerCode', 'is empty')
    else partnerId = fixed
  } else {
    partnerId = reader.resolve('partnerCode', 'partner', (code) => ctx.lookups.consultantId?.(code) ?? null)
    if (partnerId !== null && fixed !== null && partnerId !== fixed) {
      fail('partnerCode', "is another partner than this mapping's: import its rows with that partner's mapping")
      partnerId = null
    }
  }
  const invoiceNumber = reader.text('invoiceNumber')
  const invoiceLine = isBlank(cells('invoiceLine'))
    ? (fail('invoiceLine', 'is empty'), null)
    : wholeNumber(reader, ctx, 'invoiceLine', cells)
  const soldOn = reader.date('soldOn')
  if (soldOn !== null && soldOn > ctx.asOf) fail('soldOn', `${soldOn} is in the future`)
  const endCustomer = reader.text('endCustomer')
  // A distributor's own part numbers are translated by its mapping's value translations.
  const productId = reader.resolve('productCode', 'SKU', (code) => ctx.lookups.product?.(code)?.id ?? null)
  const quantity = isBlank(cells('quantity')) ? (fail('quantity', 'is empty'), null) : wholeNumber(reader, ctx, 'quantity', cells)
  if (quantity !== null && quantity < 1) fail('quantity', `${quantity} is not a sale: a whole number above 0`)
  const currencyText = reader.text('currency')
  let currency: string | null = null
  if (currencyText !== null) {
    const code = currencyText.toUpperCase()
    if (isCurrencyCode(code)) currency = code
    else fail('currency', `"${currencyText}" is not an ISO 4217 currency code (three letters, e.g. USD)`)
  }
  const unitPrice = isBlank(cells('unitPrice')) ? (fail('unitPrice', 'is empty'), null) : unitAmount(reader, ctx, 'unitPrice', cells, null)
  if (unitPrice !== null && new D(unitPrice).isZero()) fail('unitPrice', 'is 0: a sale has a price')
  const unitCost = unitAmount(reader, ctx, 'unitCost', cells, null)
  const regionCode = reader.optionalText('regionCode')
  const regionId = regionCode === null ? null : reader.resolve('regionCode', 'region', (code) => ctx.lookups.territoryId?.(code) ?? null)
  const dealNumber = reader.optionalText('dealNumber')
  if (
    reader.errors.length > 0 ||
    partnerId === null ||
    invoiceNumber === null ||
    invoiceLine === null ||
    soldOn === null ||
    endCustomer === null ||
    productId === null ||
    quantity === null ||
    currency === null ||
    unitPrice === null
  ) {
    return { ok: false, errors: reader.errors }
  }
  return {
    ok: true,
    row: {
      partnerId,
      invoiceNumber,
      invoiceLine,
      soldOn,
      endCustomer,
      productId,
      quantity,
      currency,
      unitPrice,
      unitCost,
      regionId,
      dealNumber: dealNumber === null ? null : dealNumber.toUpperCase(),
    },
  }
}

/** A point-of-sale line is known by its partner, invoice number and invoice line. */
export function posLineKey(row: Pick<PosLineRow, 'partnerId' | 'invoiceNumber' | 'invoiceLine'>): string {
  return [row.partnerId, row.invoiceNumber.toUpperCase(), row.invoiceLine].join('|')
}
