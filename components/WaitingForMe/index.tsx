import type { AdminViewServerProps } from 'payload'
import React from 'react'

/** Placeholder: the approvers' queue is being built. */
export async function WaitingForMe(_props: AdminViewServerProps): Promise<React.ReactElement> {
  return <p>Waiting for me</p>
}
