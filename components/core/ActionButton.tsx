'use client'

import React, { useState } from 'react'

/** A button that POSTs to an endpoint of the back-office and shows its answer; reloads the page when it worked. */
export function ActionButton({
  url,
  label,
  testId,
  method = 'POST',
}: {
  url: string
  label: string
  testId: string
  method?: 'POST' | 'GET'
}): React.ReactElement {
  const [message, setMessage] = useState<string | null>(null)
  const act = async () => {
    const res = await fetch(url, { method, credentials: 'include' })
    const body = (await res.json().catch(() => ({}))) as { message?: string; errors?: { message: string }[] }
    setMessage(body.message ?? body.errors?.[0]?.message ?? `HTTP ${res.status}`)
    if (res.ok) setTimeout(() => window.location.reload(), 1_200)
  }
  return (
    <span style={{ marginRight: 8 }}>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void act()} data-testid={testId}>
        {label}
      </button>
      {message ? (
        <span style={{ marginLeft: 8 }} data-testid={`${testId}-message`}>
          {message}
        </span>
      ) : null}
    </span>
  )
}
