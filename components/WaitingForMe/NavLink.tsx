import React from 'react'

/** Placeholder: link to the approvers' queue. */
export function WaitingNavLink(): React.ReactElement | null {
  return null
}
