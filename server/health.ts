import type { Request, Response } from 'express'
import type { Payload } from 'payload'

import { pendingMigrations } from '../db/bootstrap'

/** Process up. */
export function healthz(_req: Request, res: Response): void {
  res.json({ status: 'ok' })
}

/** Database reachable and every committed migration applied. */
export function readyz(payload: Payload) {
  return async (_req: Request, res: Response): Promise<void> => {
    try {
      const pending = await pendingMigrations(payload)
      if (pending.length > 0) {
        res.status(503).json({ status: 'migrations pending', pending })
        return
      }
      res.json({ status: 'ready' })
    } catch (err) {
      res.status(503).json({ status: 'database unreachable', error: err instanceof Error ? err.message : String(err) })
    }
  }
}
