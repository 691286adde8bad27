'use client'

import React, { useState } from 'react'

import type { Product } from '../../../payload-types'
import { callApi, ErrorText, LoadState, useApi, type Page } from '../rebates/shared'
import { asRecord, Empty, inUnit, Notice, numberOf, requestKey, textOf, type ProgramInfo, type SectionProps } from './shared'

/** Words for a redemption the server accepted, from its answer (the points it took, the balance left when it says). */
export function redeemedText(answer: unknown, product: Product, quantity: number, program: ProgramInfo): string {
  const record = asRecord(answer)
  const redemption = asRecord(record.redemption ?? record.doc ?? record)
  const points = numberOf(redemption, 'points') ?? numberOf(record, 'points') ?? (product.redeemPoints ?? 0) * quantity
  const balance = numberOf(record, 'balance')
  const number = textOf(redemption, 'id')
  const left = balance === null ? '' : `; ${inUnit(balance, program)} left`
  return `Redeemed ${quantity} × ${product.name} for ${inUnit(points, program)}${number ? ` (redemption #${number})` : ''}${left}.`
}

/** One product paid with points: its redeem value, a quantity and the Redeem button. */
function RedeemCard({
  product,
  program,
  onChanged,
}: {
  product: Product
  program: ProgramInfo
  onChanged: () => void
}): React.ReactElement {
  const [quantity, setQuantity] = useState('1')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const redeem = async (event: React.FormEvent) => {
    event.preventDefault()
    setError(null)
    setDone(null)
    const count = Number(quantity)
    if (!Number.isInteger(count) || count < 1) {
      setError('quantity: a whole number of at least 1')
      return
    }
    setBusy(true)
    const answer = await callApi<unknown>('/api/points-redemptions/redeem', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': requestKey() },
      body: JSON.stringify({ program: program.code, product: product.code, quantity: count }),
    })
    setBusy(false)
    if (!answer.ok) {
      setError(answer.error)
      return
    }
    setDone(redeemedText(answer.data, product, count, program))
    onChanged()
  }
  const tag = product.code
  return (
    <li className="loyalty-card" data-testid={`redeem-${tag}`} data-redeem-points={product.redeemPoints ?? ''}>
      <div className="loyalty-card-head">
        <strong>{product.name}</strong>
        <code>{product.code}</code>
      </div>
      <p className="loyalty-price">{inUnit(product.redeemPoints ?? 0, program)} each</p>
      <form className="loyalty-inline" onSubmit={(event) => void redeem(event)}>
        <label htmlFor={`redeem-qty-${tag}`}>Quantity</label>
        <input
          id={`redeem-qty-${tag}`}
          data-testid={`redeem-qty-${tag}`}
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
        />
        <button type="submit" className="primary" disabled={busy} data-testid={`redeem-go-${tag}`}>
          {busy ? 'Redeeming…' : 'Redeem'}
        </button>
      </form>
      <Notice text={done} testId={`redeem-done-${tag}`} />
      <ErrorText text={error} testId={`redeem-error-${tag}`} />
    </li>
  )
}

/** #redeem: the catalog's products that points pay for (those with a redeem value), each with a Redeem form. */
export function Redeem({ program, version, onChanged }: SectionProps): React.ReactElement {
  const { data, error, loading } = useApi<Page<Product>>(
    '/api/products?where[redeemPoints][greater_than]=0&where[active][not_equals]=false&sort=name&depth=0&limit=100',
    version,
  )
  return (
    <section id="redeem" className="portal-section">
      <h2>Redeem {program.unitName}</h2>
      {data && data.docs.length === 0 ? (
        <Empty text={`No products can be paid with ${program.unitName} yet.`} testId="redeem-empty" />
      ) : null}
      {data && data.docs.length > 0 ? (
        <ul className="loyalty-cards" data-testid="redeem-products">
          {data.docs.map((product) => (
            <RedeemCard key={product.id} product={product} program={program} onChanged={onChanged} />
          ))}
        </ul>
      ) : null}
      <LoadState loading={loading && !data} error={error} testId="redeem-load-error" />
    </section>
  )
}
