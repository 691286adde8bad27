'use client'

import React, { useCallback, useEffect, useState } from 'react'

import type { Board, BoardCard } from '../../modules/rebates/board'
import { amountText, call, when } from './api'
import { ClaimPanel } from './ClaimPanel'

function Card({ card, selected, onOpen }: { card: BoardCard; selected: boolean; onOpen: () => void }): React.ReactElement {
  const { approved, rejected, needsReview, disputed } = card.lines
  return (
    <button type="button" className={selected ? 'rb-card selected' : 'rb-card'} onClick={onOpen} data-testid={`claim-card-${card.number}`}>
      <span className="rb-card-head">
        <strong>{card.number}</strong>
        <span className="rb-muted">{when(card.submittedAt).slice(0, 10)}</span>
      </span>
      <span className="rb-card-partner">
        {card.partnerName} <span className="rb-muted">({card.partner})</span>
      </span>
      <span className="rb-card-totals">
        <span>
          Claimed <b data-amount={card.claimedTotal}>{amountText(card.claimedTotal, card.currency)}</b>
        </span>
        <span>
          Approved <b data-amount={card.approvedTotal}>{amountText(card.approvedTotal, card.currency)}</b>
        </span>
      </span>
      <span className="rb-card-lines" data-testid={`claim-card-lines-${card.number}`}>
        <span className="rb-pill approved">{approved} approved</span>
        <span className="rb-pill rejected">{rejected} rejected</span>
        {needsReview > 0 ? <span className="rb-pill needs_review">{needsReview} need review</span> : null}
        {disputed > 0 ? <span className="rb-pill disputed">{disputed} in dispute</span> : null}
      </span>
      {card.memo ? (
        <span className="rb-card-memo" data-testid={`claim-card-memo-${card.number}`}>
          {card.memo.number}: {card.memo.status}
          {card.memo.erpNumber ? ` (ERP ${card.memo.erpNumber})` : ''}
        </span>
      ) : null}
    </button>
  )
}

/**
 * The claims board (GET /api/rebate-claims/board): a column per claim status, a card per claim; a card opens the
 * claim's panel below, and whatever is done there refreshes the board.
 */
export function ClaimsBoard({ apiBase }: { apiBase: string }): React.ReactElement {
  const [board, setBoard] = useState<Board | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [selected, setSelected] = useState<number | null>(null)

  const load = useCallback(async () => {
    const answer = await call<Board>(`${apiBase}/rebate-claims/board`)
    if (answer.ok) {
      setBoard(answer.body)
      setError(null)
    } else setError(answer.error)
  }, [apiBase])
  useEffect(() => {
    void load()
  }, [load])

  return (
    <div data-testid="claims-board">
      <div className="rb-toolbar">
        <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void load()} data-testid="board-refresh">
          Refresh
        </button>
      </div>
      {error ? (
        <p className="rb-error" data-testid="board-error">
          {error}
        </p>
      ) : null}
      {board ? (
        <div className="rb-board">
          {board.columns.map((column) => (
            <section key={column.status} className="rb-column" data-testid={`board-column-${column.status}`}>
              <h3>
                {column.label} <span className="rb-count">{column.count}</span>
              </h3>
              {column.cards.length === 0 ? <p className="rb-muted">No claims.</p> : null}
              {column.cards.map((card) => (
                <Card key={card.id} card={card} selected={card.id === selected} onOpen={() => setSelected(card.id)} />
              ))}
              {column.count > column.cards.length ? (
                <p className="rb-muted">
                  {column.count - column.cards.length} older claims not shown (see Rebate claims in the collections).
                </p>
              ) : null}
            </section>
          ))}
        </div>
      ) : error ? null : (
        <p>Loading…</p>
      )}
      {selected !== null ? (
        <ClaimPanel key={selected} apiBase={apiBase} claimId={selected} onChanged={() => void load()} onClose={() => setSelected(null)} />
      ) : null}
    </div>
  )
}
