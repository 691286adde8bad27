import config from '@payload-config'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getPayload, type Payload } from 'payload'

import type { User } from '../../payload-types'
import { PORTAL_LOGIN_PATH } from '../../modules/portal/paths'

export type PortalSession = { payload: Payload; user: User; participantId: number }

/**
 * The logged-in portal user (the session cookie the login set), or a redirect to the portal login. A login without a
 * participant has nothing to show in the portal.
 */
export async function portalSession(): Promise<PortalSession> {
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  if (!user || user.collection !== 'users') redirect(PORTAL_LOGIN_PATH)
  const participant = user.participant
  const participantId =
    participant === null || participant === undefined ? null : typeof participant === 'object' ? participant.id : participant
  if (participantId === null) redirect(`${PORTAL_LOGIN_PATH}?problem=no-participant`)
  return { payload, user: user as User, participantId }
}
