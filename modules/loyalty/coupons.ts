/**
 * Coupons (7.2): single-use, an amount or a percent of the products, valid until a day. Issued by an order incentive
 * rule at checkout (modules/loyalty/orders.ts) or by staff here; listed for their holder. Using one is the checkout's
 * conditional update, so a coupon is used at most once and never after its expiry day.
 */
import { randomBytes } from 'node:crypto'

import type { PoolClient } from 'pg'

import { D } from '../../engine/core/decimal'
import { isCurrencyCode } from '../../engine/core/money'
import { addDays } from '../../engine/core/calendarDate'
import { minorText, toMinor } from '../../engine/loyalty/incentives'
import { isDay, refusal } from './orderInput'

/** A new coupon code: "CP-" and 10 characters from an alphabet without look-alikes. */
export function newCouponCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(10)
  return `CP-${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`
}

/** Inserts a coupon with a fresh random code (a clash on the unique code draws another): its id and code. */
export async function issueCoupon(
  client: PoolClient,
  coupon: {
    consultantId: number
    customer: string | null
    kind: 'amount' | 'percent'
    value: string
    currency: string
    expiresOn: string
    label: string
    issuedOnOrder: string | null
    ruleVersion: number | null
    naturalKey: string | null
  },
): Promise<{ id: number; code: string }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newCouponCode()
    const inserted = await client.query<{ id: number }>(
      `insert into coupons (code, consultant_id, customer, kind, value, currency, expires_on, status, label, issued_on_order, rule_version_id, natural_key)
       values ($1, $2, $3, $4, $5, $6, $7, 'issued', $8, $9, $10, $11)
       on conflict (code) do nothing returning id`,
      [
        code,
        coupon.consultantId,
        coupon.customer,
        coupon.kind,
        coupon.value,
        coupon.currency,
        coupon.expiresOn,
        coupon.label,
        coupon.issuedOnOrder,
        coupon.ruleVersion,
        coupon.naturalKey,
      ],
    )
    if (inserted.rows[0]) return { id: inserted.rows[0].id, code }
  }
  throw new Error('could not draw a unique coupon code in 5 attempts')
}

/** A coupon as its holder sees it. */
export type CouponView = {
  id: number
  code: string
  kind: 'amount' | 'percent'
  value: string
  currency: string
  expiresOn: string
  status: 'issued' | 'used' | 'void'
  /** issued and not expired on `today`. */
  usable: boolean
  label: string | null
  issuedOnOrder: string | null
  usedOnOrder: string | null
  customer: string | null
}

/** The consultant's coupons (their customers' included), newest first, each with its status and expiry. */
export async function couponsOf(client: Pick<PoolClient, 'query'>, consultantId: number, today: string): Promise<CouponView[]> {
  const found = await client.query<Omit<CouponView, 'usable'>>(
    `select id, code, kind::text as kind, value::text as value, upper(currency) as currency, to_char(expires_on, 'YYYY-MM-DD') as "expiresOn",
            status::text as status, label, issued_on_order as "issuedOnOrder", used_on_order as "usedOnOrder", customer
       from coupons where consultant_id = $1 order by created_at desc, id desc limit 500`,
    [consultantId],
  )
  return found.rows.map((c) => ({
    ...c,
    value: c.kind === 'amount' ? minorText(new D(c.value), c.currency) : new D(c.value).toString(),
    usable: c.status === 'issued' && c.expiresOn >= today,
  }))
}

/**
 * Staff issue a coupon: `{ consultant (code or id), customer?, kind: amount|percent, value, currency, validDays | expiresOn,
 * label? }` (validDays counted from `today`). A refusal names the field. Returns the coupon.
 */
export async function issueStaffCoupon(client: PoolClient, fields: Record<string, unknown>, today: string): Promise<CouponView> {
  const consultantText = String(fields.consultant ?? '').trim()
  if (!consultantText) throw refusal(422, 'consultant', 'consultant (code or id) is required')
  const byId = /^\d{1,9}$/.test(consultantText)
  const consultant = (
    await client.query<{ id: number }>(`select id from participants where ${byId ? 'id = $1::int' : 'code = $1'}`, [
      byId ? Number(consultantText) : consultantText,
    ])
  ).rows[0]
  if (!consultant) throw refusal(422, 'consultant', `unknown consultant "${consultantText}"`)
  const kind = fields.kind
  if (kind !== 'amount' && kind !== 'percent') throw refusal(422, 'kind', 'kind must be "amount" or "percent"')
  const currency = String(fields.currency ?? '')
    .trim()
    .toUpperCase()
  if (!isCurrencyCode(currency)) throw refusal(422, 'currency', `"${currency}" is not an ISO 4217 currency code`)
  const raw = typeof fields.value === 'number' || typeof fields.value === 'string' ? String(fields.value).trim() : ''
  if (!/^\d+(\.\d+)?$/.test(raw) || !new D(raw).gt(0)) throw refusal(422, 'value', 'value must be an amount or a percent above 0')
  if (kind === 'percent' && new D(raw).gt(100)) throw refusal(422, 'value', 'a percent coupon is at most 100')
  const value = kind === 'amount' ? minorText(toMinor(raw, currency), currency) : new D(raw).toString()
  let expiresOn: string
  if (fields.expiresOn !== undefined && fields.expiresOn !== null && fields.expiresOn !== '') {
    if (!isDay(fields.expiresOn)) throw refusal(422, 'expiresOn', 'expiresOn must be a day (YYYY-MM-DD)')
    if (fields.expiresOn < today) throw refusal(422, 'expiresOn', `${fields.expiresOn} is already past`)
    expiresOn = fields.expiresOn
  } else {
    const days = Number(fields.validDays)
    if (!Number.isInteger(days) || days < 1 || days > 3650) throw refusal(422, 'validDays', 'give validDays (1–3650) or expiresOn')
    expiresOn = addDays(today, days)
  }
  const customer = typeof fields.customer === 'string' && fields.customer.trim() ? fields.customer.trim() : null
  const label = typeof fields.label === 'string' && fields.label.trim() ? fields.label.trim() : null
  const issued = await issueCoupon(client, {
    consultantId: consultant.id,
    customer,
    kind,
    value,
    currency,
    expiresOn,
    label: label ?? (kind === 'amount' ? `${value} ${currency} off` : `${value} % off`),
    issuedOnOrder: null,
    ruleVersion: null,
    naturalKey: null,
  })
  const view = (await couponsOf(client, consultant.id, today)).find((c) => c.id === issued.id)
  return view!
}
