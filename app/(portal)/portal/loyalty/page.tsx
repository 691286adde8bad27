import React from 'react'

import { portalBrand } from '../../../../modules/portal/brand'
import { portalSession } from '../../session'
import { BrandFrame, BrandHeader } from '../../../../components/portal/BrandFrame'
import { LogoutButton } from '../../../../components/portal/LogoutButton'
import { LoyaltySections } from '../../../../components/portal/loyalty/LoyaltySections'
import type { ProgramInfo } from '../../../../components/portal/loyalty/shared'

export const dynamic = 'force-dynamic'

/**
 * Loyalty: the consultant's points (balance, what expires when, the latest movements), products to redeem with them,
 * the wallet and the points ⇄ credit conversion, coupons, referrals and goals. The server part reads only the active
 * programs (as the logged-in user); the sections read the REST endpoints with the session cookie.
 */
export default async function PortalLoyaltyPage(): Promise<React.ReactElement> {
  const { payload, user, participantId } = await portalSession()
  const [brand, me, programs] = await Promise.all([
    portalBrand(payload, participantId, user),
    payload.findByID({ collection: 'participants', id: participantId, depth: 0, user, overrideAccess: false }).catch(() => null),
    payload.find({
      collection: 'loyalty-programs',
      where: { active: { equals: true } },
      sort: 'code',
      depth: 0,
      limit: 20,
      user,
      overrideAccess: false,
    }),
  ])
  const list: ProgramInfo[] = programs.docs.map((p) => ({ id: p.id, code: p.code, name: p.name, unitName: p.unitName || 'points' }))
  const unit = list[0]?.unitName ?? 'points'
  return (
    <BrandFrame brand={brand}>
      <BrandHeader brand={brand}>
        <span className="who" data-testid="portal-who">
          {user.name ?? user.email}
        </span>
        <LogoutButton />
      </BrandHeader>
      <nav className="portal-nav">
        <a href="/portal">Home</a>
        <a href="/portal/loyalty" aria-current="page">
          My {unit}
        </a>
        <a href="#redeem">Redeem</a>
        <a href="#wallet">Wallet</a>
        <a href="#order">Order</a>
        <a href="#coupons">Coupons</a>
        <a href="#referrals">Referrals</a>
        <a href="#goals">Goals</a>
      </nav>
      <main className="portal-main loyalty-main">
        <LoyaltySections
          programs={list}
          consultant={me?.kind === 'consultant' ? (me.code ?? null) : null}
          currency={me?.currency ?? 'USD'}
        />
      </main>
    </BrandFrame>
  )
}
