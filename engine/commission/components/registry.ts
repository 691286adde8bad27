/** The one place component kinds are registered: the run, the admin validation and the docs read this list. */
import { advertising } from './advertising'
import { chargeback } from './chargeback'
import { override } from './override'
import { planChange } from './planChange'
import { proposalCommission } from './proposalCommission'
import { residual } from './residual'
import type { CatalogFacts, ComponentConfig, ComponentKind, ComponentModule, ComponentProblem } from './types'
import { upfront } from './upfront'
import { volumeBonus } from './volumeBonus'

export const COMPONENTS = {
  upfront,
  volume_bonus: volumeBonus,
  plan_change: planChange,
  residual,
  chargeback,
  override,
  proposal_commission: proposalCommission,
  advertising,
} as const satisfies { [K in ComponentKind]: ComponentModule<Extract<ComponentConfig, { kind: K }>, never> }

export type VersionProblem = ComponentProblem & { component: number }

/** What is wrong with a whole version: each component validated, at most one of each kind, dependencies present. */
export function versionProblems(components: readonly ComponentConfig[], catalog: CatalogFacts): VersionProblem[] {
  const problems: VersionProblem[] = []
  if (components.length === 0) problems.push({ component: 0, path: '', message: 'a plan version needs at least one component' })
  const seen = new Map<ComponentKind, number>()
  components.forEach((config, index) => {
    const module = COMPONENTS[config.kind] as ComponentModule<ComponentConfig, never>
    const earlier = seen.get(config.kind)
    if (earlier !== undefined) problems.push({ component: index, path: '', message: `component ${index + 1}: a version has one ${module.label.toLowerCase()} component (component ${earlier + 1} is one already)` })
    seen.set(config.kind, index)
    for (const problem of module.validate(config, catalog)) problems.push({ component: index, path: problem.path, message: `${module.label}: ${problem.message}` })
  })
  const planChangeAt = seen.get('plan_change')
  if (planChangeAt !== undefined && !seen.has('upfront')) problems.push({ component: planChangeAt, path: '', message: 'the upgrade/downgrade adjustment reads the rebates of the upfront table: add an upfront component' })
  return problems
}
