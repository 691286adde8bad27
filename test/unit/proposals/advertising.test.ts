import { describe, expect, it } from 'vitest'

import {
  advertisingDeductions,
  programProblems,
  type AdvertisingPayout,
  type AdvertisingProgram,
} from '../../../engine/proposals/advertising'

const national: AdvertisingProgram = { id: 1, kind: 'national', territoryId: null, percent: '5', name: 'National TV' }
const west: AdvertisingProgram = { id: 2, kind: 'territory', territoryId: 3, percent: '2.5', name: 'West radio' }
const east: AdvertisingProgram = { id: 3, kind: 'territory', territoryId: 4, percent: '1', name: 'East print' }

describe('advertisingDeductions', () => {
  it('takes national advertising from everyone and territory advertising only from its territory', () => {
    const payouts: AdvertisingPayout[] = [
      { participantId: 7, territoryId: 3, amount: '1000.00' },
      { participantId: 8, territoryId: 4, amount: '100.10' },
      { participantId: 9, territoryId: null, amount: '250.00' },
    ]
    expect(advertisingDeductions(payouts, [national, west, east], 'USD')).toEqual([
      { participantId: 7, programId: 1, amount: '-50.0000', base: '1000.0000' },
      { participantId: 7, programId: 2, amount: '-25.0000', base: '1000.0000' },
      { participantId: 8, programId: 1, amount: '-5.0000', base: '100.1000' }, // 5.005: tie, to the even 5.00
      { participantId: 8, programId: 3, amount: '-1.0000', base: '100.1000' }, // 1.001 → 1.00
      { participantId: 9, programId: 1, amount: '-12.5000', base: '250.0000' },
    ])
  })

  it('deducts every program from the same base, not from what the previous one left', () => {
    const rows = advertisingDeductions([{ participantId: 7, territoryId: 3, amount: '1000.00' }], [west, national], 'USD')
    expect(rows.map((r) => [r.programId, r.amount, r.base])).toEqual([
      [2, '-25.0000', '1000.0000'],
      [1, '-50.0000', '1000.0000'], // not 5% of 975.00 = 48.75
    ])
  })

  it('takes nothing from a zero or negative payout', () => {
    const payouts: AdvertisingPayout[] = [
      { participantId: 10, territoryId: 3, amount: '0.00' },
      { participantId: 11, territoryId: 3, amount: '-40.00' },
    ]
    expect(advertisingDeductions(payouts, [national, west], 'USD')).toEqual([])
  })

  it('leaves out a deduction that rounds to zero', () => {
    // 5% of 0.01 is 0.0005 and 2.5% is 0.00025; 5% of 0.10 is 0.005, a tie rounded to the even 0.00.
    expect(advertisingDeductions([{ participantId: 7, territoryId: 3, amount: '0.01' }], [national, west], 'USD')).toEqual([])
    expect(advertisingDeductions([{ participantId: 7, territoryId: 3, amount: '0.10' }], [national, west], 'USD')).toEqual([])
    // 5% of 0.30 is 0.015, to the even 0.02; 2.5% is 0.0075, 0.01.
    expect(advertisingDeductions([{ participantId: 7, territoryId: 3, amount: '0.30' }], [national, west], 'USD')).toEqual([
      { participantId: 7, programId: 1, amount: '-0.0200', base: '0.3000' },
      { participantId: 7, programId: 2, amount: '-0.0100', base: '0.3000' },
    ])
  })

  it('rounds with the mode asked for', () => {
    const payout = [{ participantId: 8, territoryId: null, amount: '100.10' }]
    expect(advertisingDeductions(payout, [national], 'USD', 'half-even')[0]?.amount).toBe('-5.0000')
    expect(advertisingDeductions(payout, [national], 'USD', 'half-up')[0]?.amount).toBe('-5.0100')
    expect(advertisingDeductions([{ participantId: 8, territoryId: null, amount: '100.30' }], [national], 'USD', 'down')[0]?.amount).toBe(
      '-5.0100',
    ) // 5.015 → 5.01
    expect(advertisingDeductions([{ participantId: 8, territoryId: null, amount: '100.30' }], [national], 'USD')[0]?.amount).toBe('-5.0200') // 5.015 → 5.02
  })

  it("rounds to the currency's minor unit", () => {
    expect(advertisingDeductions([{ participantId: 7, territoryId: null, amount: '1001' }], [national], 'JPY')).toEqual([
      { participantId: 7, programId: 1, amount: '-50.0000', base: '1001.0000' }, // 50.05 → 50
    ])
  })

  it('refuses programs covering one payout that total more than 100%', () => {
    const heavy = { ...west, percent: '96' }
    expect(() => advertisingDeductions([{ participantId: 7, territoryId: 3, amount: '10.00' }], [national, heavy], 'USD')).toThrow(
      'participant #7 would give 101% of the payout to advertising (National TV 5%, West radio 96%): the programs covering one payout may total at most 100%',
    )
    expect(advertisingDeductions([{ participantId: 8, territoryId: 4, amount: '10.00' }], [national, heavy], 'USD')).toEqual([
      { participantId: 8, programId: 1, amount: '-0.5000', base: '10.0000' },
    ])
  })

  it('refuses an invalid program and a payout that is not a number', () => {
    expect(() => advertisingDeductions([], [{ ...west, territoryId: null }], 'USD')).toThrow(
      'advertising program #2 (West radio) cannot be applied: a territory program needs a territory',
    )
    expect(() => advertisingDeductions([{ participantId: 7, territoryId: 3, amount: '1,000.00' }], [national], 'USD')).toThrow(
      'payout of participant #7: amount "1,000.00" is not a number',
    )
  })
})

describe('programProblems', () => {
  it('accepts a percentage above 0 up to 100', () => {
    expect(programProblems(national)).toEqual([])
    expect(programProblems(west)).toEqual([])
    expect(programProblems({ ...national, percent: '100' })).toEqual([])
    expect(programProblems({ ...national, percent: '0.01' })).toEqual([])
  })

  it.each(['0', '-1', '100.01'])('refuses a percentage of %s', (percent) => {
    expect(programProblems({ ...national, percent })).toEqual([
      { field: 'percent', message: `the percentage must be more than 0 and at most 100 (got ${percent})` },
    ])
  })

  it('refuses a percentage that is not a number', () => {
    expect(programProblems({ ...national, percent: '5%' })).toEqual([{ field: 'percent', message: 'percent "5%" is not a number' }])
  })

  it('a territory program needs a territory; a national one must not name one', () => {
    expect(programProblems({ ...west, territoryId: null })).toEqual([
      { field: 'territoryId', message: 'a territory program needs a territory' },
    ])
    expect(programProblems({ ...national, territoryId: 3 })).toEqual([
      { field: 'territoryId', message: 'a national program covers every territory: leave the territory empty' },
    ])
  })

  it('needs a name and a known kind', () => {
    expect(programProblems({ ...national, name: '  ', kind: 'regional' as 'national' })).toEqual([
      { field: 'name', message: 'an advertising program needs a name' },
      { field: 'kind', message: '"regional" is not an advertising kind (national or territory)' },
    ])
  })
})
