import type { Capability } from '../core/capability'
import { DashboardGrants } from './DashboardGrants'

/** Analysis: dashboards of sales, network and support figures, and xlsx reports, each given to roles. */
export const analytics: Capability = {
  collections: [DashboardGrants],
  views: {
    dashboards: { Component: '/components/analytics/DashboardsView#DashboardsView', path: '/dashboards' },
  },
  navLinks: ['/components/analytics/DashboardsNavLink#DashboardsNavLink'],
}
