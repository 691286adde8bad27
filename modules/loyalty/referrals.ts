/**
 * Referral rewards (7.3.1.2): `participants.referredBy` names the referrer. For a campaign (a commission period of
 * the ledger's campaign calendar) every referred member's continuity, orders less returns and campaigns since joining
 * are the input of the program's `referral_reward` rules (the version in force on the campaign's last day); each
 * result line is posted once per referral, campaign and label: points as an earn lot of the referrer (source
 * 'referral', naming the new member and the campaign), money as a wallet entry (kind 'referral'). Running it again
 * posts nothing twice (natural keys).
 */
import type { PoolClient } from 'pg'

import { D } from '../../engine/core/decimal'
import { isCurrencyCode } from '../../engine/core/money'
import { minorText, toMinor } from '../../engine/loyalty/incentives'
import { referralInput, referralKey, type CampaignAmount } from '../../engine/loyalty/referrals'
import { compileRule, evaluateRule, NOTHING, RuleContentError } from '../../engine/rules'
import { approvedRuleVersion } from '../rules'
import { campaignCalendar, expiryOf, postEarn, programOf } from './ledger'
import { refusal } from './orderInput'
import { postWallet } from './wallet'

/** One posted (or already posted) reward line. */
export type ReferralReward = {
  referrer: string
  newMember: string
  label: string
  points: number | null
  amount: string | null
  currency: string | null
  /** false when an earlier run had posted it already. */
  posted: boolean
}

export type ReferralRun = {
  period: { id: number; label: string; startsOn: string; endsOn: string }
  program: string
  ruleVersion: { id: number; label: string }
  referrals: number
  rewards: ReferralReward[]
  /** Referrals the rule could not be evaluated for: the new member and why (nothing posted for them). */
  failures: { newMember: string; reason: string }[]
}

/** A commission period by id or label (a refusal naming `period` when there is none). */
export async function periodOf(
  client: PoolClient,
  idOrLabel: unknown,
): Promise<{ id: number; label: string; startsOn: string; endsOn: string }> {
  const text = typeof idOrLabel === 'number' || typeof idOrLabel === 'string' ? String(idOrLabel).trim() : ''
  if (!text) throw refusal(422, 'period', 'period (id or label) is required')
  const byId = /^\d{1,9}$/.test(text)
  const found = await client.query<{ id: number; label: string; startsOn: string; endsOn: string }>(
    `select id, label, starts_on::date::text as "startsOn", ends_on::date::text as "endsOn" from commission_periods
      where ${byId ? 'id = $1::int' : 'label = $1'} order by id limit 1`,
    [byId ? Number(text) : text],
  )
  if (!found.rows[0]) throw refusal(422, 'period', `no commission period "${text}"`)
  return found.rows[0]
}

/**
 * Rewards the referrals of campaign `periodId` (inside the caller's transaction): evaluates the active program's
 * referral rules for every referred member who had joined by the campaign's end and posts each result line once.
 * Refused when the campaign has not ended by `today` (409), is not a campaign of the calendar, or no active program
 * has approved referral rules (422).
 */
export async function rewardReferrals(client: PoolClient, periodId: number, today: string): Promise<ReferralRun> {
  await client.query('select pg_advisory_xact_lock(hashtext($1))', [`accrue.loyalty.referrals.${periodId}`])
  const period = await periodOf(client, periodId)
  if (period.endsOn >= today)
    throw refusal(409, 'period', `campaign ${period.label} ends on ${period.endsOn}: reward its referrals once it has ended`)
  const calendar = await campaignCalendar(client)
  const index = calendar.findIndex((c) => c.id === period.id)
  if (index < 0) throw refusal(422, 'period', `period ${period.label} is not a campaign of the loyalty calendar (the regular cycle)`)
  const programRow = (
    await client.query<{ id: number; rules: number }>(
      `select id, referral_rules_id as rules from loyalty_programs where active is not false and referral_rules_id is not null order by id limit 1`,
    )
  ).rows[0]
  if (!programRow) throw refusal(422, 'program', 'no active loyalty program names referral rules')
  const program = await programOf(client, programRow.id)
  const source = await approvedRuleVersion(client, programRow.rules, period.endsOn)
  if (!source) throw refusal(422, 'referralRules', `the referral rules have no approved version in force on ${period.endsOn}`)
  let rule
  try {
    rule = compileRule(source)
  } catch (err) {
    if (err instanceof RuleContentError) throw refusal(422, 'referralRules', err.message)
    throw err
  }

  const members = (
    await client.query<{
      id: number
      code: string
      joinedOn: string | null
      referrerId: number
      referrer: string
      currency: string | null
      rank: string | null
    }>(
      `select m.id, m.code, to_char(m.joined_on at time zone 'UTC', 'YYYY-MM-DD') as "joinedOn", r.id as "referrerId", r.code as referrer,
              upper(r.currency) as currency,
              (select rk.code from member_cycles mc join commission_periods cp on cp.id = mc.cycle_id join ranks rk on rk.id = mc.paid_rank_id
                where mc.participant_id = r.id and cp.ends_on <= $1::date order by cp.ends_on desc, cp.id desc limit 1) as rank
         from participants m join participants r on r.id = m.referred_by_id
        where m.joined_on is null or (m.joined_on at time zone 'UTC')::date <= $1::date
        order by m.id`,
      [period.endsOn],
    )
  ).rows
  const upTo = calendar.slice(0, index + 1)
  const amounts = new Map<string, string>()
  if (members.length) {
    const rows = await client.query<{ member: number; period: number; amount: string }>(
      `select o.consultant_id as member, c.id as period, coalesce(sum(o.amount), 0)::text as amount
         from network_orders o
         join unnest($2::int[], $3::date[], $4::date[]) as c(id, starts_on, ends_on) on o.booked_on >= c.starts_on and o.booked_on < c.ends_on + 1
        where o.consultant_id = any($1::int[]) group by 1, 2`,
      [members.map((m) => m.id), upTo.map((c) => c.id), upTo.map((c) => c.start), upTo.map((c) => c.end)],
    )
    for (const row of rows.rows) amounts.set(`${row.member}:${row.period}`, row.amount)
  }
  const run: ReferralRun = {
    period,
    program: program.code,
    ruleVersion: { id: source.id, label: rule.label },
    referrals: members.length,
    rewards: [],
    failures: [],
  }
  const { expiresOn } = await expiryOf(client, program, period.endsOn)
  for (const member of members) {
    const joinedAt = member.joinedOn ? upTo.findIndex((c) => c.end >= member.joinedOn!) : 0
    const campaigns: CampaignAmount[] = upTo
      .slice(Math.max(joinedAt, 0))
      .map((c) => ({ periodId: c.id, amount: amounts.get(`${member.id}:${c.id}`) ?? '0' }))
    const currency = member.currency && isCurrencyCode(member.currency) ? member.currency : 'USD'
    const input = referralInput({ code: member.referrer, rank: member.rank, currency }, member.code, campaigns)
    const outcome = await evaluateRule(rule, { ...input, campaignOrderAmount: Number(input.campaignOrderAmount) })
    if ('error' in outcome) {
      if (outcome.error !== NOTHING) run.failures.push({ newMember: member.code, reason: outcome.error })
      continue
    }
    for (const result of outcome.result.results) {
      const label = String(result.label)
      const points = result.points === undefined ? null : new D(String(result.points))
      const amount = result.amount === undefined ? null : new D(String(result.amount))
      if (points && points.gt(0)) {
        if (!points.isInteger()) {
          run.failures.push({ newMember: member.code, reason: `"${label}" grants ${points.toString()} points, not a whole number` })
          continue
        }
        const id = await postEarn(client, {
          holder: { programId: program.id, consultantId: member.referrerId, customer: null },
          points: points.toNumber(),
          bookedOn: period.endsOn,
          expiresOn,
          source: 'referral',
          label,
          referralId: member.id,
          campaignId: period.id,
          ruleVersionId: source.id,
          naturalKey: referralKey('points', member.id, period.id, label),
        })
        run.rewards.push({
          referrer: member.referrer,
          newMember: member.code,
          label,
          points: points.toNumber(),
          amount: null,
          currency: null,
          posted: id !== null,
        })
      }
      if (amount && amount.gt(0)) {
        const text = minorText(toMinor(amount, currency), currency)
        const id = await postWallet(client, {
          consultantId: member.referrerId,
          customer: null,
          currency,
          amount: text,
          kind: 'referral',
          bookedOn: period.endsOn,
          label: `${label}: ${member.code}, ${period.label}`,
          ruleVersionId: source.id,
          naturalKey: referralKey('amount', member.id, period.id, label),
        })
        run.rewards.push({
          referrer: member.referrer,
          newMember: member.code,
          label,
          points: null,
          amount: text,
          currency,
          posted: id !== null,
        })
      }
    }
  }
  return run
}

/** A referral as its referrer sees it: the new member and what it earned, per campaign. */
export type MyReferral = {
  id: number
  code: string
  name: string
  joinedOn: string | null
  points: number
  credit: { currency: string; amount: string }[]
  earned: { campaign: string | null; label: string; points: number | null; amount: string | null; currency: string | null }[]
}

/** The consultant's referrals (members whose referredBy is them) with the points and credit each earned them. */
export async function referralsOf(client: Pick<PoolClient, 'query'>, consultantId: number): Promise<MyReferral[]> {
  const members = (
    await client.query<{ id: number; code: string; name: string; joinedOn: string | null }>(
      `select id, code, name, to_char(joined_on at time zone 'UTC', 'YYYY-MM-DD') as "joinedOn" from participants where referred_by_id = $1 order by code`,
      [consultantId],
    )
  ).rows
  if (!members.length) return []
  const points = (
    await client.query<{ member: number; campaign: string | null; label: string; points: string }>(
      `select m.referral_id as member, cp.label as campaign, m.label, sum(m.points)::bigint::text as points
         from points_movements m left join commission_periods cp on cp.id = m.campaign_id
        where m.consultant_id = $1 and m.source = 'referral' and m.referral_id = any($2::int[])
        group by m.referral_id, cp.label, cp.starts_on, m.label order by cp.starts_on, m.label`,
      [consultantId, members.map((m) => m.id)],
    )
  ).rows
  const money = (
    await client.query<{ key: string; currency: string; amount: string; campaign: string | null }>(
      `select w.natural_key as key, upper(w.currency) as currency, w.amount::text as amount, cp.label as campaign
         from wallet_entries w left join commission_periods cp on cp.id = split_part(w.natural_key, ':', 4)::int
        where w.consultant_id = $1 and w.kind = 'referral' and w.natural_key like 'referral:amount:%' order by w.id`,
      [consultantId],
    )
  ).rows
  return members.map((member) => {
    const earned: MyReferral['earned'] = points
      .filter((p) => p.member === member.id)
      .map((p) => ({ campaign: p.campaign, label: p.label, points: Number(p.points), amount: null, currency: null }))
    const credit = new Map<string, InstanceType<typeof D>>()
    for (const entry of money) {
      const [, , memberId, , ...label] = entry.key.split(':')
      if (Number(memberId) !== member.id) continue
      earned.push({
        campaign: entry.campaign,
        label: label.join(':'),
        points: null,
        amount: minorText(new D(entry.amount), entry.currency),
        currency: entry.currency,
      })
      credit.set(entry.currency, (credit.get(entry.currency) ?? new D(0)).plus(entry.amount))
    }
    return {
      ...member,
      points: earned.reduce((sum, e) => sum + (e.points ?? 0), 0),
      credit: [...credit].map(([currency, amount]) => ({ currency, amount: minorText(amount, currency) })),
      earned,
    }
  })
}
