import { describe, expect, it } from 'vitest'

import type { CellValue } from '../../../engine/ingest/cells'
import { directVolumes, lineAmount, overReturn, returnFigures, type ProductInfo } from '../../../engine/ingest/networkOrders'
import { networkOrderKey, readNetworkOrder, type RowContext } from '../../../engine/ingest/rows'

const CREAM: ProductInfo = {
  id: 7,
  code: 'SKU-CREAM',
  active: true,
  prices: {
    USD: { consultantPrice: '20.00', publicPrice: '30.00', vatPercent: '19' },
    JPY: { consultantPrice: '2000', publicPrice: '3000', vatPercent: '10' },
  },
}
const OLD: ProductInfo = {
  id: 8,
  code: 'SKU-OLD',
  active: false,
  prices: { USD: { consultantPrice: '5', publicPrice: '8', vatPercent: '0' } },
}

const ctx = (over: Partial<RowContext> = {}): RowContext => ({
  formats: { dateFormats: ['YYYY-MM-DD'], decimalSeparator: '.' },
  lookups: {
    dealerId: () => null,
    carrierId: () => null,
    ratePlanId: () => null,
    clientId: () => null,
    serviceId: () => null,
    consultantId: (code) => ({ 'CNS-1': 31, 'CNS-2': 32 })[code.toUpperCase()] ?? null,
    product: (code) => [CREAM, OLD].find((p) => p.code === code.toUpperCase()) ?? null,
  },
  fixedCarrierId: null,
  headerOf: (field) => `<${field}>`,
  asOf: '2026-11-30',
  ...over,
})

const ORDER = {
  orderNumber: 'SO-1',
  line: 2,
  bookedOn: '2026-11-03',
  consultantCode: 'cns-1',
  productCode: 'SKU-CREAM',
  quantity: 3,
  currency: 'usd',
}
const cells = (values: Record<string, CellValue>) => (field: string) => values[field]
const read = (values: Record<string, CellValue>, over: Partial<RowContext> = {}) => readNetworkOrder(cells(values), ctx(over))
const errors = (values: Record<string, CellValue>) => {
  const result = read(values)
  return result.ok ? [] : result.errors.map((e) => `${e.column}: ${e.reason}`)
}

describe('reading a network order line', () => {
  it('an order defaults to the consultant price and no discount, and its amount includes VAT', () => {
    const result = read(ORDER)
    // 20.00 × 1.19 × 3 = 71.40
    expect(result).toEqual({
      ok: true,
      row: {
        orderNumber: 'SO-1',
        line: 2,
        kind: 'order',
        bookedOn: '2026-11-03',
        consultantId: 31,
        customer: '',
        productId: 7,
        quantity: 3,
        currency: 'USD',
        unitPrice: '20.00',
        discount: '0',
        amount: '71.40',
        returnOfOrder: null,
        returnOfLine: null,
      },
    })
    expect(result.ok && networkOrderKey(result.row)).toBe('SO-1|2|order')
  })

  it('a price and discount given are charged: (19.99 − 2.50) × 1.19 × 3 = 62.439 → 62.44', () => {
    const result = read({ ...ORDER, unitPrice: '19.99', discount: 2.5 })
    expect(result.ok && [result.row.unitPrice, result.row.discount, result.row.amount]).toEqual(['19.99', '2.5', '62.44'])
  })

  it('decimal commas are read under a comma mapping', () => {
    const ok = read(
      { ...ORDER, bookedOn: '03/11/2026', unitPrice: '19,99', discount: '2,50' },
      { formats: { dateFormats: ['DD/MM/YYYY'], decimalSeparator: ',' } },
    )
    expect(ok.ok && [ok.row.bookedOn, ok.row.amount]).toEqual(['2026-11-03', '62.44'])
  })

  it('a yen order rounds to whole yen', () => {
    const result = read({ ...ORDER, quantity: 1, currency: 'JPY', unitPrice: '1999.5' })
    // 1999.5 × 1.1 = 2199.45 → 2199 (half-even to 0 decimals)
    expect(result.ok && result.row.amount).toBe('2199')
  })

  it('every bad field is named by its column, all at once', () => {
    expect(
      errors({
        ...ORDER,
        consultantCode: 'CNS-9',
        productCode: 'SKU-NONE',
        quantity: 1.5,
        currency: 'US',
        line: 0,
        bookedOn: '2026-12-24',
      }),
    ).toEqual([
      '<line>: 0 is not a whole number above 0',
      '<bookedOn>: 2026-12-24 is in the future',
      '<consultantCode>: unknown consultant "CNS-9"',
      '<productCode>: unknown product "SKU-NONE"',
      '<quantity>: 1.5 is not a whole number above 0',
      '<currency>: "US" is not an ISO 4217 currency code (three letters, e.g. USD)',
    ])
  })

  it('a currency the product has no price list for, a negative quantity, a discount above the price', () => {
    expect(errors({ ...ORDER, currency: 'EUR', quantity: -2 })).toEqual([
      '<quantity>: -2 is not a whole number above 0',
      '<currency>: product SKU-CREAM has no EUR price list (it has USD, JPY)',
    ])
    expect(errors({ ...ORDER, unitPrice: '10', discount: '12' })).toEqual(['<discount>: 12 is more than the unit price 10'])
  })

  it('an inactive product cannot be ordered, but it can be returned', () => {
    expect(errors({ ...ORDER, productCode: 'SKU-OLD' })).toEqual(['<productCode>: product SKU-OLD is inactive: it cannot be ordered'])
    expect(read({ ...ORDER, productCode: 'SKU-OLD', kind: 'return', returnOfOrder: 'SO-0' }).ok).toBe(true)
  })

  it('a return names its order (its line defaults to its own); an order naming a returned order is refused', () => {
    const result = read({ ...ORDER, orderNumber: 'RT-1', kind: 'Return', returnOfOrder: 'SO-1' })
    expect(result.ok && [result.row.kind, result.row.returnOfOrder, result.row.returnOfLine]).toEqual(['return', 'SO-1', 2])
    const other = read({ ...ORDER, kind: 'return', returnOfOrder: 'SO-1', returnOfLine: '1' })
    expect(other.ok && other.row.returnOfLine).toBe(1)
    expect(errors({ ...ORDER, kind: 'return' })).toEqual(['<returnOfOrder>: is empty: a return names the order it returns'])
    expect(errors({ ...ORDER, returnOfOrder: 'SO-0' })).toEqual([
      '<returnOfOrder>: an order cannot name a returned order: set the kind to return, or empty this cell',
    ])
    expect(errors({ ...ORDER, kind: 'gift' })[0]).toMatch(/^<kind>: /)
  })

  it('required fields left empty are each named', () => {
    expect(errors({})).toEqual([
      '<orderNumber>: is empty',
      '<line>: is empty',
      '<bookedOn>: is empty',
      '<consultantCode>: is empty',
      '<productCode>: is empty',
      '<quantity>: is empty',
      '<currency>: is empty',
    ])
  })
})

describe('order line arithmetic', () => {
  it('direct volumes are per unit times the quantity, to the hundredth, half-even', () => {
    expect(directVolumes({ qualifyingVolume: '12.345', commissionableVolume: '10.125' }, 1)).toEqual({
      qualifyingVolume: '12.34',
      commissionableVolume: '10.12',
    })
    expect(directVolumes({ qualifyingVolume: '12.5', commissionableVolume: '10' }, 3)).toEqual({
      qualifyingVolume: '37.50',
      commissionableVolume: '30.00',
    })
  })

  it('the amount is (price − discount) × (1 + VAT) × quantity in minor units', () => {
    expect(lineAmount({ unitPrice: '10.005', discount: '0', vatPercent: '0', quantity: 1, currency: 'USD' })).toBe('10.00')
    expect(lineAmount({ unitPrice: '1.234', discount: '0', vatPercent: '0', quantity: 1, currency: 'KWD' })).toBe('1.234')
  })

  it('a return takes back its share of the order line, negative: 1 of 3 units of 71.40 / VQ 37.50 / VC 30.00', () => {
    expect(
      returnFigures({ quantity: 3, amount: '71.40', qualifyingVolume: '37.50', commissionableVolume: '30.00', currency: 'USD' }, 1),
    ).toEqual({
      amount: '-23.80',
      qualifyingVolume: '-12.50',
      commissionableVolume: '-10.00',
    })
    // 2 of 3 of 10.00 = 6.666… → 6.67
    expect(returnFigures({ quantity: 3, amount: '10.00', qualifyingVolume: '10', commissionableVolume: '0', currency: 'USD' }, 2)).toEqual({
      amount: '-6.67',
      qualifyingVolume: '-6.67',
      commissionableVolume: '0.00',
    })
  })

  it('a return larger than what is left of the order line is named with both counts', () => {
    expect(overReturn(3, { orderNumber: 'SO-1', line: 2, quantity: 2 }, 1)).toBe(
      'return of 3 units is larger than order SO-1 line 2 (2 units, 1 returned before)',
    )
    expect(overReturn(1, { orderNumber: 'SO-1', line: 2, quantity: 2 }, 1)).toBeNull()
  })
})

describe('returns line by line', () => {
  it('take back exactly the order line, however it is split: 3.33, 3.34, 3.33', async () => {
    // Each return is the figures of the units returned so far less those before it: 10 × 1/3 = 3.33; 10 × 2/3 = 6.67,
    // less 3.33 = 3.34; 10.00 less 6.67 = 3.33. VC 7.00: 2.33, 4.67 − 2.33 = 2.34, 7.00 − 4.67 = 2.33.
    const { returnFigures } = await import('../../../engine/ingest/networkOrders')
    const order = { quantity: 3, amount: '10.00', qualifyingVolume: '10.00', commissionableVolume: '7.00', currency: 'USD' }
    const parts = [0, 1, 2].map((before) => returnFigures(order, 1, before))
    expect(parts.map((p) => p.amount)).toEqual(['-3.33', '-3.34', '-3.33'])
    expect(parts.map((p) => p.qualifyingVolume)).toEqual(['-3.33', '-3.34', '-3.33'])
    expect(parts.map((p) => p.commissionableVolume)).toEqual(['-2.33', '-2.34', '-2.33'])
    expect(returnFigures(order, 3).amount).toBe('-10.00')
  })
})
