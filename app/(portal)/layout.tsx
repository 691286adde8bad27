import React from 'react'

import './portal.css'

export const metadata = { title: 'Partner portal · Accrue' }

/** The partner portal and the prospect's answer page: a root layout of their own, outside the admin's. */
export default function PortalLayout({ children }: { children: React.ReactNode }): React.ReactElement {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
