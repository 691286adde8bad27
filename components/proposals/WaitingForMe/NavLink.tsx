import Link from 'next/link'
import type { ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { participantIdOf, type AccessUser } from '../../../access/core/user'
import { waitingCount } from '../../../modules/proposals/waitingQueue'

/** Where the approvers' queue is mounted under the admin route (the `path` of its view in payload.config.ts). */
export const WAITING_PATH = '/waiting-for-me'

/** "Waiting for me (N)" under the admin navigation for every login attached to a participant; N counts the proposals it must approve. */
export async function WaitingNavLink({ payload, user }: ServerProps): Promise<React.ReactElement | null> {
  const principal = (user as AccessUser | undefined) ?? null
  if (participantIdOf(principal) === null) return null
  const count = await waitingCount(payload, principal)
  return (
    <Link
      className="nav__link"
      href={formatAdminURL({ adminRoute: payload.config.routes.admin, path: WAITING_PATH })}
      prefetch={false}
      data-testid="waiting-nav"
    >
      <span className="nav__link-label">Waiting for me ({count})</span>
    </Link>
  )
}
