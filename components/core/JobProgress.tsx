'use client'

import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type JobStatus = {
  id: number
  processing: boolean | null
  completedAt: string | null
  hasError: boolean | null
  done: number | null
  total: number | null
  label: string | null
  counts: Record<string, number> | null
}

function stateOf(job: JobStatus): string {
  if (job.hasError) return 'failed'
  if (job.completedAt) return 'completed'
  return job.processing ? 'running' : 'waiting'
}

/** Live progress of the job on its own admin page. */
export function JobProgress(): React.ReactElement {
  const { id } = useDocumentInfo()
  return <JobProgressView id={id === undefined ? undefined : Number(id)} />
}

/** Live progress of the job a document points at in its `job` field (an import, a reconciliation run). */
export function LinkedJobProgress(): React.ReactElement {
  const jobId = useFormFields(([fields]) => fields.job?.value as number | null | undefined)
  if (!jobId) return <div className="field-type">Progress: no job yet.</div>
  return <JobProgressView id={jobId} />
}

/** Live progress of the statements job of a commission run (its `statementsJob` field). */
export function StatementsJobProgress(): React.ReactElement {
  const jobId = useFormFields(([fields]) => fields.statementsJob?.value as number | null | undefined)
  if (!jobId) return <div className="field-type">Statements: not generated yet.</div>
  return <JobProgressView id={jobId} />
}

/** Live progress of one job, fed by the /events/jobs stream. */
function JobProgressView({ id }: { id: number | undefined }): React.ReactElement {
  const [job, setJob] = useState<JobStatus | null>(null)
  useEffect(() => {
    if (!id) return
    const source = new EventSource(`/events/jobs?job=${id}`, { withCredentials: true })
    source.onmessage = (event) => {
      const jobs = JSON.parse(event.data) as JobStatus[]
      setJob(jobs[0] ?? null)
    }
    return () => source.close()
  }, [id])
  if (!job) return <div className="field-type">Progress: waiting for status …</div>
  const percent = job.total ? Math.min(100, Math.round(((job.done ?? 0) / job.total) * 100)) : null
  return (
    <div className="field-type" data-testid="job-progress">
      <div>
        <strong>Status:</strong> {stateOf(job)}
        {job.label ? ` — ${job.label}` : ''}
      </div>
      <div style={{ background: 'var(--theme-elevation-100)', borderRadius: 4, height: 10, margin: '8px 0' }}>
        <div style={{ width: `${percent ?? 0}%`, background: 'var(--theme-success-500)', height: '100%', borderRadius: 4 }} />
      </div>
      <div>
        {job.done ?? 0}
        {job.total ? ` / ${job.total}` : ''} {percent !== null ? `(${percent}%)` : ''}
      </div>
      {job.counts ? (
        <ul>
          {Object.entries(job.counts).map(([key, value]) => (
            <li key={key}>
              {key}: {value}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
