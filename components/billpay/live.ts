'use client'

import { useEffect, useRef } from 'react'

import type { LiveStatus } from './api'

/**
 * Follows the live status of carrier invoices over server-sent events (`/events/invoices`, cookie auth): those in
 * `ids`, or the most recently changed when `ids` is empty; null follows nothing. `onStatuses` gets each event's list
 * (the latest callback is used, so it need not be stable). The stream is closed on unmount or when `ids` change.
 */
export function useInvoiceStatuses(ids: readonly number[] | null, onStatuses: (statuses: LiveStatus[]) => void): void {
  const callback = useRef(onStatuses)
  useEffect(() => {
    callback.current = onStatuses
  })
  const key = ids === null ? null : ids.join(',')
  useEffect(() => {
    if (key === null) return
    const source = new EventSource(key ? `/events/invoices?ids=${key}` : '/events/invoices', { withCredentials: true })
    source.onmessage = (event: MessageEvent<string>) => {
      try {
        const statuses = JSON.parse(event.data) as unknown
        if (Array.isArray(statuses)) callback.current(statuses as LiveStatus[])
      } catch {
        // Not a status list (a comment or a keep-alive): nothing to show.
      }
    }
    return () => source.close()
  }, [key])
}
