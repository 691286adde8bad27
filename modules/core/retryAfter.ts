/**
 * Honouring a server's Retry-After in cockatiel retries: the header read as milliseconds, and an exponential backoff
 * stretched to it when the failed attempt carried one (an error with a numeric `retryAfterMs`), never beyond the
 * maximum delay. Shared by every outbound HTTP client (the ERP, the deal portal, the payment provider).
 */
import type { IBackoff, IBackoffFactory, IRetryBackoffContext } from 'cockatiel'

/** Retry-After in milliseconds (delta-seconds or an HTTP date), or undefined. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/**
 * The exponential backoff, stretched to the server's Retry-After when the failed attempt carried one (an error with
 * `retryAfterMs`), never beyond maxDelay.
 */
export function withRetryAfter(inner: IBackoffFactory<unknown>, maxDelayMs: number): IBackoffFactory<IRetryBackoffContext<unknown>> {
  return {
    next(context): IBackoff<IRetryBackoffContext<unknown>> {
      const step = inner.next(context)
      const result = context.result
      const error: unknown = 'error' in result ? result.error : undefined
      const hint =
        typeof error === 'object' && error !== null && 'retryAfterMs' in error && typeof error.retryAfterMs === 'number'
          ? error.retryAfterMs
          : undefined
      const duration = hint === undefined ? step.duration : Math.min(maxDelayMs, Math.max(step.duration, hint))
      return { duration, next: (c) => withRetryAfter(step, maxDelayMs).next(c) }
    },
  }
}
