import type { Payload } from 'payload'

import { brandIdOfParticipant } from './resolveBrand'
import type { Brand, Media, User } from '../../payload-types'
import { dbPool } from '../../db/pool'

/** What the portal paints with: the client owner's brand of the participant (the one brand rule), else plain. */
export type PortalBrand = { name: string; primaryColor: string; secondaryColor: string; textColor: string; logoUrl: string | null }

export const PLAIN_PORTAL_BRAND: PortalBrand = {
  name: 'Accrue',
  primaryColor: '#1f3a5f',
  secondaryColor: '#e8eef5',
  textColor: '#111827',
  logoUrl: null,
}

/**
 * The brand a participant is shown in. The brand is read with the viewer's own access (`user`, no override) when a
 * viewer is given, so a portal user can only ever be painted in a brand the foundation lets them read; the prospect's
 * answer page has no viewer and reads the proposal author's brand with the system's rights.
 */
export async function portalBrand(payload: Payload, participantId: number, viewer: User | null): Promise<PortalBrand> {
  const pool = dbPool(payload)
  const brandId = await brandIdOfParticipant(pool, participantId)
  if (brandId === null) return PLAIN_PORTAL_BRAND
  const brand = await payload.findByID({
    collection: 'brands',
    id: brandId,
    depth: 1,
    disableErrors: true,
    ...(viewer ? { user: viewer, overrideAccess: false } : { overrideAccess: true }),
  })
  return brand ? toPortalBrand(brand) : PLAIN_PORTAL_BRAND
}

/** A brand document as the portal paints with it (the plain colours where the brand sets none). */
export function toPortalBrand(brand: Brand): PortalBrand {
  const logo = typeof brand.logo === 'object' && brand.logo !== null ? (brand.logo as Media) : null
  return {
    name: brand.name,
    primaryColor: brand.primaryColor ?? PLAIN_PORTAL_BRAND.primaryColor,
    secondaryColor: brand.secondaryColor ?? PLAIN_PORTAL_BRAND.secondaryColor,
    textColor: brand.textColor ?? PLAIN_PORTAL_BRAND.textColor,
    logoUrl: logo?.url ?? null,
  }
}
