import config from '@payload-config'
import { getPayload } from 'payload'
import React from 'react'

import { PLAIN_PORTAL_BRAND, toPortalBrand, type PortalBrand } from '../../../../modules/portal/brand'
import { BrandFrame } from '../../../../components/portal/BrandFrame'
import { LoginForm } from '../../../../components/portal/LoginForm'

export const dynamic = 'force-dynamic'

/** Before login the portal does not know whose brand to show: it uses the default brand. */
async function defaultBrand(): Promise<PortalBrand> {
  const payload = await getPayload({ config })
  const found = await payload.find({
    collection: 'brands',
    where: { isDefault: { equals: true } },
    depth: 1,
    limit: 1,
    overrideAccess: true,
  })
  const brand = found.docs[0]
  return brand ? toPortalBrand(brand) : PLAIN_PORTAL_BRAND
}

const PROBLEMS: Record<string, string> = {
  'no-participant': 'This login is not attached to a participant, so the portal has nothing to show it. Staff use the admin.',
}

export default async function PortalLogin({ searchParams }: { searchParams: Promise<{ problem?: string }> }): Promise<React.ReactElement> {
  const brand = await defaultBrand()
  const { problem } = await searchParams
  return (
    <BrandFrame brand={brand}>
      <div className="portal-card">
        <h1>Partner portal</h1>
        <p>Log in to see your proposals, clients, statements and payments.</p>
        {problem && PROBLEMS[problem] ? <p className="error">{PROBLEMS[problem]}</p> : null}
        <LoginForm />
      </div>
    </BrandFrame>
  )
}
