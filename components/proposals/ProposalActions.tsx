'use client'

import { useAuth, useConfig, useDocumentInfo, useFormFields, useFormModified } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useEffect, useState } from 'react'

import { relationId } from '../../hooks/core/relationId'
import { applyAction, type ApprovalState, type ProposalStatus } from '../../engine/proposals/approval'

type Kind = 'submit' | 'approve' | 'return' | 'reject' | 'send'
type Answer = { message?: string; status?: ProposalStatus; link?: string; errors?: { message: string }[] }

const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'submit', label: 'Submit for approval' },
  { kind: 'approve', label: 'Approve' },
  { kind: 'return', label: 'Return to author' },
  { kind: 'reject', label: 'Reject' },
  { kind: 'send', label: 'Send to prospect' },
]

/**
 * On a proposal's page: the approval steps the logged-in user may take now (the same state machine the endpoints
 * enforce, asked with the user's login, participant and roles, so a role that never approves sees no buttons), a comment sent with the step, the endpoint's answer, and
 * after sending, the prospect's response link to copy.
 */
export function ProposalActions(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const router = useRouter()
  const modified = useFormModified()
  const stored = useStoredState()
  const waitingName = useFormFields(([fields]) => (fields.waitingForName?.value as string | null | undefined) ?? null)
  // The state the last step led to, shown until the refreshed document arrives.
  const [after, setAfter] = useState<ApprovalState | null>(null)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const [answer, setAnswer] = useState<{ text: string; ok: boolean; link?: string } | null>(null)
  useEffect(() => setAfter(null), [stored?.status, stored?.level])

  if (!id || !user || !stored) return null
  const state = after ?? stored
  const actor = {
    actorUserId: Number(user.id),
    actorParticipantId: relationId(user.participant),
    actorRoles: (user as { roles?: string[] | null }).roles ?? [],
  }
  // Return and reject need a comment: ask the state machine as if one were given, so the buttons stay visible and the comment box says why.
  const allowed = KINDS.filter(({ kind }) => applyAction(state, { kind, ...actor, comment: 'comment' }).ok)

  const act = async (kind: Kind) => {
    setBusy(true)
    try {
      const res = await fetch(`${config.routes.api}/proposals/${id}/${kind}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(comment.trim() ? { comment } : {}),
      })
      const body = (await res.json().catch(() => ({}))) as Answer
      const text = body.message ?? body.errors?.[0]?.message ?? `HTTP ${res.status}`
      setAnswer({ text, ok: res.ok, link: body.link ? `${window.location.origin}${body.link}` : undefined })
      if (res.ok) {
        const next = applyAction(state, { kind, ...actor, comment: comment.trim() || undefined })
        if (next.ok) setAfter(next.state)
        setComment('')
        router.refresh()
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type" data-testid="proposal-actions">
      <h4 style={{ marginBottom: 8 }}>Approval</h4>
      {allowed.length === 0 ? (
        <p style={{ marginTop: 0 }}>{waitingText(state, waitingName)}</p>
      ) : (
        <>
          <label htmlFor="proposal-comment" style={{ display: 'block', marginBottom: 4 }}>
            Comment {allowed.some(({ kind }) => kind === 'return' || kind === 'reject') ? '(required to return or reject)' : '(optional)'}
          </label>
          <textarea
            id="proposal-comment"
            data-testid="proposal-comment"
            rows={3}
            style={{ width: '100%', marginBottom: 8 }}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          {modified && allowed.some(({ kind }) => kind === 'submit') ? (
            <p style={{ marginTop: 0 }}>Save your changes first: the saved proposal is what gets submitted.</p>
          ) : null}
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {allowed.map(({ kind, label }) => (
              <button
                key={kind}
                type="button"
                className={`btn btn--size-small ${kind === 'approve' || kind === 'submit' || kind === 'send' ? 'btn--style-primary' : 'btn--style-secondary'}`}
                style={{ margin: 0 }}
                disabled={busy || (kind === 'submit' && modified)}
                onClick={() => void act(kind)}
                data-testid={`proposal-${kind}`}
              >
                {label}
              </button>
            ))}
          </div>
        </>
      )}
      {answer ? (
        <p
          role={answer.ok ? 'status' : 'alert'}
          style={{ color: answer.ok ? undefined : 'var(--theme-error-500)' }}
          data-testid="proposal-action-message"
        >
          {answer.text}
        </p>
      ) : null}
      {answer?.link ? (
        <p>
          Response link for the prospect:{' '}
          <a href={answer.link} target="_blank" rel="noreferrer" data-testid="proposal-link" style={{ wordBreak: 'break-all' }}>
            {answer.link}
          </a>{' '}
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            style={{ margin: 0 }}
            onClick={() => void navigator.clipboard?.writeText(answer.link!)}
          >
            Copy
          </button>
        </p>
      ) : null}
    </div>
  )
}

/** The approval state of the document as saved (the sidebar fields are read-only, so the form holds the stored values). */
function useStoredState(): ApprovalState | null {
  const status = useFormFields(([fields]) => fields.status?.value as ProposalStatus | undefined)
  const author = useFormFields(([fields]) => relationId(fields.author?.value))
  const authorParticipant = useFormFields(([fields]) => relationId(fields.authorParticipant?.value))
  const waiting = useFormFields(([fields]) => relationId(fields.waitingFor?.value))
  const chainValue = useFormFields(([fields]) => fields.chain?.value)
  if (!status) return null
  const chain = Array.isArray(chainValue) ? chainValue.map(Number) : []
  // While submitted, the step is the position of whoever it waits for; -1 in every other status.
  const level = status === 'submitted' && waiting !== null ? chain.indexOf(waiting) : -1
  return { status, authorUserId: author ?? -1, authorParticipantId: authorParticipant ?? -1, chain, level }
}

function waitingText(state: ApprovalState, waitingName: string | null): string {
  if (state.status === 'submitted')
    return waitingName ? `Waiting for ${waitingName} to approve, return or reject it.` : 'Waiting for the next approver in the chain.'
  if (state.status === 'approved') return 'Approved: waiting for the top of the chain to send it.'
  if (state.status === 'draft' || state.status === 'returned') return 'Waiting for its author to submit it.'
  return `This proposal is ${state.status}.`
}
