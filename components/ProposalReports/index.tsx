import type { AdminViewServerProps } from 'payload'
import React from 'react'

/** Placeholder: the proposal reports are being built. */
export async function ProposalReports(_props: AdminViewServerProps): Promise<React.ReactElement> {
  return <p>Proposal reports</p>
}
