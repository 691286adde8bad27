import { describe, expect, it } from 'vitest'

import { ownerProblem, payableMembers, termParticipantProblem } from '../../../engine/proposals/ownership'
import type { CommissionRule } from '../../../engine/proposals/rules'
import { MAX_QUANTITY, lineAmount, serviceLineProblems } from '../../../engine/proposals/serviceLines'
import { termChainProblems, termProblems, type ProposedTerm } from '../../../engine/proposals/terms'

// The network: company 1 (root) → partner 2 → territory owner 3 → agent 5; a sibling partner 7 → its territory owner 8.
const AGENT_PATH = '/1/2/3/5/'
const coastal = { id: 7, name: 'Coastal Connect Partners' }

describe('a prospect’s owner is the writer’s participant or one beneath it', () => {
  it('accepts the writer’s own participant and any participant beneath it', () => {
    expect(ownerProblem(7, '/1/7/', coastal)).toBeNull()
    expect(ownerProblem(8, '/1/7/8/', coastal)).toBeNull()
  })

  it('refuses a sibling, an ancestor and a participant that does not exist with one message, naming only the writer', () => {
    const message = (id: number) =>
      `the owner is Coastal Connect Partners or a participant beneath it; participant #${id} is not one of them`
    expect(ownerProblem(2, '/1/2/', coastal)).toBe(message(2))
    expect(ownerProblem(1, '/1/', coastal)).toBe(message(1))
    expect(ownerProblem(987654, null, coastal)).toBe(message(987654))
  })

  it('refuses a writer without a participant', () => {
    expect(ownerProblem(7, '/1/7/', null)).toBe('only a login attached to a participant writes prospects')
  })

  it('a segment that only looks like the writer’s id does not count (/17/ is not /7/)', () => {
    expect(ownerProblem(17, '/1/17/', coastal)).toBe(
      'the owner is Coastal Connect Partners or a participant beneath it; participant #17 is not one of them',
    )
  })
})

describe('a proposal’s terms pay members of the author’s own chain below the operating company', () => {
  it('the payable members are the author and its ancestors, without the root', () => {
    expect(payableMembers(AGENT_PATH)).toEqual([2, 3, 5])
    expect(payableMembers('/1/')).toEqual([])
  })

  it('refuses another tenant, the root, an unknown id and any term of a proposal written at the root', () => {
    expect(termParticipantProblem(5, AGENT_PATH)).toBeNull()
    expect(termParticipantProblem(2, AGENT_PATH)).toBeNull()
    expect(termParticipantProblem(7, AGENT_PATH)).toBe(
      'terms pay members of your own chain (participants #2, #3, #5); participant #7 is not one of them',
    )
    expect(termParticipantProblem(1, AGENT_PATH)).toBe(
      'terms pay members of your own chain (participants #2, #3, #5); participant #1 is not one of them',
    )
    expect(termParticipantProblem(null, AGENT_PATH)).toBe(
      'terms pay members of your own chain (participants #2, #3, #5); participant #null is not one of them',
    )
    expect(termParticipantProblem(1, '/1/')).toBe(
      'a proposal written at the operating company pays no commission terms: leave the terms empty',
    )
  })
})

describe('a service line holds a whole, bounded quantity and a price from zero to the bound', () => {
  it.each([
    [{ quantity: 2, price: '450.00' }, []],
    [{ quantity: 1, price: null }, []],
    [{ quantity: MAX_QUANTITY, price: '0' }, []],
    [{ quantity: 1, price: '1000000.00' }, []],
    [{ quantity: 1.5, price: null }, [['quantity', 'service line 1: the quantity is a whole number of units (got 1.5)']]],
    [{ quantity: 0, price: null }, [['quantity', 'service line 1: the quantity is at least 1 (got 0)']]],
    [{ quantity: -3, price: null }, [['quantity', 'service line 1: the quantity is at least 1 (got -3)']]],
    [{ quantity: 1e12, price: null }, [['quantity', 'service line 1: at most 100000 units on one line (got 1000000000000)']]],
    [{ quantity: 'many', price: null }, [['quantity', 'service line 1: the quantity is a whole number of units (got many)']]],
    [{ quantity: 1, price: '-0.01' }, [['price', 'service line 1: the price must not be negative (got -0.01)']]],
    [{ quantity: 1, price: '(12.00)' }, [['price', 'service line 1: the price must not be negative (got (12.00))']]],
    [{ quantity: 1, price: '1,000,000.01' }, [['price', 'service line 1: the price is at most 1000000.00 a unit (got 1,000,000.01)']]],
    [{ quantity: 1, price: 'abc' }, []], // the money field reports what does not parse
  ] as const)('%j → %j', (line, expected) => {
    expect(serviceLineProblems(line, 0).map((p) => [p.field, p.message])).toEqual(expected)
  })

  it('what a line earns is price × quantity, exactly', () => {
    expect(lineAmount('450.0000', 2, 'USD')).toBe('900')
    expect(lineAmount('0.0100', 100000, 'USD')).toBe('1000')
  })
})

const term = (over: Partial<ProposedTerm>): ProposedTerm => ({ participantId: 5, kind: 'percent', rate: '10', serviceId: null, ...over })

describe('each proposed term is checked as the rule it becomes', () => {
  it('names the field of each problem, numbered from 1', () => {
    expect(
      termProblems(
        [
          term({}),
          term({ rate: '5000' }),
          term({ participantId: 7 }),
          term({ kind: 'bonus' }),
          term({ rate: '-1' }),
          term({ kind: 'fixed', rate: '12.345' }),
        ],
        AGENT_PATH,
        'USD',
      ),
    ).toEqual([
      { field: 'terms.1.rate', message: 'term 2: a percent rate cannot exceed 100 (got 5000)' },
      {
        field: 'terms.2.participant',
        message: 'term 3: terms pay members of your own chain (participants #2, #3, #5); participant #7 is not one of them',
      },
      { field: 'terms.3.kind', message: 'term 4: "bonus" is not a rule kind (percent or fixed)' },
      { field: 'terms.4.rate', message: 'term 5: the rate must not be negative (got -1)' },
      { field: 'terms.5.rate', message: 'term 6: a fixed amount in USD has at most 2 decimals (got 12.345)' },
    ])
  })
})

describe('at submit, the terms over the rules in force never pay more than a line earns down the chain', () => {
  const everyone10: CommissionRule = {
    id: 1,
    scope: 'default',
    parentId: null,
    childId: null,
    proposalId: null,
    territoryId: null,
    serviceId: null,
    kind: 'percent',
    rate: '10',
    currency: 'USD',
  }
  const ctx = { proposalId: 40, authorPath: AGENT_PATH, territoryId: null, currency: 'USD' }
  const line = { serviceId: 9, amount: '900', currency: 'USD' }

  it('70 % for the agent fits beside 10 % for its two ancestors (90 % of 900.00)', () => {
    expect(termChainProblems([term({ rate: '70' })], [line], [everyone10], ctx)).toEqual([])
  })

  it('81 % does not: 10 + 10 + 81 = 101 % of 900.00, reported on the term that takes part', () => {
    expect(termChainProblems([term({ rate: '81' })], [line], [everyone10], ctx)).toEqual([
      {
        field: 'terms.0.rate',
        message:
          'term 1: with the proposed terms, service line 1 would pay more than it earns down the chain: the chain pays USD 909.00 in total (percent shares USD 909.00 + fixed amounts USD 0.00), more than the commissionable USD 900.00 by USD 9.00',
      },
    ])
  })

  it('a term for another service does not take part in the line, and a fixed term counts in full', () => {
    expect(termChainProblems([term({ rate: '95', serviceId: 10 })], [line], [everyone10], ctx)).toEqual([])
    expect(termChainProblems([term({ participantId: 3, kind: 'fixed', rate: '800.00' })], [line], [everyone10], ctx)[0]?.field).toBe(
      'terms.0.rate',
    )
  })

  it('a line the rules in force already overpay without the terms is not the terms’ fault', () => {
    const greedy: CommissionRule = { ...everyone10, id: 2, scope: 'relationship', parentId: 1, childId: 2, rate: '100' }
    expect(termChainProblems([term({ rate: '1', serviceId: 10 })], [line], [everyone10, greedy], ctx)).toEqual([])
  })
})
