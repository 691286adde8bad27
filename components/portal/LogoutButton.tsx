'use client'

import React from 'react'

import { PORTAL_LOGIN_PATH } from '../../modules/portal/paths'

/** Ends the portal session (Payload's logout clears the cookie) and goes back to the login form. */
export function LogoutButton(): React.ReactElement {
  const logOut = async (): Promise<void> => {
    await fetch('/api/users/logout', { method: 'POST', credentials: 'same-origin' })
    window.location.assign(PORTAL_LOGIN_PATH)
  }
  return (
    <button type="button" onClick={() => void logOut()} data-testid="portal-logout">
      Log out
    </button>
  )
}
