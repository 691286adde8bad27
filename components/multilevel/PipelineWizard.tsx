'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { STEP_INFO, stepRefusal, type StepState } from '../../engine/multilevel/pipeline'

type Run = { id: number; status: string; steps: StepState[] | null; message: string | null }

const STATUS_LABEL: Record<StepState['status'], string> = { pending: 'To do', running: 'Running…', done: 'Done', failed: 'Failed' }
const STATUS_COLOR: Record<StepState['status'], string> = {
  pending: 'var(--theme-elevation-500)',
  running: 'var(--theme-warning-500)',
  done: 'var(--theme-success-500)',
  failed: 'var(--theme-error-500)',
}

/**
 * The wizard of a pipeline run: its steps in order, what each found (or why it failed), and the one button that runs
 * the next step that may run. It follows the run while a step is running, so people watch the cycle settle.
 */
export function PipelineWizard(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  const [run, setRun] = useState<Run | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [open, setOpen] = useState(false)
  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(`/api/pipeline-runs/${id}?depth=0`, { credentials: 'include' })
    if (res.ok) setRun((await res.json()) as Run)
  }, [id])
  useEffect(() => {
    void load()
  }, [load])
  const running = run?.steps?.some((s) => s.status === 'running') ?? false
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => void load(), 1_500)
    return () => clearInterval(timer)
  }, [running, load])
  if (!id || !run) return null
  const steps = run.steps ?? []
  const act = async (step: StepState['step']) => {
    setMessage(null)
    const res = await fetch(`/api/pipeline-runs/${id}/steps/${step}`, { method: 'POST', credentials: 'include' })
    const body = (await res.json().catch(() => ({}))) as { message?: string; errors?: { message: string }[] }
    setMessage(body.message ?? body.errors?.[0]?.message ?? `HTTP ${res.status}`)
    await load()
  }
  const done = steps.filter((s) => s.status === 'done').length
  return (
    // It sits in the document controls bar: a compact toggle there, the steps in a panel that opens below it (scrolling
    // inside itself), so the list never spills over the page where nothing can scroll to it.
    <section data-testid="pipeline-wizard" style={{ position: 'relative' }}>
      <button
        type="button"
        className="btn btn--style-primary btn--size-small"
        style={{ margin: 0 }}
        aria-expanded={open}
        data-testid="pipeline-wizard-toggle"
        onClick={() => setOpen(!open)}
      >
        Steps {done}/{steps.length} done {running ? '· running…' : ''} {open ? '▴' : '▾'}
      </button>
      {open ? (
        <div
          data-testid="pipeline-wizard-panel"
          style={{
            position: 'absolute',
            top: 'calc(100% + 6px)',
            right: 0,
            zIndex: 50,
            width: 'min(900px, 90vw)',
            maxHeight: '75vh',
            overflowY: 'auto',
            padding: '.75rem',
            background: 'var(--theme-bg)',
            border: '1px solid var(--theme-elevation-150)',
            borderRadius: 4,
            boxShadow: '0 4px 16px rgba(0, 0, 0, .15)',
          }}
        >
          <h3 style={{ margin: '0 0 .5rem' }}>Steps</h3>
          <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {steps.map((state, index) => {
              const refusal = stepRefusal(steps, state.step, run.status === 'closed')
              return (
                <li
                  key={state.step}
                  data-testid={`step-${state.step}`}
                  data-status={state.status}
                  style={{
                    borderLeft: `4px solid ${STATUS_COLOR[state.status]}`,
                    padding: '.5rem .75rem',
                    marginBottom: '.5rem',
                    background: 'var(--theme-elevation-50)',
                  }}
                >
                  <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
                    <strong>
                      {index + 1}. {STEP_INFO[state.step].label}
                    </strong>
                    <span style={{ color: STATUS_COLOR[state.status] }}>{STATUS_LABEL[state.status]}</span>
                    <button
                      type="button"
                      className="btn btn--style-secondary btn--size-small"
                      style={{ margin: 0 }}
                      disabled={refusal !== null}
                      title={refusal ?? STEP_INFO[state.step].description}
                      data-testid={`run-${state.step}`}
                      onClick={() => void act(state.step)}
                    >
                      {state.status === 'done' || state.status === 'failed' ? 'Run again' : 'Run'}
                    </button>
                  </div>
                  <div style={{ fontSize: '.9em', opacity: 0.8 }}>{state.detail ?? STEP_INFO[state.step].description}</div>
                </li>
              )
            })}
          </ol>
          {message ? <p data-testid="pipeline-message">{message}</p> : null}
          {run.message ? <p data-testid="pipeline-run-message">{run.message}</p> : null}
        </div>
      ) : null}
    </section>
  )
}
