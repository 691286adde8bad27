import { describe, expect, it } from 'vitest'

import { ROLES, canGrantRole, roleRank, roleSetProblems } from '../../../engine/network/roles'
import { documentedGrantMatrix } from '../../support/roleMatrix'

describe('who may grant which role', () => {
  const matrix = documentedGrantMatrix()

  it('the README matrix covers every role as creator and as granted role', () => {
    expect([...matrix.keys()].sort()).toEqual([...ROLES].sort())
    for (const row of matrix.values()) expect([...row.keys()].sort()).toEqual([...ROLES].sort())
  })

  for (const creator of ROLES) {
    for (const role of ROLES) {
      const allowed = matrix.get(creator)!.get(role)!
      it(`${creator} ${allowed ? 'may' : 'may not'} grant ${role}`, () => {
        expect(canGrantRole([creator], role)).toBe(allowed)
      })
    }
  }

  it('a login with several roles grants up to its highest managing role', () => {
    expect(canGrantRole(['agent', 'territory_owner_admin'], 'territory_owner_user')).toBe(true)
    expect(canGrantRole(['agent', 'territory_owner_admin'], 'partner_user')).toBe(false)
  })
})

describe('role sets', () => {
  it('ranks the hierarchy from company admin (9) down to referrer (1), staff outside it', () => {
    expect(roleRank('company_admin')).toBe(9)
    expect(roleRank('referrer')).toBe(1)
    expect(roleRank('finance')).toBe(0)
  })

  it('refuses unknown roles by name', () => {
    expect(roleSetProblems(['agent', 'superuser'], false)).toEqual([expect.stringContaining('"superuser" is not a role')])
  })

  it('refuses an auditor who also holds another role', () => {
    expect(roleSetProblems(['auditor', 'finance'], true)[0]).toMatch(/auditor .* cannot be combined/)
  })

  it('keeps company and staff roles on logins of the operating company', () => {
    expect(roleSetProblems(['finance'], false)[0]).toMatch(/operating company/)
    expect(roleSetProblems(['finance'], true)).toEqual([])
  })

  it('requires at least one role', () => {
    expect(roleSetProblems([], true)).toEqual(['at least one role is required'])
  })
})
