/**
 * Referral rewards (7.3.1.2), pure parts: a new member's continuity (campaigns in a row, ending with this one, in
 * which they ordered), the `referral_reward` rule input, and the natural key that posts each result line once per
 * referral, campaign and label.
 */
import { D } from '../core/decimal'

/** A campaign of the new member: its id and their orders less returns in it (decimal text). */
export type CampaignAmount = { periodId: number; amount: string }

/**
 * Campaigns in a row, ending with the last one given, in which the member's orders less returns were above zero: 0
 * when the last campaign has none. `campaigns` is in campaign order, oldest first, ending with this campaign.
 */
export function continuity(campaigns: readonly CampaignAmount[]): number {
  let run = 0
  for (let i = campaigns.length - 1; i >= 0; i--) {
    if (!new D(campaigns[i]!.amount).gt(0)) break
    run++
  }
  return run
}

/** What the `referral_reward` rule reads for one referral in one campaign. */
export type ReferralInput = {
  referrer: string
  referrerRank: string | null
  newMember: string
  continuity: number
  campaignOrderAmount: string
  campaignsSinceJoining: number
  currency: string
}

/**
 * The rule input for one referral: `campaigns` are the member's campaigns from the one they joined in to this one
 * (oldest first), so campaignsSinceJoining is their count (1 in the joining campaign).
 */
export function referralInput(
  referrer: { code: string; rank: string | null; currency: string },
  newMember: string,
  campaigns: readonly CampaignAmount[],
): ReferralInput {
  const last = campaigns[campaigns.length - 1]
  return {
    referrer: referrer.code,
    referrerRank: referrer.rank,
    newMember,
    continuity: continuity(campaigns),
    campaignOrderAmount: new D(last?.amount ?? '0').toString(),
    campaignsSinceJoining: campaigns.length,
    currency: referrer.currency,
  }
}

/** The natural key of one reward line: once per referral (new member), campaign and label, for points or money. */
export function referralKey(what: 'points' | 'amount', newMemberId: number, periodId: number, label: string): string {
  return `referral:${what}:${newMemberId}:${periodId}:${label}`
}
