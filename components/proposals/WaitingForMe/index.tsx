import Link from 'next/link'
import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { AdminViewFrame, viewUserOrLogin } from '../../core/AdminViewFrame'
import { participantIdOf } from '../../../access/core/user'
import { waitingQueue, type QueueRow } from '../../../modules/proposals/waitingQueue'
import { WAITING_PATH } from './NavLink'

/**
 * The approvers' queue (an admin root view): the proposals waiting for the login's participant to approve, return or
 * reject them, newest first, and below, for the top of a chain, the approved proposals it may send. Read with the
 * login's own rights, so row-level access applies.
 *
 * Payload renders custom root views to anyone, logged in or not, so the view checks the login itself.
 */
export async function WaitingForMe(props: AdminViewServerProps): Promise<React.ReactElement> {
  const principal = viewUserOrLogin(props, WAITING_PATH)
  const { payload } = props.initPageResult.req
  const hasParticipant = participantIdOf(principal) !== null
  const [waiting, ready] = hasParticipant
    ? await Promise.all([waitingQueue(payload, principal), waitingQueue(payload, principal, 'approved')])
    : [[], []]
  const proposalUrl = (id: number) => formatAdminURL({ adminRoute: payload.config.routes.admin, path: `/collections/proposals/${id}` })
  const now = Date.now()

  return (
    <AdminViewFrame props={props}>
      <h1>Waiting for me</h1>
      <p>Proposals waiting for your approval. Open one to approve it, return it to its author or reject it.</p>
      {waiting.length === 0 ? (
        <p data-testid="waiting-empty">
          {hasParticipant
            ? 'Nothing is waiting for your approval.'
            : 'Your login is not attached to a participant, so no proposal waits for it.'}
        </p>
      ) : (
        <QueueTable rows={waiting} testId="waiting-row" proposalUrl={proposalUrl} now={now} />
      )}
      {ready.length > 0 ? (
        <>
          <h2 style={{ marginTop: 32 }}>Approved, ready to send</h2>
          <p>Approved by the whole chain: open one and send it to the prospect.</p>
          <QueueTable rows={ready} testId="ready-row" proposalUrl={proposalUrl} now={now} />
        </>
      ) : null}
    </AdminViewFrame>
  )
}

function QueueTable({
  rows,
  testId,
  proposalUrl,
  now,
}: {
  rows: QueueRow[]
  testId: string
  proposalUrl: (id: number) => string
  now: number
}): React.ReactElement {
  return (
    <table className="table" style={{ width: '100%', borderCollapse: 'collapse' }}>
      <thead>
        <tr style={{ textAlign: 'left' }}>
          <th>Proposal</th>
          <th>Prospect</th>
          <th>Author</th>
          <th>Submitted</th>
          <th>Waiting since</th>
          <th>Services</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid={testId} style={{ borderTop: '1px solid var(--theme-elevation-100)' }}>
            <td>
              <Link href={proposalUrl(row.id)} prefetch={false}>
                {row.title}
              </Link>
            </td>
            <td>{row.prospect}</td>
            <td>{row.author}</td>
            <td>{row.submittedAt ? utcDateTime(row.submittedAt) : '—'}</td>
            <td title={utcDateTime(row.arrivedAt)}>{ageOf(row.arrivedAt, now)}</td>
            <td>{row.amounts.length === 0 ? '—' : row.amounts.map((amount) => <div key={amount}>{amount}</div>)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

function utcDateTime(iso: string): string {
  return `${DATE_TIME.format(new Date(iso))} UTC`
}

/** "5 min", "3 h", "2 d": how long ago, in the largest whole unit. */
function ageOf(iso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000))
  if (minutes < 60) return `${minutes} min`
  if (minutes < 60 * 24) return `${Math.floor(minutes / 60)} h`
  return `${Math.floor(minutes / (60 * 24))} d`
}
