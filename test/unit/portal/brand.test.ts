import { describe, expect, it } from 'vitest'

import { colourProblem, isClientOwnerKind, resolveBrandId } from '../../../engine/portal/brand'

describe('brand resolution', () => {
  it('uses the nearest client owner brand at or above the participant', () => {
    const ancestry = [
      { participantId: 1, brandId: 10 },
      { participantId: 2, brandId: 20 },
      { participantId: 3, brandId: null },
      { participantId: 4, brandId: null },
    ]
    expect(resolveBrandId(ancestry, 99)).toBe(20)
  })

  it("uses the participant's own brand first", () => {
    expect(
      resolveBrandId(
        [
          { participantId: 1, brandId: 10 },
          { participantId: 2, brandId: 30 },
        ],
        99,
      ),
    ).toBe(30)
  })

  it('falls back to the default brand when nobody above carries one', () => {
    expect(
      resolveBrandId(
        [
          { participantId: 1, brandId: null },
          { participantId: 5, brandId: null },
        ],
        99,
      ),
    ).toBe(99)
  })

  it('only the operating company, partners and territory owners are client owners', () => {
    expect(['operating_company', 'partner', 'territory_owner'].every(isClientOwnerKind)).toBe(true)
    expect(['dealer', 'agent', 'distributor', 'referrer'].some(isClientOwnerKind)).toBe(false)
  })

  it('accepts #rrggbb colours only', () => {
    expect(colourProblem('#0f766e')).toBeNull()
    expect(colourProblem('teal')).toBe('"teal" is not a colour like #1a2b3c')
    expect(colourProblem('#fff')).not.toBeNull()
  })
})
