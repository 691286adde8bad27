/**
 * The points ledger's arithmetic: which lots a spend takes its points from. Points are whole numbers; a spend takes
 * from the lot that expires first (lots that never expire last; ties: earliest earned, then lowest id), and never
 * from a lot that expired before `today`.
 */

/** An earn lot and what is left of it. `expiresOn` is the last day its points can be used (null: never). */
export type PointsLot = { id: number; remaining: number; expiresOn: string | null; earnedOn: string }

/** Points taken from one lot. */
export type LotTake = { lotId: number; points: number }

/** A spend larger than what the holder can use today: how many points are held (usable) and how many were asked. */
export class NotEnoughPoints extends Error {
  constructor(
    readonly held: number,
    readonly asked: number,
  ) {
    super(`not enough points: ${held} held, ${asked} asked`)
    this.name = 'NotEnoughPoints'
  }
}

/** True when `points` is a whole, positive, safe number of points. */
export function isWholePoints(points: unknown): points is number {
  return typeof points === 'number' && Number.isSafeInteger(points) && points > 0
}

/** A lot is usable on `today` when it has points left and its last usable day is not before today. */
export function isUsable(lot: PointsLot, today: string): boolean {
  return lot.remaining > 0 && (lot.expiresOn === null || lot.expiresOn >= today)
}

/** The usable lots in the order a spend takes them: earliest expiry first, never-expiring last, then earned, then id. */
export function spendOrder(lots: readonly PointsLot[], today: string): PointsLot[] {
  return lots
    .filter((lot) => isUsable(lot, today))
    .sort((a, b) => {
      if (a.expiresOn !== b.expiresOn) {
        if (a.expiresOn === null) return 1
        if (b.expiresOn === null) return -1
        return a.expiresOn < b.expiresOn ? -1 : 1
      }
      if (a.earnedOn !== b.earnedOn) return a.earnedOn < b.earnedOn ? -1 : 1
      return a.id - b.id
    })
}

/** The points usable on `today`: the sum of what is left of the lots that have not expired. */
export function usablePoints(lots: readonly PointsLot[], today: string): number {
  return lots.filter((lot) => isUsable(lot, today)).reduce((sum, lot) => sum + lot.remaining, 0)
}

/**
 * Which lots pay for `points` on `today`, oldest-expiring first; throws NotEnoughPoints (held = usable points) when
 * the lots do not cover it. `points` must be whole and positive.
 */
export function consumeLots(lots: readonly PointsLot[], points: number, today: string): LotTake[] {
  if (!isWholePoints(points)) throw new RangeError(`points: ${String(points)} is not a whole positive number of points`)
  const held = usablePoints(lots, today)
  if (held < points) throw new NotEnoughPoints(held, points)
  const takes: LotTake[] = []
  let left = points
  for (const lot of spendOrder(lots, today)) {
    if (left === 0) break
    const take = Math.min(lot.remaining, left)
    takes.push({ lotId: lot.id, points: take })
    left -= take
  }
  return takes
}

/**
 * The share of a line's earned points a return takes back: points × returned ÷ ordered, rounded DOWN (the holder
 * keeps a fraction of a point rather than losing one it earned on the units kept); a full return takes every point.
 */
export function returnedShare(earned: number, returnedQuantity: number, orderedQuantity: number): number {
  if (orderedQuantity <= 0 || earned <= 0 || returnedQuantity <= 0) return 0
  if (returnedQuantity >= orderedQuantity) return earned
  return Math.floor((earned * returnedQuantity) / orderedQuantity)
}
