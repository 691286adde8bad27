/**
 * Which brand a participant is shown in: the brand applied to the nearest client owner at or above it,
 * else the default brand.
 */

export type BrandAssignment = { participantId: number; brandId: number | null }

/**
 * `ancestry` lists the participant and its ancestors with their directly applied brand, root first
 * (the order of a materialized path); the nearest non-null brand wins.
 */
export function resolveBrandId(ancestry: readonly BrandAssignment[], defaultBrandId: number | null): number | null {
  for (let i = ancestry.length - 1; i >= 0; i--) {
    const brandId = ancestry[i]!.brandId
    if (brandId !== null) return brandId
  }
  return defaultBrandId
}

/** Participant kinds that may carry a brand of their own (the proposal document's "client owners"). */
export const CLIENT_OWNER_KINDS = ['operating_company', 'territory_owner', 'partner'] as const

export function isClientOwnerKind(kind: string): boolean {
  return (CLIENT_OWNER_KINDS as readonly string[]).includes(kind)
}

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/

export function colourProblem(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  return typeof value === 'string' && HEX_COLOUR.test(value) ? null : `"${String(value)}" is not a colour like #1a2b3c`
}
