import { notFound } from 'next/navigation'
import React from 'react'

import { portalBrand } from '../../../../../modules/portal/brand'
import { statementView } from '../../../../../modules/commission/statements/statementView'
import { portalSession } from '../../../session'
import { BrandFrame, BrandHeader } from '../../../../../components/portal/BrandFrame'
import { LogoutButton } from '../../../../../components/portal/LogoutButton'
import { StatementDetail } from '../../../../../components/portal/StatementDetail'

export const dynamic = 'force-dynamic'

/**
 * One commission statement of the logged-in participant: its totals, the breakdown chart by component and every
 * line, as the PDF prints them. Someone else's statement, or one the user may not read, is "not found" (404).
 */
export default async function PortalStatementPage({ params }: { params: Promise<{ id: string }> }): Promise<React.ReactElement> {
  const { id } = await params
  const { payload, user, participantId } = await portalSession()
  if (!/^[1-9]\d{0,8}$/.test(id)) notFound()
  const statement = await statementView(payload, user, participantId, Number(id))
  if (!statement) notFound()
  const brand = await portalBrand(payload, participantId, user)
  return (
    <BrandFrame brand={brand}>
      <BrandHeader brand={brand}>
        <span className="who" data-testid="portal-who">
          {user.name ?? user.email} · {statement.participant.name}
        </span>
        <LogoutButton />
      </BrandHeader>
      <nav className="portal-nav">
        <a href="/portal">Home</a>
        <a href="/portal#statements">Statements</a>
      </nav>
      <main className="portal-main">
        <StatementDetail statement={statement} />
      </main>
    </BrandFrame>
  )
}
