'use client'

import { useRouter } from 'next/navigation'
import React, { useCallback, useState } from 'react'

import { Balances } from './Balances'
import { CreditMemos } from './CreditMemos'
import { Deals } from './Deals'
import { MyClaims } from './MyClaims'
import { Promotions } from './Promotions'
import { UnclaimedSales } from './UnclaimedSales'

/**
 * The Rebates page body. Every section reads the REST API with the session cookie (which keeps a partner to its own
 * subtree); after a claim, a dispute or a deal every section reads again, and the server part (the SKU names) refreshes.
 */
export function RebatesSections({ skus }: { skus: Record<string, string> }): React.ReactElement {
  const router = useRouter()
  const [version, setVersion] = useState(0)
  const changed = useCallback(() => {
    setVersion((v) => v + 1)
    router.refresh()
  }, [router])
  return (
    <>
      <Balances version={version} />
      <Promotions version={version} />
      <UnclaimedSales version={version} skus={skus} onChanged={changed} />
      <MyClaims version={version} onChanged={changed} />
      <CreditMemos version={version} />
      <Deals version={version} skus={skus} onChanged={changed} />
    </>
  )
}
