/**
 * Checks that network rule sets (rank qualification, network bonus) need beyond the rules layer's own: the KPIs a
 * rule reads must exist and be switched on, and a money bonus must say its currency. Both read the JDM graph as
 * saved; problems name the node and row like the rules layer's do.
 */
import type { JdmContent, JdmTable, RuleProblem } from '../rules'

const KPI_REFERENCE = /\bkpi\.([A-Za-z_][A-Za-z0-9_]*)/g

/** Every KPI code a graph reads (`kpi.GV` in a column, a cell or an expression), sorted. */
export function kpiReferences(content: unknown): string[] {
  const text = JSON.stringify(content ?? {})
  const codes = new Set<string>()
  for (const match of text.matchAll(KPI_REFERENCE)) codes.add(match[1]!)
  return [...codes].sort()
}

/**
 * The enabled KPI codes a graph names anywhere — as `kpi.X` in a condition or expression, or as a value such as a
 * bonus's baseKpi "X": the only KPIs a rule is given, so members whose other KPIs differ share one evaluation.
 */
export function kpiCodesNamed(content: unknown, enabled: readonly string[]): string[] {
  const text = JSON.stringify(content ?? {})
  return enabled.filter((code) => new RegExp(`(^|[^A-Za-z0-9_])${code}([^A-Za-z0-9_]|$)`).test(text))
}

/** The references to KPIs that do not exist or are switched off; `kpis`: every definition's code and whether it is on. */
export function kpiReferenceProblems(content: unknown, kpis: readonly { code: string; enabled: boolean }[]): RuleProblem[] {
  const byCode = new Map(kpis.map((k) => [k.code, k.enabled]))
  const enabled = kpis.filter((k) => k.enabled).map((k) => k.code)
  const problems: RuleProblem[] = []
  for (const code of kpiReferences(content)) {
    const on = byCode.get(code)
    if (on === true) continue
    problems.push({
      path: 'content',
      message:
        on === false
          ? `the rule reads KPI "${code}", which is switched off: switch it on in KPI definitions, or stop reading it`
          : `the rule reads KPI "${code}", which is not a KPI definition (enabled KPIs: ${enabled.join(', ') || 'none'})`,
    })
  }
  return problems
}

const unquote = (cell: string) =>
  cell
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim()

/**
 * Network bonus rows that grant money without a currency (or with another currency than the plan's, when it is given):
 * a money amount without its currency is not an amount.
 */
export function bonusRuleProblems(content: JdmContent, planCurrency?: string): RuleProblem[] {
  const problems: RuleProblem[] = []
  for (const node of content.nodes ?? []) {
    if (node.type !== 'decisionTableNode') continue
    const table = node.content as JdmTable
    const kind = table.outputs.find((c) => c.field?.trim() === 'kind')
    if (!kind) continue
    const currency = table.outputs.find((c) => c.field?.trim() === 'currency')
    table.rules.forEach((rule, index) => {
      if (unquote(String(rule[kind.id] ?? '')) !== 'money') return
      const path = 'content'
      const given = currency ? unquote(String(rule[currency.id] ?? '')) : ''
      if (given === '')
        problems.push({
          path,
          message: `row ${index + 1} of "${node.name || node.id}" grants money without a currency: set its currency (e.g. "USD")`,
        })
      else if (planCurrency && /^[A-Z]{3}$/.test(given) && given !== planCurrency)
        problems.push({ path, message: `row ${index + 1} of "${node.name || node.id}" grants ${given}, but the plan pays ${planCurrency}` })
    })
  }
  return problems
}
