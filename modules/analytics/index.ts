/** Dashboards and xlsx reports: who may see what, the widget queries and the report workbooks. */
export { grantsOf, viewerOf, type Viewer } from './access'
export { reportTable, reportWorkbook, type ReportContext, type ReportTable } from './reports'
export { ACTIVE_DEFINITION, MEMBER_KINDS, widgetData, type WidgetContext } from './widgets'
