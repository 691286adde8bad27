/**
 * Goal progress (7.3.1.2.1), pure: each checklist item met or not from what was measured, and the percentage
 * achieved = items met / items × 100, rounded half up to the whole percent (1 of 3 → 33, 2 of 3 → 67, 1 of 8 → 13).
 */
import { D } from '../core/decimal'
import type { GoalMetric } from './types'

export type GoalItem = { id: string; label: string; metric: GoalMetric; target: string | null }

/** What was measured for one item: a number (decimal text), a rank order, or a manual tick. */
export type GoalMeasure =
  | { kind: 'number'; value: string }
  | { kind: 'rank'; code: string | null; order: number | null; targetOrder: number | null }
  | { kind: 'manual'; checked: boolean; note?: string | null }

export type GoalItemProgress = GoalItem & { measured: string | null; met: boolean }

/** Is the item met: numbers at or above the target; a rank of the target's order or higher; a manual tick. */
export function itemMet(item: GoalItem, measure: GoalMeasure): boolean {
  if (measure.kind === 'manual') return measure.checked
  if (measure.kind === 'rank') return measure.order !== null && measure.targetOrder !== null && measure.order >= measure.targetOrder
  let target
  try {
    target = new D(item.target ?? '')
  } catch {
    return false
  }
  return new D(measure.value).gte(target)
}

/** The whole percent of `met` out of `total` items, half up; 0 for an empty checklist. */
export function goalPercent(met: number, total: number): number {
  if (total <= 0) return 0
  return new D(met).times(100).div(total).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber()
}

/** Every item with its measure and whether it is met, the count met and the percentage. */
export function goalProgress(
  items: readonly GoalItem[],
  measures: ReadonlyMap<string, GoalMeasure>,
): { items: GoalItemProgress[]; met: number; total: number; percent: number } {
  const out = items.map((item) => {
    const measure = measures.get(item.id) ?? ({ kind: 'manual', checked: false } as GoalMeasure)
    const measured = measure.kind === 'number' ? measure.value : measure.kind === 'rank' ? measure.code : measure.checked ? 'checked' : null
    return { ...item, measured, met: itemMet(item, measure) }
  })
  const met = out.filter((i) => i.met).length
  return { items: out, met, total: out.length, percent: goalPercent(met, out.length) }
}
