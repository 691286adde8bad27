/**
 * The points ledger on PostgreSQL: append-only movements, balances as sums, lots as earn rows plus the negative rows
 * naming them. Every function takes the caller's client (inside its transaction); a spend locks the holder first
 * (`pg_advisory_xact_lock`), so two spends of the same points — from two requests or two processes — queue, and the
 * second sees what the first took.
 */
import type { PoolClient } from 'pg'

import {
  consumeLots,
  expiryDate,
  expirySchedule,
  isWholePoints,
  usablePoints,
  type Campaign,
  type ExpiryPolicy,
  type MovementKind,
  type MovementSource,
  type PointsLot,
} from '../../engine/loyalty'
import { asRefusal, LoyaltyRefusal } from './errors'

/** Whose points: a consultant's own (`customer` null), or an end customer's bought through `consultantId`. */
export type Holder = { programId: number; consultantId: number; customer: string | null }

/** A program as the ledger reads it. */
export type Program = {
  id: number
  code: string
  unitName: string
  active: boolean
  expiryPolicy: ExpiryPolicy
  expiryMonths: number | null
  expiryCampaigns: number | null
  earnRulesId: number | null
}

type Db = Pick<PoolClient, 'query'>

const PROGRAM_SQL = `select id, code, unit_name as "unitName", coalesce(active, true) as active, expiry_policy::text as "expiryPolicy",
  expiry_months::int as "expiryMonths", expiry_campaigns::int as "expiryCampaigns", earn_rules_id as "earnRulesId" from loyalty_programs`

/** The program by code (or numeric id); a LoyaltyRefusal naming `program` when there is none. */
export async function programOf(client: Db, codeOrId: string | number): Promise<Program> {
  const text = String(codeOrId ?? '').trim()
  if (!text) throw new LoyaltyRefusal('program: give the program code, e.g. STARS', 400, 'program')
  const byId = /^\d{1,9}$/.test(text)
  const row = (await client.query<Program>(`${PROGRAM_SQL} where ${byId ? 'id = $1::int' : 'code = $1'}`, [byId ? Number(text) : text]))
    .rows[0]
  if (!row) throw new LoyaltyRefusal(`program: no loyalty program "${text}"`, 404, 'program')
  return row
}

/** Every active program. */
export async function activePrograms(client: Db): Promise<Program[]> {
  return (await client.query<Program>(`${PROGRAM_SQL} where coalesce(active, true) order by id`)).rows
}

/**
 * The campaigns expiry counts in: the regular-cycle commission periods (monthly ones when the calendar has several
 * frequencies), sorted by start, with their ids (movements record the campaign of their day).
 */
export async function campaignCalendar(client: Db): Promise<(Campaign & { id: number })[]> {
  const rows = (
    await client.query<Campaign & { id: number; frequency: string }>(
      `select id, starts_on::date::text as start, ends_on::date::text as "end", frequency::text as frequency
         from commission_periods where cycle = 'regular' order by starts_on, id`,
    )
  ).rows
  const frequency = rows.some((r) => r.frequency === 'monthly') ? 'monthly' : rows[0]?.frequency
  return rows.filter((r) => r.frequency === frequency).map(({ id, start, end }) => ({ id, start, end }))
}

/** The last usable day of points the program gives on `day` (null: never), with the campaign of that day. */
export async function expiryOf(
  client: Db,
  program: Program,
  day: string,
): Promise<{ expiresOn: string | null; campaignId: number | null }> {
  const calendar = await campaignCalendar(client)
  const campaignId = calendar.find((c) => c.start <= day && day <= c.end)?.id ?? null
  try {
    const expiresOn = expiryDate(program.expiryPolicy, day, { months: program.expiryMonths, campaigns: program.expiryCampaigns, calendar })
    return { expiresOn, campaignId }
  } catch (err) {
    throw asRefusal(err)
  }
}

/** Takes the holder's lock for the rest of the transaction: spends of the same points run one after the other. */
export async function lockHolder(client: Db, programId: number, consultantId: number, customer: string | null): Promise<void> {
  await client.query(`select pg_advisory_xact_lock(hashtext($1))`, [`accrue.loyalty.holder.${programId}.${consultantId}.${customer ?? ''}`])
}

const HOLDER_WHERE = (alias: string) =>
  `${alias}.program_id = $1 and ${alias}.consultant_id = $2 and ${alias}.customer is not distinct from $3::text`
const holderArgs = (holder: Holder) => [holder.programId, holder.consultantId, holder.customer]

/** The holder's balance: the sum of every movement (negative after a return took back spent points). */
export async function pointsBalance(client: Db, holder: Holder): Promise<number> {
  const row = (
    await client.query<{ balance: string }>(
      `select coalesce(sum(m.points), 0)::bigint::text as balance from points_movements m where ${HOLDER_WHERE('m')}`,
      holderArgs(holder),
    )
  ).rows[0]
  return Number(row?.balance ?? 0)
}

/** Every lot of the holder with points left (expired ones not yet posted included), with its label and points. */
export async function lotsOf(client: Db, holder: Holder): Promise<(PointsLot & { points: number; label: string | null; kind: string })[]> {
  const rows = (
    await client.query<{
      id: number
      points: string
      remaining: string
      expiresOn: string | null
      earnedOn: string
      label: string | null
      kind: string
    }>(
      `select l.id, l.points::bigint::text as points, (l.points + coalesce(sum(m.points), 0))::bigint::text as remaining,
              l.expires_on::date::text as "expiresOn", l.booked_on::date::text as "earnedOn", l.label, l.kind::text as kind
         from points_movements l left join points_movements m on m.lot_id = l.id
        where ${HOLDER_WHERE('l')} and l.lot_id is null and l.points > 0
        group by l.id having l.points + coalesce(sum(m.points), 0) > 0
        order by l.expires_on nulls last, l.booked_on, l.id`,
      holderArgs(holder),
    )
  ).rows
  return rows.map((r) => ({ ...r, points: Number(r.points), remaining: Number(r.remaining) }))
}

/** The lots usable on `today` (points left, not expired), in the order a spend takes them. */
export async function openLots(client: Db, holder: Holder, today: string): Promise<PointsLot[]> {
  return (await lotsOf(client, holder)).filter((lot) => lot.remaining > 0 && (lot.expiresOn === null || lot.expiresOn >= today))
}

/** A movement to insert (every column the ledger writes). */
export type MovementRow = {
  holder: Holder
  kind: MovementKind
  source: MovementSource
  points: number
  bookedOn: string
  expiresOn?: string | null
  lotId?: number | null
  label?: string | null
  orderNumber?: string | null
  orderLineId?: number | null
  campaignId?: number | null
  referralId?: number | null
  redemptionId?: number | null
  walletEntryId?: number | null
  ruleVersionId?: number | null
  rate?: string | null
  reversalOfId?: number | null
  createdBy?: number | null
  naturalKey?: string | null
}

/** Inserts movements in one statement; rows whose natural key exists are skipped. Returns the new ids (in order, skipped left out). */
export async function insertMovements(client: Db, rows: readonly MovementRow[]): Promise<number[]> {
  if (rows.length === 0) return []
  const col = <T>(pick: (r: MovementRow) => T) => rows.map(pick)
  const result = await client.query<{ id: number }>(
    `insert into points_movements (program_id, consultant_id, customer, kind, source, points, booked_on, expires_on, lot_id, label,
        order_number, order_line_id, campaign_id, referral_id, redemption_id, wallet_entry_id, rule_version_id, rate, reversal_of_id,
        created_by_id, natural_key, created_at, updated_at)
     select * , now(), now() from unnest($1::int[], $2::int[], $3::text[], $4::enum_points_movements_kind[], $5::enum_points_movements_source[],
        $6::bigint[], $7::date[], $8::date[], $9::int[], $10::text[], $11::text[], $12::int[], $13::int[], $14::int[], $15::int[], $16::int[],
        $17::int[], $18::text[], $19::int[], $20::int[], $21::text[])
     on conflict (natural_key) do nothing returning id`,
    [
      col((r) => r.holder.programId),
      col((r) => r.holder.consultantId),
      col((r) => r.holder.customer),
      col((r) => r.kind),
      col((r) => r.source),
      col((r) => r.points),
      col((r) => r.bookedOn),
      col((r) => r.expiresOn ?? null),
      col((r) => r.lotId ?? null),
      col((r) => r.label ?? null),
      col((r) => r.orderNumber ?? null),
      col((r) => r.orderLineId ?? null),
      col((r) => r.campaignId ?? null),
      col((r) => r.referralId ?? null),
      col((r) => r.redemptionId ?? null),
      col((r) => r.walletEntryId ?? null),
      col((r) => r.ruleVersionId ?? null),
      col((r) => r.rate ?? null),
      col((r) => r.reversalOfId ?? null),
      col((r) => r.createdBy ?? null),
      col((r) => r.naturalKey ?? null),
    ],
  )
  return result.rows.map((r) => r.id)
}

/** An earn lot: positive whole points, its last usable day and source. */
export type EarnInput = Omit<MovementRow, 'kind' | 'lotId'> & { kind?: 'earn' | 'adjust' }

/** Posts an earn lot, idempotent by `naturalKey` (`on conflict do nothing`): its id, or null when it was already there. */
export async function postEarn(client: Db, earn: EarnInput): Promise<number | null> {
  if (!isWholePoints(earn.points))
    throw new LoyaltyRefusal(`points: ${String(earn.points)} is not a whole number above zero`, 400, 'points')
  const [id] = await insertMovements(client, [{ ...earn, kind: earn.kind ?? 'earn' }])
  return id ?? null
}

/** What a spend records on each of its movements. */
export type SpendOptions = {
  today: string
  label?: string | null
  redemptionId?: number | null
  walletEntryId?: number | null
  orderNumber?: string | null
  orderLineId?: number | null
  createdBy?: number | null
  rate?: string | null
  /** Natural key of each movement: `<prefix>:<lotId>` (a retried job spends once). */
  naturalKeyPrefix?: string | null
  /** The field a shortage is about (`points`, `quantity`, `amount`). */
  field?: string
}

/** What a spend took: the movements and the lots. */
export type Spend = { points: number; movements: number[]; lots: { lotId: number; points: number }[] }

/**
 * Points the holder can spend today: what is left of the unexpired lots, and never more than the balance (a debt
 * left by a return is paid first).
 */
export async function spendablePoints(client: Db, holder: Holder, today: string): Promise<number> {
  const [lots, balance] = await Promise.all([openLots(client, holder, today), pointsBalance(client, holder)])
  return Math.max(0, Math.min(balance, usablePoints(lots, today)))
}

/**
 * Spends `points` of the holder: locks the holder, takes from the lots expiring first, one negative movement per lot
 * (naming it). Refuses with a LoyaltyRefusal (409, `field`) when the holder has fewer spendable points; nothing is
 * written then.
 */
export async function spendPoints(
  client: Db,
  holder: Holder,
  points: number,
  kind: MovementKind,
  source: MovementSource,
  options: SpendOptions,
): Promise<Spend> {
  const field = options.field ?? 'points'
  if (!isWholePoints(points)) throw new LoyaltyRefusal(`${field}: ${String(points)} is not a whole number of points above zero`, 400, field)
  await lockHolder(client, holder.programId, holder.consultantId, holder.customer)
  // The lots' rows too: the earn job's set-based take-back of returns locks the lots it reads the same way.
  await client.query(
    `select id from points_movements l where ${HOLDER_WHERE('l')} and l.lot_id is null and l.points > 0 for update`,
    holderArgs(holder),
  )
  const [lots, balance] = await Promise.all([openLots(client, holder, options.today), pointsBalance(client, holder)])
  const held = Math.max(0, Math.min(balance, usablePoints(lots, options.today)))
  if (held < points) throw new LoyaltyRefusal(`${field}: not enough points: ${held} held, ${points} asked`, 409, field)
  const takes = consumeLots(lots, points, options.today)
  const movements = await insertMovements(
    client,
    takes.map((take) => ({
      holder,
      kind,
      source,
      points: -take.points,
      bookedOn: options.today,
      lotId: take.lotId,
      label: options.label ?? null,
      redemptionId: options.redemptionId ?? null,
      walletEntryId: options.walletEntryId ?? null,
      orderNumber: options.orderNumber ?? null,
      orderLineId: options.orderLineId ?? null,
      rate: options.rate ?? null,
      createdBy: options.createdBy ?? null,
      naturalKey: options.naturalKeyPrefix ? `${options.naturalKeyPrefix}:${take.lotId}` : null,
    })),
  )
  return { points, movements, lots: takes }
}

/** A holder's statement: balance, spendable points, lots with what is left and when they expire, the schedule, recent movements. */
export type Statement = {
  balance: number
  spendable: number
  lots: {
    id: number
    kind: string
    label: string | null
    earnedOn: string
    expiresOn: string | null
    points: number
    remaining: number
    expired: boolean
  }[]
  expiring: { expiresOn: string; points: number }[]
  movements: {
    id: number
    bookedOn: string
    kind: string
    source: string
    points: number
    label: string | null
    lot: number | null
    expiresOn: string | null
    orderNumber: string | null
    rate: string | null
    redemption: number | null
    walletEntry: number | null
  }[]
}

/** The holder's statement on `today` (the 100 most recent movements). */
export async function holderStatement(client: Db, holder: Holder, today: string): Promise<Statement> {
  const [lots, balance] = await Promise.all([lotsOf(client, holder), pointsBalance(client, holder)])
  const usable = lots.filter((lot) => lot.expiresOn === null || lot.expiresOn >= today)
  const movements = (
    await client.query<Statement['movements'][number] & { points: string }>(
      `select m.id, m.booked_on::date::text as "bookedOn", m.kind::text as kind, m.source::text as source, m.points::bigint::text as points,
              m.label, m.lot_id as lot, m.expires_on::date::text as "expiresOn", m.order_number as "orderNumber", m.rate,
              m.redemption_id as redemption, m.wallet_entry_id as "walletEntry"
         from points_movements m where ${HOLDER_WHERE('m')} order by m.booked_on desc, m.id desc limit 100`,
      holderArgs(holder),
    )
  ).rows
  return {
    balance,
    spendable: Math.max(0, Math.min(balance, usablePoints(usable, today))),
    lots: lots.map((lot) => ({
      id: lot.id,
      kind: lot.kind,
      label: lot.label,
      earnedOn: lot.earnedOn,
      expiresOn: lot.expiresOn,
      points: lot.points,
      remaining: lot.remaining,
      expired: lot.expiresOn !== null && lot.expiresOn < today,
    })),
    expiring: expirySchedule(usable, today),
    movements: movements.map((m) => ({ ...m, points: Number(m.points) })),
  }
}

/** A redemption's result. */
export type Redemption = { id: number; points: number; product: string; quantity: number; movements: number[]; replayed: boolean }

/**
 * Redeems `quantity` units of a product for points (ledger.ts holds it: it is a spend): the product must have a redeem
 * value; the points_redemptions row is written and the points spent (kind `redeem`, source `redemption`), oldest-
 * expiring first. The caller's transaction makes it atomic: a refusal (not enough points: 409 `quantity`) writes
 * nothing. A request key seen before answers the first redemption again (`replayed`).
 */
export async function redeemProduct(
  client: Db,
  holder: Holder,
  productId: number,
  quantity: number,
  orderNumber: string | null,
  user: number | null,
  requestKey: string | null,
  today: string,
): Promise<Redemption> {
  if (!Number.isSafeInteger(quantity) || quantity < 1)
    throw new LoyaltyRefusal(`quantity: ${String(quantity)} is not a whole number ≥ 1`, 400, 'quantity')
  const product = (
    await client.query<{ id: number; code: string; redeemPoints: string | null }>(
      `select id, code, redeem_points::text as "redeemPoints" from products where id = $1`,
      [productId],
    )
  ).rows[0]
  if (!product) throw new LoyaltyRefusal(`product: no product ${productId}`, 404, 'product')
  const each = product.redeemPoints === null ? NaN : Number(product.redeemPoints)
  if (!Number.isSafeInteger(each) || each < 1)
    throw new LoyaltyRefusal(`product: ${product.code} cannot be redeemed for points (it has no redeem points)`, 422, 'product')
  await lockHolder(client, holder.programId, holder.consultantId, holder.customer)
  if (requestKey) {
    const seen = (
      await client.query<{
        id: number
        points: string
        quantity: string
        consultant: number
        program: number
        product: number
        customer: string | null
      }>(
        `select id, points::text, quantity::text, consultant_id as consultant, program_id as program, product_id as product, customer
           from points_redemptions where request_key = $1`,
        [requestKey],
      )
    ).rows[0]
    if (seen) {
      if (
        seen.consultant !== holder.consultantId ||
        seen.program !== holder.programId ||
        seen.product !== productId ||
        seen.customer !== holder.customer
      )
        throw new LoyaltyRefusal('Idempotency-Key: this key was already used for another redemption', 409, 'Idempotency-Key')
      const movements = (
        await client.query<{ id: number }>(`select id from points_movements where redemption_id = $1 order by id`, [seen.id])
      ).rows
      return {
        id: seen.id,
        points: Number(seen.points),
        product: product.code,
        quantity: Number(seen.quantity),
        movements: movements.map((m) => m.id),
        replayed: true,
      }
    }
  }
  const points = each * quantity
  if (!Number.isSafeInteger(points)) throw new LoyaltyRefusal(`quantity: ${quantity} × ${each} points is too many`, 400, 'quantity')
  const held = await spendablePoints(client, holder, today)
  if (held < points)
    throw new LoyaltyRefusal(
      `quantity: not enough points: ${held} held, ${points} asked (${quantity} × ${product.code} at ${each})`,
      409,
      'quantity',
    )
  const redemption = (
    await client.query<{ id: number }>(
      `insert into points_redemptions (program_id, consultant_id, customer, product_id, quantity, points, order_number, status, created_by_id,
          request_key, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, 'placed', $8, $9, now(), now()) returning id`,
      [holder.programId, holder.consultantId, holder.customer, productId, quantity, points, orderNumber, user, requestKey],
    )
  ).rows[0]!
  const spend = await spendPoints(client, holder, points, 'redeem', 'redemption', {
    today,
    label: `${product.code} × ${quantity}`,
    redemptionId: redemption.id,
    orderNumber,
    createdBy: user,
    naturalKeyPrefix: `redeem:${redemption.id}`,
    field: 'quantity',
  })
  return { id: redemption.id, points, product: product.code, quantity, movements: spend.movements, replayed: false }
}

/**
 * Reverses a placed redemption: every point it took goes back to the lot it came from (kind `reverse`, naming the
 * lot and the movement undone), and the redemption is marked `reversed` with the reason. Returns the points given
 * back (0 when it was already reversed).
 */
export async function reverseRedemption(
  client: Db,
  redemptionId: number,
  reason: string,
  today: string,
  user: number | null = null,
): Promise<number> {
  const row = (
    await client.query<{ status: string; program: number; consultant: number; customer: string | null }>(
      `update points_redemptions set status = 'reversed', reversed_reason = $2, updated_at = now()
        where id = $1 and status = 'placed' returning status::text, program_id as program, consultant_id as consultant, customer`,
      [redemptionId, reason],
    )
  ).rows[0]
  if (!row) return 0
  const taken = (
    await client.query<{ id: number; lot: number | null; points: string; orderNumber: string | null }>(
      `select id, lot_id as lot, points::bigint::text as points, order_number as "orderNumber"
         from points_movements where redemption_id = $1 and kind = 'redeem' order by id`,
      [redemptionId],
    )
  ).rows
  const holder = { programId: row.program, consultantId: row.consultant, customer: row.customer }
  await insertMovements(
    client,
    taken.map((m) => ({
      holder,
      kind: 'reverse' as const,
      source: 'redemption' as const,
      points: -Number(m.points),
      bookedOn: today,
      lotId: m.lot,
      label: `Redemption reversed: ${reason}`,
      redemptionId,
      orderNumber: m.orderNumber,
      reversalOfId: m.id,
      createdBy: user,
      naturalKey: `reverse:${m.id}`,
    })),
  )
  return taken.reduce((sum, m) => sum - Number(m.points), 0)
}
