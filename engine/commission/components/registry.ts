/**
 * The one place component kinds are registered: a kind is a key here, and its type, its configuration, the run's SQL
 * step (`modules/commission/calculate/steps.ts`) and the admin block (`collections/commission/PlanVersions/blocks/`)
 * all follow from it, so the compiler names whatever a new kind still lacks. The order is the run's and the
 * statements' order of components.
 */
import { advance } from './advance'
import { advertising } from './advertising'
import { chargeback } from './chargeback'
import { differential } from './differential'
import { networkBonus } from './networkBonus'
import { override } from './override'
import { planChange } from './planChange'
import { proposalCommission } from './proposalCommission'
import { residual } from './residual'
import { ruleAmount } from './ruleAmount'
import type { CatalogFacts, ComponentConfig, ComponentKind, ComponentModule, ComponentProblem, LineComponent } from './types'
import { unilevel } from './unilevel'
import { upfront } from './upfront'
import { volumeBonus } from './volumeBonus'

/** A registry of component modules, each under its own kind (a module filed under another name does not compile). */
export type ComponentRegistry = { [K in string]: ComponentModule<{ kind: K }, any> }

/** Checks that every module is filed under its own kind, and keeps the registry's exact type. */
export function defineComponents<const R extends { [K in keyof R]: ComponentModule<{ kind: K & string }, any> }>(registry: R): R {
  return registry
}

export const COMPONENTS = defineComponents({
  upfront,
  volume_bonus: volumeBonus,
  plan_change: planChange,
  rule_amount: ruleAmount,
  residual,
  chargeback,
  override,
  proposal_commission: proposalCommission,
  unilevel,
  differential,
  network_bonus: networkBonus,
  advance,
  advertising,
})

export const COMPONENT_KINDS = Object.keys(COMPONENTS) as ComponentKind[]

/** What a commission line can be: a component's output, or a debit/credit note posted by finance. */
export const LINE_COMPONENTS = [...COMPONENT_KINDS, 'note'] as LineComponent[]

export const LINE_COMPONENT_LABELS = Object.fromEntries([
  ...COMPONENT_KINDS.map((kind) => [kind, COMPONENTS[kind].label]),
  ['note', 'Debit / credit note'],
]) as Record<LineComponent, string>

export type VersionProblem = ComponentProblem & { component: number }

/** What is wrong with a whole version: each component validated, at most one of each kind, dependencies present. */
export function versionProblems(components: readonly ComponentConfig[], catalog: CatalogFacts): VersionProblem[] {
  const problems: VersionProblem[] = []
  if (components.length === 0) problems.push({ component: 0, path: '', message: 'a plan version needs at least one component' })
  const seen = new Map<ComponentKind, number>()
  components.forEach((config, index) => {
    const module = COMPONENTS[config.kind] as ComponentModule<ComponentConfig, never>
    const earlier = seen.get(config.kind)
    if (earlier !== undefined)
      problems.push({
        component: index,
        path: '',
        message: `component ${index + 1}: a version has one ${module.label.toLowerCase()} component (component ${earlier + 1} is one already)`,
      })
    seen.set(config.kind, index)
    for (const problem of module.validate(config, catalog))
      problems.push({ component: index, path: problem.path, message: `${module.label}: ${problem.message}` })
  })
  const planChangeAt = seen.get('plan_change')
  if (planChangeAt !== undefined && !seen.has('upfront'))
    problems.push({
      component: planChangeAt,
      path: '',
      message: 'the upgrade/downgrade adjustment reads the rebates of the upfront table: add an upfront component',
    })
  return problems
}
