'use client'

import React, { useCallback, useEffect, useState } from 'react'

import { formatStored } from '../../../engine/core/money'

/** The answer of POST /api/rebate-claims/submit and /upload (as the API contract states it). */
export type SubmittedClaim = {
  id: number
  number: string
  status: string
  currency: string
  claimedTotal: string
  approvedTotal: string
  counts: Record<'approved' | 'rejected' | 'needs_review', number>
  lines: { lineNumber: number; reference: string; status: string; reason: string; amount: string; quantity: number }[]
}

export const BALANCE_FIGURES = ['accrued', 'claimed', 'approved', 'paid', 'unclaimed', 'expired'] as const

/** The answer of GET /api/rebate-accruals/dashboard (the parts the page shows). */
export type RebateDashboard = {
  from: string
  to: string
  currency: string
  totals: Record<(typeof BALANCE_FIGURES)[number], string>
}

/** A Payload REST list answer (only what the page reads). */
export type Page<T> = { docs: T[]; totalDocs: number }

export type ApiAnswer<T> = { ok: true; data: T } | { ok: false; error: string }

type ErrorBody = { message?: string; errors?: { message?: string; data?: { errors?: { path?: string; message?: string }[] } }[] }

/** The API's refusal as it said it: `{ errors: [{ message }] }` (with Payload's field errors), else the HTTP status. */
function refusal(status: number, body: unknown): string {
  const parsed = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody
  const messages = (parsed.errors ?? []).flatMap((e) => {
    const fields = (e.data?.errors ?? []).map((f) => (f.path ? `${f.path}: ${f.message ?? ''}` : (f.message ?? '')))
    return [e.message ?? '', ...fields].filter((m) => m !== '')
  })
  if (messages.length > 0) return messages.join(' · ')
  return parsed.message ?? `HTTP ${status}`
}

/** One call to the API with the session cookie; JSON answer or the refusal in words. */
export async function callApi<T>(url: string, init?: RequestInit): Promise<ApiAnswer<T>> {
  try {
    const res = await fetch(url, { credentials: 'same-origin', ...init })
    const body: unknown = await res.json().catch(() => null)
    return res.ok ? { ok: true, data: body as T } : { ok: false, error: refusal(res.status, body) }
  } catch (err) {
    return { ok: false, error: `the request failed: ${err instanceof Error ? err.message : String(err)}` }
  }
}

/** POSTs JSON. */
export function postJson<T>(url: string, body: unknown): Promise<ApiAnswer<T>> {
  return callApi<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

/** POSTs a multipart form (the browser sets the boundary). */
export function postForm<T>(url: string, form: FormData): Promise<ApiAnswer<T>> {
  return callApi<T>(url, { method: 'POST', body: form })
}

/**
 * Reads `url` and again whenever `version` changes; the last answer stays on screen while a new one loads, so open
 * cards and typed text survive a reload.
 */
export function useApi<T>(url: string, version: number): { data: T | null; error: string | null; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [own, setOwn] = useState(0)
  const reload = useCallback(() => setOwn((n) => n + 1), [])
  useEffect(() => {
    let live = true
    setLoading(true)
    void callApi<T>(url).then((answer) => {
      if (!live) return
      if (answer.ok) {
        setData(answer.data)
        setError(null)
      } else setError(answer.error)
      setLoading(false)
    })
    return () => {
      live = false
    }
  }, [url, version, own])
  return { data, error, loading, reload }
}

/** What a section shows before its data: loading, or the API's error verbatim. */
export function LoadState({
  loading,
  error,
  testId,
}: {
  loading: boolean
  error: string | null
  testId: string
}): React.ReactElement | null {
  if (error)
    return (
      <p className="error" role="alert" data-testid={testId}>
        {error}
      </p>
    )
  return loading ? <p className="empty">Loading…</p> : null
}

/** An error next to the control that caused it. */
export function ErrorText({ text, testId }: { text: string | null; testId: string }): React.ReactElement | null {
  return text ? (
    <p className="error" role="alert" data-testid={testId}>
      {text}
    </p>
  ) : null
}

/** A stored decimal string in its currency ("USD 1,234.50"); display only. */
export function money(amount: string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—'
  return formatStored(amount, currency ?? 'USD')
}

/** A stored decimal without its trailing zeros ("4.5000" → "4.5", "20000.0000" → "20000"); display only. */
export function plain(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value
}

/** The day of an ISO date or timestamp. */
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—'
}

/** The code of a relation read at depth ≥ 1 (or its id when it came unpopulated). */
export function codeOf(value: number | { code?: string | null; number?: string | null; id: number } | null | undefined): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'number') return `#${value}`
  return value.code ?? value.number ?? `#${value.id}`
}

/** Words for the statuses the page shows. */
export const STATUS_WORDS: Record<string, string> = {
  in_review: 'in review',
  finance_review: 'with finance',
  approved: 'approved',
  credited: 'credited',
  rejected: 'rejected',
  needs_review: 'needs review',
  disputed: 'disputed',
  pending: 'pending',
  issued: 'issued',
  applied: 'applied',
  refused: 'refused by the ERP',
  submitted: 'submitted',
  expired: 'expired',
  open: 'open',
  claimed: 'claimed',
  resolved: 'resolved',
}

export function Status({ value, testId }: { value: string; testId?: string }): React.ReactElement {
  return (
    <span className={`status rebates-status-${value}`} data-testid={testId} data-status={value}>
      {STATUS_WORDS[value] ?? value}
    </span>
  )
}
