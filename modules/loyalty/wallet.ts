/**
 * The wallet on PostgreSQL: account credit per holder and currency as sums of append-only entries, and the
 * conversions between points and credit and between currencies at the conversion rate in force on the day (the rate
 * and its row are recorded on every movement and entry). Wallet spends lock the wallet holder
 * (`pg_advisory_xact_lock`) so two conversions of the same credit queue.
 *
 * Commission money exchanged for points comes from the holder's wallet credit in that currency (commissions paid
 * into the wallet, or credit already there): `exchangeCommission` spends that credit as a `commission_exchange` entry.
 */
import type { PoolClient } from 'pg'

import { D } from '../../engine/core/decimal'
import { isCurrencyCode, money, type Money } from '../../engine/core/money'
import { convertMoney, convertPoints, moneyText, moneyToPoints, pointsUnit, positiveAmount, type WalletKind } from '../../engine/loyalty'
import { asRefusal, LoyaltyRefusal } from './errors'
import { expiryOf, postEarn, programOf, spendPoints, type Holder } from './ledger'

type Db = Pick<PoolClient, 'query'>

/** A rate row in force. */
export type RateInForce = { id: number; rate: string; validFrom: string }

/** The conversion rate from one unit to another in force on `day` (latest validFrom ≤ day); refused (422) when none. */
export async function rateOn(client: Db, fromUnit: string, toUnit: string, day: string): Promise<RateInForce> {
  const row = (
    await client.query<RateInForce>(
      `select id, rate, valid_from::date::text as "validFrom" from conversion_rates
        where from_unit = $1 and to_unit = $2 and valid_from <= $3::date order by valid_from desc limit 1`,
      [fromUnit, toUnit, day],
    )
  ).rows[0]
  if (!row) throw new LoyaltyRefusal(`to: no conversion rate from ${fromUnit} to ${toUnit} is in force on ${day}`, 422, 'to')
  return row
}

/** A wallet entry to write. `amount` is decimal text in the currency's minor unit, positive in, negative out. */
export type WalletEntry = {
  consultantId: number
  customer: string | null
  currency: string
  amount: string
  kind: WalletKind
  bookedOn: string
  expiresOn?: string | null
  label?: string | null
  rate?: string | null
  rateSourceId?: number | null
  counterpartId?: number | null
  orderNumber?: string | null
  ruleVersionId?: number | null
  createdBy?: number | null
  naturalKey?: string | null
}

/** Writes one wallet entry (idempotent by natural key): its id, or null when the key was there already. */
export async function postWallet(client: Db, entry: WalletEntry): Promise<number | null> {
  const row = (
    await client.query<{ id: number }>(
      `insert into wallet_entries (consultant_id, customer, currency, amount, kind, booked_on, expires_on, label, rate, rate_source_id,
          counterpart_id, order_number, rule_version_id, created_by_id, natural_key, created_at, updated_at)
       values ($1, $2, $3, $4::numeric, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now(), now())
       on conflict (natural_key) do nothing returning id`,
      [
        entry.consultantId,
        entry.customer,
        entry.currency,
        entry.amount,
        entry.kind,
        entry.bookedOn,
        entry.expiresOn ?? null,
        entry.label ?? null,
        entry.rate ?? null,
        entry.rateSourceId ?? null,
        entry.counterpartId ?? null,
        entry.orderNumber ?? null,
        entry.ruleVersionId ?? null,
        entry.createdBy ?? null,
        entry.naturalKey ?? null,
      ],
    )
  ).rows[0]
  return row?.id ?? null
}

/** The wallet's balance per currency (decimal text at the currency's minor unit), currencies in order. */
export async function walletBalances(
  client: Db,
  consultantId: number,
  customer: string | null,
): Promise<{ currency: string; balance: string }[]> {
  const rows = (
    await client.query<{ currency: string; balance: string }>(
      `select currency, sum(amount)::text as balance from wallet_entries where consultant_id = $1 and customer is not distinct from $2::text
        group by currency order by currency`,
      [consultantId, customer],
    )
  ).rows
  return rows.map((r) => ({
    currency: r.currency,
    balance: isCurrencyCode(r.currency) ? moneyText(money(new D(r.balance), r.currency)) : r.balance,
  }))
}

async function lockWallet(client: Db, consultantId: number, customer: string | null) {
  await client.query(`select pg_advisory_xact_lock(hashtext($1))`, [`accrue.loyalty.wallet.${consultantId}.${customer ?? ''}`])
}

/** Spends `amount` of wallet credit: refused (409, `amount`) when the wallet holds less in that currency. */
async function requireCredit(client: Db, consultantId: number, customer: string | null, amount: Money) {
  await lockWallet(client, consultantId, customer)
  const held = (await walletBalances(client, consultantId, customer)).find((b) => b.currency === amount.currency)?.balance ?? '0'
  if (new D(held).lt(amount.amount))
    throw new LoyaltyRefusal(`amount: not enough credit: ${amount.currency} ${held} held, ${moneyText(amount)} asked`, 409, 'amount')
}

/** What a conversion booked. */
export type Conversion = {
  rate: string
  rateId: number
  points: number
  amount: string
  currency: string
  walletEntries: number[]
  movements: number[]
}

/**
 * Points to account credit: points × rate (points:CODE → currency), half-even to the minor unit; the points are spent
 * (kind `convert`, source `conversion`, oldest-expiring first) and a `points_conversion` wallet entry credited. Both
 * record the rate; the movements name the entry, the entry's label names the movements.
 */
export async function convertPointsToCredit(
  client: Db,
  holder: Holder,
  points: number,
  currency: string,
  today: string,
  user: number | null,
): Promise<Conversion> {
  const program = await programOf(client, holder.programId)
  const rate = await rateOn(client, pointsUnit(program.code), currency, today)
  let amount: Money
  try {
    amount = convertPoints(points, rate.rate, currency)
  } catch (err) {
    throw asRefusal(err)
  }
  const entry = (await postWallet(client, {
    consultantId: holder.consultantId,
    customer: holder.customer,
    currency,
    amount: moneyText(amount),
    kind: 'points_conversion',
    bookedOn: today,
    label: `${points} ${program.unitName} converted at ${rate.rate} ${currency} each`,
    rate: rate.rate,
    rateSourceId: rate.id,
    createdBy: user,
  }))!
  const spend = await spendPoints(client, holder, points, 'convert', 'conversion', {
    today,
    label: `Converted to ${currency} ${moneyText(amount)} at ${rate.rate}`,
    walletEntryId: entry,
    rate: rate.rate,
    createdBy: user,
    naturalKeyPrefix: `convert:${entry}`,
  })
  await client.query(`update wallet_entries set label = label || $2 where id = $1`, [
    entry,
    ` (points movements ${spend.movements.map((m) => `#${m}`).join(', ')})`,
  ])
  return {
    rate: rate.rate,
    rateId: rate.id,
    points,
    amount: moneyText(amount),
    currency,
    walletEntries: [entry],
    movements: spend.movements,
  }
}

async function creditToPoints(
  client: Db,
  holder: Holder,
  amountText: string,
  currency: string,
  today: string,
  user: number | null,
  kind: 'points_conversion' | 'commission_exchange',
): Promise<Conversion> {
  const program = await programOf(client, holder.programId)
  const rate = await rateOn(client, currency, pointsUnit(program.code), today)
  let bought: { points: number; used: Money }
  try {
    bought = moneyToPoints(positiveAmount(amountText, currency), rate.rate)
  } catch (err) {
    throw asRefusal(err)
  }
  await requireCredit(client, holder.consultantId, holder.customer, bought.used)
  const what = kind === 'commission_exchange' ? 'Commission exchanged' : 'Credit converted'
  const entry = (await postWallet(client, {
    consultantId: holder.consultantId,
    customer: holder.customer,
    currency,
    amount: moneyText(money(bought.used.amount.neg(), currency)),
    kind,
    bookedOn: today,
    label: `${what} for ${bought.points} ${program.unitName} at ${rate.rate} per ${currency}`,
    rate: rate.rate,
    rateSourceId: rate.id,
    createdBy: user,
  }))!
  const { expiresOn, campaignId } = await expiryOf(client, program, today)
  const lot = await postEarn(client, {
    holder,
    source: 'conversion',
    points: bought.points,
    bookedOn: today,
    expiresOn,
    campaignId,
    label: `${what}: ${currency} ${moneyText(bought.used)} at ${rate.rate}`,
    walletEntryId: entry,
    rate: rate.rate,
    createdBy: user,
    naturalKey: `convert:${entry}:earn`,
  })
  await client.query(`update wallet_entries set label = label || $2 where id = $1`, [entry, ` (points movement #${lot})`])
  return {
    rate: rate.rate,
    rateId: rate.id,
    points: bought.points,
    amount: moneyText(bought.used),
    currency,
    walletEntries: [entry],
    movements: lot ? [lot] : [],
  }
}

/**
 * Account credit to points: floor(amount × rate) whole points (currency → points:CODE); the credit used (points ÷ rate,
 * rounded up to the minor unit) leaves the wallet, the points are a new lot (source `conversion`) expiring by the
 * program's policy from today. Refused when the wallet holds less.
 */
export async function convertCreditToPoints(
  client: Db,
  holder: Holder,
  amount: string,
  currency: string,
  today: string,
  user: number | null,
): Promise<Conversion> {
  return creditToPoints(client, holder, amount, currency, today, user, 'points_conversion')
}

/** Commission money (the holder's wallet credit in `currency`) exchanged for points: like convertCreditToPoints, kind `commission_exchange`. */
export async function exchangeCommission(
  client: Db,
  holder: Holder,
  amount: string,
  currency: string,
  today: string,
  user: number | null,
): Promise<Conversion> {
  return creditToPoints(client, holder, amount, currency, today, user, 'commission_exchange')
}

/**
 * Credit in one currency to another: amount × rate (half-even to the target's minor unit); two `currency_conversion`
 * entries (out of `from`, into `to`), each naming the other as counterpart, both recording the rate.
 */
export async function convertCurrency(
  client: Db,
  consultantId: number,
  customer: string | null,
  amountText: string,
  from: string,
  to: string,
  today: string,
  user: number | null = null,
): Promise<Conversion> {
  if (from === to) throw new LoyaltyRefusal(`to: ${to} is the currency converted from`, 400, 'to')
  const rate = await rateOn(client, from, to, today)
  let given: Money
  let got: Money
  try {
    given = positiveAmount(amountText, from)
    got = convertMoney(given, rate.rate, to)
  } catch (err) {
    throw asRefusal(err)
  }
  await requireCredit(client, consultantId, customer, given)
  const base = {
    consultantId,
    customer,
    kind: 'currency_conversion' as const,
    bookedOn: today,
    rate: rate.rate,
    rateSourceId: rate.id,
    createdBy: user,
  }
  const out = (await postWallet(client, {
    ...base,
    currency: from,
    amount: moneyText(money(given.amount.neg(), from)),
    label: `Converted to ${to} ${moneyText(got)} at ${rate.rate}`,
  }))!
  const into = (await postWallet(client, {
    ...base,
    currency: to,
    amount: moneyText(got),
    counterpartId: out,
    label: `Converted from ${from} ${moneyText(given)} at ${rate.rate}`,
  }))!
  await client.query(`update wallet_entries set counterpart_id = $2 where id = $1`, [out, into])
  return { rate: rate.rate, rateId: rate.id, points: 0, amount: moneyText(got), currency: to, walletEntries: [out, into], movements: [] }
}
