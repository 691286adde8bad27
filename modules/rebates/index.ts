/** What other capabilities use of modules/rebates: accruing new point-of-sale lines as the POS writer stores them, and the ERP client. */
export { accrueNewLines, type AccrualCounts } from './accrue'
export { erpClient, ErpRejectedError, type ErpJournal } from './erp'
export { erpConfig } from './erpConfig'
