import { describe, expect, it } from 'vitest'

import type { CellValue } from '../../../engine/ingest/cells'
import { doesNotFitHeader, readCarrierRecord, readDealerSale, type RowContext } from '../../../engine/ingest/rows'
import { translationProblems, ValueMap } from '../../../engine/ingest/valueMaps'

const ctx = (over: Partial<RowContext> = {}): RowContext => ({
  formats: { dateFormats: ['YYYY-MM-DD'], decimalSeparator: '.' },
  lookups: {
    dealerId: (code) => ({ 'DLR-1': 11 })[code.toUpperCase()] ?? null,
    carrierId: (code) => ({ VTX: 5, TDL: 6 })[code.toUpperCase()] ?? null,
    ratePlanId: (carrier, code) => (carrier === 5 && code.toUpperCase() === 'UNL' ? 50 : null),
    clientId: () => null,
    serviceId: () => null,
  },
  fixedCarrierId: null,
  headerOf: (field) => `<${field}>`,
  asOf: '2026-11-23',
  ...over,
})
const cells = (values: Record<string, CellValue>) => (field: string) => values[field]

const SALE = {
  dealerCode: 'DLR-1',
  saleDate: '2026-09-14',
  carrierCode: 'VTX',
  activationType: 'new',
  mdn: '2125550100',
  ratePlanCode: 'UNL',
}

describe('value translations', () => {
  const values = new ValueMap([
    { field: 'activationType', value: 'GA', means: 'new' },
    { field: 'activationType', value: 'act', means: 'upgrade' }, // overrides the built-in "act" = new
    { field: 'carrierCode', value: 'Vertex', means: 'VTX' },
    { field: 'ratePlanCode', value: '5G Unlimited', means: 'UNL' },
    { field: 'features', value: 'HS', means: 'HOTSPOT' },
    { field: 'dealerCode', value: 'AG-77', means: 'DLR-1' },
  ])

  it("translate a carrier's own words into Accrue's codes and choices, without regard to case or spacing", () => {
    const sale = readDealerSale(
      cells({
        ...SALE,
        dealerCode: 'ag 77',
        carrierCode: 'VERTEX',
        activationType: 'ga',
        ratePlanCode: '5g  unlimited',
        features: 'hs, INTL',
      }),
      ctx({ values }),
    )
    expect(sale).toMatchObject({
      ok: true,
      row: { dealerId: 11, carrierId: 5, activationType: 'new', ratePlanId: 50, features: 'HOTSPOT,INTL' },
    })
  })

  it('extend the built-in spellings, and win over them', () => {
    expect(readDealerSale(cells({ ...SALE, activationType: 'Port In' }), ctx({ values }))).toMatchObject({
      row: { activationType: 'port_in' },
    })
    expect(readDealerSale(cells({ ...SALE, activationType: 'act' }), ctx({ values }))).toMatchObject({ row: { activationType: 'upgrade' } })
    expect(readDealerSale(cells({ ...SALE, activationType: 'act' }), ctx())).toMatchObject({ row: { activationType: 'new' } })
  })

  it("win over a built-in spelling written another way (the mapping's 'Gross Add' over the built-in 'gross_add')", () => {
    const grossAdd = new ValueMap([{ field: 'activationType', value: 'Gross Add', means: 'upgrade' }])
    expect(readDealerSale(cells({ ...SALE, activationType: 'gross_add' }), ctx({ values: grossAdd }))).toMatchObject({
      row: { activationType: 'upgrade' },
    })
    expect(readDealerSale(cells({ ...SALE, activationType: 'gross_add' }), ctx())).toMatchObject({ row: { activationType: 'new' } })
  })

  it('leave an unknown value rejected, naming the column and the value as the file has it', () => {
    const result = readCarrierRecord(
      cells({ activationDate: '2026-09-01', activationType: 'GX', mdn: '2125550100', ratePlanCode: 'Gold', lineStatus: 'Z' }),
      ctx({ values, fixedCarrierId: 5 }),
    )
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          column: '<activationType>',
          reason: `"GX" is not one of: new, upgrade, downgrade, port_in, feature_add: add it to the mapping's value translations`,
          unknown: { field: 'activationType', value: 'GX' },
        },
        {
          column: '<ratePlanCode>',
          reason: `unknown rate plan "Gold" for this carrier: add it to the mapping's value translations`,
          unknown: { field: 'ratePlanCode', value: 'Gold' },
        },
        {
          column: '<lineStatus>',
          reason: `"Z" is not one of: active, suspended, deactivated: add it to the mapping's value translations`,
          unknown: { field: 'lineStatus', value: 'Z' },
        },
      ],
    })
  })

  it('a fixed carrier accepts an empty or matching carrier column and rejects another carrier', () => {
    const fixed = ctx({ fixedCarrierId: 5, fixedCarrierCode: 'VTX', values })
    expect(readDealerSale(cells({ ...SALE, carrierCode: null }), fixed)).toMatchObject({ ok: true, row: { carrierId: 5 } })
    expect(readDealerSale(cells({ ...SALE, carrierCode: 'Vertex' }), fixed)).toMatchObject({ ok: true, row: { carrierId: 5 } })
    expect(readDealerSale(cells({ ...SALE, carrierCode: 'TDL' }), fixed)).toEqual({
      ok: false,
      errors: [
        {
          column: '<carrierCode>',
          reason: `"TDL" is another carrier than this mapping's (VTX); import its rows with that carrier's mapping`,
        },
      ],
    })
  })

  it('are checked when the mapping is saved', () => {
    expect(
      translationProblems('carrier_records', [
        { field: 'lineStatus', value: 'A', means: 'Active' },
        { field: 'lineStatus', value: 'X', means: 'gone' },
        { field: 'carrierCode', value: 'Tidal', means: 'TDL' }, // carrier records have no carrier column
        { field: 'features', value: 'HS', means: '' },
        { field: 'lineStatus', value: 'a', means: 'suspended' },
      ]),
    ).toEqual([
      'value translation 2: Line Status "X" must mean one of active, suspended, deactivated, not "gone"',
      'value translation 3: "carrierCode" is not a field whose values carrier records files can translate',
      'value translation 4: say what "HS" means',
      'value translation 5: Line Status "a" is already translated in row 1',
    ])
  })
})

describe('a row that does not fit the header', () => {
  const mapped = () => true
  const headerOf = (field: string) => `<${field}>`
  const fits = (values: Record<string, CellValue>) => {
    const result = readDealerSale(cells(values), ctx())
    return result.ok ? true : !doesNotFitHeader('dealer_sales', result.errors, cells(values), mapped, headerOf)
  }

  it('is a total, a count or a note: most required values are missing or unreadable', () => {
    expect(fits({ dealerCode: 'Total', ratePlanCode: '1234.00' })).toBe(false)
    expect(fits({ dealerCode: 'End of report' })).toBe(false)
    expect(fits({ saleDate: 'Rows: 12' })).toBe(false)
  })

  it('is not a data row with a wrong code, an unknown value or a bad date', () => {
    expect(fits({ ...SALE, ratePlanCode: 'NOPE' })).toBe(true)
    expect(fits({ ...SALE, dealerCode: 'DLR-9', carrierCode: 'XX', activationType: 'GX' })).toBe(true)
    expect(fits({ ...SALE, saleDate: '14/09/2026' })).toBe(true)
  })
})
