'use client'

import React, { useState } from 'react'

import type { Deal } from '../../../payload-types'
import { day, ErrorText, LoadState, money, postJson, Status, useApi, type Page } from './shared'

type DraftLine = { sku: string; quantity: string; specialPrice: string }

const EMPTY_LINE: DraftLine = { sku: '', quantity: '', specialPrice: '' }

/** "Register a deal": end customer, expiry and lines (SKU, units, special price) → POST /api/deals/register. */
function RegisterDeal({ onRegistered }: { onRegistered: () => void }): React.ReactElement {
  const [endCustomer, setEndCustomer] = useState('')
  const [expiresOn, setExpiresOn] = useState('')
  const [lines, setLines] = useState<DraftLine[]>([{ ...EMPTY_LINE }])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [registered, setRegistered] = useState<string | null>(null)
  const edit = (index: number, patch: Partial<DraftLine>): void =>
    setLines((current) => current.map((line, i) => (i === index ? { ...line, ...patch } : line)))
  const send = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setRegistered(null)
    const answer = await postJson<{ doc: Deal }>('/api/deals/register', {
      endCustomer: endCustomer.trim(),
      expiresOn,
      lines: lines.map((line) => ({ sku: line.sku.trim(), quantity: Number(line.quantity), specialPrice: line.specialPrice.trim() })),
    })
    setBusy(false)
    if (!answer.ok) return setError(answer.error)
    setRegistered(answer.data.doc.number)
    setEndCustomer('')
    setExpiresOn('')
    setLines([{ ...EMPTY_LINE }])
    onRegistered()
  }
  return (
    <form className="rebates-form" onSubmit={(event) => void send(event)} data-testid="deal-form">
      <h3 className="rebates-sub">Register a deal</h3>
      <div className="rebates-fields">
        <label>
          End customer
          <input required value={endCustomer} onChange={(e) => setEndCustomer(e.target.value)} data-testid="deal-end-customer" />
        </label>
        <label>
          Expires on
          <input required type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} data-testid="deal-expires" />
        </label>
      </div>
      {lines.map((line, index) => (
        <fieldset key={index} className="rebates-fields rebates-deal-line" data-testid={`deal-line-${index}`}>
          <legend>Line {index + 1}</legend>
          <label>
            SKU
            <input required value={line.sku} onChange={(e) => edit(index, { sku: e.target.value })} data-testid={`deal-sku-${index}`} />
          </label>
          <label>
            Units
            <input
              required
              type="number"
              min={1}
              step={1}
              value={line.quantity}
              onChange={(e) => edit(index, { quantity: e.target.value })}
              data-testid={`deal-quantity-${index}`}
            />
          </label>
          <label>
            Special price per unit
            <input
              required
              inputMode="decimal"
              value={line.specialPrice}
              onChange={(e) => edit(index, { specialPrice: e.target.value })}
              data-testid={`deal-price-${index}`}
            />
          </label>
          {lines.length > 1 ? (
            <button
              type="button"
              className="secondary small"
              onClick={() => setLines((current) => current.filter((_, i) => i !== index))}
              data-testid={`deal-remove-${index}`}
            >
              Remove line
            </button>
          ) : null}
        </fieldset>
      ))}
      <div className="rebates-actions">
        <button
          type="button"
          className="secondary small"
          onClick={() => setLines((current) => [...current, { ...EMPTY_LINE }])}
          data-testid="deal-add-line"
        >
          Add a line
        </button>
        <button type="submit" className="primary small" disabled={busy} data-testid="deal-register">
          {busy ? 'Registering…' : 'Register deal'}
        </button>
      </div>
      <ErrorText text={error} testId="deal-error" />
      {registered ? (
        <p className="notice" role="status" data-testid="deal-registered">
          Deal <strong>{registered}</strong> was registered; it waits for our decision.
        </p>
      ) : null}
    </form>
  )
}

/** Registers deals and lists the partner's deals with their status. */
export function Deals({
  version,
  skus,
  onChanged,
}: {
  version: number
  skus: Record<string, string>
  onChanged: () => void
}): React.ReactElement {
  const { data, error, loading } = useApi<Page<Deal>>('/api/deals?sort=-createdAt&depth=0&limit=100', version)
  const sku = (product: Deal['lines'][number]['product']): string =>
    typeof product === 'object' ? product.code : (skus[String(product)] ?? `#${product}`)
  return (
    <section id="deals" className="portal-section">
      <h2>Deals</h2>
      <RegisterDeal onRegistered={onChanged} />
      <h3 className="rebates-sub">My deals</h3>
      {data && data.docs.length === 0 ? <p className="empty">No deals registered yet.</p> : null}
      {data && data.docs.length > 0 ? (
        <table className="rebates-table" data-testid="rebates-deals">
          <thead>
            <tr>
              <th>Deal</th>
              <th>End customer</th>
              <th>Status</th>
              <th>Expires</th>
              <th>Lines</th>
            </tr>
          </thead>
          <tbody>
            {data.docs.map((deal) => (
              <tr key={deal.id} data-testid={`deal-${deal.number}`} data-status={deal.status}>
                <td data-label="Deal">{deal.number}</td>
                <td data-label="Customer">{deal.endCustomer}</td>
                <td data-label="Status">
                  <Status value={deal.status} />
                </td>
                <td data-label="Expires">{day(deal.expiresOn)}</td>
                <td data-label="Lines">
                  <ul className="rebates-deal-lines">
                    {deal.lines.map((line, i) => (
                      <li key={line.id ?? i}>
                        {sku(line.product)} × {line.quantity} at {money(line.specialPrice, deal.currency)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <LoadState loading={loading && !data} error={error} testId="deals-error" />
    </section>
  )
}
