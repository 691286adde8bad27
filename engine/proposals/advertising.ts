/**
 * Advertising deductions: a company admin runs national and territory advertising programs, each taking a
 * percentage of the payouts of the participants it covers.
 *
 * Choices:
 * - A national program covers every participant; a territory program covers the payouts whose territory is its
 *   territory (a payout without a territory is covered by national programs only).
 * - Every program is deducted from the same base, the payout itself, never from what another program left:
 *   5% national + 2% territory on 1,000.00 is 50.00 + 20.00, in either order.
 * - deduction = −round(base × percent / 100) with the given rounding mode at the currency's minor unit, returned as
 *   a negative 4-decimal storage string; `base` is the payout as a 4-decimal storage string.
 * - Zero and negative payouts (nothing earned, or a net chargeback) carry no deduction; a deduction that rounds to
 *   zero (a tiny payout) is left out rather than written as a zero row.
 * - Programs covering one payout may total at most 100%; more, or any invalid program, throws.
 * - Rows come out in payout order, then program order.
 */
import { D, decimalText, quoted, type Dec } from '../core/decimal'
import { minorUnits, money, multiply, negate, round, toStorageString, isZero, type RoundingMode } from '../core/money'

export const PROGRAM_KINDS = ['national', 'territory'] as const
export type ProgramKind = (typeof PROGRAM_KINDS)[number]

export type AdvertisingProgram = { id: number; kind: ProgramKind; territoryId: number | null; percent: string; name: string }
export type AdvertisingPayout = { participantId: number; territoryId: number | null; amount: string }
export type AdvertisingDeduction = { participantId: number; programId: number; amount: string; base: string }
export type ProgramProblem = { field: string; message: string }

/** What is wrong with a program, field by field (empty when it is sound). */
export function programProblems(program: AdvertisingProgram): ProgramProblem[] {
  const problems: ProgramProblem[] = []
  const add = (field: string, message: string): void => {
    problems.push({ field, message })
  }
  if (typeof program.name !== 'string' || program.name.trim() === '') add('name', 'an advertising program needs a name')
  if (!(PROGRAM_KINDS as readonly string[]).includes(program.kind))
    add('kind', `${quoted(program.kind)} is not an advertising kind (national or territory)`)
  if (program.kind === 'territory' && program.territoryId === null) add('territoryId', 'a territory program needs a territory')
  if (program.kind === 'national' && program.territoryId !== null)
    add('territoryId', 'a national program covers every territory: leave the territory empty')
  if (program.territoryId !== null && (!Number.isSafeInteger(program.territoryId) || program.territoryId <= 0)) {
    add('territoryId', `territoryId must be a positive integer id, got ${String(program.territoryId)}`)
  }
  const percent = decimalText(program.percent)
  if (percent === null) add('percent', `percent ${quoted(program.percent)} is not a number`)
  else if (percent.lte(0) || percent.gt(100)) add('percent', `the percentage must be more than 0 and at most 100 (got ${program.percent})`)
  return problems
}

/** The deductions each program takes from each payout it covers. */
export function advertisingDeductions(
  payouts: readonly AdvertisingPayout[],
  programs: readonly AdvertisingProgram[],
  currency: string,
  mode: RoundingMode = 'half-even',
): AdvertisingDeduction[] {
  for (const program of programs) {
    const problems = programProblems(program)
    if (problems.length > 0)
      throw new Error(
        `advertising program #${program.id} (${program.name}) cannot be applied: ${problems.map((p) => p.message).join('; ')}`,
      )
  }
  const scale = minorUnits(currency)
  const rows: AdvertisingDeduction[] = []
  for (const payout of payouts) {
    const value = decimalText(payout.amount)
    if (value === null) throw new Error(`payout of participant #${payout.participantId}: amount ${quoted(payout.amount)} is not a number`)
    const base = money(value, currency)
    if (value.lte(0)) continue
    const covering = programs.filter((p) => p.kind === 'national' || (payout.territoryId !== null && p.territoryId === payout.territoryId))
    const totalPercent = covering.reduce<Dec>((total, p) => total.plus(p.percent), new D(0))
    if (totalPercent.gt(100)) {
      throw new Error(
        `participant #${payout.participantId} would give ${totalPercent.toString()}% of the payout to advertising ` +
          `(${covering.map((p) => `${p.name} ${p.percent}%`).join(', ')}): the programs covering one payout may total at most 100%`,
      )
    }
    for (const program of covering) {
      const deduction = round(multiply(base, new D(program.percent).div(100)), mode, scale)
      if (isZero(deduction)) continue
      rows.push({
        participantId: payout.participantId,
        programId: program.id,
        amount: toStorageString(negate(deduction)),
        base: toStorageString(base),
      })
    }
  }
  return rows
}
