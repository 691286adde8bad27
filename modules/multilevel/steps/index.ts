/**
 * The runner of every pipeline step, registered in one place: the engine's registry (`engine/multilevel/pipeline.ts`)
 * decides which steps exist and what they need; this map must hold exactly one runner per step, or it does not compile.
 */
import type { PipelineStep } from '../../../engine/multilevel/pipeline'
import type { StepRunner } from '../pipeline'
import { calculateBonuses, reviewAndPay, validateBonuses } from './bonuses'
import { adjustIndicators, calculateIndicators, integrateIndicators, returnIndicators } from './indicators'
import { compressNetwork, integrateNetwork } from './network'
import { calculateRank, honoraryRankStep } from './ranks'

export const PIPELINE_STEP_RUNNERS = {
  integrate_network: integrateNetwork,
  return_indicators: returnIndicators,
  calculate_indicators: calculateIndicators,
  adjust_indicators: adjustIndicators,
  integrate_indicators: integrateIndicators,
  calculate_rank: calculateRank,
  honorary_rank: honoraryRankStep,
  compress_network: compressNetwork,
  calculate_bonuses: calculateBonuses,
  validate_bonuses: validateBonuses,
  review_and_pay: reviewAndPay,
} satisfies Record<PipelineStep, StepRunner>
