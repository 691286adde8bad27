'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

/**
 * On an API key's page: issue a new secret and show it once (only its hash is stored). The previous secret keeps
 * working for the overlap chosen, so the integration switches without downtime. A key created in the admin gets its
 * first usable secret here (the create answer over REST carries one; the admin form does not show it).
 */
export function RotateKeyButton(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  const [shown, setShown] = useState<string | null>(null)
  if (!id) return null
  const rotate = async () => {
    const hours = window.prompt('Issue a new secret. For how many hours should the current secret keep working? (0–168)', '24')
    if (hours === null) return
    const res = await fetch(`/api/api-keys/${id}/rotate`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ overlapHours: Number(hours) }),
    })
    const body = (await res.json().catch(() => ({}))) as { secret?: string; errors?: { message: string }[] }
    setShown(body.secret ? `New secret (shown once): ${body.secret}` : (body.errors?.[0]?.message ?? `HTTP ${res.status}`))
  }
  return (
    <span style={{ marginRight: 8 }}>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void rotate()} data-testid="api-key-rotate">
        Issue a new secret
      </button>
      {shown ? (
        <code style={{ marginLeft: 8, userSelect: 'all' }} data-testid="api-key-rotate-message">
          {shown}
        </code>
      ) : null}
    </span>
  )
}
