import type { Capability } from '../core/capability'
import { commissionHome } from './home'
import { CommissionEvaluations } from './CommissionEvaluations'
import { CommissionHolds } from './CommissionHolds'
import { CommissionLines } from './CommissionLines'
import { CommissionNotes } from './CommissionNotes'
import { CommissionPeriods } from './CommissionPeriods'
import { CommissionRuns } from './CommissionRuns'
import { CommissionStatements } from './CommissionStatements'
import { CompensationPlans } from './CompensationPlans'
import { PlanVersions } from './PlanVersions'

/** Commission: plans, versions, periods, runs, lines, holds, notes and statements. */
export const commission: Capability = {
  home: commissionHome,
  collections: [
    CompensationPlans,
    PlanVersions,
    CommissionPeriods,
    CommissionRuns,
    CommissionLines,
    CommissionEvaluations,
    CommissionHolds,
    CommissionNotes,
    CommissionStatements,
  ],
  views: {
    commissionDashboard: { Component: '/components/commission/CommissionDashboard#CommissionDashboard', path: '/commission-dashboard' },
  },
  navLinks: ['/components/commission/CommissionDashboard/NavLink#DashboardNavLink'],
}
