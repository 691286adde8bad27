/**
 * Network bonus: whatever an approved rule set of purpose `network_bonus` grants a member for the cycle from its KPIs
 * and paid rank — money (an amount, or a percent of a KPI such as the first level's sales, in the plan's currency),
 * points, prizes or badges. Money results are commission lines; the others are awards. A result granting money
 * without a currency, or in another currency than the plan's, refuses the run.
 */
import { D, decimalOrNull } from '../../core/decimal'
import type { FiredRow } from '../../rules'
import type { ComponentModule, ComponentProblem, EvaluationLine } from './types'

export const NETWORK_BONUS_PURPOSE = 'network_bonus'

export type NetworkBonusConfig = { kind: 'network_bonus'; ruleSetId: number | null }

/** One result of the rule for a member, as the engine returns it (values as ZEN gives them). */
export type BonusResult = Record<string, unknown>

export type NetworkBonusInput = { results: BonusResult[]; fired: FiredRow[][]; kpi: Record<string, string>; currency: string }

export type Award = {
  kind: 'points' | 'prize' | 'badge'
  label: string
  points: string | null
  prize: string | null
  badge: string | null
  fired: FiredRow[]
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim())

/** The part of a result that is a percent of a KPI: percent × kpi[baseKpi] / 100 (0 without a percent). */
function percentPart(result: BonusResult, kpi: Record<string, string>): { value: InstanceType<typeof D>; problem?: string } {
  const percent = decimalOrNull(result.percent)
  if (percent === null) return { value: new D(0) }
  const base = text(result.baseKpi)
  if (base === '') return { value: new D(0), problem: `"${text(result.label)}" gives a percent but no baseKpi to take it of` }
  const value = kpi[base]
  if (value === undefined)
    return { value: new D(0), problem: `"${text(result.label)}" takes a percent of KPI "${base}", which is not an enabled KPI` }
  return { value: new D(value).times(percent).div(100) }
}

/** Splits a member's results into money lines and awards, or the problems that refuse the run. */
export function bonusOutcome(input: NetworkBonusInput): { lines: EvaluationLine[]; awards: Award[]; problems: string[] } {
  const lines: EvaluationLine[] = []
  const awards: Award[] = []
  const problems: string[] = []
  input.results.forEach((result, index) => {
    const fired = input.fired[index] ?? []
    const label = text(result.label) || 'Bonus'
    const kind = text(result.kind)
    const part = percentPart(result, input.kpi)
    if (part.problem) problems.push(part.problem)
    if (kind === 'money') {
      const currency = text(result.currency)
      if (currency === '') problems.push(`"${label}" grants money without a currency`)
      else if (currency !== input.currency) problems.push(`"${label}" grants ${currency}, but the plan pays ${input.currency}`)
      const amount = (decimalOrNull(result.amount) ?? new D(0)).plus(part.value)
      lines.push({ description: label, amount, fired })
    } else if (kind === 'points') {
      const points = (decimalOrNull(result.points) ?? new D(0)).plus(part.value)
      awards.push({ kind, label, points: points.toFixed(), prize: null, badge: null, fired })
    } else if (kind === 'prize' || kind === 'badge') {
      const name = text(kind === 'prize' ? result.prize : result.badge) || label
      awards.push({ kind, label, points: null, prize: kind === 'prize' ? name : null, badge: kind === 'badge' ? name : null, fired })
    } else problems.push(`"${label}" has kind "${kind}": money, points, prize or badge`)
  })
  return { lines, awards, problems }
}

export const networkBonus: ComponentModule<NetworkBonusConfig, NetworkBonusInput> = {
  kind: 'network_bonus',
  label: 'Network bonus (rule)',
  ownCommission: false,
  validate(config, catalog) {
    const problems: ComponentProblem[] = []
    if (config.ruleSetId === null) return [{ path: 'ruleSet', message: 'choose the rule set that grants the bonuses' }]
    const purpose = catalog.ruleSetPurposes?.get(config.ruleSetId)
    if (catalog.ruleSetPurposes && purpose === undefined)
      problems.push({ path: 'ruleSet', message: `rule set #${config.ruleSetId} does not exist` })
    else if (purpose !== undefined && purpose !== NETWORK_BONUS_PURPOSE)
      problems.push({
        path: 'ruleSet',
        message: `the rule set's purpose is "${purpose}"; a network bonus needs one of purpose "${NETWORK_BONUS_PURPOSE}"`,
      })
    return problems
  },
  calculate(_config, input) {
    const { lines, problems } = bonusOutcome(input)
    const amount = lines.reduce((sum, line) => sum.plus(line.amount), new D(0))
    return { amount, lines, detail: { kpis: JSON.stringify(input.kpi) }, ...(problems.length ? { problem: problems.join('; ') } : {}) }
  },
}
