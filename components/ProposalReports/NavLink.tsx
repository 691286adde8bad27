import React from 'react'

/** Placeholder: link to the proposal reports. */
export function ReportsNavLink(): React.ReactElement | null {
  return null
}
