/**
 * Accruals: the liability each eligible point-of-sale line creates the moment it arrives. Pure: the caller gives a
 * program's terms, the lines in arrival order and where each partner stood before them; it gets one accrual per
 * eligible line (and a reason for every line left out) and the state after them.
 *
 * Line kinds accrue the line's rebate; volume kinds the line's share of the partner's running rebate (the rebate after
 * the line less the rebate before it). Caps clip in arrival order: a partner never accrues more than the partner cap,
 * the program never more than its funding. A deal registration accrues no more units than the deal registered.
 */
import type Decimal from 'decimal.js'

import { D } from '../core/decimal'
import {
  addLine,
  ineligibility,
  isVolumeKind,
  lineRebate,
  NO_VOLUME,
  volumeRebate,
  type PosFact,
  type ProgramTerms,
  type Volume,
} from './programs'

export type PartnerStanding = {
  /** Units and sales amount accrued on so far in the program. */
  volume: Volume
  /** What was accrued after caps. */
  accrued: Decimal
}

export type AccrualState = {
  partners: Map<number, PartnerStanding>
  /** Accrued by every partner in the program so far. */
  programAccrued: Decimal
  /** Units accrued per deal line: `${deal number}|${product id}`. */
  dealUnits: Map<string, number>
  /** Growth: each partner's volume in the baseline period (absent = none). */
  baselines: ReadonlyMap<number, Volume>
}

export type Accrual = {
  lineId: number
  partnerId: number
  amount: Decimal
  /** Units the accrual covers (a deal may cover fewer than the line sold). */
  quantity: number
  expiresOn: string
}

export type AccrualSkip = { lineId: number; reason: string }

export function emptyAccrualState(baselines: ReadonlyMap<number, Volume> = new Map()): AccrualState {
  return { partners: new Map(), programAccrued: new D(0), dealUnits: new Map(), baselines }
}

/** The day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** Accrues `lines` (in arrival order) under `program`, updating `state`. */
export function accrueLines(
  program: ProgramTerms,
  lines: readonly PosFact[],
  state: AccrualState,
): { accruals: Accrual[]; skipped: AccrualSkip[] } {
  const accruals: Accrual[] = []
  const skipped: AccrualSkip[] = []
  const zero = new D(0)
  for (const line of lines) {
    const reason = ineligibility(program, line)
    if (reason !== null) {
      skipped.push({ lineId: line.id, reason })
      continue
    }
    let quantity = line.quantity
    if (program.kind === 'deal_registration') {
      const key = `${line.deal!.number}|${line.productId}`
      const registered = line.deal!.lines.get(line.productId)!.quantity
      const left = registered - (state.dealUnits.get(key) ?? 0)
      if (left <= 0) {
        skipped.push({ lineId: line.id, reason: `deal ${line.deal!.number}'s ${registered} units of ${line.sku} are used up` })
        continue
      }
      quantity = Math.min(quantity, left)
      state.dealUnits.set(key, registered - left + quantity)
    }
    const standing = state.partners.get(line.partnerId) ?? { volume: NO_VOLUME, accrued: zero }
    const volume = addLine(standing.volume, { quantity, unitPrice: line.unitPrice })
    // A line kind adds the line's rebate to what was accrued (a line clipped by a cap is not caught up later); a volume
    // kind's rebate is a function of the running total, so a later line carries what a tier crossing adds.
    const uncapped = isVolumeKind(program.kind)
      ? volumeRebate(program, volume, state.baselines.get(line.partnerId))
      : standing.accrued.plus(lineRebate(program, line, quantity))
    let target = program.partnerCap === null ? uncapped : D.min(uncapped, program.partnerCap)
    let amount = D.max(zero, target.minus(standing.accrued))
    if (program.fundingCap !== null) amount = D.min(amount, D.max(zero, program.fundingCap.minus(state.programAccrued)))
    target = standing.accrued.plus(amount)
    state.partners.set(line.partnerId, { volume, accrued: target })
    state.programAccrued = state.programAccrued.plus(amount)
    accruals.push({
      lineId: line.id,
      partnerId: line.partnerId,
      amount,
      quantity,
      expiresOn: addDays(line.soldOn, program.claimWindowDays),
    })
  }
  return { accruals, skipped }
}
