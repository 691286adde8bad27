'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

/**
 * On a webhook subscription's page: rotate its signing secret and show the new one once (it is stored sealed and
 * never shown again), to copy into the receiver.
 */
export function RotateSecretButton(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  const [shown, setShown] = useState<string | null>(null)
  if (!id) return null
  const rotate = async () => {
    if (!window.confirm('Rotate the signing secret? The receiver must switch to the new one; the old one stops at once.')) return
    const res = await fetch(`/api/webhook-subscriptions/${id}/rotate-secret`, { method: 'POST', credentials: 'include' })
    const body = (await res.json().catch(() => ({}))) as { secret?: string; errors?: { message: string }[] }
    setShown(body.secret ? `New secret (shown once): ${body.secret}` : (body.errors?.[0]?.message ?? `HTTP ${res.status}`))
  }
  return (
    <span style={{ marginRight: 8 }}>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void rotate()} data-testid="webhook-rotate">
        Rotate secret
      </button>
      {shown ? (
        <code style={{ marginLeft: 8, userSelect: 'all' }} data-testid="webhook-rotate-message">
          {shown}
        </code>
      ) : null}
    </span>
  )
}
