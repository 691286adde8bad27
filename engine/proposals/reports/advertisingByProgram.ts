/**
 * Advertising deductions by program: the posted `advertising` lines (negative amounts) summed per program and payee,
 * a total per program and currency, and a total per currency; every total is the sum of the rows above it, to the
 * cent (`amounts.ts`). Programs come out by name, payees by name within a program.
 */
import { currencyTotals, sumGroups, type AmountInput, type CurrencyTotal } from './amounts'

export type AdvertisingGroup = {
  programId: number | null
  programName: string
  payeeId: number
  payeeCode: string | null
  payeeName: string
}
export type AdvertisingAmount = AdvertisingGroup & AmountInput
export type AdvertisingRow = AdvertisingGroup & CurrencyTotal
export type ProgramTotal = { programId: number | null; programName: string; payees: number } & CurrencyTotal
export type AdvertisingReport = { rows: AdvertisingRow[]; programs: ProgramTotal[]; totals: CurrencyTotal[] }

/** Deductions per program and payee, per program, and in all (per currency). */
export function advertisingByProgram(lines: readonly AdvertisingAmount[]): AdvertisingReport {
  const byProgram = (a: { programName: string; programId: number | null; currency: string }, b: typeof a): number =>
    a.programName.localeCompare(b.programName) || (a.programId ?? 0) - (b.programId ?? 0) || a.currency.localeCompare(b.currency)
  const programKey = (l: { programId: number | null; programName: string }): string =>
    l.programId === null ? `name:${l.programName}` : `id:${l.programId}`
  const rows = sumGroups(
    lines,
    (l) => `${programKey(l)}|${l.payeeId}`,
    (l): AdvertisingGroup => ({
      programId: l.programId,
      programName: l.programName,
      payeeId: l.payeeId,
      payeeCode: l.payeeCode,
      payeeName: l.payeeName,
    }),
  ).sort((a, b) => byProgram(a, b) || a.payeeName.localeCompare(b.payeeName) || a.payeeId - b.payeeId)
  const programs = sumGroups(rows, programKey, (r) => ({ programId: r.programId, programName: r.programName, payees: 0 }))
    .map((program) => ({
      ...program,
      payees: new Set(rows.filter((r) => programKey(r) === programKey(program) && r.currency === program.currency).map((r) => r.payeeId))
        .size,
    }))
    .sort(byProgram)
  return { rows, programs, totals: currencyTotals(rows) }
}
