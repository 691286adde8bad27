import { describe, expect, it } from 'vitest'

import {
  sameValue,
  testFailureMessage,
  testsRequired,
  transitionRefusal,
  type RuleActor,
  type RuleVersionChange,
} from '../../../modules/rules/governance'

const editor: RuleActor = { id: 1, roles: ['company_user'] }
const admin: RuleActor = { id: 2, roles: ['company_admin'] }
const otherAdmin: RuleActor = { id: 3, roles: ['company_admin'] }
const finance: RuleActor = { id: 4, roles: ['finance'] }
const auditor: RuleActor = { id: 5, roles: ['auditor'] }

const change = (over: Partial<RuleVersionChange>): RuleVersionChange => ({
  versionLabel: 'Dealer plan v2',
  from: 'draft',
  to: 'draft',
  changed: [],
  lastEditedBy: 1,
  actor: editor,
  ...over,
})

describe('rule version governance', () => {
  it('lets catalog editors create drafts only, never an approved version directly', () => {
    expect(transitionRefusal(change({ from: null, to: 'draft' }))).toBeNull()
    expect(transitionRefusal(change({ from: null, to: 'approved', actor: admin }))?.message).toBe(
      'a new version starts as a draft; save it, then submit it for approval',
    )
    expect(transitionRefusal(change({ from: null, to: 'draft', actor: finance }))?.message).toBe(
      'only a company admin or company user writes rule versions',
    )
  })

  it('edits a draft, refuses to edit a submitted version until it is withdrawn to draft', () => {
    expect(transitionRefusal(change({ changed: ['content'] }))).toBeNull()
    expect(transitionRefusal(change({ from: 'submitted', to: 'submitted', changed: ['testCases'] }))).toEqual({
      path: 'testCases',
      message: 'Dealer plan v2 is submitted for approval and cannot be edited; withdraw it to draft first (set its status to draft)',
    })
    expect(transitionRefusal(change({ from: 'submitted', to: 'draft' }))).toBeNull()
    expect(transitionRefusal(change({ from: 'submitted', to: 'submitted', changed: ['notes'] }))).toBeNull()
  })

  it('approves by a company admin or finance user who did not edit the version last (maker-checker)', () => {
    expect(transitionRefusal(change({ from: 'submitted', to: 'approved', lastEditedBy: 2, actor: admin }))).toEqual({
      path: 'status',
      message: 'you edited Dealer plan v2 last; another user must approve it (maker-checker)',
    })
    expect(transitionRefusal(change({ from: 'submitted', to: 'approved', lastEditedBy: 2, actor: otherAdmin }))).toBeNull()
    expect(transitionRefusal(change({ from: 'submitted', to: 'approved', lastEditedBy: 1, actor: finance }))).toBeNull()
    expect(transitionRefusal(change({ from: 'submitted', to: 'approved', lastEditedBy: 2, actor: editor }))?.message).toBe(
      'only a company admin or finance approves a rule version',
    )
    expect(transitionRefusal(change({ from: 'submitted', to: 'approved', actor: auditor }))?.message).toBe(
      'only a company admin or finance approves a rule version',
    )
  })

  it('never skips a step', () => {
    expect(transitionRefusal(change({ from: 'draft', to: 'approved', lastEditedBy: 1, actor: admin }))?.message).toBe(
      'Dealer plan v2 is draft; it cannot go to approved directly (draft → submitted → approved → retired)',
    )
    expect(transitionRefusal(change({ from: 'submitted', to: 'retired', actor: admin }))?.path).toBe('status')
  })

  it('freezes an approved version: only a company admin retires it, nothing else changes', () => {
    expect(transitionRefusal(change({ from: 'approved', to: 'approved', changed: ['content'], actor: admin }))).toEqual({
      path: 'content',
      message:
        'Dealer plan v2 is approved and frozen: its content can no longer be changed; create a new version with a later effective date',
    })
    expect(transitionRefusal(change({ from: 'approved', to: 'draft', actor: admin }))?.message).toBe(
      'Dealer plan v2 is approved and frozen: its status can only go to retired; create a new version with a later effective date',
    )
    expect(transitionRefusal(change({ from: 'approved', to: 'retired', actor: admin }))).toBeNull()
    expect(transitionRefusal(change({ from: 'approved', to: 'approved', actor: finance }))).toBeNull()
    expect(transitionRefusal(change({ from: 'approved', to: 'retired', actor: finance }))?.message).toBe(
      'only a company admin retires an approved version',
    )
    expect(transitionRefusal(change({ from: 'retired', to: 'approved', actor: admin }))?.message).toBe(
      'Dealer plan v2 is retired and can no longer be changed',
    )
    expect(transitionRefusal(change({ from: 'retired', to: 'retired', changed: ['notes'], actor: admin }))?.message).toBe(
      'Dealer plan v2 is retired and can no longer be changed',
    )
  })

  it('keeps a version in its rule set', () => {
    expect(transitionRefusal(change({ changed: ['ruleSet'] }))?.path).toBe('ruleSet')
  })

  it('lets the system (seeds, no user) through every allowed step', () => {
    expect(transitionRefusal(change({ from: 'submitted', to: 'approved', lastEditedBy: null, actor: null }))).toBeNull()
  })

  it('runs the tests on submission and approval, and names the first failing case', () => {
    expect([testsRequired('draft', 'submitted'), testsRequired('submitted', 'approved'), testsRequired('approved', 'retired')]).toEqual([
      'submit',
      'approve',
      null,
    ])
    expect(testFailureMessage('Dealer plan v2', 'submit', [])).toBe(
      'Dealer plan v2 needs at least one test case before it can be submitted',
    )
    const outcomes = [
      { name: 'Upgrade', passed: true, message: 'passed', actual: [] },
      { name: 'Port-in', passed: false, message: 'expected amount 20 but no result matched', actual: [] },
      { name: 'Downgrade', passed: false, message: 'unexpected result', actual: [] },
    ]
    expect(testFailureMessage('Dealer plan v2', 'approve', outcomes)).toBe(
      'Dealer plan v2 cannot be approved: test case "Port-in" fails: expected amount 20 but no result matched (and 1 more failing)',
    )
    expect(testFailureMessage('Dealer plan v2', 'submit', outcomes.slice(0, 1))).toBeNull()
  })

  it('compares documents regardless of key order', () => {
    expect(sameValue({ a: 1, b: [{ x: 1, y: 2 }] }, { b: [{ y: 2, x: 1 }], a: 1 })).toBe(true)
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false)
    expect(sameValue(null, undefined)).toBe(true)
  })
})
