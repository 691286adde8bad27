/**
 * Program governance: draft → submitted → approved → published → closed (and withdraw back to draft), who may make
 * each move, maker-checker on approval, terms that change only in a draft, and the system that may do anything.
 */
import { describe, expect, it } from 'vitest'

import { programChangeRefusal, type ProgramChange } from '../../../engine/rebates/governance'

const OPS = { id: 5, roles: ['company_user'] }
const ADMIN = { id: 6, roles: ['company_admin'] }
const FINANCE = { id: 7, roles: ['finance'] }
const PARTNER = { id: 9, roles: ['partner'] }

const change = (over: Partial<ProgramChange> = {}): ProgramChange => ({
  label: 'Spring router promotion',
  from: 'draft',
  to: 'submitted',
  termsChanged: false,
  submittedBy: null,
  lastEditedBy: 5,
  actor: OPS,
  ...over,
})

describe('programChangeRefusal', () => {
  describe('a new program', () => {
    it('starts as a draft', () => {
      expect(programChangeRefusal(change({ from: null, to: 'draft', termsChanged: true }))).toBeNull()
      expect(programChangeRefusal(change({ from: null, to: 'published' }))).toBe('a new program starts as a draft')
      expect(programChangeRefusal(change({ from: null, to: 'approved', actor: ADMIN }))).toBe('a new program starts as a draft')
    })

    it('the system may create it in any status', () => {
      expect(programChangeRefusal(change({ from: null, to: 'published', actor: null }))).toBeNull()
    })
  })

  describe('each allowed move with its roles', () => {
    it('submit: channel operations', () => {
      expect(programChangeRefusal(change({ from: 'draft', to: 'submitted', actor: OPS }))).toBeNull()
      expect(programChangeRefusal(change({ from: 'draft', to: 'submitted', actor: ADMIN }))).toBeNull()
      expect(programChangeRefusal(change({ from: 'draft', to: 'submitted', actor: FINANCE }))).toBe(
        'only company_admin or company_user may submit a program',
      )
    })

    it('withdraw: channel operations', () => {
      expect(programChangeRefusal(change({ from: 'submitted', to: 'draft', submittedBy: 5, actor: OPS }))).toBeNull()
      expect(programChangeRefusal(change({ from: 'submitted', to: 'draft', actor: PARTNER }))).toBe(
        'only company_admin or company_user may withdraw a program',
      )
    })

    it('approve: finance or a company admin', () => {
      expect(
        programChangeRefusal(change({ from: 'submitted', to: 'approved', submittedBy: 5, lastEditedBy: 5, actor: FINANCE })),
      ).toBeNull()
      expect(programChangeRefusal(change({ from: 'submitted', to: 'approved', submittedBy: 5, lastEditedBy: 5, actor: ADMIN }))).toBeNull()
      expect(programChangeRefusal(change({ from: 'submitted', to: 'approved', submittedBy: 6, lastEditedBy: 6, actor: OPS }))).toBe(
        'only company_admin or finance may approve a program',
      )
    })

    it('publish: channel operations', () => {
      expect(programChangeRefusal(change({ from: 'approved', to: 'published', actor: OPS }))).toBeNull()
      expect(programChangeRefusal(change({ from: 'approved', to: 'published', actor: FINANCE }))).toBe(
        'only company_admin or company_user may publish a program',
      )
    })

    it('close: channel operations', () => {
      expect(programChangeRefusal(change({ from: 'published', to: 'closed', actor: ADMIN }))).toBeNull()
      expect(programChangeRefusal(change({ from: 'published', to: 'closed', actor: PARTNER }))).toBe(
        'only company_admin or company_user may close a program',
      )
    })
  })

  describe('maker-checker on approve', () => {
    it('refuses the user who submitted it', () => {
      expect(programChangeRefusal(change({ from: 'submitted', to: 'approved', submittedBy: 6, lastEditedBy: 5, actor: ADMIN }))).toBe(
        'Spring router promotion was submitted or last edited by you: another approver must approve it (maker-checker)',
      )
    })

    it('refuses the user who last edited its terms', () => {
      expect(programChangeRefusal(change({ from: 'submitted', to: 'approved', submittedBy: 5, lastEditedBy: 7, actor: FINANCE }))).toBe(
        'Spring router promotion was submitted or last edited by you: another approver must approve it (maker-checker)',
      )
    })

    it('does not apply to the other moves', () => {
      expect(programChangeRefusal(change({ from: 'approved', to: 'published', submittedBy: 6, lastEditedBy: 6, actor: ADMIN }))).toBeNull()
    })
  })

  describe('terms', () => {
    it('change freely in a draft', () => {
      expect(programChangeRefusal(change({ from: 'draft', to: 'draft', termsChanged: true }))).toBeNull()
      expect(programChangeRefusal(change({ from: 'draft', to: 'submitted', termsChanged: true }))).toBeNull()
    })

    it('do not change outside a draft, even with the status', () => {
      expect(programChangeRefusal(change({ from: 'submitted', to: 'submitted', termsChanged: true }))).toBe(
        "Spring router promotion is submitted: only a draft's terms change (withdraw it to draft first)",
      )
      expect(programChangeRefusal(change({ from: 'published', to: 'closed', termsChanged: true, actor: ADMIN }))).toBe(
        "Spring router promotion is published: only a draft's terms change (withdraw it to draft first)",
      )
      expect(programChangeRefusal(change({ from: 'approved', to: 'approved', termsChanged: true, actor: FINANCE }))).toBe(
        "Spring router promotion is approved: only a draft's terms change (withdraw it to draft first)",
      )
    })

    it('a save without a terms change or a move (notes) is allowed in any status', () => {
      expect(programChangeRefusal(change({ from: 'published', to: 'published' }))).toBeNull()
      expect(programChangeRefusal(change({ from: 'closed', to: 'closed', actor: PARTNER }))).toBeNull()
    })
  })

  it('refuses moves that are not in the flow', () => {
    expect(programChangeRefusal(change({ from: 'draft', to: 'published', actor: ADMIN }))).toBe(
      'Spring router promotion cannot go from draft to published',
    )
    expect(programChangeRefusal(change({ from: 'draft', to: 'approved', actor: FINANCE }))).toBe(
      'Spring router promotion cannot go from draft to approved',
    )
    expect(programChangeRefusal(change({ from: 'closed', to: 'published', actor: ADMIN }))).toBe(
      'Spring router promotion cannot go from closed to published',
    )
    expect(programChangeRefusal(change({ from: 'approved', to: 'draft', actor: ADMIN }))).toBe(
      'Spring router promotion cannot go from approved to draft',
    )
    expect(programChangeRefusal(change({ from: 'published', to: 'draft', actor: ADMIN }))).toBe(
      'Spring router promotion cannot go from published to draft',
    )
  })

  it('the system actor may do anything', () => {
    expect(programChangeRefusal(change({ from: 'draft', to: 'published', actor: null }))).toBeNull()
    expect(programChangeRefusal(change({ from: 'published', to: 'published', termsChanged: true, actor: null }))).toBeNull()
    expect(programChangeRefusal(change({ from: 'submitted', to: 'approved', submittedBy: 5, actor: null }))).toBeNull()
  })
})
