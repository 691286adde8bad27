/** Rules a payout schedule version must keep before it can price anything. */
import type { ScheduleLine } from './pricing'

/** Problems with a version's lines, each with the index of the line it concerns. */
export function scheduleLineProblems(
  lines: readonly ScheduleLine[],
  planIdsOfCarrier: ReadonlySet<number>,
): { index: number; field: string; message: string }[] {
  const problems: { index: number; field: string; message: string }[] = []
  const seen = new Map<string, number>()
  lines.forEach((line, index) => {
    if (line.kind === 'feature' && !line.featureCode)
      problems.push({ index, field: 'featureCode', message: 'a feature line needs the feature code it pays for' })
    if (line.kind !== 'feature' && line.featureCode)
      problems.push({
        index,
        field: 'featureCode',
        message: `a ${line.kind} line pays for the line, not for a feature: leave the feature code empty`,
      })
    if (line.ratePlanId !== null && !planIdsOfCarrier.has(line.ratePlanId))
      problems.push({ index, field: 'ratePlan', message: "the rate plan is not one of this carrier's plans" })
    const key = [line.kind, line.activationType ?? '*', line.ratePlanId ?? '*', line.featureCode ?? ''].join('|')
    const earlier = seen.get(key)
    if (earlier !== undefined) problems.push({ index, field: 'kind', message: `pays for the same thing as line ${earlier + 1}` })
    else seen.set(key, index)
  })
  return problems
}
