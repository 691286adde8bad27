import type { Capability } from '../core/capability'
import { CareerPlans } from './CareerPlans'
import { KpiAdjustments } from './KpiAdjustments'
import { KpiDefinitions } from './KpiDefinitions'
import { MemberCycles } from './MemberCycles'
import { NetworkAwards } from './NetworkAwards'
import { NetworkOrders } from './NetworkOrders'
import { PipelineRuns } from './PipelineRuns'
import { PipelineTypes } from './PipelineTypes'
import { Products } from './Products'
import { RankPromotions } from './RankPromotions'
import { Ranks } from './Ranks'

/**
 * Network commissions (multilevel plans): the catalog and its volumes, orders and returns, KPIs, the career plan and
 * its ranks, pipelines that settle a cycle step by step, and each member's figures per cycle.
 */
export const multilevel: Capability = {
  collections: [
    Products,
    NetworkOrders,
    KpiDefinitions,
    Ranks,
    CareerPlans,
    PipelineTypes,
    PipelineRuns,
    MemberCycles,
    KpiAdjustments,
    RankPromotions,
    NetworkAwards,
  ],
  views: {
    network: { Component: '/components/multilevel/NetworkView#NetworkView', path: '/network' },
  },
  navLinks: ['/components/multilevel/NetworkNavLink#NetworkNavLink'],
}
