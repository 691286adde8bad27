import { describe, expect, it } from 'vitest'

import { CursorError, decodeCursor, encodeCursor, pageLimit } from '../../../engine/api/cursor'

describe('keyset cursor', () => {
  it('is the base64url of the last id, and decodes back to it', () => {
    // "42" is 0x34 0x32 → base64 "NDI="; base64url drops the padding.
    expect(encodeCursor(42)).toBe('NDI')
    expect(decodeCursor('NDI')).toBe(42)
    // "2147483647" → base64 "MjE0NzQ4MzY0Nw==".
    expect(encodeCursor(2_147_483_647)).toBe('MjE0NzQ4MzY0Nw')
    for (const id of [1, 9, 10, 99_999, 1_000_000, 2_147_483_647]) expect(decodeCursor(encodeCursor(id))).toBe(id)
  })

  it('refuses ids that are not positive integers of the database', () => {
    for (const id of [0, -1, 1.5, 2_147_483_648, Number.NaN]) expect(() => encodeCursor(id)).toThrow(RangeError)
  })

  it('refuses anything it did not give out, naming the parameter', () => {
    const bad = [
      '',
      'NDI=', // padded: not the canonical form
      '!!!',
      'LTE', // "-1"
      'MA', // "0"
      'MDQy', // "042": leading zero
      'YWJj', // "abc"
      'MS41', // "1.5"
      'MjE0NzQ4MzY0OA', // 2147483648: beyond an integer id
      'x'.repeat(40),
    ]
    for (const cursor of bad) {
      expect(() => decodeCursor(cursor, 'after'), cursor).toThrow(CursorError)
      expect(() => decodeCursor(cursor, 'after'), cursor).toThrow(/^after is not a cursor/)
    }
  })

  it('reads the page size: 1 to the maximum, the default when absent', () => {
    expect(pageLimit(undefined, 100, 5000)).toBe(100)
    expect(pageLimit('', 100, 5000)).toBe(100)
    expect(pageLimit('1', 100, 5000)).toBe(1)
    expect(pageLimit('5000', 100, 5000)).toBe(5000)
    expect(pageLimit(250, 100, 5000)).toBe(250)
    for (const raw of ['0', '5001', '-5', '1.5', 'ten', ['1', '2'], {}]) expect(pageLimit(raw, 100, 5000), JSON.stringify(raw)).toBeNull()
  })
})
