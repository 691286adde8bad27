import { describe, expect, it } from 'vitest'

import { roleListProblem } from '../../../collections/network/Users/hooks/requireRoleList'
import { diffDocuments } from '../../../engine/system/audit'

describe("a login's roles are a non-empty list of names", () => {
  it.each([
    ['company_admin', 'roles must be a list of role names, e.g. ["partner_user"], not the text "company_admin"'],
    [{ 0: 'company_admin' }, 'roles must be a list of role names, e.g. ["partner_user"], not an object'],
    [7, 'roles must be a list of role names, e.g. ["partner_user"], not the number 7'],
    [null, 'roles must be a list of role names, e.g. ["partner_user"], not null'],
    [[], 'a login needs at least one role'],
    [['agent', 3], 'roles must be a list of role names, and the number 3 is not one'],
  ])('%j is refused', (value, message) => {
    expect(roleListProblem(value)).toBe(message)
  })

  it("a list of names passes (whether each is a known role is the role guard's question)", () => {
    expect(roleListProblem(['agent'])).toBeNull()
    expect(roleListProblem(['agent', 'no_such_role'])).toBeNull()
  })
})

describe('diffDocuments', () => {
  it('skips the fields it is told are not part of the document', () => {
    const before = { id: 1, name: 'Bay', children: { docs: [2] } }
    const after = { id: 1, name: 'Bay Mobile' }
    expect(diffDocuments(before, after, new Set(['children']))).toEqual([{ field: 'name', before: 'Bay', after: 'Bay Mobile' }])
  })
})
