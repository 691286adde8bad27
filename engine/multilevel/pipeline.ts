/**
 * Pipelines as data: a pipeline type (daily, monthly or yearly) is an ordered list of steps taken from this registry,
 * and a pipeline run walks them for one cycle. Each step is idempotent — it rewrites what it wrote before — so a step
 * can be run again until the cycle is closed; a step whose prerequisites have not run is refused with their names.
 */

export const PIPELINE_CATEGORIES = ['daily', 'monthly', 'yearly'] as const
export type PipelineCategory = (typeof PIPELINE_CATEGORIES)[number]

export const PIPELINE_STEPS = [
  'integrate_network',
  'return_indicators',
  'calculate_indicators',
  'adjust_indicators',
  'integrate_indicators',
  'calculate_rank',
  'honorary_rank',
  'compress_network',
  'calculate_bonuses',
  'validate_bonuses',
  'review_and_pay',
] as const
export type PipelineStep = (typeof PIPELINE_STEPS)[number]

type StepInfo = { label: string; description: string; needs: readonly PipelineStep[] }

export const STEP_INFO: Record<PipelineStep, StepInfo> = {
  integrate_network: {
    label: 'Integrate network',
    description: 'Verifies the network (one root, no cycles, every parent known) and takes the cycle’s members and their depth.',
    needs: [],
  },
  return_indicators: {
    label: 'Return indicators',
    description: 'Checks the cycle’s returns against the orders they return and totals each member’s returned volume.',
    needs: ['integrate_network'],
  },
  calculate_indicators: {
    label: 'Calculate indicators',
    description: 'Calculates every enabled KPI of every member from the orders, net of returns.',
    needs: ['integrate_network'],
  },
  adjust_indicators: {
    label: 'Adjust indicators',
    description: 'Applies the cycle’s audited manual KPI adjustments on top of the calculated values.',
    needs: ['calculate_indicators'],
  },
  integrate_indicators: {
    label: 'Integrate indicators',
    description: 'Publishes the cycle’s KPIs as its settlement figures: dashboards and the portal show them from here on.',
    needs: ['calculate_indicators'],
  },
  calculate_rank: {
    label: 'Calculate rank',
    description: 'Runs the rank rules over each member’s KPIs, then grace periods and manual promotions give the paid rank.',
    needs: ['calculate_indicators', 'adjust_indicators'],
  },
  honorary_rank: {
    label: 'Honorary rank',
    description: 'Sets each member’s honorary rank as the career plan defines it (highest ever, or held at year end).',
    needs: ['calculate_rank'],
  },
  compress_network: {
    label: 'Compress network',
    description: 'Marks who earns this cycle (active members): bonuses pass over the others to the next qualifying upline.',
    needs: ['calculate_indicators', 'adjust_indicators'],
  },
  calculate_bonuses: {
    label: 'Calculate bonuses',
    description:
      'Runs the compensation plan for the cycle: unilevel, differential, rule bonuses and advances, every line posted for approval.',
    needs: ['calculate_rank', 'compress_network'],
  },
  validate_bonuses: {
    label: 'Validate bonuses',
    description: 'Approves the bonus run and locks it with its cycle: the results are final and visible to the members.',
    needs: ['calculate_bonuses'],
  },
  review_and_pay: {
    label: 'Review and pay',
    description: 'Builds the payment batch of what the cycle owes (less advances and carried balances).',
    needs: ['validate_bonuses'],
  },
}

/** What is wrong with a pipeline type's steps: unknown, repeated, or placed before a step they need. */
export function pipelineProblems(steps: readonly string[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = []
  if (steps.length === 0) problems.push({ path: 'steps', message: 'a pipeline needs at least one step' })
  const seen = new Set<string>()
  steps.forEach((step, index) => {
    const path = `steps.${index}.step`
    if (!(PIPELINE_STEPS as readonly string[]).includes(step)) {
      problems.push({ path, message: `"${step}" is not a pipeline step (steps: ${PIPELINE_STEPS.join(', ')})` })
      return
    }
    if (seen.has(step))
      problems.push({ path, message: `"${STEP_INFO[step as PipelineStep].label}" is already step ${[...seen].indexOf(step) + 1}` })
    for (const need of STEP_INFO[step as PipelineStep].needs) {
      if (!steps.includes(need)) continue
      if (!seen.has(need))
        problems.push({ path, message: `"${STEP_INFO[step as PipelineStep].label}" needs "${STEP_INFO[need].label}" before it` })
    }
    seen.add(step)
  })
  return problems
}

export type StepState = {
  step: PipelineStep
  status: 'pending' | 'running' | 'done' | 'failed'
  detail?: string
  at?: string
  counts?: Record<string, number | string>
}

/**
 * Why `step` may not run now, or null: a cycle that is closed runs nothing; a step runs once the steps it needs (those
 * the pipeline has) are done, and not while another step of the run is running.
 */
export function stepRefusal(states: readonly StepState[], step: PipelineStep, closed: boolean): string | null {
  if (closed) return 'the cycle is closed: its figures no longer change (corrections are debit or credit notes in an open period)'
  const own = states.find((s) => s.step === step)
  if (!own) return `"${STEP_INFO[step].label}" is not a step of this pipeline`
  const running = states.find((s) => s.status === 'running')
  if (running) return `"${STEP_INFO[running.step].label}" is still running`
  const missing = STEP_INFO[step].needs.filter((need) => states.some((s) => s.step === need && s.status !== 'done'))
  if (missing.length > 0) return `run ${missing.map((need) => `"${STEP_INFO[need].label}"`).join(' and ')} first`
  return null
}

/** Steps after `step` that depend on it (directly or not) are stale once it re-runs: they go back to pending. */
export function dependentsOf(step: PipelineStep, steps: readonly PipelineStep[]): PipelineStep[] {
  const stale = new Set<PipelineStep>([step])
  for (const candidate of steps) if (STEP_INFO[candidate].needs.some((need) => stale.has(need))) stale.add(candidate)
  stale.delete(step)
  return steps.filter((s) => stale.has(s))
}
