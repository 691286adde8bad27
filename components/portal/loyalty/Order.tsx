'use client'

import React, { useState } from 'react'

import type { Product } from '../../../payload-types'
import { callApi, ErrorText, money, useApi, type Page } from '../rebates/shared'
import { asRecord, inUnit, textOf, type SectionProps } from './shared'

/** What an evaluation or a checkout answers, as far as the form shows it. */
type OrderAnswer = {
  orderNumber: string
  currency: string
  subtotal: string
  discount: string
  freight: string
  freightCharged: string
  couponDiscount: string
  creditUsed: string
  total: string
  pointsRedeemed: number
  applied: { kind: string; label: string; why?: unknown }[]
  coupon: { code: string; usable: boolean; reason?: string } | null
  couponsIssued?: { code: string; value: string; kind: string; expiresOn: string }[]
  lines: { sku: string; quantity: number; amount: string; kind: string }[]
}

/** Why an incentive applies, in words: the rule version and the row's conditions, or the coupon or request it came from. */
export function whyText(why: unknown): string {
  const record = asRecord(why)
  if (typeof record.coupon === 'string') return `coupon ${record.coupon}`
  if (typeof record.request === 'string') return record.request
  const version = textOf(record, 'version')
  const conditions = textOf(record, 'conditions')
  return [version, conditions ? `when ${conditions}` : ''].filter(Boolean).join(', ')
}

/** A new order number for an order placed from the portal (the order system would give its own). */
function newOrderNumber(consultant: string): string {
  return `WEB-${consultant}-${Date.now().toString(36).toUpperCase()}`
}

/**
 * Order with incentives: the consultant fills an order (products and quantities, the freight quoted, a coupon, credit
 * to use), asks what applies — gifts, discounts, freight, coupons for the next order, and why — and places it. The
 * server decides everything (POST /api/order-incentives/evaluate, then /checkout); the page only shows its answer.
 */
export function Order({
  program,
  version,
  onChanged,
  consultant,
  currency,
}: SectionProps & { consultant: string; currency: string }): React.ReactElement {
  const products = useApi<Page<Product>>('/api/products?limit=100&depth=0&sort=code&where[active][equals]=true', version)
  const [quantities, setQuantities] = useState<Record<string, string>>({})
  const [freight, setFreight] = useState('12.00')
  const [coupon, setCoupon] = useState('')
  const [useCredit, setUseCredit] = useState('')
  const [orderNumber, setOrderNumber] = useState(() => newOrderNumber(consultant))
  const [answer, setAnswer] = useState<OrderAnswer | null>(null)
  const [placed, setPlaced] = useState<OrderAnswer | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const body = () => ({
    orderNumber,
    consultant,
    orderDate: new Date().toISOString().slice(0, 10),
    currency,
    freight: freight.trim() || '0',
    items: Object.entries(quantities)
      .filter(([, q]) => Number(q) > 0)
      .map(([product, q]) => ({ product, quantity: Number(q) })),
    ...(coupon.trim() ? { coupon: coupon.trim() } : {}),
    ...(useCredit.trim() ? { useCredit: useCredit.trim() } : {}),
  })

  const send = async (path: 'evaluate' | 'checkout') => {
    setError(null)
    setBusy(true)
    const result = await callApi<OrderAnswer>(`/api/order-incentives/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body()),
    })
    setBusy(false)
    if (!result.ok) {
      setError(result.error)
      return
    }
    if (path === 'evaluate') setAnswer(result.data)
    else {
      setPlaced(result.data)
      setAnswer(null)
      setQuantities({})
      setCoupon('')
      setUseCredit('')
      setOrderNumber(newOrderNumber(consultant))
      onChanged()
    }
  }

  const priced = (products.data?.docs ?? []).filter((p) => (p.prices ?? []).some((price) => price.currency === currency))
  const shown = placed ?? answer
  return (
    <section id="order" className="portal-section" data-testid="loyalty-order">
      <h2>Order with incentives</h2>
      <p className="hint">See the gifts, discounts, free shipping and coupons an order earns — and why — before you place it.</p>
      <form
        className="loyalty-order-form"
        onSubmit={(event) => {
          event.preventDefault()
          void send('evaluate')
        }}
      >
        <ul className="loyalty-cards">
          {priced.map((product) => (
            <li key={product.id} className="loyalty-card">
              <label htmlFor={`order-qty-${product.code}`}>
                <strong>{product.name}</strong> <code>{product.code}</code>{' '}
                {money(product.prices?.find((p) => p.currency === currency)?.consultantPrice, currency)}
              </label>
              <input
                id={`order-qty-${product.code}`}
                data-testid={`order-qty-${product.code}`}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                value={quantities[product.code] ?? ''}
                onChange={(event) => setQuantities({ ...quantities, [product.code]: event.target.value })}
              />
            </li>
          ))}
        </ul>
        <p className="loyalty-inline">
          <label htmlFor="order-freight">Freight ({currency})</label>
          <input
            id="order-freight"
            data-testid="order-freight"
            inputMode="decimal"
            value={freight}
            onChange={(e) => setFreight(e.target.value)}
          />
        </p>
        <p className="loyalty-inline">
          <label htmlFor="order-coupon">Coupon</label>
          <input id="order-coupon" data-testid="order-coupon" value={coupon} onChange={(e) => setCoupon(e.target.value)} />
        </p>
        <p className="loyalty-inline">
          <label htmlFor="order-credit">Credit to use ({currency})</label>
          <input
            id="order-credit"
            data-testid="order-credit"
            inputMode="decimal"
            value={useCredit}
            onChange={(e) => setUseCredit(e.target.value)}
          />
        </p>
        <p className="loyalty-actions">
          <button type="submit" disabled={busy} data-testid="order-check">
            Check incentives
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || !answer}
            data-testid="order-place"
            onClick={() => void send('checkout')}
          >
            Place order
          </button>
        </p>
      </form>
      <ErrorText text={error} testId="order-error" />
      {shown ? (
        <div className="loyalty-order-result" data-testid={placed ? 'order-placed' : 'order-evaluation'}>
          {placed ? <p data-testid="order-placed-number">Order {placed.orderNumber} placed.</p> : null}
          {shown.coupon && !shown.coupon.usable ? (
            <p className="error" data-testid="order-coupon-problem">
              Coupon {shown.coupon.code}: {shown.coupon.reason}
            </p>
          ) : null}
          <ul className="loyalty-cards" data-testid="order-applied">
            {shown.applied.map((item, i) => (
              <li key={i} className="loyalty-card" data-kind={item.kind}>
                <strong>{item.label}</strong>
                <span className="hint">{whyText(item.why)}</span>
              </li>
            ))}
          </ul>
          <dl className="loyalty-totals">
            <dt>Products</dt>
            <dd data-testid="order-subtotal">{money(shown.subtotal, shown.currency)}</dd>
            <dt>Discounts</dt>
            <dd data-testid="order-discount">−{money(shown.discount, shown.currency)}</dd>
            <dt>Freight</dt>
            <dd data-testid="order-freight-charged">{money(shown.freightCharged, shown.currency)}</dd>
            <dt>Coupon</dt>
            <dd data-testid="order-coupon-discount">−{money(shown.couponDiscount, shown.currency)}</dd>
            <dt>Credit</dt>
            <dd data-testid="order-credit-used">−{money(shown.creditUsed, shown.currency)}</dd>
            {shown.pointsRedeemed ? (
              <>
                <dt>Paid with points</dt>
                <dd>{inUnit(shown.pointsRedeemed, program)}</dd>
              </>
            ) : null}
            <dt>Total</dt>
            <dd data-testid="order-total">{money(shown.total, shown.currency)}</dd>
          </dl>
          {placed && (placed.couponsIssued ?? []).length > 0 ? (
            <p data-testid="order-coupons-issued">
              New coupon{(placed.couponsIssued ?? []).length > 1 ? 's' : ''} for your next order:{' '}
              {(placed.couponsIssued ?? [])
                .map((c) => `${c.code} (${c.kind === 'percent' ? `${c.value} %` : money(c.value, shown.currency)} until ${c.expiresOn})`)
                .join(', ')}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}
