import { AsyncLocalStorage } from 'node:async_hooks'
import type { NextFunction, Request, Response } from 'express'

const context = new AsyncLocalStorage<{ ip: string }>()

/**
 * Keeps the client's address for the rest of the request, so Payload hooks (which see only a web `Request`) can
 * throttle by it. It is Express's `req.ip`: the socket's peer, or, behind a proxy named by ACCRUE_TRUST_PROXY, the
 * address that proxy puts in X-Forwarded-For.
 */
export function rememberClientAddress(req: Request, _res: Response, next: NextFunction): void {
  context.run({ ip: req.ip ?? req.socket.remoteAddress ?? 'unknown' }, next)
}

/** The address of the client whose request is being handled, or null outside one (Local API, jobs, scripts). */
export function clientAddress(): string | null {
  return context.getStore()?.ip ?? null
}

/**
 * Express's `trust proxy` from ACCRUE_TRUST_PROXY: unset trusts no proxy (the peer address is the client); `1` (the
 * number of proxies in front), `loopback`, an address or a comma-separated list of addresses/CIDRs trusts those, so
 * `req.ip`, `req.protocol` and `req.secure` come from their X-Forwarded-For and X-Forwarded-Proto.
 */
export function trustProxySetting(env: NodeJS.ProcessEnv = process.env): boolean | number | string | string[] {
  const value = env.ACCRUE_TRUST_PROXY?.trim()
  if (!value || value === 'false') return false
  if (/^\d+$/.test(value)) return Number(value)
  if (value === 'true') return true
  return value.split(',').map((entry) => entry.trim())
}
