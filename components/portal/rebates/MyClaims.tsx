'use client'

import React, { useState } from 'react'

import type { RebateClaim, RebateClaimLine } from '../../../payload-types'
import { DisputeForm, LineThread } from './LineDispute'
import { codeOf, day, LoadState, money, Status, useApi, type Page } from './shared'

const SOURCE_WORDS: Record<RebateClaim['source'], string> = { portal: 'portal', rest: 'API', spreadsheet: 'spreadsheet' }

/** One line of a claim: what it claims, the decision and its reason, the dispute thread and form. */
function ClaimLineCard({
  claim,
  line,
  version,
  onChanged,
}: {
  claim: RebateClaim
  line: RebateClaimLine
  version: number
  onChanged: () => void
}): React.ReactElement {
  const tag = `${claim.number}-${line.lineNumber}`
  const canDispute = line.status === 'rejected' || line.dispute === 'open'
  return (
    <li
      className={`rebates-line rebates-line-${line.status}`}
      data-testid={`line-${tag}`}
      data-status={line.status}
      data-dispute={line.dispute ?? ''}
    >
      <div className="rebates-card-head">
        <strong>
          {line.lineNumber}. {line.reference}
        </strong>
        <Status value={line.status} testId={`line-status-${tag}`} />
      </div>
      <dl className="rebates-facts">
        <dt>Program</dt>
        <dd>{codeOf(line.program)}</dd>
        <dt>Units</dt>
        <dd>{line.quantity}</dd>
        {line.claimedAmount ? (
          <>
            <dt>Asked for</dt>
            <dd>{money(line.claimedAmount, claim.currency)}</dd>
          </>
        ) : null}
        <dt>Amount</dt>
        <dd data-amount={line.amount}>{money(line.amount, claim.currency)}</dd>
        <dt>Reason</dt>
        <dd data-testid={`line-reason-${tag}`}>{line.reason}</dd>
        {line.dispute ? (
          <>
            <dt>Dispute</dt>
            <dd>
              <Status value={line.dispute} testId={`line-dispute-${tag}`} />
            </dd>
          </>
        ) : null}
      </dl>
      {line.dispute || line.status === 'disputed' ? <LineThread lineId={line.id} tag={tag} version={version} /> : null}
      {canDispute ? <DisputeForm line={line} tag={tag} onSent={onChanged} /> : null}
    </li>
  )
}

function ClaimLines({ claim, version, onChanged }: { claim: RebateClaim; version: number; onChanged: () => void }): React.ReactElement {
  const { data, error, loading } = useApi<Page<RebateClaimLine>>(
    `/api/rebate-claim-lines?where[claim][equals]=${claim.id}&sort=lineNumber&depth=1&limit=500`,
    version,
  )
  return (
    <>
      <LoadState loading={loading && !data} error={error} testId={`claim-lines-error-${claim.number}`} />
      {data ? (
        <ul className="rebates-lines">
          {data.docs.map((line) => (
            <ClaimLineCard key={line.id} claim={claim} line={line} version={version} onChanged={onChanged} />
          ))}
        </ul>
      ) : null}
    </>
  )
}

function ClaimItem({ claim, version, onChanged }: { claim: RebateClaim; version: number; onChanged: () => void }): React.ReactElement {
  const [open, setOpen] = useState(false)
  return (
    <li>
      <details
        className="rebates-claim"
        open={open}
        onToggle={(event) => setOpen(event.currentTarget.open)}
        data-testid={`claim-${claim.number}`}
        data-status={claim.status}
      >
        <summary>
          <strong>{claim.number}</strong>
          <span>{day(claim.submittedAt)}</span>
          <Status value={claim.status} testId={`claim-status-${claim.number}`} />
          <span className="rebates-claim-totals">
            claimed {money(claim.claimedTotal, claim.currency)} · approved {money(claim.approvedTotal, claim.currency)}
          </span>
          <span className="rebates-hint">via {SOURCE_WORDS[claim.source] ?? claim.source}</span>
        </summary>
        {claim.rejectionReason ? <p className="rebates-reason">Rejected: {claim.rejectionReason}</p> : null}
        {open ? <ClaimLines claim={claim} version={version} onChanged={onChanged} /> : null}
      </details>
    </li>
  )
}

/** The partner's claims, newest first; each opens to its lines, decisions, reasons and disputes. */
export function MyClaims({ version, onChanged }: { version: number; onChanged: () => void }): React.ReactElement {
  const { data, error, loading } = useApi<Page<RebateClaim>>('/api/rebate-claims?sort=-submittedAt&depth=0&limit=100', version)
  return (
    <section id="claims" className="portal-section">
      <h2>My claims</h2>
      {data && data.docs.length === 0 ? <p className="empty">No claims yet.</p> : null}
      {data && data.docs.length > 0 ? (
        <ul className="rebates-claims" data-testid="rebates-claims">
          {data.docs.map((claim) => (
            <ClaimItem key={claim.id} claim={claim} version={version} onChanged={onChanged} />
          ))}
        </ul>
      ) : null}
      <LoadState loading={loading && !data} error={error} testId="claims-error" />
    </section>
  )
}
