import { decimalOrNull } from '../../core/decimal'
import type { ComponentProblem } from './types'

/** Problems of a percentage field: a number from 0 to `max` (100 unless the component allows more). */
export function percentProblems(value: string, path: string, label: string, max = 100): ComponentProblem[] {
  const d = decimalOrNull(value)
  if (d === null) return [{ path, message: `${label}: "${value}" is not a percentage` }]
  if (d.isNegative()) return [{ path, message: `${label}: a percentage may not be negative (${d.toString()})` }]
  if (d.gt(max)) return [{ path, message: `${label}: at most ${max} % (${d.toString()})` }]
  return []
}
