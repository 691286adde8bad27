/**
 * Commission components, proved with worked examples to the cent. Each example is written as the plan document
 * states it; the expected amounts were worked out by hand. Components return exact amounts; the posted amount is
 * rounded once to the cent with the version's rounding mode (`postAmount`).
 */
import { describe, expect, it } from 'vitest'

import {
  addMonths,
  daysBetween,
  generatePeriods,
  monthsBetween,
  periodProblems,
  previousMonthEnd,
} from '../../../engine/commission/calendar'
import { chargeback, type ChargebackConfig } from '../../../engine/commission/components/chargeback'
import { override, overrideChain, type OverrideConfig } from '../../../engine/commission/components/override'
import { planChange } from '../../../engine/commission/components/planChange'
import { COMPONENTS, versionProblems } from '../../../engine/commission/components/registry'
import { residual } from '../../../engine/commission/components/residual'
import {
  COMPONENT_KINDS,
  type CatalogFacts,
  type ComponentConfig,
  type Evaluation,
  type PlanVersionData,
} from '../../../engine/commission/components/types'
import {
  upfront,
  type UpfrontConfig,
  type UpfrontInput,
  type UpfrontPayout,
  type UpfrontRow,
} from '../../../engine/commission/components/upfront'
import { volumeBonus, type VolumeBonusConfig } from '../../../engine/commission/components/volumeBonus'
import { D } from '../../../engine/core/decimal'
import { postAmount } from '../../../engine/commission/posting'
import { actionRefusal, RUN_STATUSES, type RunStatus } from '../../../engine/commission/runSteps'
import { tierOf, tierProblems, tieredAmount, type Tier } from '../../../engine/commission/tiers'
import type { RoundingMode } from '../../../engine/core/money'

// The catalog of the examples: carrier NOVA sells UNL-PLUS, UNL-BASIC and SMART-35; carrier ORBIT sells ORBIT-MAX.
const NOVA = 1
const ORBIT = 2
const UNL_PLUS = 12
const UNL_BASIC = 13
const SMART_35 = 14
const ORBIT_MAX = 21
const CATALOG: CatalogFacts = {
  ratePlanCarrier: new Map([
    [UNL_PLUS, NOVA],
    [UNL_BASIC, NOVA],
    [SMART_35, NOVA],
    [ORBIT_MAX, ORBIT],
  ]),
  carrierIds: new Set([NOVA, ORBIT]),
}

type Conditions = Partial<Pick<UpfrontRow, 'carrierId' | 'ratePlanId' | 'activationType' | 'dealerTier' | 'featureCode'>>

/** One row of an upfront table; conditions left out mean "any". */
const row = (payout: UpfrontPayout, amount: string, when: Conditions = {}): UpfrontRow => ({
  payout,
  carrierId: null,
  ratePlanId: null,
  activationType: null,
  dealerTier: null,
  featureCode: null,
  amount,
  ...when,
})
const table = (...rows: UpfrontRow[]): UpfrontConfig => ({ kind: 'upfront', rows })

/** A gold dealer's new UNL-PLUS activation on NOVA with no feature, unless the example says otherwise. */
const sale = (over: Partial<UpfrontInput> = {}): UpfrontInput => ({
  carrierId: NOVA,
  ratePlanId: UNL_PLUS,
  activationType: 'new',
  dealerTier: 'gold',
  features: [],
  ...over,
})

const version = (...components: ComponentConfig[]): PlanVersionData => ({
  id: 1,
  planId: 1,
  version: 1,
  label: 'October 2026',
  effectiveFrom: '2026-10-01',
  currency: 'USD',
  rounding: 'half-even',
  components,
})
const NO_VERSION = version()

/** The posted USD amount of an evaluation (4-decimal storage string, rounded to the cent). */
const posted = (evaluation: Evaluation, mode: RoundingMode = 'half-even'): string => postAmount(evaluation.amount, 'USD', mode)

describe('upfront: rebate + features + spiff from the most specific row', () => {
  const october = table(
    row('rebate', '40', { carrierId: NOVA, ratePlanId: UNL_PLUS, activationType: 'new', dealerTier: 'gold' }),
    row('feature', '5', { featureCode: 'HOTSPOT' }),
    row('feature', '3', { featureCode: 'INTL' }),
    row('spiff', '10'),
  )

  it('Plan: gold dealers get $40 rebate on UNL-PLUS new activations, +$5 per HOTSPOT feature, $10 spiff in October → a gold UNL-PLUS new activation with HOTSPOT pays $55.00', () => {
    const evaluation = upfront.calculate(october, sale({ features: ['HOTSPOT'] }), NO_VERSION)
    expect(posted(evaluation)).toBe('55.0000')
    expect(evaluation.problem).toBeUndefined()
    expect(evaluation.detail).toEqual({ rebate: '40', 'feature HOTSPOT': '5', spiff: '10' })
  })

  it('Plan: +$5 per HOTSPOT, +$3 per INTL → the same activation with HOTSPOT and INTL pays 40 + 5 + 3 + 10 = $58.00', () => {
    expect(posted(upfront.calculate(october, sale({ features: ['HOTSPOT', 'INTL'] }), NO_VERSION))).toBe('58.0000')
  })

  it('Plan: a feature the table does not price pays $0 and the statement shows it: HOTSPOT + VOICEMAIL pays 40 + 5 + 0 + 10 = $55.00', () => {
    const evaluation = upfront.calculate(october, sale({ features: ['HOTSPOT', 'VOICEMAIL'] }), NO_VERSION)
    expect(posted(evaluation)).toBe('55.0000')
    expect(evaluation.detail['feature VOICEMAIL']).toBe('0 (no row)')
    expect(evaluation.problem).toBeUndefined()
  })

  describe('Plan: any activation $20, UNL-PLUS $30, NOVA UNL-PLUS $40', () => {
    const rows = [
      row('rebate', '20'),
      row('rebate', '30', { ratePlanId: UNL_PLUS }),
      row('rebate', '40', { carrierId: NOVA, ratePlanId: UNL_PLUS }),
    ]

    it('→ a NOVA UNL-PLUS activation pays $40.00 (carrier + plan beats plan alone), whatever the row order', () => {
      expect(posted(upfront.calculate(table(...rows), sale(), NO_VERSION))).toBe('40.0000')
      expect(posted(upfront.calculate(table(...[...rows].reverse()), sale(), NO_VERSION))).toBe('40.0000')
    })

    it('→ without the NOVA UNL-PLUS row, UNL-PLUS pays $30.00 (plan alone beats "any")', () => {
      expect(posted(upfront.calculate(table(rows[0]!, rows[1]!), sale(), NO_VERSION))).toBe('30.0000')
    })

    it('→ a UNL-BASIC activation matches only "any" and pays $20.00', () => {
      expect(posted(upfront.calculate(table(...rows), sale({ ratePlanId: UNL_BASIC }), NO_VERSION))).toBe('20.0000')
    })
  })

  it('Plan: NOVA activations $25, anything else $20 → NOVA UNL-BASIC pays $25.00, ORBIT-MAX pays $20.00', () => {
    const rows = table(row('rebate', '20'), row('rebate', '25', { carrierId: NOVA }))
    expect(posted(upfront.calculate(rows, sale({ ratePlanId: UNL_BASIC }), NO_VERSION))).toBe('25.0000')
    expect(posted(upfront.calculate(rows, sale({ carrierId: ORBIT, ratePlanId: ORBIT_MAX }), NO_VERSION))).toBe('20.0000')
  })

  it('Plan: NOVA UNL-PLUS $40; NOVA gold new activations $45 → a gold UNL-PLUS new activation pays $40.00 (a row naming the plan beats type + tier)', () => {
    const rows = table(
      row('rebate', '40', { carrierId: NOVA, ratePlanId: UNL_PLUS }),
      row('rebate', '45', { carrierId: NOVA, activationType: 'new', dealerTier: 'gold' }),
    )
    expect(posted(upfront.calculate(rows, sale(), NO_VERSION))).toBe('40.0000')
    expect(posted(upfront.calculate(rows, sale({ ratePlanId: UNL_BASIC }), NO_VERSION))).toBe('45.0000')
  })

  describe('Plan: UNL-PLUS pays gold $40, silver $30, every other tier $25; port-ins pay $50', () => {
    const rows = table(
      row('rebate', '25', { ratePlanId: UNL_PLUS }),
      row('rebate', '40', { ratePlanId: UNL_PLUS, dealerTier: 'gold' }),
      row('rebate', '30', { ratePlanId: UNL_PLUS, dealerTier: 'silver' }),
      row('rebate', '50', { ratePlanId: UNL_PLUS, activationType: 'port_in' }),
    )
    it.each([
      ['gold', '40.0000'],
      ['silver', '30.0000'],
      ['platinum', '25.0000'],
      [null, '25.0000'],
    ])("→ a %s dealer's new activation pays %s", (tier, expected) => {
      expect(posted(upfront.calculate(rows, sale({ dealerTier: tier }), NO_VERSION))).toBe(expected)
    })
    it("→ a silver dealer's port-in pays $50.00", () => {
      expect(posted(upfront.calculate(rows, sale({ dealerTier: 'silver', activationType: 'port_in' }), NO_VERSION))).toBe('50.0000')
    })
  })

  it('Plan: HOTSPOT pays $5, on ORBIT $7 → feature rows are priced per feature code and per carrier', () => {
    const rows = table(
      row('rebate', '0'),
      row('feature', '5', { featureCode: 'HOTSPOT' }),
      row('feature', '7', { carrierId: ORBIT, featureCode: 'HOTSPOT' }),
    )
    expect(posted(upfront.calculate(rows, sale({ features: ['HOTSPOT'] }), NO_VERSION))).toBe('5.0000')
    expect(posted(upfront.calculate(rows, sale({ carrierId: ORBIT, ratePlanId: ORBIT_MAX, features: ['HOTSPOT'] }), NO_VERSION))).toBe(
      '7.0000',
    )
    expect(posted(upfront.calculate(rows, sale({ features: ['INTL'] }), NO_VERSION))).toBe('0.0000')
  })

  it("Plan: gold UNL-PLUS only → a silver dealer's activation pays nothing and the problem names carrier, plan, type and tier", () => {
    const evaluation = upfront.calculate(october, sale({ dealerTier: 'silver', features: ['HOTSPOT'] }), NO_VERSION)
    expect(posted(evaluation)).toBe('0.0000')
    for (const named of ['no rebate row applies', 'carrier #1', 'plan #12', 'new activation', 'silver'])
      expect(evaluation.problem).toContain(named)
    const portIn = upfront.calculate(october, sale({ dealerTier: null, activationType: 'port_in' }), NO_VERSION)
    expect(portIn.problem).toContain('port-in')
    expect(portIn.problem).not.toContain('gold')
  })

  it('Plan: an explicit $0 rebate with $10 spiff → the activation pays $10.00 without a problem', () => {
    const evaluation = upfront.calculate(table(row('rebate', '0'), row('spiff', '10')), sale(), NO_VERSION)
    expect(posted(evaluation)).toBe('10.0000')
    expect(evaluation.problem).toBeUndefined()
  })

  describe('validate', () => {
    it('accepts the October table', () => {
      expect(upfront.validate(october, CATALOG)).toEqual([])
    })
    it('refuses a negative amount (chargebacks take money back, not rebates)', () => {
      expect(upfront.validate(table(row('rebate', '-5')), CATALOG)).toEqual([
        { path: 'rows.0.amount', message: 'row 1: an upfront amount may not be negative (chargebacks take money back)' },
      ])
    })
    it('refuses an amount that is not a number', () => {
      expect(upfront.validate(table(row('rebate', '40 dollars')), CATALOG)).toEqual([
        { path: 'rows.0.amount', message: 'row 1: "40 dollars" is not an amount' },
      ])
    })
    it('refuses two rows paying for exactly the same conditions', () => {
      const rows = table(
        row('rebate', '40', { ratePlanId: UNL_PLUS, dealerTier: 'gold' }),
        row('rebate', '45', { ratePlanId: UNL_PLUS, dealerTier: 'gold' }),
      )
      expect(upfront.validate(rows, CATALOG)).toEqual([
        { path: 'rows.1.amount', message: 'row 2: pays for exactly the same conditions as row 1; keep one' },
      ])
    })
    it('accepts two feature rows with the same conditions but different codes', () => {
      expect(
        upfront.validate(
          table(row('rebate', '0'), row('feature', '5', { featureCode: 'HOTSPOT' }), row('feature', '5', { featureCode: 'INTL' })),
          CATALOG,
        ),
      ).toEqual([])
    })
    it('refuses a plan of another carrier, an unknown plan and an unknown carrier', () => {
      expect(upfront.validate(table(row('rebate', '40', { carrierId: ORBIT, ratePlanId: UNL_PLUS })), CATALOG)).toEqual([
        { path: 'rows.0.ratePlan', message: 'row 1: rate plan #12 belongs to another carrier' },
      ])
      expect(upfront.validate(table(row('rebate', '40', { ratePlanId: 99 })), CATALOG)).toEqual([
        { path: 'rows.0.ratePlan', message: 'row 1: rate plan #99 does not exist' },
      ])
      expect(upfront.validate(table(row('rebate', '40', { carrierId: 7 })), CATALOG)).toEqual([
        { path: 'rows.0.carrier', message: 'row 1: carrier #7 does not exist' },
      ])
    })
    it('refuses a feature row without a feature code, and a feature code on a rebate row', () => {
      expect(upfront.validate(table(row('feature', '5')), CATALOG)).toEqual([
        { path: 'rows.0.featureCode', message: 'row 1: a feature row names the feature code it pays' },
      ])
      expect(upfront.validate(table(row('rebate', '5', { featureCode: 'HOTSPOT' })), CATALOG)).toEqual([
        { path: 'rows.0.featureCode', message: 'row 1: only feature rows name a feature code' },
      ])
    })
    it('refuses an empty table', () => {
      expect(upfront.validate(table(), CATALOG)).toEqual([{ path: 'rows', message: 'add at least one rebate row' }])
    })
  })
})

describe('volume bonus: tier tables paid marginally or retroactively', () => {
  // Plan: 0–10 activations $5 each, 10–25 $8 each, above 25 $12 each (a tier covers (from, to]).
  const COUNT_TIERS: Tier[] = [
    { from: '0', to: '10', rate: '5' },
    { from: '10', to: '25', rate: '8' },
    { from: '25', to: null, rate: '12' },
  ]
  const bonus = (
    method: 'marginal' | 'retroactive',
    tiers: Tier[] = COUNT_TIERS,
    metric: 'count' | 'revenue' = 'count',
  ): VolumeBonusConfig => ({
    kind: 'volume_bonus',
    metric,
    method,
    activationTypes: ['new', 'port_in'],
    tiers,
  })

  it('Plan: tiers 0–10 @ $5, 10–25 @ $8, 25+ @ $12; 30 activations → marginal 10×5 + 15×8 + 5×12 = $230.00, retroactive 30×12 = $360.00', () => {
    const marginal = volumeBonus.calculate(bonus('marginal'), { quantity: '30' }, NO_VERSION)
    const retroactive = volumeBonus.calculate(bonus('retroactive'), { quantity: '30' }, NO_VERSION)
    expect(posted(marginal)).toBe('230.0000')
    expect(posted(retroactive)).toBe('360.0000')
    expect(marginal.detail).toEqual({ activations: '30', method: 'marginal', 'tier reached': '3 (25–∞ at 12 each)' })
  })

  it.each([
    // activations, marginal (worked by hand), retroactive (worked by hand)
    ['0', '0.0000', '0.0000'], //           nothing sold, no tier reached
    ['1', '5.0000', '5.0000'], //           1×5
    ['10', '50.0000', '50.0000'], //        exactly 10: still tier 1 → 10×5 both ways
    ['11', '58.0000', '88.0000'], //        10×5 + 1×8 = 58; 11×8 = 88
    ['25', '170.0000', '200.0000'], //      exactly 25: still tier 2 → 10×5 + 15×8 = 170; 25×8 = 200
    ['26', '182.0000', '312.0000'], //      170 + 1×12 = 182; 26×12 = 312
  ])('Plan: same tiers; %s activations → marginal %s, retroactive %s', (quantity, marginal, retroactive) => {
    expect(posted(volumeBonus.calculate(bonus('marginal'), { quantity }, NO_VERSION))).toBe(marginal)
    expect(posted(volumeBonus.calculate(bonus('retroactive'), { quantity }, NO_VERSION))).toBe(retroactive)
  })

  it('a tier covers (from, to]: the 10th activation is in tier 1, the 11th in tier 2, none for 0', () => {
    expect(tierOf(COUNT_TIERS, 10)?.index).toBe(0)
    expect(tierOf(COUNT_TIERS, 11)?.index).toBe(1)
    expect(tierOf(COUNT_TIERS, 25)?.index).toBe(1)
    expect(tierOf(COUNT_TIERS, 26)?.index).toBe(2)
    expect(tierOf(COUNT_TIERS, 0)).toBeNull()
    expect(volumeBonus.calculate(bonus('marginal'), { quantity: '10' }, NO_VERSION).detail['tier reached']).toBe('1 (0–10 at 5 each)')
    expect(volumeBonus.calculate(bonus('marginal'), { quantity: '0' }, NO_VERSION).detail['tier reached']).toBe('none')
  })

  describe('Plan: revenue bonus 1 % of carrier-paid revenue up to $1,000, 2 % above', () => {
    const REVENUE_TIERS: Tier[] = [
      { from: '0', to: '1000', rate: '1' },
      { from: '1000', to: null, rate: '2' },
    ]

    it('→ $1,012.25 marginal: 1 % × 1,000 + 2 % × 12.25 = 10.245 → $10.24 half-even ($10.25 half-up)', () => {
      const evaluation = volumeBonus.calculate(bonus('marginal', REVENUE_TIERS, 'revenue'), { quantity: '1012.25' }, NO_VERSION)
      expect(evaluation.amount.toString()).toBe('10.245')
      expect(posted(evaluation, 'half-even')).toBe('10.2400')
      expect(posted(evaluation, 'half-up')).toBe('10.2500')
      expect(evaluation.detail).toEqual({ revenue: '1012.25', method: 'marginal', 'tier reached': '2 (1000–∞ at 2 %)' })
    })

    it('→ $1,012.25 retroactive: 2 % × 1,012.25 = 20.245 → $20.24 half-even ($20.25 half-up)', () => {
      const evaluation = volumeBonus.calculate(bonus('retroactive', REVENUE_TIERS, 'revenue'), { quantity: '1012.25' }, NO_VERSION)
      expect(evaluation.amount.toString()).toBe('20.245')
      expect(posted(evaluation, 'half-even')).toBe('20.2400')
      expect(posted(evaluation, 'half-up')).toBe('20.2500')
    })

    it('tieredAmount divides each rate by the scale: the same table read as $ per unit gives 100× more', () => {
      expect(tieredAmount(REVENUE_TIERS, '1012.25', 'marginal', 1).toString()).toBe('1024.5')
      expect(tieredAmount(REVENUE_TIERS, '1012.25', 'marginal', 100).toString()).toBe('10.245')
    })
  })

  describe('validate', () => {
    const problems = (tiers: Tier[], metric: 'count' | 'revenue' = 'count') =>
      volumeBonus.validate(bonus('marginal', tiers, metric), CATALOG)

    it('accepts the 0–10–25–∞ table', () => {
      expect(problems(COUNT_TIERS)).toEqual([])
    })
    it('refuses overlapping tiers', () => {
      expect(
        problems([
          { from: '0', to: '10', rate: '5' },
          { from: '8', to: '25', rate: '8' },
          { from: '25', to: null, rate: '12' },
        ]),
      ).toEqual([{ path: 'tiers.1.from', message: 'tier 2 overlaps tier 1: it starts at 8 but tier 1 runs to 10' }])
    })
    it('refuses a gap between tiers', () => {
      expect(
        problems([
          { from: '0', to: '10', rate: '5' },
          { from: '12', to: '25', rate: '8' },
          { from: '25', to: null, rate: '12' },
        ]),
      ).toEqual([{ path: 'tiers.1.from', message: 'gap between tier 1 and tier 2: nothing covers 10 to 12' }])
    })
    it('refuses a first tier that does not start at 0', () => {
      expect(
        problems([
          { from: '1', to: '10', rate: '5' },
          { from: '10', to: null, rate: '8' },
        ]),
      ).toEqual([{ path: 'tiers.0.from', message: 'tier 1 must start at 0 (it starts at 1)' }])
    })
    it('refuses an open-ended middle tier', () => {
      expect(
        problems([
          { from: '0', to: '10', rate: '5' },
          { from: '10', to: null, rate: '8' },
          { from: '25', to: null, rate: '12' },
        ]),
      ).toEqual([{ path: 'tiers.1.to', message: 'tier 2: only the last tier may be open-ended; give it an upper bound' }])
    })
    it('refuses a bounded last tier (quantities above it would not be covered)', () => {
      expect(
        problems([
          { from: '0', to: '10', rate: '5' },
          { from: '10', to: '25', rate: '8' },
        ]),
      ).toEqual([
        { path: 'tiers.1.to', message: 'tier 2: the last tier must be open-ended (leave "to" empty) so every quantity is covered' },
      ])
    })
    it('refuses a negative rate and a "to" not above "from"', () => {
      expect(
        problems([
          { from: '0', to: '10', rate: '5' },
          { from: '10', to: null, rate: '-8' },
        ]),
      ).toEqual([{ path: 'tiers.1.rate', message: 'tier 2: the rate may not be negative (-8)' }])
      expect(
        tierProblems([
          { from: '0', to: '0', rate: '5' },
          { from: '0', to: null, rate: '8' },
        ]),
      ).toEqual([{ index: 0, field: 'to', message: 'tier 1: "to" (0) must be above "from" (0)' }])
    })
    it('refuses fractional bounds for a count, accepts them for revenue', () => {
      const tiers: Tier[] = [
        { from: '0', to: '10.5', rate: '5' },
        { from: '10.5', to: null, rate: '8' },
      ]
      expect(problems(tiers, 'count')).toEqual([
        { path: 'tiers.0.to', message: 'tier 1: counts are whole numbers (10.5)' },
        { path: 'tiers.1.from', message: 'tier 2: counts are whole numbers (10.5)' },
      ])
      expect(problems(tiers, 'revenue')).toEqual([])
    })
    it('refuses a revenue rate above 100 % and a bonus counting no activation type', () => {
      expect(problems([{ from: '0', to: null, rate: '101' }], 'revenue')).toEqual([
        { path: 'tiers.0.rate', message: 'tier 1: a revenue rate is a percentage, at most 100' },
      ])
      expect(volumeBonus.validate({ ...bonus('marginal'), activationTypes: [] }, CATALOG)).toEqual([
        { path: 'activationTypes', message: 'choose the activation types that count towards the volume' },
      ])
    })
    it('refuses an empty tier table', () => {
      expect(problems([])).toEqual([{ path: 'tiers.0.from', message: 'add at least one tier, starting at 0' }])
    })
  })
})

describe('plan change: the rebate difference between the new and the old plan', () => {
  // The version's upfront table (new-activation rebates): UNL-PLUS $60 (gold $70), UNL-BASIC $40, SMART-35 $25.
  const rebates = table(
    row('rebate', '60', { carrierId: NOVA, ratePlanId: UNL_PLUS }),
    row('rebate', '70', { carrierId: NOVA, ratePlanId: UNL_PLUS, dealerTier: 'gold' }),
    row('rebate', '100', { carrierId: NOVA, ratePlanId: UNL_PLUS, activationType: 'port_in' }),
    row('rebate', '40', { carrierId: NOVA, ratePlanId: UNL_BASIC }),
    row('rebate', '25', { carrierId: NOVA, ratePlanId: SMART_35 }),
  )
  const change = (percent: string) => ({ kind: 'plan_change' as const, percent })
  const move = (oldRatePlanId: number | null, newRatePlanId: number, dealerTier: string | null = 'silver') => ({
    carrierId: NOVA,
    oldRatePlanId,
    newRatePlanId,
    dealerTier,
  })

  it('Plan: upgrades pay 100 % of the rebate difference → UNL-BASIC ($40) to UNL-PLUS ($60) pays $20.00', () => {
    const evaluation = planChange.calculate(change('100'), move(UNL_BASIC, UNL_PLUS), version(rebates, change('100')))
    expect(posted(evaluation)).toBe('20.0000')
    expect(evaluation.detail).toEqual({ 'new plan rebate': '60', 'old plan rebate': '40', difference: '20', percent: '100' })
  })

  it('Plan: downgrades take back the difference → UNL-PLUS ($60) to SMART-35 ($25) pays -$35.00', () => {
    expect(posted(planChange.calculate(change('100'), move(UNL_PLUS, SMART_35), version(rebates, change('100'))))).toBe('-35.0000')
  })

  it('Plan: 50 % of the difference → the upgrade pays $10.00, the downgrade -$17.50', () => {
    expect(posted(planChange.calculate(change('50'), move(UNL_BASIC, UNL_PLUS), version(rebates, change('50'))))).toBe('10.0000')
    expect(posted(planChange.calculate(change('50'), move(UNL_PLUS, SMART_35), version(rebates, change('50'))))).toBe('-17.5000')
  })

  it("Plan: gold dealers' UNL-PLUS rebate is $70 → a gold upgrade from UNL-BASIC pays $30.00 (the tier's new-activation rebates, not the port-in $100)", () => {
    expect(posted(planChange.calculate(change('100'), move(UNL_BASIC, UNL_PLUS, 'gold'), version(rebates, change('100'))))).toBe('30.0000')
  })

  it('a line without an earlier sale pays nothing and is reported, without refusing the run: its previous plan is unknown', () => {
    const evaluation = planChange.calculate(change('100'), move(null, UNL_PLUS), version(rebates, change('100')))
    expect(posted(evaluation)).toBe('0.0000')
    expect(evaluation.problem).toBeUndefined()
    expect(evaluation.warning).toBe(
      'upgrades/downgrades with no earlier sale of the same number (MDN): previous plan unknown, no adjustment paid (post a note once checked)',
    )
    expect(evaluation.detail).toEqual({ 'previous plan': 'unknown' })
  })

  it('a plan the table does not price is a problem naming it', () => {
    const evaluation = planChange.calculate(
      change('100'),
      { carrierId: ORBIT, oldRatePlanId: UNL_BASIC, newRatePlanId: ORBIT_MAX, dealerTier: null },
      version(rebates, change('100')),
    )
    for (const named of ['no rebate row applies', 'carrier #2', 'plan #21', 'new activation']) expect(evaluation.problem).toContain(named)
    expect(posted(evaluation)).toBe('0.0000')
  })

  it('needs an upfront component in the same version', () => {
    expect(planChange.calculate(change('100'), move(UNL_BASIC, UNL_PLUS), version(change('100'))).problem).toBe(
      'the plan-change component needs an upfront table in the same version',
    )
    expect(versionProblems([change('100')], CATALOG)).toEqual([
      {
        component: 0,
        path: '',
        message: 'the upgrade/downgrade adjustment reads the rebates of the upfront table: add an upfront component',
      },
    ])
    expect(versionProblems([rebates, change('100')], CATALOG)).toEqual([])
  })

  it('validate refuses a percentage above 100, below 0 or not a number', () => {
    expect(planChange.validate(change('150'), CATALOG)).toEqual([
      { path: 'percent', message: 'percentage of the rebate difference: at most 100 % (150)' },
    ])
    expect(planChange.validate(change('-5'), CATALOG)).toEqual([
      { path: 'percent', message: 'percentage of the rebate difference: a percentage may not be negative (-5)' },
    ])
    expect(planChange.validate(change('half'), CATALOG)).toEqual([
      { path: 'percent', message: 'percentage of the rebate difference: "half" is not a percentage' },
    ])
  })
})

describe('residual: a percentage of the monthly charge for months 1..N after activation', () => {
  const threePercentFor24 = { kind: 'residual' as const, percent: '3', months: 24 }
  const month = (monthIndex: number, monthlyCharge = '65.00') =>
    residual.calculate(threePercentFor24, { monthlyCharge, monthIndex }, NO_VERSION)

  it('Plan: 3 % residual for 24 months → a $65.00 plan pays $1.95 in month 1 and in month 24', () => {
    expect(posted(month(1))).toBe('1.9500')
    expect(posted(month(24))).toBe('1.9500')
    expect(month(1).detail).toEqual({ 'monthly charge': '65.00', month: '1 of 24', percent: '3' })
  })

  it('Plan: same → nothing in the activation month (0) nor in month 25', () => {
    expect(posted(month(0))).toBe('0.0000')
    expect(posted(month(25))).toBe('0.0000')
  })

  it('Plan: same → 24 months × $1.95 = $46.80 over the life of the residual', () => {
    const total = Array.from({ length: 26 }, (_, i) => month(i).amount).reduce((sum, amount) => sum.plus(amount))
    expect(total.toFixed(2)).toBe('46.80')
  })

  it('Plan: 2.5 % residual → a $39.99 plan earns 0.99975, posted as $1.00 (half-even)', () => {
    const evaluation = residual.calculate(
      { kind: 'residual', percent: '2.5', months: 12 },
      { monthlyCharge: '39.99', monthIndex: 1 },
      NO_VERSION,
    )
    expect(evaluation.amount.toString()).toBe('0.99975')
    expect(posted(evaluation)).toBe('1.0000')
  })

  it('Plan: 2.5 % residual → a $40.20 plan earns 1.005: $1.00 half-even, $1.01 half-up', () => {
    const evaluation = residual.calculate(
      { kind: 'residual', percent: '2.5', months: 12 },
      { monthlyCharge: '40.20', monthIndex: 1 },
      NO_VERSION,
    )
    expect(evaluation.amount.toString()).toBe('1.005')
    expect(posted(evaluation, 'half-even')).toBe('1.0000')
    expect(posted(evaluation, 'half-up')).toBe('1.0100')
  })

  it.each([0, 121, 1.5])('validate refuses %s months', (months) => {
    expect(residual.validate({ kind: 'residual', percent: '3', months }, CATALOG)).toEqual([
      { path: 'months', message: `residual months must be a whole number from 1 to 120 (${months})` },
    ])
  })

  it('validate accepts 1 and 120 months and refuses a percentage above 100', () => {
    expect(residual.validate({ kind: 'residual', percent: '3', months: 1 }, CATALOG)).toEqual([])
    expect(residual.validate({ kind: 'residual', percent: '3', months: 120 }, CATALOG)).toEqual([])
    expect(residual.validate({ kind: 'residual', percent: '101', months: 12 }, CATALOG)).toEqual([
      { path: 'percent', message: 'residual percentage: at most 100 % (101)' },
    ])
  })
})

describe('chargeback: the upfront taken back when a line deactivates within the window', () => {
  const carrierWindow = (percent = '100'): ChargebackConfig => ({ kind: 'chargeback', percent, windowDays: null })
  const deactivated = (config: ChargebackConfig, daysActive: number, upfrontPaid = '55.00', carrierWindowDays = 90) =>
    chargeback.calculate(config, { upfrontPaid, daysActive, carrierWindowDays }, NO_VERSION)

  it("Plan: 100 % chargeback within the carrier's 90 days → a $55.00 line deactivated on day 30 takes back -$55.00", () => {
    const evaluation = deactivated(carrierWindow(), 30)
    expect(posted(evaluation)).toBe('-55.0000')
    expect(evaluation.detail).toEqual({ 'upfront paid': '55.00', 'days active': '30', 'window (days)': '90', percent: '100' })
  })

  it('Plan: same → on day 90, the last day of the window, still -$55.00; on day 91 nothing', () => {
    expect(posted(deactivated(carrierWindow(), 90))).toBe('-55.0000')
    expect(posted(deactivated(carrierWindow(), 91))).toBe('0.0000')
  })

  it("Plan: the plan's own 60-day window replaces the carrier's 90 days → day 60 -$55.00, day 61 nothing", () => {
    const sixty: ChargebackConfig = { kind: 'chargeback', percent: '100', windowDays: 60 }
    expect(posted(deactivated(sixty, 60))).toBe('-55.0000')
    expect(posted(deactivated(sixty, 61))).toBe('0.0000')
    expect(deactivated(sixty, 61).detail['window (days)']).toBe('60')
  })

  it("Plan: a 120-day plan window is longer than the carrier's 90 → day 100 still -$55.00", () => {
    expect(posted(deactivated({ kind: 'chargeback', percent: '100', windowDays: 120 }, 100))).toBe('-55.0000')
  })

  it('Plan: a 0-day window (same-day cancellations only) → day 0 -$55.00, day 1 nothing (0 is not "empty")', () => {
    const sameDay: ChargebackConfig = { kind: 'chargeback', percent: '100', windowDays: 0 }
    expect(posted(deactivated(sameDay, 0))).toBe('-55.0000')
    expect(posted(deactivated(sameDay, 1))).toBe('0.0000')
  })

  it('Plan: 50 % chargeback → a $55.00 line takes back -$27.50; a $40.05 line -20.025 → -$20.02 half-even, -$20.03 half-up', () => {
    expect(posted(deactivated(carrierWindow('50'), 10))).toBe('-27.5000')
    const odd = deactivated(carrierWindow('50'), 10, '40.05')
    expect(posted(odd, 'half-even')).toBe('-20.0200')
    expect(posted(odd, 'half-up')).toBe('-20.0300')
  })

  it('validate refuses a window below 0, above 730 or fractional; accepts empty, 0 and 730', () => {
    for (const windowDays of [-1, 731, 1.5]) {
      expect(chargeback.validate({ kind: 'chargeback', percent: '100', windowDays }, CATALOG)).toEqual([
        {
          path: 'windowDays',
          message: `the window is a whole number of days from 0 to 730, or empty for the carrier's window (${windowDays})`,
        },
      ])
    }
    for (const windowDays of [null, 0, 730])
      expect(chargeback.validate({ kind: 'chargeback', percent: '100', windowDays }, CATALOG)).toEqual([])
  })
})

describe('override: each ancestor level earns a percentage of the own commission below it', () => {
  // Store 101 (parent, active) → district 102 (inactive) → region 103 (active) → national 104 (active).
  const ANCESTORS = [
    { id: 101, active: true },
    { id: 102, active: false },
    { id: 103, active: true },
    { id: 104, active: true },
  ]
  const fiveThreeOne: OverrideConfig = {
    kind: 'override',
    compress: true,
    levels: [
      { level: 1, percent: '5' },
      { level: 2, percent: '3' },
      { level: 3, percent: '1' },
    ],
  }
  const at = (base: string, level: number) => override.calculate(fiveThreeOne, { base, level }, NO_VERSION)

  it('Plan: 3 levels with compression → the inactive district is skipped: store L1, region L2, national L3', () => {
    expect(overrideChain(ANCESTORS, 3, true)).toEqual([
      { participantId: 101, level: 1 },
      { participantId: 103, level: 2 },
      { participantId: 104, level: 3 },
    ])
  })

  it("Plan: 3 levels without compression → the district's level 2 is not paid: store L1, region L3, national nothing", () => {
    expect(overrideChain(ANCESTORS, 3, false)).toEqual([
      { participantId: 101, level: 1 },
      { participantId: 103, level: 3 },
    ])
  })

  it('Plan: 1 level → only the parent earns; a chain of inactive ancestors earns nothing', () => {
    expect(overrideChain(ANCESTORS, 1, true)).toEqual([{ participantId: 101, level: 1 }])
    expect(
      overrideChain(
        [
          { id: 7, active: false },
          { id: 8, active: false },
        ],
        3,
        true,
      ),
    ).toEqual([])
  })

  it('Plan: 5 % / 3 % / 1 % of a $1,000.00 own commission → $50.00, $30.00, $10.00; level 4 earns $0.00', () => {
    expect(posted(at('1000.00', 1))).toBe('50.0000')
    expect(posted(at('1000.00', 2))).toBe('30.0000')
    expect(posted(at('1000.00', 3))).toBe('10.0000')
    expect(posted(at('1000.00', 4))).toBe('0.0000')
    expect(at('1000.00', 2).detail).toEqual({ 'own commission of the participant below': '1000.00', level: '2', percent: '3' })
    expect(at('1000.00', 4).detail.percent).toBe('0')
  })

  it('Plan: same levels; a dealer whose month nets -$200.00 (chargebacks) → overrides -$10.00, -$6.00, -$2.00', () => {
    expect(posted(at('-200.00', 1))).toBe('-10.0000')
    expect(posted(at('-200.00', 2))).toBe('-6.0000')
    expect(posted(at('-200.00', 3))).toBe('-2.0000')
  })

  it('Plan: 5 % of $12.50 = 0.625 → $0.62 half-even, $0.63 half-up', () => {
    expect(posted(at('12.50', 1), 'half-even')).toBe('0.6200')
    expect(posted(at('12.50', 1), 'half-up')).toBe('0.6300')
  })

  describe('validate', () => {
    const levels = (...percents: [number, string][]): OverrideConfig => ({
      kind: 'override',
      compress: false,
      levels: percents.map(([level, percent]) => ({ level, percent })),
    })

    it('accepts 5/3/1 and levels totalling exactly 100 %', () => {
      expect(override.validate(fiveThreeOne, CATALOG)).toEqual([])
      expect(override.validate(levels([1, '60'], [2, '40']), CATALOG)).toEqual([])
    })
    it('refuses levels not numbered 1, 2, 3…', () => {
      expect(override.validate(levels([1, '5'], [3, '3']), CATALOG)).toEqual([
        { path: 'levels.1.level', message: 'levels are numbered 1, 2, 3… in order; row 2 says 3' },
      ])
    })
    it('refuses levels paying more than 100 % in total', () => {
      expect(override.validate(levels([1, '60'], [2, '50']), CATALOG)).toEqual([
        { path: 'levels', message: 'the levels pay 110 % in total, more than the commission they are a share of' },
      ])
    })
    it('refuses no level at all and a negative level percentage', () => {
      expect(override.validate(levels(), CATALOG)).toEqual([{ path: 'levels', message: 'add at least level 1' }])
      expect(override.validate(levels([1, '-5']), CATALOG)).toEqual([
        { path: 'levels.0.percent', message: 'level 1: a percentage may not be negative (-5)' },
      ])
    })
  })
})

describe('registry: one module per kind, validated version by version', () => {
  it('registers every component kind under its own name', () => {
    expect(Object.keys(COMPONENTS).sort()).toEqual([...COMPONENT_KINDS].sort())
    for (const kind of COMPONENT_KINDS) expect(COMPONENTS[kind].kind).toBe(kind)
  })

  it('refuses an empty version, two components of one kind, and prefixes problems with the component label', () => {
    expect(versionProblems([], CATALOG)).toEqual([{ component: 0, path: '', message: 'a plan version needs at least one component' }])
    const twice = { kind: 'residual' as const, percent: '3', months: 24 }
    expect(versionProblems([twice, twice], CATALOG)).toEqual([
      { component: 1, path: '', message: 'component 2: a version has one residual component (component 1 is one already)' },
    ])
    expect(versionProblems([table(row('rebate', '-1'))], CATALOG)).toEqual([
      {
        component: 0,
        path: 'rows.0.amount',
        message: 'Upfront (rebate, features, spiff): row 1: an upfront amount may not be negative (chargebacks take money back)',
      },
    ])
  })
})

describe("rounding: postAmount rounds once, to the currency minor unit, with the version's mode", () => {
  it.each([
    ['2.345', 'half-even', '2.3400'], // 4 is even: stays
    ['2.345', 'half-up', '2.3500'],
    ['2.355', 'half-even', '2.3600'], // 5 is odd: goes to the even 6
    ['2.355', 'half-up', '2.3600'],
    ['-2.345', 'half-even', '-2.3400'],
    ['-2.345', 'half-up', '-2.3500'], // ties away from zero
    ['2.3449', 'half-up', '2.3400'], // not a tie
    ['0.005', 'half-even', '0.0000'],
    ['0.015', 'half-even', '0.0200'],
  ] as const)('%s posted %s is %s', (exact, mode, expected) => {
    expect(postAmount(new D(exact), 'USD', mode)).toBe(expected)
  })

  it('rounds to the minor unit of the currency: yen to whole units, dinars to 3 decimals', () => {
    expect(postAmount(new D('1234.5'), 'JPY', 'half-even')).toBe('1234.0000')
    expect(postAmount(new D('1234.5'), 'JPY', 'half-up')).toBe('1235.0000')
    expect(postAmount(new D('1.2345'), 'KWD', 'half-even')).toBe('1.2340')
    expect(postAmount(new D('1.2345'), 'USD', 'half-even')).toBe('1.2300')
  })
})

describe('calendar: periods and date arithmetic', () => {
  it('monthly periods run from the 1st to the last day, across the year end and through February of leap year 2028', () => {
    expect(generatePeriods('monthly', '2027-11-15', 4)).toEqual([
      { startsOn: '2027-11-01', endsOn: '2027-11-30', label: 'Nov 2027' },
      { startsOn: '2027-12-01', endsOn: '2027-12-31', label: 'Dec 2027' },
      { startsOn: '2028-01-01', endsOn: '2028-01-31', label: 'Jan 2028' },
      { startsOn: '2028-02-01', endsOn: '2028-02-29', label: 'Feb 2028' },
    ])
    expect(generatePeriods('monthly', '2027-02-01', 1)[0]?.endsOn).toBe('2027-02-28')
  })

  it('biweekly periods are 14 consecutive days from the anchor, across the year end', () => {
    expect(generatePeriods('biweekly', '2026-12-21', 3)).toEqual([
      { startsOn: '2026-12-21', endsOn: '2027-01-03', label: 'Fortnight 2026-12-21 – 2027-01-03' },
      { startsOn: '2027-01-04', endsOn: '2027-01-17', label: 'Fortnight 2027-01-04 – 2027-01-17' },
      { startsOn: '2027-01-18', endsOn: '2027-01-31', label: 'Fortnight 2027-01-18 – 2027-01-31' },
    ])
    expect(generatePeriods('weekly', '2028-02-26', 1)).toEqual([
      { startsOn: '2028-02-26', endsOn: '2028-03-03', label: 'Week 2028-02-26 – 2028-03-03' },
    ])
  })

  it('generatePeriods refuses a count outside 1..120', () => {
    expect(() => generatePeriods('monthly', '2026-01-01', 0)).toThrow('count must be a whole number from 1 to 120 (0)')
    expect(() => generatePeriods('monthly', '2026-01-01', 121)).toThrow('count must be a whole number from 1 to 120 (121)')
  })

  it("periodProblems explains what is wrong with a period's dates", () => {
    expect(periodProblems('monthly', '2028-02-01', '2028-02-29')).toEqual([])
    expect(periodProblems('monthly', '2028-02-01', '2028-02-28')).toEqual([
      'a monthly period runs from the 1st to the last day of a month (2028-02-01 to 2028-02-29)',
    ])
    expect(periodProblems('monthly', '2026-10-15', '2026-11-14')).toEqual([
      'a monthly period runs from the 1st to the last day of a month (2026-10-01 to 2026-10-31)',
    ])
    expect(periodProblems('biweekly', '2026-12-21', '2027-01-03')).toEqual([])
    expect(periodProblems('biweekly', '2026-12-21', '2027-01-02')).toEqual(['a biweekly period has 14 days (this one has 13)'])
    expect(periodProblems('weekly', '2026-10-01', '2026-09-30')).toEqual(['the period ends (2026-09-30) before it starts (2026-10-01)'])
    expect(periodProblems('monthly', '2026-02-01', '2026-02-30')).toEqual(['"2026-02-30" is not a calendar date'])
  })

  it('monthsBetween counts calendar months, daysBetween whole days (leap day included)', () => {
    expect(monthsBetween('2026-01-31', '2026-02-01')).toBe(1)
    expect(monthsBetween('2026-11-15', '2027-02-01')).toBe(3)
    expect(monthsBetween('2026-03-01', '2026-03-31')).toBe(0)
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1)
    expect(daysBetween('2026-10-31', '2026-10-01')).toBe(-30)
  })

  it('a schedule on any day of a month pays the month before it, to its last day (year ends and leap years)', () => {
    expect(previousMonthEnd('2026-11-05')).toBe('2026-10-31')
    expect(previousMonthEnd('2026-11-01')).toBe('2026-10-31')
    expect(previousMonthEnd('2026-11-30')).toBe('2026-10-31')
    expect(previousMonthEnd('2027-01-05')).toBe('2026-12-31')
    expect(previousMonthEnd('2028-03-15')).toBe('2028-02-29')
    expect(previousMonthEnd('2027-03-15')).toBe('2027-02-28')
  })

  it('addMonths keeps the day, clamped to the month end (Jan 31 + 1 month is Feb 28, or Feb 29 in 2028)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-11-01', 3)).toBe('2027-02-01')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
  })
})

describe('run workflow: which action each status allows', () => {
  const others = (...allowed: RunStatus[]) => RUN_STATUSES.filter((status) => !allowed.includes(status))

  it('approve: only a post-mode run awaiting approval', () => {
    expect(actionRefusal('approve', 'awaiting_approval', 'post')).toBeNull()
    for (const status of others('awaiting_approval')) {
      expect(actionRefusal('approve', status, 'post')).toBe(
        `only a run awaiting approval can be approved (this one is ${status.replace(/_/g, ' ')})`,
      )
    }
  })

  it('approve: a preview posts nothing and can never be approved', () => {
    for (const status of ['previewed', 'awaiting_approval'] as const) {
      expect(actionRefusal('approve', status, 'preview')).toBe(
        'a preview posts nothing and cannot be approved; run the period in post mode',
      )
    }
  })

  it('lock: only an approved run', () => {
    expect(actionRefusal('lock', 'approved', 'post')).toBeNull()
    for (const status of others('approved'))
      expect(actionRefusal('lock', status, 'post')).toBe(`only an approved run can be locked (this one is ${status.replace(/_/g, ' ')})`)
  })

  it('rerun: refused while queued or running, once approved, once locked; allowed otherwise', () => {
    expect(actionRefusal('rerun', 'queued', 'post')).toBe('the run is already queued or running')
    expect(actionRefusal('rerun', 'running', 'post')).toBe('the run is already queued or running')
    expect(actionRefusal('rerun', 'approved', 'post')).toBe(
      'the run is approved; it can only be locked (re-running would replace approved lines)',
    )
    expect(actionRefusal('rerun', 'locked', 'post')).toBe(
      'the period is locked and immutable; post a debit or credit note in an open period instead',
    )
    for (const status of ['awaiting_approval', 'previewed', 'failed'] as const) expect(actionRefusal('rerun', status, 'post')).toBeNull()
    expect(actionRefusal('rerun', 'previewed', 'preview')).toBeNull()
  })

  it('statements: only a calculated post-mode run (awaiting approval, approved or locked)', () => {
    for (const status of ['awaiting_approval', 'approved', 'locked'] as const)
      expect(actionRefusal('statements', status, 'post')).toBeNull()
    for (const status of others('awaiting_approval', 'approved', 'locked')) {
      expect(actionRefusal('statements', status, 'post')).toBe(
        `statements need a calculated run (this one is ${status.replace(/_/g, ' ')})`,
      )
    }
    expect(actionRefusal('statements', 'previewed', 'preview')).toBe('a preview has no posted lines to print')
  })
})

describe('regressions', () => {
  it('Plan: NOVA pays $20 on any plan, UNL-PLUS pays $40 → a NOVA UNL-PLUS activation pays $40.00 (a plan row beats a carrier row)', () => {
    const rows = table(row('rebate', '20', { carrierId: NOVA }), row('rebate', '40', { ratePlanId: UNL_PLUS }))
    expect(posted(upfront.calculate(rows, sale(), NO_VERSION))).toBe('40.0000')
  })

  it('a revenue tier rate or an override percentage typed as text is a problem on its field, not a crash', () => {
    const bonus = {
      kind: 'volume_bonus' as const,
      metric: 'revenue' as const,
      method: 'marginal' as const,
      activationTypes: ['new' as const],
      tiers: [{ from: '0', to: null, rate: 'abc' }],
    }
    expect(volumeBonus.validate(bonus, CATALOG)).toContainEqual({ path: 'tiers.0.rate', message: 'tier 1: the rate must be a number' })
    expect(override.validate({ kind: 'override', compress: true, levels: [{ level: 1, percent: 'five' }] }, CATALOG)).toEqual([
      { path: 'levels.0.percent', message: 'level 1: "five" is not a percentage' },
    ])
  })
})
