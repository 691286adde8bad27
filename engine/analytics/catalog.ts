/**
 * The dashboards' widgets and the downloadable reports, by key. Each can be given to roles (dashboard grants); the
 * company admin always sees all of them.
 */

export const WIDGETS = {
  sales_by_month: 'Sales by month',
  sales_by_region: 'Sales by region',
  network_activity: 'Active and inactive consultants',
  network_growth: 'Network growth (new members per month)',
  network_by_rank: 'Consultants by rank',
  network_by_region: 'Consultants by region',
  points_by_campaign: 'Points earned and redeemed per campaign',
  tickets_by_status: 'Tickets by status',
  tickets_by_type: 'Tickets by type',
  tickets_by_queue: 'Tickets by queue',
} as const

export const REPORTS = {
  sales: 'Sales report',
  invoices: 'Invoice report (orders)',
  product_invoices: 'Detailed product invoice report',
  accumulated_points: 'Accumulated points per holder',
  points_per_campaign: 'Total points per campaign',
  incentives_pending_orders: 'Incentives report: pending orders',
  clients_by_status: 'Clients by status',
} as const

export type WidgetKey = keyof typeof WIDGETS
export type ReportKey = keyof typeof REPORTS
export const WIDGET_KEYS = Object.keys(WIDGETS) as WidgetKey[]
export const REPORT_KEYS = Object.keys(REPORTS) as ReportKey[]
