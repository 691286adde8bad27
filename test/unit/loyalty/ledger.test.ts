/** Lot consumption: oldest-expiring first, never-expiring last, expired lots skipped, shortages refused. */
import { describe, expect, it } from 'vitest'

import { consumeLots, NotEnoughPoints, returnedShare, spendOrder, type PointsLot } from '../../../engine/loyalty'

const lots: PointsLot[] = [
  { id: 1, remaining: 100, expiresOn: null, earnedOn: '2026-01-01' },
  { id: 2, remaining: 50, expiresOn: '2026-12-31', earnedOn: '2026-02-01' },
  { id: 3, remaining: 30, expiresOn: '2026-06-30', earnedOn: '2026-03-01' },
  { id: 4, remaining: 20, expiresOn: '2026-06-30', earnedOn: '2026-01-15' },
  { id: 5, remaining: 80, expiresOn: '2026-05-31', earnedOn: '2026-01-10' },
]

describe('consumeLots', () => {
  it('takes from the lot expiring first, ties by earliest earned then id, never-expiring last', () => {
    // On 2026-06-01 lot 5 (last day 2026-05-31) has expired: skipped. Order: 4 (06-30, earned 01-15), 3 (06-30,
    // earned 03-01), 2 (12-31), 1 (never). 60 points = 20 from lot 4 + 30 from lot 3 + 10 from lot 2.
    expect(consumeLots(lots, 60, '2026-06-01')).toEqual([
      { lotId: 4, points: 20 },
      { lotId: 3, points: 30 },
      { lotId: 2, points: 10 },
    ])
  })

  it('uses a lot through its last day', () => {
    // On 2026-05-31 lot 5 is still usable and expires first: 70 of its 80 points.
    expect(consumeLots(lots, 70, '2026-05-31')).toEqual([{ lotId: 5, points: 70 }])
  })

  it('reaches the never-expiring lot last', () => {
    // 20 + 30 + 50 = 100 from the dated lots, the other 5 from lot 1.
    expect(consumeLots(lots, 105, '2026-06-01')).toEqual([
      { lotId: 4, points: 20 },
      { lotId: 3, points: 30 },
      { lotId: 2, points: 50 },
      { lotId: 1, points: 5 },
    ])
  })

  it('ties on expiry and earned day go to the lower id', () => {
    const same: PointsLot[] = [
      { id: 9, remaining: 5, expiresOn: '2027-01-01', earnedOn: '2026-01-01' },
      { id: 7, remaining: 5, expiresOn: '2027-01-01', earnedOn: '2026-01-01' },
    ]
    expect(spendOrder(same, '2026-01-02').map((l) => l.id)).toEqual([7, 9])
  })

  it('refuses a spend larger than the usable points, saying held and asked', () => {
    // Usable on 2026-06-01: 100 + 50 + 30 + 20 = 200 (lot 5 expired).
    let caught: unknown
    try {
      consumeLots(lots, 201, '2026-06-01')
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(NotEnoughPoints)
    expect((caught as NotEnoughPoints).held).toBe(200)
    expect((caught as NotEnoughPoints).asked).toBe(201)
    expect((caught as Error).message).toBe('not enough points: 200 held, 201 asked')
  })

  it('refuses fractional or non-positive points', () => {
    expect(() => consumeLots(lots, 1.5, '2026-06-01')).toThrow(/whole positive/)
    expect(() => consumeLots(lots, 0, '2026-06-01')).toThrow(/whole positive/)
  })
})

describe('returnedShare', () => {
  it('takes back points × returned ÷ ordered rounded down, all of them on a full return', () => {
    // 25 points for 3 units, 1 returned: 25 × 1 / 3 = 8.33 → 8.
    expect(returnedShare(25, 1, 3)).toBe(8)
    // 2 returned: 50 / 3 = 16.67 → 16.
    expect(returnedShare(25, 2, 3)).toBe(16)
    expect(returnedShare(25, 3, 3)).toBe(25)
    expect(returnedShare(25, 0, 3)).toBe(0)
  })
})
