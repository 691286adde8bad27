import { describe, expect, it } from 'vitest'

import { priceLine, versionInForce, type ScheduleVersion } from '../../../engine/telecom/pricing'
import { scheduleLineProblems } from '../../../engine/telecom/schedule'

const UNL = 1
const ESS = 2

const v1: ScheduleVersion = {
  id: 10,
  version: 1,
  effectiveFrom: '2026-01-01',
  currency: 'USD',
  lines: [
    { kind: 'activation', activationType: 'new', ratePlanId: null, featureCode: null, amount: '100.00' },
    { kind: 'activation', activationType: 'new', ratePlanId: UNL, featureCode: null, amount: '150.00' },
    { kind: 'activation', activationType: null, ratePlanId: ESS, featureCode: null, amount: '60.00' },
    { kind: 'activation', activationType: 'port_in', ratePlanId: null, featureCode: null, amount: '175.00' },
    { kind: 'feature', activationType: null, ratePlanId: null, featureCode: 'HOTSPOT', amount: '20.00' },
    { kind: 'feature', activationType: null, ratePlanId: UNL, featureCode: 'HOTSPOT', amount: '22.50' },
    { kind: 'spiff', activationType: 'port_in', ratePlanId: UNL, featureCode: null, amount: '50.00' },
  ],
}
const v2: ScheduleVersion = {
  ...v1,
  id: 11,
  version: 2,
  effectiveFrom: '2026-10-01',
  lines: [{ kind: 'activation', activationType: 'new', ratePlanId: null, featureCode: null, amount: '110.00' }],
}

describe('payout schedule versions', () => {
  it('a line is priced with the version in force on its date, never a later one', () => {
    expect(versionInForce([v1, v2], '2025-12-31')).toBeNull()
    expect(versionInForce([v2, v1], '2026-09-30')?.id).toBe(10)
    expect(versionInForce([v1, v2], '2026-10-01')?.id).toBe(11)
  })

  it('the most specific line wins: plan and type, then plan, then type, then any', () => {
    expect(priceLine(v1, { ratePlanId: UNL, activationType: 'new', features: [] }).activation).toBe('150.0000')
    expect(priceLine(v1, { ratePlanId: 99, activationType: 'new', features: [] }).activation).toBe('100.0000')
    expect(priceLine(v1, { ratePlanId: ESS, activationType: 'new', features: [] }).activation).toBe('60.0000')
    expect(priceLine(v1, { ratePlanId: 99, activationType: 'upgrade', features: [] }).activation).toBe('0.0000')
  })

  it('features and spiffs add up exactly; unknown features are reported and count zero', () => {
    const priced = priceLine(v1, { ratePlanId: UNL, activationType: 'port_in', features: ['HOTSPOT', 'INTL'] })
    expect(priced).toEqual({
      scheduleVersionId: 10,
      activation: '175.0000',
      spiff: '50.0000',
      features: '22.5000',
      total: '247.5000',
      unpricedFeatures: ['INTL'],
    })
  })

  it('no version in force prices nothing and says which features went unpriced', () => {
    expect(priceLine(null, { ratePlanId: UNL, activationType: 'new', features: ['HOTSPOT'] })).toMatchObject({
      scheduleVersionId: null,
      total: '0.0000',
      unpricedFeatures: ['HOTSPOT'],
    })
  })

  it('a schedule refuses feature lines without a code, codes on other lines, foreign plans and doubled lines', () => {
    const problems = scheduleLineProblems(
      [
        { kind: 'feature', activationType: null, ratePlanId: null, featureCode: null, amount: '1' },
        { kind: 'activation', activationType: 'new', ratePlanId: null, featureCode: 'X', amount: '1' },
        { kind: 'activation', activationType: 'new', ratePlanId: 77, featureCode: null, amount: '1' },
        { kind: 'spiff', activationType: 'new', ratePlanId: UNL, featureCode: null, amount: '1' },
        { kind: 'spiff', activationType: 'new', ratePlanId: UNL, featureCode: null, amount: '2' },
      ],
      new Set([UNL, ESS]),
    )
    expect(problems.map((p) => [p.index, p.field])).toEqual([
      [0, 'featureCode'],
      [1, 'featureCode'],
      [2, 'ratePlan'],
      [4, 'kind'],
    ])
    expect(problems[3]!.message).toBe('pays for the same thing as line 4')
  })
})
