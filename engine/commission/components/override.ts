/**
 * Override: each ancestor of a participant, by level (1 = the parent), earns a percentage of that participant's own
 * commission for the period (every component but overrides). With compression, inactive ancestors are skipped and
 * the level passes to the next active one. The operating company at the root is never paid.
 */
import { D } from '../../core/decimal'
import { levelProblems } from './percent'
import type { ComponentModule } from './types'

/** Pays each ancestor level (1 = parent) a percent of a participant's own commission; compression skips inactive. */
export type OverrideConfig = { kind: 'override'; levels: { level: number; percent: string }[]; compress: boolean }

export type OverrideInput = { base: string; level: number }

export const override: ComponentModule<OverrideConfig, OverrideInput> = {
  kind: 'override',
  label: 'Override',
  ownCommission: false,
  validate(config) {
    return levelProblems(config.levels, 'the commission they are a share of')
  },
  calculate(config, input) {
    const level = config.levels[input.level - 1]
    const detail = { 'own commission of the participant below': input.base, level: String(input.level), percent: level?.percent ?? '0' }
    if (!level) return { amount: new D(0), detail }
    return { amount: new D(input.base).times(level.percent).div(100), detail }
  },
}

/**
 * Who earns each level over a participant: `ancestors` lists its ancestors nearest first, without itself and without
 * the root. With compression an inactive ancestor is skipped and the level goes to the next active one; without it
 * an inactive ancestor's level is simply not paid.
 */
export function overrideChain(
  ancestors: readonly { id: number; active: boolean }[],
  levelCount: number,
  compress: boolean,
): { participantId: number; level: number }[] {
  const chain: { participantId: number; level: number }[] = []
  let level = 0
  for (const ancestor of ancestors) {
    if (level >= levelCount) break
    if (!ancestor.active && compress) continue
    level += 1
    if (ancestor.active) chain.push({ participantId: ancestor.id, level })
  }
  return chain
}
