import { describe, expect, it } from 'vitest'

import type { CellValue } from '../../../engine/ingest/cells'
import { mappingProblems, standardColumns } from '../../../engine/ingest/fields'
import {
  carrierRecordKey,
  dealerSaleKey,
  readBillingLine,
  readCarrierRecord,
  readDealerSale,
  type RowContext,
} from '../../../engine/ingest/rows'

const ctx = (over: Partial<RowContext> = {}): RowContext => ({
  formats: { dateFormats: ['YYYY-MM-DD', 'MM/DD/YYYY'], decimalSeparator: '.' },
  lookups: {
    dealerId: (code) => ({ 'DLR-1': 11, 'DLR-2': 12 })[code.toUpperCase()] ?? null,
    carrierId: (code) => (code.toUpperCase() === 'VTX' ? 5 : null),
    ratePlanId: (carrier, code) => (carrier === 5 && code.toUpperCase() === 'UNL' ? 50 : null),
    clientId: (code) => (code.toUpperCase() === 'CL-00001' ? 71 : null),
    serviceId: (code) => (code.toUpperCase() === 'MGD-MOB' ? 81 : null),
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
  activationType: 'New',
  mdn: '(212) 555-0100',
  iccid: '8901260123456789012',
  imei: '',
  ratePlanCode: 'unl',
  features: 'intl; hotspot',
  customerAccount: ' A-1 ',
}

describe('a dealer-sales row', () => {
  it('becomes a sale with ids resolved, identifiers as digits, features sorted', () => {
    const result = readDealerSale(cells(SALE), ctx())
    expect(result).toEqual({
      ok: true,
      row: {
        dealerId: 11,
        saleDate: '2026-09-14',
        carrierId: 5,
        activationType: 'new',
        mdn: '2125550100',
        iccid: '8901260123456789012',
        imei: '',
        ratePlanId: 50,
        features: 'HOTSPOT,INTL',
        customerAccount: 'A-1',
      },
    })
  })

  it('collects every problem of the row, each naming its column', () => {
    const result = readDealerSale(
      cells({ ...SALE, dealerCode: 'DLR-9', saleDate: '31/31/2026', ratePlanCode: 'OLD', iccid: Number('8901260123456789012') }),
      ctx(),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => e.column)).toEqual(['<dealerCode>', '<saleDate>', '<iccid>', '<ratePlanCode>'])
    expect(result.errors[0]!.reason).toBe(`unknown dealer "DLR-9": add it to the mapping's value translations`)
    expect(result.errors[3]!.reason).toBe(`unknown rate plan "OLD" for this carrier: add it to the mapping's value translations`)
  })

  it('needs one of ICCID, IMEI or MDN', () => {
    const result = readDealerSale(cells({ ...SALE, mdn: null, iccid: ' ', imei: null }), ctx())
    expect(result).toEqual({
      ok: false,
      errors: [{ column: '<iccid>', reason: 'is empty, and so are IMEI and MDN: a line needs at least one of them' }],
    })
  })

  it('a fixed carrier needs no carrier column; the natural key ignores the customer account', () => {
    const a = readDealerSale(cells({ ...SALE, carrierCode: undefined as never }), ctx({ fixedCarrierId: 5 }))
    const b = readDealerSale(cells({ ...SALE, customerAccount: 'other' }), ctx())
    expect(a.ok && b.ok && dealerSaleKey(a.row) === dealerSaleKey(b.row)).toBe(true)
  })
})

describe('a carrier-records row', () => {
  const RECORD = {
    activationDate: '2026-09-14',
    activationType: 'port in',
    iccid: '8901260123456789012',
    ratePlanCode: 'UNL',
    paidActivation: '1,150.50',
    paidFeatures: '(10.25)',
    paidSpiff: '',
  }

  it('sums paid amounts exactly and defaults the status', () => {
    const result = readCarrierRecord(cells(RECORD), ctx({ fixedCarrierId: 5 }))
    expect(result.ok && result.row).toMatchObject({
      activationType: 'port_in',
      lineStatus: 'active',
      paidActivation: '1150.5',
      paidFeatures: '-10.25',
      paidSpiff: '0',
      paidTotal: '1140.25',
      deactivationDate: null,
    })
  })

  it('a deactivation before activation, or a deactivated line without a date, is refused', () => {
    const early = readCarrierRecord(cells({ ...RECORD, deactivationDate: '2026-09-01' }), ctx({ fixedCarrierId: 5 }))
    expect(early.ok ? [] : early.errors).toEqual([
      { column: '<deactivationDate>', reason: '2026-09-01 is before the activation date 2026-09-14' },
    ])
    const undated = readCarrierRecord(cells({ ...RECORD, lineStatus: 'Disconnected' }), ctx({ fixedCarrierId: 5 }))
    expect(undated.ok ? [] : undated.errors).toEqual([
      { column: '<deactivationDate>', reason: 'is empty, but the line status says deactivated' },
    ])
  })

  it('amounts with more than 4 decimals are refused, not rounded', () => {
    const result = readCarrierRecord(cells({ ...RECORD, paidSpiff: '1.23456' }), ctx({ fixedCarrierId: 5 }))
    expect(result.ok ? [] : result.errors).toEqual([{ column: '<paidSpiff>', reason: '1.23456 has more than 4 decimal places' }])
  })

  it('the natural key is the carrier, type, identifiers and date', () => {
    const result = readCarrierRecord(cells(RECORD), ctx({ fixedCarrierId: 5 }))
    expect(result.ok && carrierRecordKey(result.row)).toBe('5|port_in|8901260123456789012|||2026-09-14')
  })
})

describe('mappings', () => {
  it('the standard mapping of each source is valid', () => {
    expect(mappingProblems('dealer_sales', standardColumns('dealer_sales', false), false)).toEqual([])
    expect(mappingProblems('carrier_records', standardColumns('carrier_records', true), true)).toEqual([])
  })

  it('refuses a mapping that could not import: a missing required field, a field twice, no carrier, no identifier', () => {
    const columns = [
      { field: 'activationDate', header: 'Date' },
      { field: 'activationType', header: 'Type' },
      { field: 'activationType', header: 'Type 2' },
      { field: 'ratePlanCode', header: 'date' },
    ]
    expect(mappingProblems('carrier_records', columns, false)).toEqual([
      '"activationType" is mapped twice',
      'the header "date" is used for two fields',
      'a carrier-records mapping must name its carrier',
      'map at least one of ICCID, IMEI or MDN',
    ])
  })
})

describe('billing lines', () => {
  const cells = (values: Record<string, string>) => (field: string) => values[field]
  const good = {
    clientCode: 'cl-00001',
    serviceCode: 'MGD-MOB',
    chargedOn: '2026-10-07',
    frequency: 'weekly',
    charged: '95.00',
    commissionable: '80.00',
    nonCommissionable: '15.00',
  }

  it('reads a charge whose parts add up to it, client and service by code', () => {
    expect(readBillingLine(cells(good), ctx())).toEqual({
      ok: true,
      row: {
        clientId: 71,
        serviceId: 81,
        chargedOn: '2026-10-07',
        frequency: 'weekly',
        charged: '95',
        commissionable: '80',
        nonCommissionable: '15',
      },
    })
  })

  it('rejects parts that do not add up to the charge, and unknown clients and services, naming the column', () => {
    expect(readBillingLine(cells({ ...good, nonCommissionable: '10.00' }), ctx())).toEqual({
      ok: false,
      errors: [
        {
          column: '<commissionable>',
          reason: 'commissionable 80 + non-commissionable 10 = 90.0000, but the charge is 95 (a difference of 5.0000)',
        },
      ],
    })
    expect(readBillingLine(cells({ ...good, clientCode: 'CL-9', serviceCode: 'NOPE' }), ctx())).toEqual({
      ok: false,
      errors: [
        { column: '<clientCode>', reason: 'unknown client "CL-9"' },
        { column: '<serviceCode>', reason: 'unknown service "NOPE"' },
      ],
    })
  })
})
