'use client'

import React, { useCallback, useState } from 'react'

import { Coupons } from './Coupons'
import { Goals } from './Goals'
import { Order } from './Order'
import { Points } from './Points'
import { Redeem } from './Redeem'
import { Referrals } from './Referrals'
import type { ProgramInfo } from './shared'
import { Wallet } from './Wallet'

/**
 * The loyalty page body: points, redemption, wallet, an order with its incentives, coupons, referrals and goals of the logged-in consultant. Every
 * section reads the REST API with the session cookie (which keeps a consultant to their own holder); after a
 * redemption or a conversion every section reads again, so balances always come from the server.
 */
export function LoyaltySections({
  programs,
  consultant,
  currency,
}: {
  programs: ProgramInfo[]
  /** The logged-in consultant's code and currency (their orders are placed in it). */
  consultant: string | null
  currency: string
}): React.ReactElement {
  const [version, setVersion] = useState(0)
  const [code, setCode] = useState(programs[0]?.code ?? '')
  const changed = useCallback(() => setVersion((v) => v + 1), [])
  const program = programs.find((p) => p.code === code) ?? programs[0]
  if (!program)
    return (
      <section id="points" className="portal-section">
        <h2>Loyalty</h2>
        <p className="empty" data-testid="loyalty-no-program">
          There is no loyalty program running yet.
        </p>
      </section>
    )
  const props = { program, version, onChanged: changed }
  return (
    <>
      {programs.length > 1 ? (
        <p className="loyalty-program-pick">
          <label htmlFor="loyalty-program">Program</label>
          <select id="loyalty-program" data-testid="loyalty-program" value={program.code} onChange={(event) => setCode(event.target.value)}>
            {programs.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <Points {...props} />
      <Redeem {...props} />
      <Wallet {...props} />
      {consultant ? <Order {...props} consultant={consultant} currency={currency} /> : null}
      <Coupons {...props} />
      <Referrals {...props} />
      <Goals {...props} />
    </>
  )
}
