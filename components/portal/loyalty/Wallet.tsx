'use client'

import React, { useState } from 'react'

import { ErrorText, LoadState, money, plain, postJson, useApi } from '../rebates/shared'
import { asRecord, Empty, inUnit, listOf, Notice, numberOf, textOf, type ProgramInfo, type SectionProps } from './shared'

/** One currency's wallet balance. */
export type WalletBalance = { currency: string; amount: string }

/** Reads GET /api/wallet-entries/balances's answer: a list of {currency, amount}, or a map currency → amount. */
export function readBalances(body: unknown): WalletBalance[] {
  const list = listOf(body, ['balances', 'wallet', 'currencies', 'docs'])
  if (list.length > 0)
    return list
      .map((entry) => {
        const e = asRecord(entry)
        return { currency: textOf(e, 'currency'), amount: textOf(e, 'amount', 'balance', 'total') }
      })
      .filter((b) => b.currency !== '')
  const record = asRecord(body)
  const map = asRecord(record.balances ?? record)
  return Object.entries(map)
    .filter(([currency, amount]) => /^[A-Z]{3}$/.test(currency) && (typeof amount === 'string' || typeof amount === 'number'))
    .map(([currency, amount]) => ({ currency, amount: String(amount) }))
}

type Direction = 'to_credit' | 'to_points'

/** Words for a conversion the server made, with the rate it used (from its answer). */
export function convertedText(answer: unknown, direction: Direction, asked: string, currency: string, program: ProgramInfo): string {
  const record = asRecord(answer)
  const entry = asRecord(record.walletEntry ?? record.wallet ?? record.entry)
  const movement = asRecord(record.movement ?? record.pointsMovement)
  const rate = textOf(record, 'rate') || textOf(entry, 'rate') || textOf(movement, 'rate')
  const amount = (textOf(record, 'amount', 'credit', 'money') || textOf(entry, 'amount')).replace(/^-/, '')
  const points = Math.abs(numberOf(record, 'points') ?? numberOf(movement, 'points') ?? Number(direction === 'to_credit' ? asked : 0))
  const unit = program.unitName.endsWith('s') ? program.unitName.slice(0, -1) : program.unitName
  const rateText = rate
    ? direction === 'to_credit'
      ? ` at ${plain(rate)} ${currency} per ${unit}`
      : ` at ${plain(rate)} ${program.unitName} per ${currency}`
    : ''
  if (direction === 'to_credit') return `Converted ${inUnit(points, program)} to ${money(amount || null, currency)} of credit${rateText}.`
  return `Converted ${money(amount || asked, currency)} of credit to ${inUnit(points, program)}${rateText}.`
}

/** The convert form: points → credit in a currency, or credit → points. */
function ConvertForm({
  program,
  currencies,
  onChanged,
}: {
  program: ProgramInfo
  currencies: string[]
  onChanged: () => void
}): React.ReactElement {
  const [direction, setDirection] = useState<Direction>('to_credit')
  const [currency, setCurrency] = useState(currencies[0] ?? 'USD')
  const [value, setValue] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const unit = `points:${program.code}`
  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    setError(null)
    setDone(null)
    const asked = value.trim()
    const body =
      direction === 'to_credit'
        ? { from: unit, to: currency, points: /^\d+$/.test(asked) ? Number(asked) : asked, program: program.code }
        : { from: currency, to: unit, amount: asked, program: program.code }
    setBusy(true)
    const answer = await postJson<unknown>('/api/wallet-entries/convert', body)
    setBusy(false)
    if (!answer.ok) {
      setError(answer.error)
      return
    }
    setDone(convertedText(answer.data, direction, asked, currency, program))
    setValue('')
    onChanged()
  }
  return (
    <form className="loyalty-form" data-testid="convert-form" onSubmit={(event) => void submit(event)}>
      <h3 className="loyalty-sub">Convert</h3>
      <div className="loyalty-fields">
        <div>
          <label htmlFor="convert-direction">What</label>
          <select
            id="convert-direction"
            data-testid="convert-direction"
            value={direction}
            onChange={(event) => setDirection(event.target.value as Direction)}
          >
            <option value="to_credit">Convert {program.unitName} to credit</option>
            <option value="to_points">Convert credit to {program.unitName}</option>
          </select>
        </div>
        <div>
          <label htmlFor="convert-currency">Currency</label>
          <select
            id="convert-currency"
            data-testid="convert-currency"
            value={currency}
            onChange={(event) => setCurrency(event.target.value)}
          >
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="convert-value">{direction === 'to_credit' ? `How many ${program.unitName}` : `Amount in ${currency}`}</label>
          <input
            id="convert-value"
            data-testid="convert-value"
            inputMode={direction === 'to_credit' ? 'numeric' : 'decimal'}
            value={value}
            required
            onChange={(event) => setValue(event.target.value)}
          />
        </div>
      </div>
      <button type="submit" className="primary" disabled={busy} data-testid="convert-go">
        {busy ? 'Converting…' : 'Convert'}
      </button>
      <Notice text={done} testId="convert-done" />
      <ErrorText text={error} testId="convert-error" />
    </form>
  )
}

/** #wallet: account credit per currency, and the form converting points to credit and back. */
export function Wallet({ program, version, onChanged }: SectionProps): React.ReactElement {
  const { data, error, loading } = useApi<unknown>('/api/wallet-entries/balances', version)
  const balances = data === null ? null : readBalances(data)
  const currencies = [...new Set(['USD', ...(balances ?? []).map((b) => b.currency), 'EUR'])]
  return (
    <section id="wallet" className="portal-section">
      <h2>My wallet</h2>
      {balances && balances.length === 0 ? <Empty text="No account credit yet." testId="wallet-empty" /> : null}
      {balances && balances.length > 0 ? (
        <ul className="loyalty-tiles" data-testid="wallet-balances">
          {balances.map((b) => (
            <li key={b.currency} data-testid={`wallet-${b.currency}`} data-amount={b.amount}>
              <span className="loyalty-tile-label">Credit in {b.currency}</span>
              <strong>{money(b.amount, b.currency)}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      <LoadState loading={loading && !data} error={error} testId="wallet-error" />
      <ConvertForm program={program} currencies={currencies} onChanged={onChanged} />
    </section>
  )
}
