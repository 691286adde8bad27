/**
 * The analysis demo: which roles see which dashboard widget and may download which report (company admins always see
 * everything and need no grant). Company users see every widget and the sales reports; finance and auditors every
 * report; partners, territory owners, agent managers and agents (consultants) their own subtree's sales, network and
 * points widgets and the sales report.
 */
import { REPORT_KEYS, WIDGET_KEYS, type ReportKey, type WidgetKey } from '../../engine/analytics/catalog'
import type { Role } from '../../engine/network'

const NETWORK_ROLES: Role[] = ['partner_admin', 'territory_owner_admin', 'agent_manager', 'agent']
const NETWORK_WIDGETS: WidgetKey[] = ['sales_by_month', 'network_activity', 'network_growth', 'network_by_rank', 'points_by_campaign']
const SALES_REPORTS: ReportKey[] = ['sales', 'invoices', 'product_invoices']

/** The roles each widget or report is granted to, by item (`widget:<key>` / `report:<key>`). */
export const DASHBOARD_GRANTS: { item: string; roles: Role[] }[] = [
  ...WIDGET_KEYS.map((key) => ({
    item: `widget:${key}`,
    roles: ['company_user', 'auditor', ...(NETWORK_WIDGETS.includes(key) ? NETWORK_ROLES : [])] as Role[],
  })),
  ...REPORT_KEYS.map((key) => ({
    item: `report:${key}`,
    roles: [
      ...(SALES_REPORTS.includes(key) ? (['company_user'] as Role[]) : []),
      'finance',
      'auditor',
      ...(key === 'sales' ? NETWORK_ROLES : []),
    ] as Role[],
  })),
]
