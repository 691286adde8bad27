/**
 * The activations the stand-in portal reports: deterministic rows with valid identifiers (19-digit ICCID starting
 * 8901 with its Luhn digit, 15-digit IMEI with its Luhn digit, 10-digit MDN) and commissions priced with the Vertex
 * 2026 dealer program (Q4 rates from 2026-10-01). Amounts are integer cents; formatting happens in `columns.ts`.
 */

import { seededRandom } from '../../engine/core/seededRandom'
export const ACT_TYPES = ['new', 'upgrade', 'port_in', 'feature_add', 'downgrade'] as const
export type ActType = (typeof ACT_TYPES)[number]

export const PLAN_CODES = ['VTX-UNL-5G', 'VTX-ESS', 'VTX-BIZ'] as const
export const AGENT_CODES = ['DLR-0101', 'DLR-0102', 'DLR-0201', 'DLR-0301', 'DLR-0302'] as const
export const LINE_STATUSES = ['active', 'suspended', 'deactivated'] as const

/** One line of the report, values as the carrier holds them: ISO dates, amounts in cents. */
export type ActivationRow = {
  activationDate: string
  activationType: ActType
  mdn: string
  iccid: string
  imei: string
  planCode: string
  /** Feature codes, comma-joined ("HOTSPOT,INTL"), '' when none. */
  features: string
  accountNo: string
  agentCode: string
  status: (typeof LINE_STATUSES)[number]
  /** ISO date, '' while the line is live. */
  deactivationDate: string
  actCommCents: number
  featCommCents: number
  spiffCents: number
}

export type ActivationRowSettings = {
  count: number
  /** First activation day, YYYY-MM-DD. */
  from: string
  /** Days the rows spread over (default 31). */
  days?: number
  /** Another seed gives other identifiers and choices (default 1). */
  seed?: number
}

/** Features each plan can carry (as in the carrier catalog of seed/telecom.ts). */
const PLAN_FEATURES: Record<(typeof PLAN_CODES)[number], readonly string[]> = {
  'VTX-UNL-5G': ['HOTSPOT', 'INTL', 'PROT'],
  'VTX-ESS': ['PROT'],
  'VTX-BIZ': ['HOTSPOT'],
}

const FEATURE_CENTS: Record<string, number> = { HOTSPOT: 2000, INTL: 1500, PROT: 2500 }
const Q4_START = '2026-10-01'
const Q4_BUMP_CENTS = 1000
/** A business volume bonus the carrier pays now and then as spiff (and the one amount above a thousand). */
const VOLUME_BONUS_CENTS = 115_000

const AREA_CODES = ['212', '303', '415', '512', '617', '702', '813', '972'] as const
const DEVICE_TACS = ['353918', '356938', '352099', '359072', '354398'] as const

/** Activation commission of the Vertex program: per type, the Unlimited 5G plan paying more for a new line. */
function activationCents(type: ActType, plan: string, date: string): number {
  const base = { new: plan === 'VTX-UNL-5G' ? 15_000 : 10_000, port_in: 17_500, upgrade: 5_000, downgrade: 1_000, feature_add: 0 }[type]
  const bumped = type === 'new' || type === 'port_in' || type === 'upgrade'
  return bumped && date >= Q4_START ? base + Q4_BUMP_CENTS : base
}

export function luhnCheckDigit(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return String((10 - (sum % 10)) % 10)
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && addDays(text, 0) === text
}

/** `count` rows from `from` over `days` days, sorted by activation date then ICCID. */
export function activationRows({ count, from, days = 31, seed = 1 }: ActivationRowSettings): ActivationRow[] {
  if (!isIsoDate(from)) throw new Error(`activationRows: from must be YYYY-MM-DD, got ${from}`)
  if (!Number.isInteger(count) || count < 0 || count > 10_000_000)
    throw new Error(`activationRows: count must be 0..10000000, got ${count}`)
  const next = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const serial = (seed % 100) * 10_000_000
  const rows: ActivationRow[] = []
  for (let i = 0; i < count; i++) {
    const activationDate = addDays(from, Math.floor((i * days) / count))
    const activationType = pick(ACT_TYPES)
    const planCode = pick(PLAN_CODES)
    const allowed = PLAN_FEATURES[planCode]
    const featureList = allowed.filter(() => next() < 0.35)
    if (activationType === 'feature_add' && featureList.length === 0) featureList.push(allowed[0]!)
    const features = featureList.join(',')
    const roll = next()
    const status = roll < 0.04 ? 'deactivated' : roll < 0.07 ? 'suspended' : 'active'
    const n = serial + i
    const iccidBody = `890126${String(n).padStart(12, '0')}`
    const imeiBody = `${pick(DEVICE_TACS)}${String(n % 100_000_000).padStart(8, '0')}`
    const featCommCents = activationType === 'downgrade' ? 0 : featureList.reduce((sum, code) => sum + FEATURE_CENTS[code]!, 0)
    const volumeBonus = planCode === 'VTX-BIZ' && next() < 0.02
    rows.push({
      activationDate,
      activationType,
      // 7919 is coprime with 10^7, so the seven subscriber digits differ for every row.
      mdn: `${pick(AREA_CODES)}${String((n * 7919 + 4_201_337) % 10_000_000).padStart(7, '0')}`,
      iccid: iccidBody + luhnCheckDigit(iccidBody),
      imei: imeiBody + luhnCheckDigit(imeiBody),
      planCode,
      features,
      accountNo: `VX${String(100_000_000 + ((n * 104_729 + 31_337_113) % 900_000_000))}`,
      agentCode: pick(AGENT_CODES),
      status,
      deactivationDate: status === 'deactivated' ? addDays(activationDate, 5 + Math.floor(next() * 56)) : '',
      actCommCents: activationCents(activationType, planCode, activationDate),
      featCommCents,
      spiffCents: (activationType === 'port_in' && planCode === 'VTX-UNL-5G' ? 5_000 : 0) + (volumeBonus ? VOLUME_BONUS_CENTS : 0),
    })
  }
  return sortRows(rows)
}

/** The portal's fixed order: activation date, then ICCID. */
export function sortRows(rows: readonly ActivationRow[]): ActivationRow[] {
  return [...rows].sort((a, b) =>
    a.activationDate < b.activationDate ? -1 : a.activationDate > b.activationDate ? 1 : a.iccid < b.iccid ? -1 : a.iccid > b.iccid ? 1 : 0,
  )
}
