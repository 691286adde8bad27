/** What other capabilities use of the dashboards: the widget catalog and the month arithmetic of their figures. */
export * from './catalog'
export * from './shape'
