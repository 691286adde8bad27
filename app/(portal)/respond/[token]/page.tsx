import config from '@payload-config'
import { getPayload } from 'payload'
import React from 'react'

import { proposalForLink } from '../../../../modules/proposals/prospectView'
import { PLAIN_PORTAL_BRAND, portalBrand } from '../../../../modules/portal/brand'
import { amount } from '../../../../components/portal/Lists'
import { BrandFrame, BrandHeader } from '../../../../components/portal/BrandFrame'
import { RespondForm } from '../../../../components/proposals/RespondForm'

export const dynamic = 'force-dynamic'

const STATUS_TEXT: Record<string, string> = {
  accepted: 'This proposal has been accepted. Thank you.',
  declined: 'This proposal was declined.',
}

/**
 * The page a prospect opens from the link in their proposal email: no login, the signed token is the authority.
 * Painted in the brand of the partner who made the proposal; an altered or expired link says so and shows nothing.
 */
export default async function RespondPage({ params }: { params: Promise<{ token: string }> }): Promise<React.ReactElement> {
  const { token } = await params
  const payload = await getPayload({ config })
  const linked = await proposalForLink(payload, token, new Date())
  if (!linked.ok) {
    return (
      <BrandFrame brand={PLAIN_PORTAL_BRAND}>
        <div className="portal-card">
          <h1>This link cannot be used</h1>
          <p className="error" data-testid="respond-refused">
            {linked.message[0]!.toUpperCase() + linked.message.slice(1)}.
          </p>
        </div>
      </BrandFrame>
    )
  }
  const { view } = linked
  const brand = view.brandParticipant === null ? PLAIN_PORTAL_BRAND : await portalBrand(payload, view.brandParticipant, null)
  return (
    <BrandFrame brand={brand}>
      <BrandHeader brand={brand} />
      <div className="portal-card wide">
        <h1 data-testid="respond-title">A proposal for {view.company}</h1>
        <table data-testid="respond-services">
          <thead>
            <tr>
              <th>Service</th>
              <th>Billed</th>
              <th className="amount">Quantity</th>
              <th className="amount">Price</th>
            </tr>
          </thead>
          <tbody>
            {view.services.map((line, index) => (
              <tr key={index}>
                <td>{line.name}</td>
                <td>{line.billing}</td>
                <td className="amount">{line.quantity}</td>
                <td className="amount">{amount(line.price, line.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {view.status === 'sent' ? (
          <>
            {view.respondBy ? <p>Please answer by {view.respondBy.slice(0, 10)}.</p> : null}
            <RespondForm token={token} />
          </>
        ) : (
          <p className="notice" data-testid="respond-outcome">
            {STATUS_TEXT[view.status] ?? `This proposal is ${view.status} and cannot be answered now.`}
          </p>
        )}
      </div>
    </BrandFrame>
  )
}
