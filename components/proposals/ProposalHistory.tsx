import type { ArrayFieldServerProps } from 'payload'
import React from 'react'

type Step = { action?: string | null; user?: unknown; participant?: unknown; at?: string | null; comment?: string | null }

const ACTION_LABELS: Record<string, string> = {
  created: 'Created',
  submit: 'Submitted',
  approve: 'Approved',
  return: 'Returned to the author',
  reject: 'Rejected',
  send: 'Sent to the prospect',
  accept: 'Accepted by the prospect',
  decline: 'Declined by the prospect',
}

function idOf(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (typeof value === 'object' && value !== null && 'id' in value) return Number((value as { id: unknown }).id)
  return null
}

/**
 * A proposal's steps as one compact table (when, what, who, comment) in place of the editable-looking array rows.
 * Names are read with the viewer's own rights: a participant the viewer may not read is shown as "above you".
 */
export async function ProposalHistory({ data, payload, req }: ArrayFieldServerProps): Promise<React.ReactElement> {
  const steps = (data?.history ?? []) as Step[]
  const participantIds = [...new Set(steps.map((s) => idOf(s.participant)).filter((id): id is number => id !== null))]
  const readable =
    participantIds.length === 0
      ? []
      : (
          await payload.find({
            collection: 'participants',
            where: { id: { in: participantIds } },
            depth: 0,
            limit: participantIds.length,
            select: { name: true },
            user: req.user,
            overrideAccess: false,
            req,
          })
        ).docs
  const names = new Map(readable.map((p) => [p.id, p.name]))
  return (
    <div className="field-type" data-testid="proposal-history">
      <h4 style={{ marginBottom: 8 }}>History</h4>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            <th style={{ textAlign: 'left' }}>When (UTC)</th>
            <th style={{ textAlign: 'left' }}>Step</th>
            <th style={{ textAlign: 'left' }}>By</th>
            <th style={{ textAlign: 'left' }}>Comment</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step, index) => {
            const participant = idOf(step.participant)
            const by =
              participant === null
                ? step.action === 'accept' || step.action === 'decline'
                  ? 'the prospect'
                  : '—'
                : (names.get(participant) ?? 'an approver above you')
            return (
              <tr key={index} data-testid="history-row">
                <td>{step.at ? step.at.slice(0, 16).replace('T', ' ') : '—'}</td>
                <td>{ACTION_LABELS[step.action ?? ''] ?? step.action}</td>
                <td>{by}</td>
                <td>{step.comment ?? ''}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
