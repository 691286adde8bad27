'use client'

import React, { useState } from 'react'

import { PORTAL_PATH } from '../../modules/portal/paths'

/** Logs in through Payload's REST login, which sets the session cookie the portal pages read. */
export function LoginForm(): React.ReactElement {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (event: React.FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setBusy(true)
    setError(null)
    try {
      const res = await fetch('/api/users/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: form.get('email'), password: form.get('password') }),
      })
      if (res.ok) {
        window.location.assign(PORTAL_PATH)
        return
      }
      const body = (await res.json().catch(() => ({}))) as { errors?: { message?: string }[] }
      setError(body.errors?.[0]?.message ?? `login failed (${res.status})`)
    } catch (err) {
      setError(`the server could not be reached: ${(err as Error).message}`)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={(event) => void submit(event)}>
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="username" required />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      <button className="primary" type="submit" disabled={busy} data-testid="portal-login">
        {busy ? 'Logging in…' : 'Log in'}
      </button>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  )
}
