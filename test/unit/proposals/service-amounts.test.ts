import { describe, expect, it } from 'vitest'

import { serviceAmounts } from '../../../engine/proposals/serviceAmounts'

describe('what a proposal\u2019s services come to', () => {
  it('sums price × quantity per currency and billing frequency, never adding weekly to monthly', () => {
    expect(
      serviceAmounts([
        { price: '450.00', quantity: 2, currency: 'USD', frequency: 'monthly' },
        { price: '95.00', quantity: 3, currency: 'USD', frequency: 'weekly' },
        { price: '250.005', quantity: 1, currency: 'USD', frequency: 'monthly' },
        { price: '180.00', quantity: 1, currency: 'EUR', frequency: 'biweekly' },
      ]),
    ).toEqual(['USD 1,150.00 monthly', 'USD 285.00 weekly', 'EUR 180.00 biweekly']) // 1,150.005 shown half-even
  })

  it('skips a line without a price rather than counting it as zero', () => {
    expect(serviceAmounts([{ price: null, quantity: 4, currency: 'USD', frequency: 'monthly' }])).toEqual([])
  })
})
