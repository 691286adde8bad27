import React from 'react'

import { subtreeSegment } from '../../../../engine/network'
import { dbPool } from '../../../../db/pool'
import { portalBrand } from '../../../../modules/portal/brand'
import { portalSession } from '../../session'
import { BrandFrame, BrandHeader } from '../../../../components/portal/BrandFrame'
import { LogoutButton } from '../../../../components/portal/LogoutButton'
import { RebatesSections } from '../../../../components/portal/rebates/RebatesSections'

export const dynamic = 'force-dynamic'

/**
 * Rebates: a distributor's balances, the promotions it may earn under, its unclaimed sales to claim (by picking, by
 * invoice or by spreadsheet), its claims with their lines and disputes, its credit memos and its deal registrations.
 * The sections read the REST endpoints as the logged-in user; the server only adds the SKUs of the products its own
 * subtree sold or registered deals for (the product catalogue itself is staff-only).
 */
export default async function PortalRebatesPage(): Promise<React.ReactElement> {
  const { payload, user, participantId } = await portalSession()
  const pool = dbPool(payload)
  const [brand, products] = await Promise.all([
    portalBrand(payload, participantId, user),
    pool.query<{ id: number; code: string }>(
      `select pr.id, pr.code from products pr
        where pr.id in (select pl.product_id from pos_lines pl join participants pa on pa.id = pl.partner_id
                         where strpos(pa.path, $1) > 0
                        union
                        select dl.product_id from deals_lines dl join deals d on d.id = dl._parent_id
                          join participants pa on pa.id = d.partner_id where strpos(pa.path, $1) > 0)`,
      [subtreeSegment(participantId)],
    ),
  ])
  const skus = Object.fromEntries(products.rows.map((p) => [String(p.id), p.code]))
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
        <a href="/portal/rebates" aria-current="page">
          Rebates
        </a>
        <a href="#balances">Balances</a>
        <a href="#promotions">Promotions</a>
        <a href="#unclaimed">Unclaimed sales</a>
        <a href="#claims">My claims</a>
        <a href="#memos">Credit memos</a>
        <a href="#deals">Deals</a>
      </nav>
      <main className="portal-main rebates-main">
        <RebatesSections skus={skus} />
      </main>
    </BrandFrame>
  )
}
