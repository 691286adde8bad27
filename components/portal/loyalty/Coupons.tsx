'use client'

import React from 'react'

import { day, LoadState, money, plain, useApi } from '../rebates/shared'
import { asRecord, Empty, listOf, textOf, type SectionProps } from './shared'

/** One of the caller's coupons. */
export type MyCoupon = {
  code: string
  kind: string
  value: string
  currency: string
  expiresOn: string
  status: string
  label: string
  usedOnOrder: string
}

/** Reads GET /api/coupons/mine's answer (`{ docs }`, or a list / `{ coupons }`); an issued coupon past its day is 'expired'. */
export function readCoupons(body: unknown): MyCoupon[] {
  return listOf(body, ['coupons', 'docs']).map((entry) => {
    const c = asRecord(entry)
    return {
      code: textOf(c, 'code'),
      kind: textOf(c, 'kind'),
      value: textOf(c, 'value', 'amount'),
      currency: textOf(c, 'currency'),
      expiresOn: textOf(c, 'expiresOn'),
      // An issued coupon past its day is no longer usable: the server says so with `usable: false`.
      status: textOf(c, 'status') === 'issued' && c.usable === false ? 'expired' : textOf(c, 'status'),
      label: textOf(c, 'label'),
      usedOnOrder: textOf(c, 'usedOnOrder'),
    }
  })
}

/** What a coupon is worth, in words ("USD 10.00 off", "10 % off the products"). */
export function couponValue(coupon: MyCoupon): string {
  return coupon.kind === 'percent' ? `${plain(coupon.value)} % off the products` : `${money(coupon.value, coupon.currency || 'USD')} off`
}

const STATUS_WORDS: Record<string, string> = { issued: 'ready to use', used: 'used', void: 'void', expired: 'expired' }

/** #coupons: the caller's coupons with code, value, expiry and status. */
export function Coupons({ version }: SectionProps): React.ReactElement {
  const { data, error, loading } = useApi<unknown>('/api/coupons/mine', version)
  const coupons = data === null ? null : readCoupons(data)
  return (
    <section id="coupons" className="portal-section">
      <h2>My coupons</h2>
      {coupons && coupons.length === 0 ? (
        <Empty text="No coupons yet: order incentives issue them for your next order." testId="coupons-empty" />
      ) : null}
      {coupons && coupons.length > 0 ? (
        <ul className="loyalty-cards" data-testid="coupons">
          {coupons.map((coupon) => (
            <li
              key={coupon.code}
              className={`loyalty-card loyalty-coupon-${coupon.status}`}
              data-testid={`coupon-${coupon.code}`}
              data-status={coupon.status}
            >
              <div className="loyalty-card-head">
                <code className="loyalty-code">{coupon.code}</code>
                <span className={`status loyalty-status-${coupon.status}`}>{STATUS_WORDS[coupon.status] ?? coupon.status}</span>
              </div>
              <dl className="loyalty-facts">
                <dt>Value</dt>
                <dd data-testid={`coupon-value-${coupon.code}`}>{couponValue(coupon)}</dd>
                <dt>Use by</dt>
                <dd>{day(coupon.expiresOn)}</dd>
                {coupon.label ? (
                  <>
                    <dt>For</dt>
                    <dd>{coupon.label}</dd>
                  </>
                ) : null}
                {coupon.usedOnOrder ? (
                  <>
                    <dt>Used on</dt>
                    <dd>order {coupon.usedOnOrder}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
      <LoadState loading={loading && !data} error={error} testId="coupons-error" />
    </section>
  )
}
