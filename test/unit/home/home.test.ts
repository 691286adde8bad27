import { describe, expect, it } from 'vitest'

import { capabilities } from '../../../collections'
import { AGE_BUCKETS, createdWithin, headlines, itemsFor, listQuery, NAV_GROUPS, type HomeItem } from '../../../engine/home'

const item = (key: string, group: HomeItem['group'], roles?: string[]): HomeItem => ({
  key,
  label: key,
  group,
  collection: 'imports',
  where: () => ({}),
  roles,
})

describe('operations home: items', () => {
  it('keeps items for the roles that may see them, ordered by navigation group then declaration', () => {
    const items = [item('sys', 'System'), item('pay', 'Pay', ['finance']), item('data-1', 'Data in'), item('data-2', 'Data in')]
    expect(itemsFor(items, ['company_admin'], NAV_GROUPS).map((i) => i.key)).toEqual(['data-1', 'data-2', 'sys'])
    expect(itemsFor(items, ['finance'], NAV_GROUPS).map((i) => i.key)).toEqual(['data-1', 'data-2', 'pay', 'sys'])
  })

  it('bounds the age buckets by whole days before today, with no gap and no overlap', () => {
    const [week, month, older] = AGE_BUCKETS.map((bucket) => createdWithin(bucket, '2026-12-06'))
    expect(week).toEqual({ createdAt: { greater_than_equal: '2026-11-29' } })
    expect(month).toEqual({ createdAt: { greater_than_equal: '2026-11-06', less_than: '2026-11-29' } })
    expect(older).toEqual({ createdAt: { less_than: '2026-11-06' } })
  })

  it("writes a filter in the bracket form Payload's list view reads", () => {
    expect(listQuery({ status: { equals: 'open' }, owner: { equals: 7 } }, 'createdAt')).toBe(
      'where%5Bstatus%5D%5Bequals%5D=open&where%5Bowner%5D%5Bequals%5D=7&sort=createdAt',
    )
    expect(decodeURIComponent(listQuery({ and: [{ status: { in: ['on_hold', 'error'] } }] }))).toBe(
      'where[and][0][status][in][0]=on_hold&where[and][0][status][in][1]=error',
    )
  })

  it('every capability item names a navigation group and a collection of that capability', () => {
    for (const capability of capabilities) {
      const slugs = capability.collections.map((c) => c.slug)
      for (const homeItem of capability.home ?? []) {
        expect(NAV_GROUPS).toContain(homeItem.group)
        expect(slugs, homeItem.key).toContain(homeItem.collection)
      }
    }
  })

  it('every collection sits in one of the job groups', () => {
    for (const collection of capabilities.flatMap((c) => c.collections))
      expect(NAV_GROUPS, collection.slug).toContain(collection.admin?.group)
  })
})

describe('operations home: headline figures', () => {
  it('compares this month with the last, per currency, never summing currencies', () => {
    const rows = [
      { month: '2026-11', currency: 'USD', amount: '100.10' },
      { month: '2026-11', currency: 'USD', amount: '0.20' },
      { month: '2026-12', currency: 'USD', amount: '80.05' },
      { month: '2026-12', currency: 'EUR', amount: '5' },
      { month: '2025-01', currency: 'USD', amount: '999' },
    ]
    const [eur, usd] = headlines('paid', 'Paid', rows, ['2026-10', '2026-11', '2026-12'])
    expect(usd).toMatchObject({ current: 'USD 80.05', previous: 'USD 100.30', change: 'USD -20.25', direction: 'down' })
    expect(usd!.months.map((m) => m.amount)).toEqual(['0.00', '100.30', '80.05'])
    expect(eur).toMatchObject({ current: 'EUR 5.00', previous: 'EUR 0.00', direction: 'up' })
  })

  it('shows a zero figure in USD when nothing was paid', () => {
    expect(headlines('paid', 'Paid', [], ['2026-12'])).toMatchObject([{ currency: 'USD', current: 'USD 0.00', direction: 'flat' }])
  })
})
