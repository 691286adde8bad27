/**
 * GL allocation: every charge of an invoice lands on a GL code and one or more cost centres, and the parts of every
 * charge sum exactly to it (largest remainder at the currency's minor unit). Where a charge goes is decided by data:
 * the inventory of lines and circuits (service → department, cost centre, shared splits), the account's defaults and
 * shared splits (charges with no service, such as taxes and account fees), and the GL rule set's answer for the
 * charge. A charge nobody's rule covers is a problem that sends the invoice to a person; it is never guessed.
 */
import { D } from '../core/decimal'
import { allocate, minorUnits, money, round, type Money } from '../core/money'

export type Split = { costCentre: string; percent: string }

export type InventoryItem = {
  serviceId: string
  kind: 'line' | 'circuit'
  department: string | null
  costCentre: string | null
  location: string | null
  /** A shared service's cost split across cost centres (percentages summing to 100); empty when not shared. */
  splits: readonly Split[]
}

export type AccountDefaults = { costCentre: string | null; location: string | null; sharedSplits: readonly Split[] }

export type ChargeToAllocate = {
  lineNo: number | null
  serviceId: string | null
  chargeType: string | null
  description: string
  amount: string
  /** A reviewer's cost centre for this charge: it is booked there even when its service is not in the inventory. */
  costCentreOverride?: string | null
}

/** The GL rule set's inputs for one charge (the fields of the `invoice_gl` purpose). */
export type GlInput = {
  carrier: string
  accountNumber: string
  chargeType: string | null
  description: string
  department: string | null
  serviceKind: 'line' | 'circuit' | null
  location: string | null
  shared: boolean
}

/** The rule set's answer: the GL code (null: no rule covers the charge) and, optionally, a cost centre that overrides the inventory's. */
export type GlDecision = { glCode: string | null; costCentre: string | null }

export type Allocation = { lineNo: number | null; glCode: string; costCentre: string; percent: string; amount: string }
export type AllocationProblem = { lineNo: number | null; message: string }

/** Normalizes a service id the way inventories and invoices both write it: digits only for phone numbers, else upper case without spaces. */
export function serviceKey(serviceId: string): string {
  const digits = serviceId.replace(/[\s().+-]/g, '')
  if (/^\d{10,11}$/.test(digits)) return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits
  return serviceId.replace(/\s+/g, '').toUpperCase()
}

/**
 * Problems with a list of splits (as typed in the admin or sent over REST, so anything may arrive): not a list,
 * unknown or repeated cost centres, percentages that are not positive numbers or do not sum to 100.
 */
export function splitProblems(splits: unknown): string[] {
  if (splits === null || splits === undefined) return []
  if (!Array.isArray(splits)) return ['splits are a list of { costCentre, percent }']
  if (splits.length === 0) return []
  const problems: string[] = []
  let total = new D(0)
  const seen = new Set<string>()
  for (const [i, split] of splits.entries()) {
    const { costCentre, percent: text } = (typeof split === 'object' && split !== null ? split : {}) as Record<string, unknown>
    if (typeof costCentre !== 'string' || !costCentre.trim()) problems.push(`split ${i + 1}: a cost centre is needed`)
    else if (seen.has(costCentre)) problems.push(`split ${i + 1}: cost centre ${costCentre} appears twice`)
    else seen.add(costCentre)
    let percent: InstanceType<typeof D>
    try {
      if (typeof text !== 'string' || !/^\s*\d+(\.\d+)?\s*$/.test(text)) throw new Error('not a percentage')
      percent = new D(text.trim())
    } catch {
      problems.push(`split ${i + 1}: "${String(text)}" is not a percentage such as "33.34"`)
      continue
    }
    if (!percent.gt(0)) problems.push(`split ${i + 1}: the percentage must be above 0`)
    total = total.plus(percent)
  }
  if (problems.length === 0 && !total.eq(100)) problems.push(`the splits add up to ${total.toFixed()} %, not 100 %`)
  return problems
}

/** The GL rule inputs of one charge, from the inventory item of its service (null when it has none) and the account. */
export function glInput(
  charge: ChargeToAllocate,
  item: InventoryItem | null,
  account: AccountDefaults & { carrier: string; accountNumber: string },
): GlInput {
  return {
    carrier: account.carrier,
    accountNumber: account.accountNumber,
    chargeType: charge.chargeType,
    description: charge.description,
    department: item?.department ?? null,
    serviceKind: item?.kind ?? null,
    location: item?.location ?? account.location,
    shared: charge.serviceId === null || (item?.splits.length ?? 0) > 0,
  }
}

/**
 * Allocates every charge: its cost centres (the inventory item's splits, or its cost centre; for charges with no
 * service the account's shared splits, or its default cost centre), its GL code from `decide`, and the exact parts.
 * Returns the allocations and the problems (an unknown service, no GL code, no cost centre, bad splits).
 */
export function allocateCharges(
  charges: readonly ChargeToAllocate[],
  currency: string,
  inventory: ReadonlyMap<string, InventoryItem>,
  account: AccountDefaults & { carrier: string; accountNumber: string },
  decide: (input: GlInput, charge: ChargeToAllocate) => GlDecision,
): { allocations: Allocation[]; problems: AllocationProblem[] } {
  const allocations: Allocation[] = []
  const problems: AllocationProblem[] = []
  const label = (charge: ChargeToAllocate) => (charge.lineNo === null ? charge.description : `line ${charge.lineNo}`)
  for (const charge of charges) {
    const item = charge.serviceId === null ? null : (inventory.get(serviceKey(charge.serviceId)) ?? null)
    if (charge.serviceId !== null && !item && !charge.costCentreOverride) {
      problems.push({
        lineNo: charge.lineNo,
        message: `${label(charge)}: service ${charge.serviceId} is not in the inventory of lines and circuits`,
      })
      continue
    }
    const decision = decide(glInput(charge, item, account), charge)
    if (!decision.glCode) {
      problems.push({
        lineNo: charge.lineNo,
        message: `${label(charge)}: no GL rule covers this charge (${charge.chargeType ?? 'no charge type'}, ${item?.department ?? 'no department'}: "${charge.description}")`,
      })
      continue
    }
    let splits: readonly Split[]
    if (decision.costCentre) splits = [{ costCentre: decision.costCentre, percent: '100' }]
    else if (item) splits = item.splits.length ? item.splits : item.costCentre ? [{ costCentre: item.costCentre, percent: '100' }] : []
    else
      splits = account.sharedSplits.length
        ? account.sharedSplits
        : account.costCentre
          ? [{ costCentre: account.costCentre, percent: '100' }]
          : []
    if (splits.length === 0) {
      problems.push({ lineNo: charge.lineNo, message: `${label(charge)}: no cost centre (neither the service nor the account names one)` })
      continue
    }
    const bad = splitProblems(splits)
    if (bad.length) {
      problems.push({ lineNo: charge.lineNo, message: `${label(charge)}: ${bad.join('; ')}` })
      continue
    }
    const whole: Money = round(money(charge.amount, currency), 'half-up')
    if (!whole.amount.eq(charge.amount)) {
      problems.push({ lineNo: charge.lineNo, message: `${label(charge)}: ${charge.amount} has more decimals than ${currency} allows` })
      continue
    }
    const parts = allocate(
      whole,
      splits.map((s) => s.percent),
    )
    splits.forEach((split, i) =>
      allocations.push({
        lineNo: charge.lineNo,
        glCode: decision.glCode!,
        costCentre: split.costCentre,
        percent: new D(split.percent).toFixed(),
        amount: parts[i]!.amount.toFixed(minorUnits(currency)),
      }),
    )
  }
  return { allocations, problems }
}
