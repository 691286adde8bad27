import { describe, expect, it } from 'vitest'

import {
  RULE_SCOPES,
  applicableRule,
  chainProblems,
  commissionFor,
  ruleProblems,
  type CommissionRule,
  type RuleQuery,
  type RuleScope,
} from '../../../engine/proposals/rules'

// Territory owner 3 pays agent 5 on proposal 100, sold in territory 7, for service 40.
const query: RuleQuery = { parentId: 3, childId: 5, proposalId: 100, territoryId: 7, serviceId: 40 }

const base: Omit<CommissionRule, 'id' | 'scope'> = {
  parentId: null,
  childId: null,
  proposalId: null,
  territoryId: null,
  serviceId: null,
  kind: 'percent',
  rate: '10',
  currency: 'USD',
}

/** A rule of `scope` that applies to `query`, keyed the way its scope needs. */
function ruleFor(scope: RuleScope, id: number, extra: Partial<CommissionRule> = {}): CommissionRule {
  const keys: Record<RuleScope, Partial<CommissionRule>> = {
    proposal: { proposalId: 100 },
    territory: { territoryId: 7 },
    relationship: { parentId: 3, childId: 5 },
    default: {},
  }
  return { ...base, id, scope, ...keys[scope], ...extra }
}

describe('precedence: proposal > territory > relationship > default', () => {
  const pairs = RULE_SCOPES.flatMap((stronger, i) => RULE_SCOPES.slice(i + 1).map((weaker) => [stronger, weaker] as const))

  it('has six pairs of scopes to compare', () => {
    expect(pairs).toEqual([
      ['proposal', 'territory'],
      ['proposal', 'relationship'],
      ['proposal', 'default'],
      ['territory', 'relationship'],
      ['territory', 'default'],
      ['relationship', 'default'],
    ])
  })

  it.each(pairs)('a %s rule beats a %s rule, whichever comes first in the list', (stronger, weaker) => {
    const strong = ruleFor(stronger, 2)
    const weak = ruleFor(weaker, 1)
    expect(applicableRule([strong, weak], query)?.id).toBe(2)
    expect(applicableRule([weak, strong], query)?.id).toBe(2)
  })

  it.each(pairs)('a %s rule for all services still beats a %s rule for the service', (stronger, weaker) => {
    const strong = ruleFor(stronger, 2)
    const weak = ruleFor(weaker, 1, { serviceId: 40 })
    expect(applicableRule([strong, weak], query)?.id).toBe(2)
    expect(applicableRule([weak, strong], query)?.id).toBe(2)
  })

  it('picks the most specific of all four scopes at once', () => {
    const all = [ruleFor('default', 1), ruleFor('relationship', 2), ruleFor('territory', 3), ruleFor('proposal', 4)]
    expect(applicableRule(all, query)?.id).toBe(4)
    expect(applicableRule([...all].reverse(), query)?.id).toBe(4)
    expect(applicableRule(all.slice(0, 3), query)?.id).toBe(3)
  })
})

describe('within one scope', () => {
  it.each(RULE_SCOPES)('a %s rule for the service beats the all-services one, in either order', (scope) => {
    const specific = ruleFor(scope, 9, { serviceId: 40 })
    const general = ruleFor(scope, 1)
    expect(applicableRule([general, specific], query)?.id).toBe(9)
    expect(applicableRule([specific, general], query)?.id).toBe(9)
  })

  it('a proposal rule pinned to the parent and child beats the proposal rule for everyone on it', () => {
    const pinned = ruleFor('proposal', 8, { parentId: 3, childId: 5 })
    const open = ruleFor('proposal', 2)
    expect(applicableRule([open, pinned], query)?.id).toBe(8)
    expect(applicableRule([pinned, open], query)?.id).toBe(8)
  })

  it('between equally specific rules the lowest id wins, whatever the list order', () => {
    expect(applicableRule([ruleFor('relationship', 12), ruleFor('relationship', 11)], query)?.id).toBe(11)
    expect(applicableRule([ruleFor('relationship', 11), ruleFor('relationship', 12)], query)?.id).toBe(11)
  })
})

describe('a rule applies only when its own keys match', () => {
  it('a relationship rule needs both the parent and the child', () => {
    expect(applicableRule([ruleFor('relationship', 1, { childId: 6 })], query)).toBeNull()
    expect(applicableRule([ruleFor('relationship', 1, { parentId: 2 })], query)).toBeNull()
    expect(applicableRule([ruleFor('relationship', 1, { parentId: null })], query)).toBeNull()
  })

  it('a proposal rule needs the proposal, and the parent and child when it names them', () => {
    expect(applicableRule([ruleFor('proposal', 1, { proposalId: 101 })], query)).toBeNull()
    expect(applicableRule([ruleFor('proposal', 1, { parentId: 2 })], query)).toBeNull()
    expect(applicableRule([ruleFor('proposal', 1, { childId: 6 })], query)).toBeNull()
    expect(applicableRule([ruleFor('proposal', 1, { parentId: 3 })], query)?.id).toBe(1)
  })

  it("a territory rule needs the territory, and the child's parent when it names one", () => {
    expect(applicableRule([ruleFor('territory', 1, { territoryId: 8 })], query)).toBeNull()
    expect(applicableRule([ruleFor('territory', 1)], { ...query, territoryId: null })).toBeNull()
    expect(applicableRule([ruleFor('territory', 1, { parentId: 2 })], query)).toBeNull()
    expect(applicableRule([ruleFor('territory', 1, { parentId: 3 })], query)?.id).toBe(1)
  })

  it('a default rule applies to anyone, but a key set on it by mistake never widens it', () => {
    expect(applicableRule([ruleFor('default', 1)], { parentId: 8, childId: 9, proposalId: 1, territoryId: null, serviceId: 2 })?.id).toBe(1)
    expect(applicableRule([ruleFor('default', 1, { parentId: 2 })], query)).toBeNull()
  })

  it('a rule for another service does not apply; with nothing left, there is no rule', () => {
    expect(applicableRule([ruleFor('proposal', 1, { serviceId: 41 }), ruleFor('default', 2, { serviceId: 41 })], query)).toBeNull()
    expect(applicableRule([], query)).toBeNull()
  })

  it('falls through to a weaker scope when the stronger rule does not match', () => {
    const rules = [
      ruleFor('proposal', 1, { proposalId: 101 }),
      ruleFor('territory', 2, { territoryId: 8 }),
      ruleFor('relationship', 3),
      ruleFor('default', 4),
    ]
    expect(applicableRule(rules, query)?.id).toBe(3)
  })
})

describe('ruleProblems', () => {
  it('finds nothing wrong with a sound rule of each scope', () => {
    for (const scope of RULE_SCOPES) expect(ruleProblems(ruleFor(scope, 1))).toEqual([])
    expect(ruleProblems(ruleFor('relationship', 1, { kind: 'fixed', rate: '250.00' }))).toEqual([])
    expect(ruleProblems(ruleFor('default', 1, { rate: '100' }))).toEqual([])
    expect(ruleProblems(ruleFor('default', 1, { rate: '0' }))).toEqual([])
  })

  it('refuses a negative rate, a percentage over 100 and a rate that is not a number', () => {
    expect(ruleProblems(ruleFor('default', 1, { rate: '-2.5' }))).toEqual([
      { field: 'rate', message: 'the rate must not be negative (got -2.5)' },
    ])
    expect(ruleProblems(ruleFor('default', 1, { rate: '100.01' }))).toEqual([
      { field: 'rate', message: 'a percent rate cannot exceed 100 (got 100.01)' },
    ])
    expect(ruleProblems(ruleFor('default', 1, { rate: '12,5' }))).toEqual([{ field: 'rate', message: 'rate "12,5" is not a number' }])
    expect(ruleProblems(ruleFor('default', 1, { rate: '1e2' }))).toEqual([{ field: 'rate', message: 'rate "1e2" is not a number' }])
  })

  it("lets a fixed amount exceed 100 but not the currency's decimals", () => {
    expect(ruleProblems(ruleFor('default', 1, { kind: 'fixed', rate: '1500' }))).toEqual([])
    expect(ruleProblems(ruleFor('default', 1, { kind: 'fixed', rate: '10.005' }))).toEqual([
      { field: 'rate', message: 'a fixed amount in USD has at most 2 decimals (got 10.005)' },
    ])
    expect(ruleProblems(ruleFor('default', 1, { kind: 'fixed', rate: '10.5', currency: 'JPY' }))).toEqual([
      { field: 'rate', message: 'a fixed amount in JPY has at most 0 decimals (got 10.5)' },
    ])
  })

  it('names the keys each scope is missing', () => {
    expect(ruleProblems({ ...base, id: 1, scope: 'relationship' })).toEqual([
      { field: 'parentId', message: 'a relationship rule needs a parent' },
      { field: 'childId', message: 'a relationship rule needs a child' },
    ])
    expect(ruleProblems({ ...base, id: 1, scope: 'proposal' })).toEqual([
      { field: 'proposalId', message: 'a proposal rule needs a proposal' },
    ])
    expect(ruleProblems({ ...base, id: 1, scope: 'territory' })).toEqual([
      { field: 'territoryId', message: 'a territory rule needs a territory' },
    ])
  })

  it('names the keys a scope never looks at', () => {
    expect(ruleProblems(ruleFor('relationship', 1, { proposalId: 100 }))).toEqual([
      { field: 'proposalId', message: 'a relationship rule does not look at the proposal: leave it empty, or make it a proposal rule' },
    ])
    expect(ruleProblems(ruleFor('proposal', 1, { territoryId: 7 }))).toEqual([
      { field: 'territoryId', message: 'a proposal rule does not look at the territory: leave it empty, or make it a territory rule' },
    ])
    expect(ruleProblems(ruleFor('default', 1, { childId: 5 }))).toEqual([
      { field: 'childId', message: 'a default rule applies to everyone: leave the child empty, or use a more specific scope' },
    ])
  })

  it('refuses a participant paying itself, bad ids, an unknown scope, kind or currency', () => {
    expect(ruleProblems(ruleFor('relationship', 1, { childId: 3 }))).toEqual([
      { field: 'childId', message: 'a participant cannot pay commission to itself: parent and child are the same' },
    ])
    expect(ruleProblems(ruleFor('default', 1, { serviceId: -4 }))).toEqual([
      { field: 'serviceId', message: 'serviceId must be a positive integer id, got -4' },
    ])
    expect(ruleProblems({ ...base, id: 1, scope: 'global' as RuleScope, kind: 'tiered' as 'fixed', currency: 'usd' })).toEqual([
      { field: 'scope', message: '"global" is not a rule scope (known scopes: proposal, territory, relationship, default)' },
      { field: 'kind', message: '"tiered" is not a rule kind (percent or fixed)' },
      { field: 'currency', message: '"usd" is not an ISO 4217 currency code (three uppercase letters)' },
    ])
  })
})

describe('commissionFor: rounded half-even to the cent, stored with 4 decimals', () => {
  const percent = (rate: string, currency = 'USD'): CommissionRule => ruleFor('relationship', 1, { rate, currency })

  it.each([
    ['12.5', '1234.56', '154.3200'], // exact
    ['10', '0.25', '0.0200'], // 0.025: tie, to the even 0.02
    ['10', '0.35', '0.0400'], // 0.035: tie, to the even 0.04
    ['5', '100.50', '5.0200'], // 5.025 → 5.02
    ['5', '100.70', '5.0400'], // 5.035 → 5.04
    ['2.5', '10.10', '0.2500'], // 0.2525 → 0.25 (below the half)
    ['33.3333', '1000.00', '333.3300'], // 333.333 → 333.33
    ['0', '1000.00', '0.0000'],
    ['100', '987.65', '987.6500'],
    ['10', '-45.55', '-4.5600'], // a credit: -4.555, tie to the even -4.56
  ])('a %s percent rule pays on %s: %s', (rate, commissionable, expected) => {
    expect(commissionFor(percent(rate), commissionable, 'USD')).toBe(expected)
  })

  it("rounds to the currency's own minor unit", () => {
    expect(commissionFor(percent('10', 'JPY'), '125', 'JPY')).toBe('12.0000') // 12.5 → 12
    expect(commissionFor(percent('10', 'JPY'), '135', 'JPY')).toBe('14.0000') // 13.5 → 14
    expect(commissionFor(percent('1.5', 'KWD'), '10.123', 'KWD')).toBe('0.1520') // 0.151845 → 0.152
  })

  it('a fixed rule pays its amount per period, whatever the commissionable amount', () => {
    const fixed = ruleFor('proposal', 3, { kind: 'fixed', rate: '250.00' })
    expect(commissionFor(fixed, '1000.00', 'USD')).toBe('250.0000')
    expect(commissionFor(fixed, '10.00', 'USD')).toBe('250.0000')
  })

  it('refuses a fixed amount in another currency', () => {
    expect(() => commissionFor(ruleFor('proposal', 3, { kind: 'fixed', rate: '250.00', currency: 'EUR' }), '1000.00', 'USD')).toThrow(
      'commission rule #3 pays a fixed EUR amount, but this commission is computed in USD',
    )
  })

  it('refuses an invalid rule, listing what is wrong, and an amount that is not a number', () => {
    expect(() => commissionFor(ruleFor('relationship', 4, { rate: '120', childId: 3 }), '10.00', 'USD')).toThrow(
      'commission rule #4 cannot be applied: a participant cannot pay commission to itself: parent and child are the same; a percent rate cannot exceed 100 (got 120)',
    )
    expect(() => commissionFor(percent('10'), '$1,000', 'USD')).toThrow('commissionable amount "$1,000" is not a number')
  })
})

describe('chainProblems: a chain may not pay more than the commissionable amount', () => {
  it('accepts a chain that pays exactly the amount', () => {
    expect(
      chainProblems(
        [
          { childId: 5, kind: 'percent', rate: '50' },
          { childId: 3, kind: 'percent', rate: '25' },
          { childId: 2, kind: 'fixed', rate: '250.00' },
        ],
        '1000.00',
        'USD',
      ),
    ).toEqual([])
  })

  it('refuses a chain that pays more, with the amounts', () => {
    const shares = [
      { childId: 5, kind: 'percent' as const, rate: '50' },
      { childId: 3, kind: 'percent' as const, rate: '30' },
      { childId: 2, kind: 'fixed' as const, rate: '250.00' },
    ]
    expect(chainProblems(shares, '1000.00', 'USD')).toEqual([
      'the chain pays USD 1,050.00 in total (percent shares USD 800.00 + fixed amounts USD 250.00), more than the commissionable USD 1,000.00 by USD 50.00',
    ])
  })

  it('adds up the amounts actually paid: three shares of 33.34% of 100.00 pay 100.02', () => {
    const shares = [5, 3, 2].map((childId) => ({ childId, kind: 'percent' as const, rate: '33.34' }))
    expect(chainProblems(shares, '100.00', 'USD')).toEqual([
      'the chain pays USD 100.02 in total (percent shares USD 100.02 + fixed amounts USD 0.00), more than the commissionable USD 100.00 by USD 0.02',
    ])
    expect(
      chainProblems(
        shares.map((s) => ({ ...s, rate: '33.33' })),
        '100.00',
        'USD',
      ),
    ).toEqual([])
  })

  it('two 50% shares of 0.05 round to 0.02 each (half-even) and fit', () => {
    expect(
      chainProblems(
        [
          { childId: 5, kind: 'percent', rate: '50' },
          { childId: 3, kind: 'percent', rate: '50' },
        ],
        '0.05',
        'USD',
      ),
    ).toEqual([])
  })

  it('refuses fixed amounts alone when they exceed the amount', () => {
    expect(
      chainProblems(
        [
          { childId: 5, kind: 'fixed', rate: '60.00' },
          { childId: 3, kind: 'fixed', rate: '45.50' },
        ],
        '100.00',
        'USD',
      ),
    ).toEqual([
      'the chain pays USD 105.50 in total (percent shares USD 0.00 + fixed amounts USD 105.50), more than the commissionable USD 100.00 by USD 5.50',
    ])
  })

  it('reports bad shares and a participant listed twice instead of a total', () => {
    expect(
      chainProblems(
        [
          { childId: 5, kind: 'percent', rate: '150' },
          { childId: 3, kind: 'fixed', rate: '-1' },
          { childId: 5, kind: 'percent', rate: '1' },
        ],
        '100.00',
        'USD',
      ),
    ).toEqual([
      'share of participant #5: a percent rate cannot exceed 100 (got 150)',
      'share of participant #3: the rate must not be negative (got -1)',
      'participant #5 has more than one share in the chain',
    ])
  })

  it('refuses a negative commissionable amount and an amount that is not a number', () => {
    expect(chainProblems([{ childId: 5, kind: 'percent', rate: '10' }], '-20.00', 'USD')).toEqual([
      'the commissionable amount is negative (USD -20.00): a chain is checked against the amount it pays out of',
    ])
    expect(() => chainProblems([], 'ten', 'USD')).toThrow('commissionable amount "ten" is not a number')
  })
})
