import type { Payload } from 'payload'

import type { ComponentConfig, PlanVersionData, UpfrontPayout } from '../../engine/commission/components/types'
import type { RoundingMode } from '../../engine/core/money'
import type { ActivationType } from '../../engine/telecom/vocabulary'
import { relationId } from '../../hooks/core/relationId'

type Block = Record<string, unknown> & { blockType?: string }

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim())
const textOrNull = (value: unknown): string | null => (text(value) === '' ? null : text(value))
const numberOrNull = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : Number(value))
const rows = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? (value as Record<string, unknown>[]) : [])

/** The engine's view of a version's `components` blocks as stored by Payload. */
export function componentsFromBlocks(blocks: readonly Block[]): ComponentConfig[] {
  return blocks.map((block): ComponentConfig => {
    switch (block.blockType) {
      case 'upfront':
        return {
          kind: 'upfront',
          rows: rows(block.rows).map((row) => ({
            payout: text(row.payout) as UpfrontPayout,
            carrierId: relationId(row.carrier),
            ratePlanId: relationId(row.ratePlan),
            activationType: textOrNull(row.activationType) as ActivationType | null,
            dealerTier: textOrNull(row.dealerTier),
            featureCode: textOrNull(row.featureCode)?.toUpperCase() ?? null,
            amount: text(row.amount) || '0',
          })),
        }
      case 'volume_bonus':
        return {
          kind: 'volume_bonus',
          metric: block.metric === 'revenue' ? 'revenue' : 'count',
          method: block.method === 'retroactive' ? 'retroactive' : 'marginal',
          activationTypes: (Array.isArray(block.activationTypes) ? block.activationTypes : []) as ActivationType[],
          tiers: rows(block.tiers).map((tier) => ({ from: text(tier.from), to: textOrNull(tier.to), rate: text(tier.rate) })),
        }
      case 'plan_change':
        return { kind: 'plan_change', percent: text(block.percent) }
      case 'residual':
        return { kind: 'residual', percent: text(block.percent), months: Number(block.months ?? 0) }
      case 'chargeback':
        return { kind: 'chargeback', percent: text(block.percent), windowDays: numberOrNull(block.windowDays) }
      case 'override':
        return {
          kind: 'override',
          compress: block.compress !== false,
          levels: rows(block.levels).map((level) => ({ level: Number(level.level ?? 0), percent: text(level.percent) })),
        }
      case 'proposal_commission':
        return { kind: 'proposal_commission' }
      case 'advertising':
        return { kind: 'advertising' }
      default:
        throw new Error(`unknown component block "${String(block.blockType)}"`)
    }
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
    components: componentsFromBlocks((doc.components ?? []) as Block[]),
  }
}
