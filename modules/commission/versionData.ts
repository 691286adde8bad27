import type { Payload } from 'payload'

import type { ComponentConfig, ComponentKind, PlanVersionData } from '../../engine/commission/components/types'
import type { RoundingMode } from '../../engine/core/money'
import { COMPONENT_STEPS, type ComponentStep, type StoredBlock } from './calculate/steps'

/** The engine's view of a version's `components` blocks as stored by Payload (each kind's step reads its block). */
export function componentsFromBlocks(blocks: readonly StoredBlock[]): ComponentConfig[] {
  return blocks.map((block): ComponentConfig => {
    const step = Object.hasOwn(COMPONENT_STEPS, String(block.blockType))
      ? (COMPONENT_STEPS[block.blockType as ComponentKind] as ComponentStep<ComponentConfig>)
      : undefined
    if (!step) throw new Error(`unknown component block "${String(block.blockType)}"`)
    return step.fromBlock(block)
  })
}

/** A stored version as the engine sees it. */
export async function loadPlanVersion(payload: Payload, id: number): Promise<PlanVersionData & { status: string }> {
  const doc = await payload.findByID({ collection: 'plan-versions', id, depth: 1, overrideAccess: true })
  const plan = doc.plan as unknown as { id: number; currency: string; name: string }
  return {
    id: doc.id as number,
    planId: plan.id,
    version: doc.version as number,
    label: String(doc.title ?? `${plan.name} v${doc.version as number}`),
    effectiveFrom: String(doc.effectiveFrom).slice(0, 10),
    currency: plan.currency,
    rounding: doc.rounding as RoundingMode,
    status: doc.status as string,
    components: componentsFromBlocks((doc.components ?? []) as StoredBlock[]),
  }
}
