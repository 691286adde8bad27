'use client'

import React from 'react'

import { day, LoadState, money, useApi } from '../rebates/shared'
import { asRecord, Empty, inUnit, listOf, nameOf, numberOf, textOf, type SectionProps } from './shared'

/** One reward a referral earned (a campaign's points or credit). */
export type ReferralReward = { label: string; campaign: string; points: number; amount: string; currency: string }

/** One member the caller referred and what the referral earned. */
export type MyReferral = {
  key: string
  member: string
  joinedOn: string
  points: number
  amounts: { currency: string; amount: string }[]
  rewards: ReferralReward[]
}

/** Reads GET /api/loyalty-programs/referrals/mine's answer (a list, or `{ referrals }`). */
export function readReferrals(body: unknown): MyReferral[] {
  return listOf(body, ['referrals', 'docs']).map((entry, index) => {
    const r = asRecord(entry)
    const memberValue = r.member ?? r.participant ?? r.referral ?? { code: r.code, name: r.name }
    const rewards = listOf(r, ['rewards', 'earned', 'lines', 'movements']).map((x) => {
      const w = asRecord(x)
      return {
        label: textOf(w, 'label'),
        campaign: nameOf(w.campaign ?? w.period ?? ''),
        points: numberOf(w, 'points') ?? 0,
        amount: textOf(w, 'amount'),
        currency: textOf(w, 'currency'),
      }
    })
    const amounts = listOf(r, ['amounts', 'credit', 'money']).map((x) => {
      const a = asRecord(x)
      return { currency: textOf(a, 'currency'), amount: textOf(a, 'amount') }
    })
    const points = numberOf(r, 'points', 'pointsEarned', 'totalPoints') ?? rewards.reduce((s, w) => s + w.points, 0)
    return {
      key: textOf(r, 'id') || textOf(asRecord(memberValue), 'id') || String(index),
      member: nameOf(memberValue),
      joinedOn: textOf(r, 'joinedOn'),
      points,
      amounts,
      rewards,
    }
  })
}

/** #referrals: the members the caller referred and what each earned. */
export function Referrals({ program, version }: SectionProps): React.ReactElement {
  const { data, error, loading } = useApi<unknown>('/api/loyalty-programs/referrals/mine', version)
  const referrals = data === null ? null : readReferrals(data)
  return (
    <section id="referrals" className="portal-section">
      <h2>My referrals</h2>
      {referrals && referrals.length === 0 ? <Empty text="You have not referred anyone yet." testId="referrals-empty" /> : null}
      {referrals && referrals.length > 0 ? (
        <ul className="loyalty-cards" data-testid="referrals">
          {referrals.map((r) => (
            <li key={r.key} className="loyalty-card" data-testid="referral" data-points={r.points}>
              <div className="loyalty-card-head">
                <strong>{r.member}</strong>
                {r.joinedOn ? <span>joined {day(r.joinedOn)}</span> : null}
              </div>
              <p className="loyalty-earned">
                Earned you {inUnit(r.points, program)}
                {r.amounts.filter((a) => a.amount !== '').map((a) => ` and ${money(a.amount, a.currency || 'USD')}`)}
              </p>
              {r.rewards.length > 0 ? (
                <ul className="loyalty-rewards">
                  {r.rewards.map((w, i) => (
                    <li key={`${w.campaign}-${w.label}-${i}`}>
                      <span>
                        {w.campaign && w.campaign !== '—' ? `${w.campaign}: ` : ''}
                        {w.label || 'reward'}
                      </span>
                      <span>{w.points !== 0 ? inUnit(w.points, program) : money(w.amount || null, w.currency || 'USD')}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <LoadState loading={loading && !data} error={error} testId="referrals-error" />
    </section>
  )
}
