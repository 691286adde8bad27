import type { Request, Response } from 'express'
import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { hasRole, type AccessUser } from '../access/core/user'
import { dbPool } from '../db/pool'

type JobRow = {
  id: number
  taskSlug: string | null
  processing: boolean | null
  completedAt: string | null
  hasError: boolean | null
  done: number | null
  total: number | null
  label: string | null
  counts: unknown
  claimedBy: string | null
  createdAt: string
}

/** Jobs that are running, waiting, or finished in the last ten minutes, newest first. */
export async function recentJobs(pool: Pool, jobId?: number): Promise<JobRow[]> {
  const result = await pool.query<JobRow>(
    `select id, task_slug as "taskSlug", processing, completed_at as "completedAt", has_error as "hasError",
            progress_done as done, progress_total as total, progress_label as label, progress_counts as counts,
            claimed_by as "claimedBy", created_at as "createdAt"
       from payload_jobs
      where ($1::int is null or id = $1)
        and ($1::int is not null or completed_at is null or completed_at > now() - interval '10 minutes')
      order by created_at desc limit 50`,
    [jobId ?? null],
  )
  return result.rows
}

/**
 * Server-sent events with live job status (state, progress, counts) for the admin, once a second.
 * Staff only (company admins, finance, auditors); authenticated by the same cookie or API key as the admin.
 */
export function jobEvents(payload: Payload) {
  const pool = dbPool(payload)
  return async (req: Request, res: Response): Promise<void> => {
    if (!(await openStaffStream(payload, req, res, 'job status'))) return
    const jobId = req.query.job ? Number(req.query.job) : undefined
    streamChanges(req, res, () => recentJobs(pool, Number.isInteger(jobId) ? jobId : undefined))
  }
}

/**
 * Opens a server-sent events answer for staff (company admins, finance, auditors), authenticated by the same cookie
 * or API key as the admin; answers 401/403 and returns false for anyone else.
 */
export async function openStaffStream(payload: Payload, req: Request, res: Response, what: string): Promise<boolean> {
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  const { user } = await payload.auth({ headers })
  if (!hasRole(user as AccessUser | null, 'company_admin', 'finance', 'auditor')) {
    res.status(user ? 403 : 401).json({ errors: [{ message: `${what} is for company admins, finance and auditors` }] })
    return false
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
  return true
}

/** Sends what `read` returns once a second, whenever it changed, until the client goes away. */
export function streamChanges(req: Request, res: Response, read: () => Promise<unknown>): void {
  let last = ''
  const send = async () => {
    const data = JSON.stringify(await read())
    if (data !== last) res.write(`data: ${data}\n\n`)
    last = data
  }
  void send().catch(() => res.end())
  const timer = setInterval(() => void send().catch(() => res.end()), 1_000)
  req.on('close', () => clearInterval(timer))
}
