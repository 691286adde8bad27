import { D, decimalOrNull } from '../../core/decimal'
import type { ComponentProblem } from './types'

/** Problems of a percentage field: a number from 0 to `max` (100 unless the component allows more). */
export function percentProblems(value: string, path: string, label: string, max = 100): ComponentProblem[] {
  const d = decimalOrNull(value)
  if (d === null) return [{ path, message: `${label}: "${value}" is not a percentage` }]
  if (d.isNegative()) return [{ path, message: `${label}: a percentage may not be negative (${d.toString()})` }]
  if (d.gt(max)) return [{ path, message: `${label}: at most ${max} % (${d.toString()})` }]
  return []
}

/**
 * Problems of a table of levels (overrides, unilevel): numbered 1, 2, 3… in order, each a percentage, and together no
 * more than the whole of what they are a share of (`of`, e.g. "the commission they are a share of").
 */
export function levelProblems(levels: readonly { level: number; percent: string }[], of: string): ComponentProblem[] {
  const problems: ComponentProblem[] = []
  if (levels.length === 0) problems.push({ path: 'levels', message: 'add at least level 1' })
  levels.forEach((level, index) => {
    if (level.level !== index + 1)
      problems.push({
        path: `levels.${index}.level`,
        message: `levels are numbered 1, 2, 3… in order; row ${index + 1} says ${level.level}`,
      })
    problems.push(...percentProblems(level.percent, `levels.${index}.percent`, `level ${index + 1}`))
  })
  const total = levels.reduce((sum, level) => sum.plus(decimalOrNull(level.percent) ?? 0), new D(0))
  if (total.gt(100)) problems.push({ path: 'levels', message: `the levels pay ${total.toString()} % in total, more than ${of}` })
  return problems
}
