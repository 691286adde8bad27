'use client'

import React from 'react'

import { day, LoadState, useApi } from '../rebates/shared'
import { asRecord, Empty, inUnit, listOf, numberOf, signedPoints, textOf, type SectionProps } from './shared'

/** One movement of the ledger as the statement lists it. */
export type StatementMovement = { id: string; kind: string; source: string; label: string; points: number; bookedOn: string }

/** The consultant's statement: balance, what expires when (day → points) and the latest movements. */
export type Statement = {
  balance: number
  spendable: number | null
  expiring: { expiresOn: string; points: number }[]
  movements: StatementMovement[]
}

/** How many movement cards the page shows (the statement carries the latest 100 rows). */
export const MOVEMENTS_SHOWN = 20

/**
 * One spend drawn from several lots is one row per lot in the ledger (a redemption of 40 from lots of 20, 6 and 300
 * is −20, −6, −14); the consultant sees one movement: rows of the same kind naming the same redemption or wallet entry
 * are summed into one card, in the statement's order (newest first).
 */
export function groupMovements(rows: readonly (StatementMovement & { group: string | null })[]): StatementMovement[] {
  const out: StatementMovement[] = []
  const byGroup = new Map<string, StatementMovement>()
  for (const { group, ...row } of rows) {
    const key = group === null ? null : `${row.kind}:${group}`
    const seen = key === null ? undefined : byGroup.get(key)
    if (seen) {
      seen.points += row.points
      continue
    }
    const card = { ...row }
    out.push(card)
    if (key !== null) byGroup.set(key, card)
  }
  return out
}

/** Reads GET /api/points-movements/statement's answer (only what the page shows; numbers may come as text). */
export function readStatement(body: unknown): Statement {
  const record = asRecord(body)
  const expiring = listOf(record, ['expiring', 'expirySchedule', 'schedule', 'expiringSchedule', 'expires'])
    .map((entry) => {
      const e = asRecord(entry)
      return { expiresOn: textOf(e, 'expiresOn', 'date', 'day'), points: numberOf(e, 'points', 'remaining') ?? 0 }
    })
    .filter((e) => e.expiresOn !== '' && e.points !== 0)
  const rows = listOf(record, ['movements', 'recent', 'latest']).map((entry, index) => {
    const m = asRecord(entry)
    const redemption = textOf(m, 'redemption')
    const walletEntry = textOf(m, 'walletEntry')
    return {
      id: textOf(m, 'id') || String(index),
      kind: textOf(m, 'kind'),
      source: textOf(m, 'source'),
      label: textOf(m, 'label'),
      points: numberOf(m, 'points') ?? 0,
      bookedOn: textOf(m, 'bookedOn', 'date', 'createdAt'),
      group: redemption ? `redemption:${redemption}` : walletEntry ? `wallet:${walletEntry}` : null,
    }
  })
  return {
    balance: numberOf(record, 'balance', 'points') ?? 0,
    spendable: numberOf(record, 'spendable'),
    expiring,
    movements: groupMovements(rows).slice(0, MOVEMENTS_SHOWN),
  }
}

const KIND_WORDS: Record<string, string> = {
  earn: 'Earned',
  redeem: 'Redeemed',
  expire: 'Expired',
  convert: 'Converted',
  adjust: 'Adjustment',
  reverse: 'Reversed',
}

const SOURCE_WORDS: Record<string, string> = {
  catalog: 'order',
  rule: 'bonus rule',
  incentive: 'order incentive',
  referral: 'referral',
  bonus: 'bonus',
  redemption: 'product',
  conversion: 'conversion',
  expiry: 'expiry',
  return: 'returned order',
  adjustment: 'our team',
}

/** #points: the balance in the program's unit, what expires when, and the latest movements as cards. */
export function Points({ program, version }: SectionProps): React.ReactElement {
  const { data, error, loading } = useApi<unknown>(`/api/points-movements/statement?program=${encodeURIComponent(program.code)}`, version)
  const statement = data === null ? null : readStatement(data)
  return (
    <section id="points" className="portal-section">
      <h2>My {program.unitName}</h2>
      {statement ? (
        <>
          <p className="loyalty-balance">
            <span className="loyalty-balance-label">{program.name} balance</span>
            <strong data-testid="points-balance" data-points={statement.balance}>
              {inUnit(statement.balance, program)}
            </strong>
            {statement.balance < 0 ? (
              <span className="rebates-hint" data-testid="points-debt">
                A returned order took back {program.unitName} you had already spent; new {program.unitName} pay this back first.
              </span>
            ) : null}
            {statement.balance > 0 && statement.spendable !== null && statement.spendable !== statement.balance ? (
              <span className="rebates-hint" data-testid="points-spendable" data-points={statement.spendable}>
                {inUnit(statement.spendable, program)} usable today (the rest has expired and leaves with the next expiry run)
              </span>
            ) : null}
          </p>
          <h3 className="loyalty-sub">What expires when</h3>
          {statement.expiring.length === 0 ? (
            <Empty text={`None of your ${program.unitName} are due to expire.`} testId="points-expiring-empty" />
          ) : (
            <ul className="loyalty-expiring" data-testid="points-expiring">
              {statement.expiring.map((e) => (
                <li key={e.expiresOn} data-testid={`expires-${e.expiresOn}`} data-points={e.points}>
                  <span>usable until {day(e.expiresOn)}</span>
                  <strong>{inUnit(e.points, program)}</strong>
                </li>
              ))}
            </ul>
          )}
          <h3 className="loyalty-sub">Latest movements</h3>
          {statement.movements.length === 0 ? (
            <Empty text={`No ${program.unitName} earned or spent yet.`} testId="points-movements-empty" />
          ) : (
            <ul className="loyalty-cards" data-testid="points-movements">
              {statement.movements.map((m) => (
                <li
                  key={m.id}
                  className={`loyalty-card loyalty-movement ${m.points < 0 ? 'loyalty-out' : 'loyalty-in'}`}
                  data-testid="points-movement"
                  data-kind={m.kind}
                  data-points={m.points}
                >
                  <div className="loyalty-card-head">
                    <strong>
                      {KIND_WORDS[m.kind] ?? m.kind}
                      {m.source && SOURCE_WORDS[m.source] ? ` · ${SOURCE_WORDS[m.source]}` : ''}
                    </strong>
                    <span className="loyalty-points">{signedPoints(m.points)}</span>
                  </div>
                  <div className="loyalty-card-foot">
                    <span>{m.label || '—'}</span>
                    <span>{day(m.bookedOn)}</span>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      <LoadState loading={loading && !data} error={error} testId="points-error" />
    </section>
  )
}
