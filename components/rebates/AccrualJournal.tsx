'use client'

import React, { useCallback, useEffect, useState } from 'react'

import type { Journal } from '../../modules/rebates/finance'
import { amountText, call } from './api'

type Posted = { externalId: string; erpId: string; created: boolean }

/**
 * The period-end accrual journal (GET /api/rebate-accruals/journal): the liability at the start of the month, what
 * each program accrued, released, credited and let expire, the journal lines and their totals, the closing liability;
 * the same as a workbook or the ERP's body, and "Post to ERP" (finance and company admins; once per month and currency).
 */
export function AccrualJournal({ apiBase }: { apiBase: string }): React.ReactElement {
  const [period, setPeriod] = useState('2026-10')
  const [currency, setCurrency] = useState('USD')
  const [asked, setAsked] = useState({ period: '2026-10', currency: 'USD' })
  const [journal, setJournal] = useState<Journal | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [posted, setPosted] = useState<{ text: string; ok: boolean } | null>(null)
  const [busy, setBusy] = useState(false)

  const query = new URLSearchParams({ period: asked.period, currency: asked.currency.trim().toUpperCase() }).toString()
  const load = useCallback(
    async (q: string) => {
      const answer = await call<Journal>(`${apiBase}/rebate-accruals/journal?${q}`)
      if (answer.ok) {
        setJournal(answer.body)
        setError(null)
      } else {
        setJournal(null)
        setError(answer.error)
      }
    },
    [apiBase],
  )
  useEffect(() => {
    void load(query)
  }, [query, load])

  const post = async () => {
    setBusy(true)
    const answer = await call<Posted>(`${apiBase}/rebate-accruals/journal?${query}`, { method: 'POST' })
    setBusy(false)
    setPosted(
      answer.ok
        ? {
            text: `${answer.body.created ? 'Posted' : 'Already in the ERP'}: ${answer.body.externalId} (ERP id ${answer.body.erpId}).`,
            ok: true,
          }
        : { text: answer.error, ok: false },
    )
  }

  const cur = journal?.currency ?? asked.currency
  return (
    <div data-testid="accrual-journal">
      <form
        className="rb-filters"
        onSubmit={(event) => {
          event.preventDefault()
          setPosted(null)
          setAsked({ period, currency })
        }}
      >
        <label>
          Month <input type="month" value={period} onChange={(e) => setPeriod(e.target.value)} data-testid="journal-period" required />
        </label>
        <label>
          Currency{' '}
          <input
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
            size={4}
            maxLength={3}
            data-testid="journal-currency"
            required
          />
        </label>
        <button type="submit" className="btn btn--style-secondary btn--size-small" data-testid="journal-show">
          Show
        </button>
        <a href={`${apiBase}/rebate-accruals/journal?${query}&format=xlsx`} download data-testid="journal-xlsx">
          Download .xlsx
        </a>
        <a href={`${apiBase}/rebate-accruals/journal?${query}&format=erp`} target="_blank" rel="noreferrer" data-testid="journal-erp">
          ERP format
        </a>
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          disabled={busy || !journal}
          onClick={() => void post()}
          data-testid="journal-post"
        >
          {busy ? 'Posting…' : 'Post to ERP'}
        </button>
      </form>
      {posted ? (
        <p className={posted.ok ? 'rb-ok' : 'rb-error'} data-testid="journal-post-message">
          {posted.text}
        </p>
      ) : null}
      {error ? (
        <p className="rb-error" data-testid="journal-error">
          {error}
        </p>
      ) : null}
      {journal ? (
        <>
          <dl className="rb-facts">
            <dt>Period</dt>
            <dd>
              {journal.period} ({journal.from} to {journal.to})
            </dd>
            <dt>Opening liability</dt>
            <dd data-testid="journal-opening" data-amount={journal.opening}>
              {amountText(journal.opening, cur)}
            </dd>
            <dt>Closing liability</dt>
            <dd data-testid="journal-closing" data-amount={journal.closing}>
              {amountText(journal.closing, cur)}
            </dd>
          </dl>
          <h3>Movements by program</h3>
          {journal.movements.length === 0 ? <p className="rb-muted">Nothing moved in this month.</p> : null}
          {journal.movements.length > 0 ? (
            <div className="rb-scroll">
              <table className="rb-table" data-testid="journal-movements">
                <thead>
                  <tr>
                    <th>Program</th>
                    <th className="amount">Accrued</th>
                    <th className="amount">Released</th>
                    <th className="amount">Credited</th>
                    <th className="amount">Expired</th>
                  </tr>
                </thead>
                <tbody>
                  {journal.movements.map((m) => (
                    <tr key={m.program} data-testid={`journal-movement-${m.program}`}>
                      <td>{m.program}</td>
                      <td className="amount">{amountText(m.accrued, cur)}</td>
                      <td className="amount">{amountText(m.released, cur)}</td>
                      <td className="amount">{amountText(m.credited, cur)}</td>
                      <td className="amount">{amountText(m.expired, cur)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <h3>Journal</h3>
          <div className="rb-scroll">
            <table className="rb-table" data-testid="journal-lines">
              <thead>
                <tr>
                  <th>Account</th>
                  <th className="amount">Debit</th>
                  <th className="amount">Credit</th>
                  <th>Program</th>
                  <th>Memo</th>
                </tr>
              </thead>
              <tbody>
                {journal.lines.map((line, index) => (
                  <tr key={index}>
                    <td>{line.account}</td>
                    <td className="amount" data-amount={line.debit}>
                      {Number(line.debit) === 0 ? '' : amountText(line.debit, cur)}
                    </td>
                    <td className="amount" data-amount={line.credit}>
                      {Number(line.credit) === 0 ? '' : amountText(line.credit, cur)}
                    </td>
                    <td>{line.program}</td>
                    <td>{line.memo}</td>
                  </tr>
                ))}
                <tr className="rb-total">
                  <td>Total</td>
                  <td className="amount" data-testid="journal-total-debit" data-amount={journal.totals.debit}>
                    {amountText(journal.totals.debit, cur)}
                  </td>
                  <td className="amount" data-testid="journal-total-credit" data-amount={journal.totals.credit}>
                    {amountText(journal.totals.credit, cur)}
                  </td>
                  <td colSpan={2} />
                </tr>
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  )
}
